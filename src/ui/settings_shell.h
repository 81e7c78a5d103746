// The frame around every signed-in screen: a top bar (workspace, signed-in user and role, Sign out)
// and the Settings sub-navigation (Projects, Trash, Retention, Activity). Begin() draws both and opens the content
// area, a scrolling child window; End() closes it.
#pragma once

#include "core/intents.h"  // Screen
#include "ui/frame.h"      // Frame

namespace ui {

class SettingsShell {
 public:
  void Begin(Frame& frame, trash::Screen selected);
  void End();
};

}  // namespace ui
