// The top-level view: one full-viewport window holding the current screen, then the open dialog
// and the toasts. Clears the widget registry, gathers the screens' intents and the next countdown
// wake-up, and records the modal's draw list so the renderer can blur what lies beneath it.
#include "ui/page_view.h"

#include <imgui.h>

#include "ui/registry.h"  // CurrentRegistry
#include "ui/theme.h"     // CurrentPalette

namespace ui {

DrawResult PageView::Draw(trash::PageState& page, int64_t nowMs) {
  CurrentRegistry().Clear();
  DrawResult result;
  Frame frame{page, nowMs, result.intents};
  frame.dialogOpen = page.dialog().kind != trash::DialogKind::None;

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, CurrentPalette().background);
  // The page's own shortcuts drive lists and rows; ImGui's arrow-key navigation stays for dialogs.
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleColor();
  const trash::Screen screen = page.screen();
  if (screen == trash::Screen::SignIn) {
    signIn_.Draw(frame);
  } else {
    shell_.Begin(frame, screen == trash::Screen::Projects ? trash::Screen::Projects : trash::Screen::Trash);
    if (screen == trash::Screen::Projects)
      projects_.Draw(frame);
    else
      trash_.Draw(frame);
    shell_.End();
  }
  dialogs_.Draw(frame);
  ImGui::End();
  toasts_.Draw(frame);

  // Arrow keys belong to the page's own row cursor unless a dialog is up (applies from the next frame).
  ImGuiIO& io = ImGui::GetIO();
  if (frame.dialogOpen)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  else
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;

  result.firstDialogList = frame.firstDialogList;
  result.wakeAtMs = frame.wakeAtMs;
  return result;
}

}  // namespace ui
