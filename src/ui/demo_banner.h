// The banner of an in-browser demo workspace (static hosting, or ?demo=1): says that changes stay
// in this browser (or are not kept), and offers time travel ("+1 day", "+7 days"), the daily
// cleanup ("Run cleanup now") and "Reset demo". Drawn above every screen, only when the API says
// it is an in-browser demo; serve.py never does.
#pragma once

#include "ui/frame.h"  // Frame

namespace ui {

class DemoBanner {
 public:
  // The banner's height for this frame at the viewport's width (device pixels); 0 without a demo.
  float Height(const Frame& frame, float width) const;
  // Draws it as its own window across the viewport, `top` device pixels from its top.
  void Draw(Frame& frame, float top) const;
};

}  // namespace ui
