// The Projects screen: the workspace's active projects (name, versions, models, exclusive images,
// size, owner) with "Move to Trash" per row, disabled with the reason unless the user owns it.
#pragma once

#include "ui/frame.h"  // Frame

namespace ui {

class ProjectsScreen {
 public:
  void Draw(Frame& frame);
};

}  // namespace ui
