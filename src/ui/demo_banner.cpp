// The in-browser demo's banner (see demo_banner.h): one line on wide pages, the message above a
// wrapping row of buttons where the line does not fit. Its buttons emit intent::Demo.
#include "ui/demo_banner.h"

#include <imgui.h>

#include <iterator>  // std::size
#include <string>    // labels

#include "core/text.h"   // SanitizeForDisplay, Concat
#include "ui/layout.h"   // kTouchTargetCss, CurrentLayout
#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // Button, RegisterRect, SameLineOrWrap, TextWrappedColored

namespace ui {
namespace {

constexpr float kPadCss = 12;
constexpr float kGapCss = 8;

struct Action {
  const char* label;
  const char* tooltip;
  trash::intent::Demo intent;
};
constexpr Action kActions[] = {
    {"+1 day", "Move the demo's clock one day ahead", {trash::DemoAction::AdvanceClock, 1}},
    {"+7 days", "Move the demo's clock seven days ahead", {trash::DemoAction::AdvanceClock, 7}},
    {"Run cleanup now",
     "Run the daily retention cleanup now: what is due is deleted for good",
     {trash::DemoAction::RunCleanup, 0}},
    {"Reset demo", "Start the demo workspace afresh (signs you out)", {trash::DemoAction::Reset, 0}},
};

std::string Message(const trash::BrowserDemo& demo) {
  std::string text =
      demo.kept ? "Demo: changes stay in this browser" : "Demo: changes will not be kept in this browser";
  if (demo.clockOffsetMs > 0) {
    const long long days = (demo.clockOffsetMs + 43'200'000) / 86'400'000;
    text += trash::Concat(" \xc2\xb7 clock ", std::to_string(days), days == 1 ? " day" : " days", " ahead");
  }
  if (!demo.notice.empty()) text += " \xc2\xb7 " + trash::SanitizeForDisplay(demo.notice);
  return text;
}

float ButtonsWidth() {
  float width = 0;
  for (const Action& action : kActions) width += ButtonWidth(action.label, nullptr, true) + kGapCss * Dpr();
  return width;
}

float ButtonHeight() { return ImGui::GetFrameHeight(); }

}  // namespace

float DemoBanner::Height(const Frame& frame, float width) const {
  const auto& browser = frame.page.demo().browser;
  if (!browser) return 0;
  const float d = Dpr();
  const float text = ImGui::CalcTextSize(Message(*browser).c_str()).x + ImGui::GetFontSize() * 1.5f;
  const float inner = width - 2 * kPadCss * d;
  const float oneLine = ButtonHeight() + 2 * kGapCss * d;
  if (text + ButtonsWidth() + kGapCss * d <= inner) return oneLine;
  // Message above the buttons, which wrap as needed.
  const int buttonRows = ButtonsWidth() <= inner ? 1 : 2;
  return ImGui::GetTextLineHeight() * (text <= inner ? 1 : 2) + buttonRows * (ButtonHeight() + kGapCss * d) +
         2 * kGapCss * d;
}

void DemoBanner::Draw(Frame& frame, float top) const {
  const auto& browser = frame.page.demo().browser;
  if (!browser) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const float height = Height(frame, ImGui::GetMainViewport()->Size.x);
  BeginStrip("##demo-banner", top, height, WithAlpha(p.amber, 0.16f), ImVec2(kPadCss, kGapCss));

  const std::string message = Message(*browser);
  const float inner = ImGui::GetContentRegionAvail().x;
  const float textW = ImGui::CalcTextSize(message.c_str()).x + ImGui::GetFontSize() * 1.5f;
  const bool oneLine = textW + ButtonsWidth() + kGapCss * d <= inner;
  const float lineY = ImGui::GetCursorPosY() + (oneLine ? (ButtonHeight() - ImGui::GetTextLineHeight()) * 0.5f : 0);
  ImGui::SetCursorPosY(lineY);
  TextColored(p.amber, icon::kInfo);
  ImGui::SameLine(0, ImGui::GetFontSize() * 0.5f);
  const ImVec2 textMin = ImGui::GetCursorScreenPos();
  TextWrappedColored(p.text, message.c_str());
  RegisterRect("demo/banner", "text", message.c_str(), textMin, ImGui::GetItemRectMax());

  if (oneLine) {
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ButtonsWidth() + kGapCss * d);
    ImGui::SetCursorPosY(lineY - (ButtonHeight() - ImGui::GetTextLineHeight()) * 0.5f);
  }
  const bool busy = frame.page.HasRequestInFlight(trash::RequestKind::Demo);
  for (size_t i = 0; i < std::size(kActions); ++i) {
    const Action& action = kActions[i];
    if (i > 0) SameLineOrWrap(ButtonWidth(action.label, nullptr, true), kGapCss * d);
    ButtonOptions options;
    options.small = true;
    options.enabled = !busy;
    options.tooltip = action.tooltip;
    options.id = action.label;
    if (Button(action.label, options)) frame.Emit(action.intent);
  }
  EndStrip();
}

}  // namespace ui
