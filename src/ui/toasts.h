// The toast stack, bottom right: one card per PageState toast with its kind's colour, the message,
// Undo when the toast carries items to put back, and a close button. Expiry is the core's job.
#pragma once

#include "ui/frame.h"  // Frame

namespace ui {

class ToastStack {
 public:
  void Draw(Frame& frame);
};

}  // namespace ui
