// The strip that says the server cannot be reached: "Couldn't reach the server · last updated
// 2 minutes ago · Retry". It stays for as long as requests get no answer (PageState::connection()),
// so stale data never looks healthy, and goes as soon as one is answered.
#pragma once

#include "ui/frame.h"  // Frame

namespace ui {

class ConnectionBanner {
 public:
  // The strip's height for this frame (device pixels); 0 while the server answers.
  float Height(const Frame& frame) const;
  // Draws it as its own window across the viewport, `top` device pixels from its top.
  void Draw(Frame& frame, float top) const;
};

}  // namespace ui
