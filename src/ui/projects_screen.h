// The Projects screen: the workspace's active projects (name, versions, models, exclusive images,
// size, owner) with "Move to Trash" per row, disabled with the reason unless the user owns it.
#pragma once

#include "ui/frame.h"  // Frame
#include "ui/grid.h"   // Grid: the projects' columns and rows

namespace ui {

class ProjectsScreen {
 public:
  void Draw(Frame& frame);

 private:
  Grid grid_;
};

}  // namespace ui
