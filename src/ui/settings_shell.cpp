// The Settings shell: top bar and sub-navigation around the signed-in screens (see
// settings_shell.h). Wide pages get a left sidebar, medium ones a tab strip under the top bar,
// narrow ones (phones) a two-line top bar and a segmented control. Navigation and Sign out are
// intents; the content area scrolls on its own.
#include "ui/settings_shell.h"

#include <imgui.h>

#include <algorithm>  // std::max
#include <string>     // labels

#include "core/text.h"   // SanitizeForDisplay
#include "ui/layout.h"   // CurrentLayout
#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // Button, RegisterLastItem

namespace ui {
namespace {

constexpr float kTopBarHeight = 56;
constexpr float kNavWidth = 232;
constexpr float kTabsHeight = 44;       // medium: the tab strip under the top bar
constexpr float kSegmentedHeight = 60;  // narrow: the segmented control's band (40 px segments)
constexpr float kShortBelowCss = 600;   // narrow and shorter than this: the control goes into the top bar

struct NavTarget {
  const char* icon;
  const char* label;
  trash::Screen screen;
};
constexpr NavTarget kNavTargets[] = {{icon::kProject, "Projects", trash::Screen::Projects},
                                     {icon::kTrash, "Trash", trash::Screen::Trash},
                                     {icon::kClock, "Retention", trash::Screen::Retention},
                                     {icon::kHistory, "Activity", trash::Screen::Activity}};
constexpr int kNavCount = int(sizeof(kNavTargets) / sizeof(kNavTargets[0]));

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
  RegisterLastItem((std::string("nav/") + label).c_str(), "tab", label, selected ? "selected" : "");
  if (clicked && !selected) frame.Emit(trash::intent::Navigate{target});
}

// A tab of the medium tab strip or the narrow segmented control: a box at `a`..`b`.
void NavTab(Frame& frame, const NavTarget& target, bool selected, const ImVec2& a, const ImVec2& b, bool segmented,
            bool withIcon) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::SetCursorScreenPos(a);
  ImGui::PushID(target.label);
  const bool clicked = ImGui::InvisibleButton("##nav", ImVec2(b.x - a.x, b.y - a.y));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (segmented && selected) {
    dl->AddRectFilled(a, b, p.surface, 8 * d);
    dl->AddRect(a, b, p.border, 8 * d, 0, d);
  } else if (hovered && !selected) {
    dl->AddRectFilled(a, b, p.rowHover, 8 * d);
  }
  if (!segmented && selected) dl->AddRectFilled(ImVec2(a.x + 8 * d, b.y - 2 * d), ImVec2(b.x - 8 * d, b.y), p.accent);
  ImGui::PushFont(selected ? CurrentFonts().strong : CurrentFonts().body);
  const float labelW = ImGui::CalcTextSize(target.label).x;
  const float iconW = withIcon ? ImGui::CalcTextSize(target.icon).x + 8 * d : 0.f;
  const float x = (a.x + b.x - iconW - labelW) * 0.5f, y = (a.y + b.y - ImGui::GetTextLineHeight()) * 0.5f;
  if (withIcon) dl->AddText(ImVec2(x, y), selected ? p.accent : p.textMuted, target.icon);
  dl->AddText(ImVec2(x + iconW, y), selected ? p.accent : p.text, target.label);
  ImGui::PopFont();
  if (hovered && !selected) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  RegisterRect((std::string("nav/") + target.label).c_str(), "tab", target.label, a, b, selected ? "selected" : "");
  if (clicked && !selected) frame.Emit(trash::intent::Navigate{target.screen});
}

std::string WorkspaceName(const Frame& frame) {
  const auto& session = frame.page.session();
  return session ? trash::SanitizeForDisplay(session->workspace.name) : std::string("Workspace");
}

// The workspace mark: its initial on an accent square of `size` at `mark`.
void WorkspaceMark(ImDrawList* dl, ImVec2 mark, float size, const std::string& workspace) {
  const Palette& p = CurrentPalette();
  dl->AddRectFilled(mark, ImVec2(mark.x + size, mark.y + size), p.accent, size * 0.25f);
  const std::string initial = workspace.empty() ? std::string("W") : workspace.substr(0, 1);
  ImGui::PushFont(CurrentFonts().strong);
  const ImVec2 initialSize = ImGui::CalcTextSize(initial.c_str());
  dl->AddText(ImVec2(mark.x + (size - initialSize.x) * 0.5f, mark.y + (size - initialSize.y) * 0.5f), p.accentText,
              initial.c_str());
  ImGui::PopFont();
}

// Wide and medium top bar: mark, workspace and "Settings" on the left; avatar, user, role and
// Sign out on the right.
void WideTopBar(Frame& frame, ImVec2 origin, float width, float barH) {
  const Palette& p = CurrentPalette();
  const Fonts& fonts = CurrentFonts();
  const float d = Dpr();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& session = frame.page.session();
  const std::string workspace = WorkspaceName(frame);
  const ImVec2 mark(origin.x + 24 * d, origin.y + (barH - 28 * d) * 0.5f);
  WorkspaceMark(dl, mark, 28 * d, workspace);
  ImGui::PushFont(fonts.strong);
  const float textY = origin.y + (barH - ImGui::GetTextLineHeight()) * 0.5f;
  dl->AddText(ImVec2(mark.x + 40 * d, textY), p.text, workspace.c_str());
  const float wsWidth = ImGui::CalcTextSize(workspace.c_str()).x;
  ImGui::PopFont();
  dl->AddText(ImVec2(mark.x + 40 * d + wsWidth + 10 * d, textY), p.border, "/");
  dl->AddText(ImVec2(mark.x + 40 * d + wsWidth + 24 * d, textY), p.textMuted, "Settings");

  // Right side: user, role, Sign out.
  if (session) {
    const std::string user =
        trash::SanitizeForDisplay(session->user.name.empty() ? session->user.email : session->user.name);
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
    RegisterLastItem("shell/role", "text", role.c_str(), "", "Your role in this workspace");
    x -= 10 * d + userW;
    ImGui::SetCursorPos(ImVec2(x, (barH - ImGui::GetTextLineHeight()) * 0.5f));
    ImGui::TextUnformatted(user.c_str());
    RegisterLastItem("shell/user", "text", user.c_str(), "", trash::SanitizeForDisplay(session->user.email).c_str());
    x -= 36 * d;
    const ImVec2 avatar(origin.x + x + 12 * d, origin.y + barH * 0.5f);
    dl->AddCircleFilled(avatar, 14 * d, p.surfaceAlt, 24);
    const ImVec2 iconSize = ImGui::CalcTextSize(icon::kUser);
    dl->AddText(ImVec2(avatar.x - iconSize.x * 0.5f, avatar.y - iconSize.y * 0.5f), p.textMuted, icon::kUser);
  }
}

// Narrow top bar: the mark, the workspace on the first line, user and role on the second, and
// Sign out as an icon button, so nothing overlaps at 320 CSS px. `reserved` is kept free before
// Sign out (a short page puts the Projects / Trash control there).
void NarrowTopBar(Frame& frame, ImVec2 origin, float width, float barH, float reserved) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::string workspace = WorkspaceName(frame);
  const float markSize = 32 * d;
  WorkspaceMark(dl, ImVec2(origin.x + 16 * d, origin.y + (barH - markSize) * 0.5f), markSize, workspace);
  const float signOutW = kTouchTargetCss * d;
  const float textX = 16 * d + markSize + 12 * d;
  const float textRoom = std::max(0.f, width - textX - signOutW - 20 * d - reserved);
  const float lineH = ImGui::GetTextLineHeight();
  const auto& session = frame.page.session();
  const float top = session ? (barH - lineH * 2 - 2 * d) * 0.5f : (barH - lineH) * 0.5f;
  ImGui::SetCursorPos(ImVec2(textX, top));
  ImGui::PushFont(CurrentFonts().strong);
  EllipsisText((workspace + " \xc2\xb7 Settings").c_str(), p.text, textRoom);
  ImGui::PopFont();
  if (session) {
    const std::string user =
        trash::SanitizeForDisplay(session->user.name.empty() ? session->user.email : session->user.name);
    const std::string role = trash::SanitizeForDisplay(session->role.name);
    const float roleW = ImGui::CalcTextSize(role.c_str()).x + 14 * d;
    ImGui::SetCursorPos(ImVec2(textX, top + lineH + 2 * d));
    EllipsisText(user.c_str(), p.textMuted, std::max(0.f, textRoom - roleW - 8 * d));
    RegisterLastItem("shell/user", "text", user.c_str(), "", trash::SanitizeForDisplay(session->user.email).c_str());
    ImGui::SameLine(0, 8 * d);
    Pill(role.c_str(), p.surfaceAlt, p.textMuted);
    RegisterLastItem("shell/role", "text", role.c_str(), "", "Your role in this workspace");
    ImGui::SetCursorPos(ImVec2(width - 8 * d - signOutW, (barH - signOutW) * 0.5f));
    ButtonOptions signOut;
    signOut.kind = ButtonKind::Ghost;
    signOut.id = "shell/sign-out";
    signOut.width = signOutW;
    signOut.tooltip = "Sign out";
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (IconButton(icon::kSignOut, "Sign out", signOut)) frame.Emit(trash::intent::SignOut{});
    ImGui::PopStyleColor();
  }
}

// A strip `width` wide from `left`, `top` to `bottom` (screen positions, device pixels), in the
// surface colour and ruled along its bottom: the top bar and the navigation band under it.
void DrawBand(float left, float width, float top, float bottom) {
  const Palette& p = CurrentPalette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(left, top), ImVec2(left + width, bottom), p.surface);
  dl->AddLine(ImVec2(left, bottom), ImVec2(left + width, bottom), p.border, Dpr());
}

// Where the screen's content goes, and its padding, once the navigation has taken its place.
struct ContentBox {
  ImVec2 pos, padding;
};

// Wide: a sidebar of sections beside the content.
ContentBox SidebarNav(Frame& frame, trash::Screen selected, ImVec2 origin, float barH, float height) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const float navW = kNavWidth * d;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x + navW, origin.y + barH),
                                      ImVec2(origin.x + navW, origin.y + height), p.border, d);
  ImGui::SetCursorPos(ImVec2(28 * d, barH + 28 * d));
  TextColored(p.textMuted, "SETTINGS");
  ImGui::SetCursorPos(ImVec2(16 * d, barH + 56 * d));
  for (const NavTarget& target : kNavTargets) {
    ImGui::SetCursorPosX(16 * d);
    NavItem(frame, target.icon, target.label, target.screen, selected == target.screen);
  }
  return {ImVec2(navW + d, barH + d), ImVec2(32 * d, 16 * d)};
}

// A segmented control of every section from `a` to `b`, with icons only if `icons`.
void Segments(Frame& frame, trash::Screen selected, const ImVec2& a, const ImVec2& b, bool icons) {
  const float d = Dpr();
  ImGui::GetWindowDrawList()->AddRectFilled(a, b, CurrentPalette().surfaceAlt, 10 * d);
  const float segW = (b.x - a.x - 6 * d) / float(kNavCount);
  for (int i = 0; i < kNavCount; ++i) {
    const ImVec2 sa(a.x + 3 * d + segW * float(i), a.y + 3 * d), sb(sa.x + segW, sa.y + kTouchTargetCss * d);
    NavTab(frame, kNavTargets[i], selected == kNavTargets[i].screen, sa, sb, true, icons);
  }
}

// Narrow and short (a phone held sideways, 200% zoom): the segments sit in the top bar, before
// Sign out, so the list keeps the room.
ContentBox SegmentsInTopBar(Frame& frame, trash::Screen selected, ImVec2 origin, float width, float barH,
                            float segmentsW) {
  const float d = Dpr();
  const float segH = kTouchTargetCss * d + 6 * d;
  const ImVec2 a(origin.x + width - 8 * d - kTouchTargetCss * d - 8 * d - segmentsW, origin.y + (barH - segH) * 0.5f);
  Segments(frame, selected, a, ImVec2(a.x + segmentsW, a.y + segH), false);
  return {ImVec2(0, barH + d), ImVec2(16 * d, 12 * d)};
}

// Narrow: a band under the top bar with the segments spanning the width. A phone's four segments
// are narrow: the icons go, all of them, when a label needs the room.
ContentBox SegmentBand(Frame& frame, trash::Screen selected, ImVec2 origin, float width, float barH) {
  const float d = Dpr();
  const float bandH = kSegmentedHeight * d;
  DrawBand(origin.x, width, origin.y + barH + d, origin.y + barH + bandH);
  const ImVec2 a(origin.x + 16 * d, origin.y + barH + 8 * d),
      b(origin.x + width - 16 * d, a.y + kTouchTargetCss * d + 6 * d);
  const float segW = (b.x - a.x - 6 * d) / float(kNavCount);
  bool icons = true;
  for (const NavTarget& target : kNavTargets)
    icons = icons && ImGui::CalcTextSize(target.label).x + ImGui::CalcTextSize(target.icon).x + 8 * d <= segW - 12 * d;
  Segments(frame, selected, a, b, icons);
  return {ImVec2(0, barH + bandH + d), ImVec2(16 * d, 16 * d)};
}

// Medium: tabs under the top bar.
ContentBox TabStrip(Frame& frame, trash::Screen selected, ImVec2 origin, float width, float barH) {
  const float d = Dpr();
  const float tabsH = kTabsHeight * d;
  DrawBand(origin.x, width, origin.y + barH + d, origin.y + barH + tabsH);
  float x = origin.x + 16 * d;
  for (const NavTarget& target : kNavTargets) {
    const float w = ImGui::CalcTextSize(target.label).x + ImGui::CalcTextSize(target.icon).x + 40 * d;
    NavTab(frame, target, selected == target.screen, ImVec2(x, origin.y + barH + d),
           ImVec2(x + w, origin.y + barH + tabsH), false, true);
    x += w + 4 * d;
  }
  return {ImVec2(0, barH + tabsH + d), ImVec2(24 * d, 16 * d)};
}

}  // namespace

// The top bar, then the sections' navigation for the layout, then the content child window.
void SettingsShell::Begin(Frame& frame, trash::Screen selected) {
  const Layout layout = CurrentLayout();
  const float d = Dpr();
  const ImVec2 origin = ImGui::GetWindowPos();
  const float width = ImGui::GetWindowWidth();
  const float height = ImGui::GetWindowHeight();
  const float barH = kTopBarHeight * d;
  DrawBand(origin.x, width, origin.y, origin.y + barH);
  const bool shortNarrow = layout.narrow() && height < kShortBelowCss * d;
  const float segmentsW = std::min(float(kNavCount) * 90 * d, width * 0.55f);  // labels only: no icons
  if (layout.narrow())
    NarrowTopBar(frame, origin, width, barH, shortNarrow ? segmentsW + 12 * d : 0);
  else
    WideTopBar(frame, origin, width, barH);

  const ContentBox box = layout.wide()     ? SidebarNav(frame, selected, origin, barH, height)
                         : shortNarrow     ? SegmentsInTopBar(frame, selected, origin, width, barH, segmentsW)
                         : layout.narrow() ? SegmentBand(frame, selected, origin, width, barH)
                                           : TabStrip(frame, selected, origin, width, barH);
  ImGui::SetCursorPos(box.pos);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, box.padding);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));  // the page's background shows (the clear)
  ImGui::BeginChild("##content", ImVec2(width - box.pos.x, height - box.pos.y), false,
                    ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void SettingsShell::End() { ImGui::EndChild(); }

}  // namespace ui
