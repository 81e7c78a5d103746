// The confirmation dialogs, one centred modal at a time as PageState::dialog() says: Restore All,
// Delete Permanently (what goes, what it frees), Empty Trash (type the workspace name), Delete
// Project (type the project id, "Also delete images"), a shorter retention period that makes items
// due now. Esc or Cancel emits CloseDialog.
#pragma once

#include <string>  // what the dialog was opened for

#include "core/intents.h"  // DialogKind
#include "ui/frame.h"      // Frame

namespace ui {

class DialogHost {
 public:
  void Draw(Frame& frame);

 private:
  void DrawRestoreAll(Frame& frame);
  void DrawDeletePermanently(Frame& frame);
  void DrawEmptyTrash(Frame& frame);
  void DrawDeleteProject(Frame& frame);
  void DrawConfirmRetention(Frame& frame);
  void Footer(Frame& frame, const char* confirmLabel, bool danger, bool enabled, const char* tooltip, bool* confirmed);

  trash::DialogKind shownKind_ = trash::DialogKind::None;
  char typed_[256] = {};
  bool deleteImages_ = false;
  bool focusField_ = false;
};

}  // namespace ui
