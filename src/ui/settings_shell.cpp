// The Settings shell: top bar and left sub-navigation around the signed-in screens (see
// settings_shell.h). Navigation and Sign out are intents; the content area scrolls on its own.
#include "ui/settings_shell.h"

#include <imgui.h>

#include <string>  // labels

#include "core/text.h"    // SanitizeForDisplay
#include "ui/theme.h"     // palette, fonts, icons, Dpr
#include "ui/widgets.h"   // Button, RegisterLastItem

namespace ui {
namespace {

constexpr float kTopBarHeight = 56;
constexpr float kNavWidth = 232;

void NavItem(Frame& frame, const char* icon, const char* label, trash::Screen target, bool selected) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size((kNavWidth - 32) * d, 34 * d);
  ImGui::PushID(label);
  const bool clicked = ImGui::InvisibleButton("##nav", size);
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + size.x, pos.y + size.y);
  if (selected)
    dl->AddRectFilled(pos, end, p.selection, 6 * d);
  else if (hovered)
    dl->AddRectFilled(pos, end, p.rowHover, 6 * d);
  const ImU32 color = selected ? p.accent : p.text;
  const float textY = pos.y + (size.y - ImGui::GetTextLineHeight()) * 0.5f;
  dl->AddText(ImVec2(pos.x + 12 * d, textY), selected ? p.accent : p.textMuted, icon);
  ImGui::PushFont(selected ? CurrentFonts().strong : CurrentFonts().body);
  dl->AddText(ImVec2(pos.x + 38 * d, textY), color, label);
  ImGui::PopFont();
  if (hovered && !selected) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  RegisterLastItem(std::string("nav/") + label, "tab", label, selected ? "selected" : "");
  if (clicked && !selected) frame.Emit(trash::intent::Navigate{target});
}

}  // namespace

void SettingsShell::Begin(Frame& frame, trash::Screen selected) {
  const Palette& p = CurrentPalette();
  const Fonts& fonts = CurrentFonts();
  const float d = Dpr();
  const ImVec2 origin = ImGui::GetWindowPos();
  const float width = ImGui::GetWindowWidth();
  const float height = ImGui::GetWindowHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // [SECTION] Top bar
  const float barH = kTopBarHeight * d;
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + barH), p.surface);
  dl->AddLine(ImVec2(origin.x, origin.y + barH), ImVec2(origin.x + width, origin.y + barH), p.border, d);
  const auto& session = frame.page.session();
  const std::string workspace = session ? trash::SanitizeForDisplay(session->workspace.name) : std::string("Workspace");
  // Workspace mark: its initial on an accent square.
  const ImVec2 mark(origin.x + 24 * d, origin.y + (barH - 28 * d) * 0.5f);
  dl->AddRectFilled(mark, ImVec2(mark.x + 28 * d, mark.y + 28 * d), p.accent, 7 * d);
  const std::string initial = workspace.empty() ? std::string("W") : workspace.substr(0, 1);
  ImGui::PushFont(fonts.strong);
  const ImVec2 initialSize = ImGui::CalcTextSize(initial.c_str());
  dl->AddText(ImVec2(mark.x + (28 * d - initialSize.x) * 0.5f, mark.y + (28 * d - initialSize.y) * 0.5f), p.accentText,
              initial.c_str());
  const float textY = origin.y + (barH - ImGui::GetTextLineHeight()) * 0.5f;
  dl->AddText(ImVec2(mark.x + 40 * d, textY), p.text, workspace.c_str());
  const float wsWidth = ImGui::CalcTextSize(workspace.c_str()).x;
  ImGui::PopFont();
  dl->AddText(ImVec2(mark.x + 40 * d + wsWidth + 10 * d, textY), p.border, "/");
  dl->AddText(ImVec2(mark.x + 40 * d + wsWidth + 24 * d, textY), p.textMuted, "Settings");

  // Right side: user, role, Sign out.
  if (session) {
    const std::string user = trash::SanitizeForDisplay(session->user.name.empty() ? session->user.email : session->user.name);
    const std::string role = trash::SanitizeForDisplay(session->role.name);
    const float signOutW = ImGui::CalcTextSize("Sign out").x + ImGui::CalcTextSize(icon::kSignOut).x +
                           ImGui::GetStyle().FramePadding.x * 2 + 12 * d;
    const float roleW = ImGui::CalcTextSize(role.c_str()).x + 14 * d;
    const float userW = ImGui::CalcTextSize(user.c_str()).x;
    float x = width - 24 * d - signOutW;
    ImGui::SetCursorPos(ImVec2(x, (barH - ImGui::GetFrameHeight()) * 0.5f));
    ButtonOptions signOut;
    signOut.kind = ButtonKind::Ghost;
    signOut.icon = icon::kSignOut;
    signOut.id = "shell/sign-out";
    if (Button("Sign out", signOut)) frame.Emit(trash::intent::SignOut{});
    x -= 16 * d + roleW;
    ImGui::SetCursorPos(ImVec2(x, (barH - ImGui::GetTextLineHeight()) * 0.5f));
    Pill(role.c_str(), p.surfaceAlt, p.textMuted);
    RegisterLastItem("shell/role", "text", role, "", "Your role in this workspace");
    x -= 10 * d + userW;
    ImGui::SetCursorPos(ImVec2(x, (barH - ImGui::GetTextLineHeight()) * 0.5f));
    ImGui::TextUnformatted(user.c_str());
    RegisterLastItem("shell/user", "text", user, "", trash::SanitizeForDisplay(session->user.email));
    x -= 36 * d;
    const ImVec2 avatar(origin.x + x + 12 * d, origin.y + barH * 0.5f);
    dl->AddCircleFilled(avatar, 14 * d, p.surfaceAlt, 24);
    const ImVec2 iconSize = ImGui::CalcTextSize(icon::kUser);
    dl->AddText(ImVec2(avatar.x - iconSize.x * 0.5f, avatar.y - iconSize.y * 0.5f), p.textMuted, icon::kUser);
  }

  // [SECTION] Sub-navigation
  const float navW = kNavWidth * d;
  dl->AddLine(ImVec2(origin.x + navW, origin.y + barH), ImVec2(origin.x + navW, origin.y + height), p.border, d);
  ImGui::SetCursorPos(ImVec2(28 * d, barH + 28 * d));
  TextColored(p.textMuted, "SETTINGS");
  ImGui::SetCursorPos(ImVec2(16 * d, barH + 56 * d));
  NavItem(frame, icon::kProject, "Projects", trash::Screen::Projects, selected == trash::Screen::Projects);
  ImGui::SetCursorPosX(16 * d);
  NavItem(frame, icon::kTrash, "Trash", trash::Screen::Trash, selected == trash::Screen::Trash);

  // [SECTION] Content
  ImGui::SetCursorPos(ImVec2(navW + d, barH + d));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(36 * d, 28 * d));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.background);
  ImGui::BeginChild("##content", ImVec2(width - navW - d, height - barH - d), false,
                    ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void SettingsShell::End() { ImGui::EndChild(); }

}  // namespace ui
