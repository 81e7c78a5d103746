// The centred message that stands in for a list (see message_card.h): a bordered area filling the
// rest of the page, with an icon, a title, a text and the caller's buttons centred in it; and the
// one-line error above a list that kept its rows.
#include "ui/message_card.h"

#include <imgui.h>

#include <algorithm>  // std::min, std::max

#include "core/text.h"   // SanitizeForDisplay
#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // RegisterRect, RegisterLastItem, Button, ButtonWidth, TextColored

namespace ui {

// A message in the list's place: a bordered area filling the rest of the page, with an icon,
// a title, a text and the caller's button centred in it, horizontally and vertically.
namespace {
ImVec2 g_messageArea[2];
}  // namespace

void BeginMessage(const char* id, const char* iconText, ImU32 iconColor, const char* title, const char* text,
                  bool withButton) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::PushID(id);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = std::max(240 * d, ImGui::GetContentRegionAvail().y);
  g_messageArea[0] = a;
  g_messageArea[1] = ImVec2(a.x + width, a.y + height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, g_messageArea[1], p.surface, 10 * d);
  dl->AddRect(a, g_messageArea[1], p.border, 10 * d, 0, d);
  const float textW = std::min({ImGui::CalcTextSize(text).x, 520 * d, width - 48 * d});
  const float circle = 22 * d;
  ImGui::PushFont(CurrentFonts().title);
  const float titleH = ImGui::GetTextLineHeight();
  const float titleW = ImGui::CalcTextSize(title).x;
  ImGui::PopFont();
  const float textH = ImGui::CalcTextSize(text, nullptr, false, textW + 1).y;
  const float contentH =
      circle * 2 + 12 * d + titleH + 6 * d + textH + (withButton ? 16 * d + ImGui::GetFrameHeight() : 0);
  const float top = a.y + std::max(24 * d, (height - contentH) * 0.5f);
  const float cx = a.x + width * 0.5f;
  dl->AddCircleFilled(ImVec2(cx, top + circle), circle, p.surfaceAlt, 32);
  ImGui::PushFont(CurrentFonts().title);
  const ImVec2 iconSize = ImGui::CalcTextSize(iconText);
  dl->AddText(ImVec2(cx - iconSize.x * 0.5f, top + circle - iconSize.y * 0.5f), iconColor, iconText);
  ImGui::SetCursorScreenPos(ImVec2(cx - titleW * 0.5f, top + circle * 2 + 12 * d));
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  const float x = cx - textW * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetItemRectMax().y + 6 * d));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW + 1);
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(a.x, ImGui::GetItemRectMax().y + 16 * d));
}

// Centres the next button of width w inside the message area.
void CentreNext(float w) {
  ImGui::SetCursorScreenPos(
      ImVec2((g_messageArea[0].x + g_messageArea[1].x - w) * 0.5f, ImGui::GetCursorScreenPos().y));
}

// The area is registered with the message's role: an error is an alert and carries the server's
// message, so assistive technology reads it too.
void EndMessage(const char* id, const char* title, const char* role, const char* detail) {
  RegisterRect(id, role, title, g_messageArea[0], g_messageArea[1], "", detail);
  ImGui::SetCursorScreenPos(g_messageArea[0]);
  ImGui::Dummy(ImVec2(g_messageArea[1].x - g_messageArea[0].x, g_messageArea[1].y - g_messageArea[0].y));
  ImGui::PopID();
}

bool ErrorMessageWithRetry(const char* title, const std::string& error) {
  const std::string message = trash::SanitizeForDisplay(error);
  BeginMessage("state/error", icon::kError, CurrentPalette().red, title, message.c_str(), true);
  CentreNext(ButtonWidth("Retry", icon::kRefresh));
  ButtonOptions retry;
  retry.kind = ButtonKind::Primary;
  retry.icon = icon::kRefresh;
  retry.id = "state/retry";
  const bool clicked = Button("Retry", retry);
  EndMessage("state/error", title, "alert", message.c_str());
  return clicked;
}

bool ErrorLineWithRetry(const char* id, const std::string& message, const char* retryId, const char* iconText) {
  const ImU32 red = CurrentPalette().red;
  if (iconText) {
    ImGui::AlignTextToFramePadding();
    TextColored(red, iconText);
    ImGui::SameLine(0, 6 * Dpr());
  }
  ImGui::AlignTextToFramePadding();
  TextColored(red, message.c_str());
  RegisterLastItem(id, "alert", message.c_str());
  ImGui::SameLine();
  ButtonOptions retry;
  retry.kind = ButtonKind::Link;
  retry.id = retryId;
  return Button("Retry", retry);
}

}  // namespace ui
