// Settings → Retention: how long deleted items stay in Trash. A labelled number field with − / +
// steps (1-90; the reason for a refused value under it), the server's dry-run preview as a
// sentence, and Save (which the core may turn into a confirmation). Only the Owner may change it:
// everyone else sees the form disabled and why. Every change is an intent; the core decides.
#pragma once

#include <string>  // the text last shown

#include "ui/frame.h"  // Frame

namespace ui {

class RetentionScreen {
 public:
  void Draw(Frame& frame);

 private:
  void DrawField(Frame& frame, bool enabled);
  void DrawPreview(Frame& frame);
  void DrawSave(Frame& frame, bool enabled, const std::string& blocked);

  char text_[16] = {};
  std::string shown_;  // the core's text when text_ was last set from it
};

}  // namespace ui
