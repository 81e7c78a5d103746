// The unreachable-server strip (see connection_banner.h): a warning line with when the Trash shown
// was last loaded, and Retry, which asks for the screen's data again.
#include "ui/connection_banner.h"

#include <imgui.h>

#include <string>  // the message

#include "core/countdown.h"  // FormatRelative
#include "core/text.h"       // Concat
#include "ui/theme.h"        // palette, icons, Dpr
#include "ui/widgets.h"      // Button, RegisterRect

namespace ui {
namespace {

constexpr float kPadCss = 12;
constexpr float kGapCss = 6;

constexpr const char* kUnreachable = "Couldn't reach the server";

std::string LastUpdated(const Frame& frame) {
  const trash::Connection& connection = frame.page.connection();
  return connection.lastLoadedMs > 0 ? "last updated " + trash::FormatRelative(frame.nowMs, connection.lastLoadedMs)
                                     : std::string("nothing loaded yet");
}

}  // namespace

float ConnectionBanner::Height(const Frame& frame) const {
  if (!frame.page.session() || !frame.page.connection().unreachable) return 0;
  return ImGui::GetFrameHeight() + 2 * kGapCss * Dpr();
}

void ConnectionBanner::Draw(Frame& frame, float top) const {
  const float height = Height(frame);
  if (height <= 0) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  BeginStrip("##connection-banner", top, height, WithAlpha(p.red, 0.14f), ImVec2(kPadCss, kGapCss));

  const std::string updated = LastUpdated(frame);
  const std::string message = trash::Concat(kUnreachable, " \xc2\xb7 ", updated);
  const float textY = ImGui::GetCursorPosY() + (ImGui::GetFrameHeight() - ImGui::GetTextLineHeight()) * 0.5f;
  const float buttonY = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(textY);
  TextColored(p.red, icon::kWarning);
  ImGui::SameLine(0, ImGui::GetFontSize() * 0.5f);
  const ImVec2 textMin = ImGui::GetCursorScreenPos();
  const float buttonW = ImGui::CalcTextSize("Retry").x + 16 * d + ImGui::GetFontSize() * 1.5f;
  EllipsisText(message.c_str(), p.text, ImGui::GetContentRegionAvail().x - buttonW - 8 * d);
  // Announced once as it appears; the minutes that tick by are its description, not re-announced.
  RegisterRect("connection/banner", "alert", kUnreachable, textMin, ImGui::GetItemRectMax(), "", updated.c_str());
  ImGui::SameLine(0, 8 * d);
  ImGui::SetCursorPosY(buttonY);
  ButtonOptions retry;
  retry.small = true;
  retry.icon = icon::kRefresh;
  retry.id = "connection/retry";
  retry.busy = frame.page.HasRequestInFlight(trash::RequestKind::ListTrash) ||
               frame.page.HasRequestInFlight(trash::RequestKind::ListProjects);
  retry.tooltip = "Ask the server again";
  if (Button("Retry", retry)) frame.Emit(trash::intent::Retry{});
  EndStrip();
  // "2 minutes ago" moves on while the strip shows.
  frame.WakeAt(frame.nowMs + 30'000);
}

}  // namespace ui
