// Touch gestures on the canvas: tap, drag scrolling with momentum, long press (web_touch.cpp).
#pragma once

namespace web {

struct InputContext;

// Starts the page's touch listeners; `context` must outlive the page.
void InstallTouch(InputContext* context);
// Before each ImGui::NewFrame, after BeforeFrame(): applies the drag's scroll and any momentum.
void TouchBeforeFrame();

}  // namespace web
