// The centred message cards that stand in for a list (see message_card.h).
#include "ui/message_card.h"

#include <imgui.h>

#include <algorithm>  // std::min

#include "ui/theme.h"    // palette, fonts, Dpr
#include "ui/widgets.h"  // cards, RegisterLastItem

namespace ui {

// A centred message card: icon, title, text; the caller adds buttons before EndMessage().
void BeginMessage(const char* id, const char* iconText, ImU32 iconColor, const char* title, const char* text) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::Dummy(ImVec2(0, 8 * d));
  BeginCard(id, 0, 40);
  const float width = CardInnerWidth();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float circle = 22 * d;
  dl->AddCircleFilled(ImVec2(origin.x + width * 0.5f, origin.y + circle), circle, p.surfaceAlt, 32);
  ImGui::PushFont(CurrentFonts().title);
  const ImVec2 iconSize = ImGui::CalcTextSize(iconText);
  dl->AddText(ImVec2(origin.x + (width - iconSize.x) * 0.5f, origin.y + circle - iconSize.y * 0.5f), iconColor, iconText);
  ImGui::Dummy(ImVec2(width, circle * 2 + 12 * d));
  const float titleW = ImGui::CalcTextSize(title).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - titleW) * 0.5f);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  const float textW = std::min(ImGui::CalcTextSize(text).x, 520 * d);
  const float x = ImGui::GetCursorPosX() + (width - textW) * 0.5f;
  ImGui::SetCursorPosX(x);
  ImGui::PushTextWrapPos(x + textW + 1);
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 8 * d));
}

// Centres the next button row of total width w inside the message card.
void CentreNext(float w) { ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (CardInnerWidth() - w) * 0.5f); }

float ButtonWidth(const char* label, const char* iconText) {
  float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  if (iconText) w += ImGui::CalcTextSize(iconText).x + ImGui::CalcTextSize("  ").x;
  return w;
}

// An error is an alert and carries the server's message, so assistive technology reads it too.
void EndMessage(const char* id, const char* title, const char* role, const std::string& detail) {
  EndCard();
  RegisterLastItem(id, role, title, {}, detail);
}

}  // namespace ui
