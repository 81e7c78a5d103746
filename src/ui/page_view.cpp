// The top-level view: one full-viewport window holding the current screen, then the open dialog
// and the toasts. Clears the widget registry, gathers the screens' intents and the next countdown
// wake-up, and records the modal's draw list so the renderer can blur what lies beneath it.
#include "ui/page_view.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a mirror element took focus from a text field

#include "ui/layout.h"    // CurrentLayout, kTouchTargetCss
#include "ui/registry.h"  // CurrentRegistry
#include "ui/theme.h"     // CurrentPalette, Dpr
#include "ui/widgets.h"   // TextFieldActive

namespace ui {

DrawResult PageView::Draw(trash::PageState& page, int64_t nowMs) {
  CurrentRegistry().Clear();
  DrawResult result;
  Frame frame{page, page.view(), nowMs, result.intents, trash::kNever, nullptr, false, {}};
  frame.dialogOpen = page.dialog().kind != trash::DialogKind::None;
  frame.focusRequest = std::move(focusRequest_);
  focusRequest_.clear();
  if (!frame.focusRequest.empty()) {
    // Focus left the canvas for a mirror element: a field being typed into lets go of the keyboard.
    if (TextFieldActive()) ImGui::ClearActiveID();
    ringWidget_ = frame.focusRequest;
  }
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right))
    ringWidget_.clear();

  // On a narrow (touch) page every control is a finger's height: 40 CSS px.
  const bool narrow = CurrentLayout().narrow();
  if (narrow) {
    const float padY = (kTouchTargetCss * Dpr() - ImGui::GetFontSize()) * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, padY));
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // Strips across the top (the in-browser demo, an unreachable server), then the page below them.
  float top = 0;
  demoBanner_.Draw(frame, top);
  top += demoBanner_.Height(frame, viewport->Size.x);
  connectionBanner_.Draw(frame, top);
  top += connectionBanner_.Height(frame);
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + top));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - top));
  // No background of its own: the renderer's clear colour is the page's background. A full-screen
  // rectangle would be one more screen of blended pixels each frame, which a software GPU feels.
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
  // The page's own shortcuts drive lists and rows; ImGui's arrow-key navigation stays for dialogs.
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleColor();
  const trash::Screen screen = page.screen();
  if (screen == trash::Screen::SignIn) {
    signIn_.Draw(frame);
  } else {
    shell_.Begin(frame, screen == trash::Screen::Forbidden ? trash::Screen::Trash : screen);
    switch (screen) {
      case trash::Screen::Projects: projects_.Draw(frame); break;
      case trash::Screen::Retention: retention_.Draw(frame); break;
      case trash::Screen::Activity: activity_.Draw(frame); break;
      default: trash_.Draw(frame); break;
    }
    shell_.End();
  }
  dialogs_.Draw(frame);
  ImGui::End();
  toasts_.Draw(frame);
  DrawMirrorFocusRing();
  if (narrow) ImGui::PopStyleVar();

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

// Rows, menu items and text fields show focus their own way; any other widget the mirror focused
// (a button, a checkbox, a tab) gets an accent ring, so a sighted keyboard user sees where it is.
// Its registry state says "focus-visible", as a row's does while the keyboard ring is around it.
void PageView::DrawMirrorFocusRing() const {
  if (ringWidget_.empty()) return;
  WidgetInfo* w = CurrentRegistry().FindById(ringWidget_);
  if (!w || w->role == "row" || w->role == "menuitem" || w->role == "textbox" || w->role == "menu") return;
  w->state += w->state.empty() ? "focus-visible" : " focus-visible";
  const float d = Dpr();
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(w->x - 2 * d, w->y - 2 * d),
                                          ImVec2(w->x + w->w + 2 * d, w->y + w->h + 2 * d), CurrentPalette().accent,
                                          6 * d, 0, 2 * d);
}

}  // namespace ui
