// Browser input → Dear ImGui 1.86 IO: mouse, wheel, touch, keys, text and paste, fixing the
// known defects of Emscripten 3.1.6's GLFW (wheel sign and scale, lost fast clicks, touch, keys).
#pragma once

namespace web {

class WebPlatform;

struct InputContext {
  WebPlatform* platform = nullptr;
  float devicePixelRatio = 1.f;  // CSS pixels → device pixels (the page works in device pixels)
};

// Registers the html5 callbacks; `context` must outlive the page.
void InstallInput(InputContext* context);
// Called after each frame: applies button releases that arrived before their press was seen.
void AfterFrame();

}  // namespace web
