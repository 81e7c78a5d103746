// Browser input → Dear ImGui 1.86 IO: mouse, wheel, touch, keys, text and paste, fixing the
// known defects of Emscripten 3.1.6's GLFW (wheel sign and scale, lost fast clicks, touch, keys).
#pragma once

#include <functional>  // focusWidget
#include <string>      // widget ids

namespace web {

class WebPlatform;

struct InputContext {
  WebPlatform* platform = nullptr;
  float devicePixelRatio = 1.f;  // CSS pixels → device pixels (the page works in device pixels)
  // The accessibility mirror moved DOM focus onto a widget's element (handed over in input order).
  std::function<void(const std::string& widgetId)> focusWidget;
};

// Starts the page's mouse, wheel, key and paste listeners; `context` must outlive the page.
void InstallInput(InputContext* context);
// Before each ImGui::NewFrame: hands ImGui the next queued press, release or text.
void BeforeFrame();
// After each frame: ends a replayed paste, and keeps frames coming while input is queued.
void AfterFrame();
// Input is still queued after this frame's: AfterFrame books the next frame at once.
bool InputQueued();

// For touch gestures (web_touch.cpp), in CSS pixels: a click of an ImGui mouse button (0 left,
// 1 right) at a point, after a frame hovering it; and the pointer taken off the page.
void QueueClick(int button, double cssX, double cssY);
void QueuePointerAway();

}  // namespace web
