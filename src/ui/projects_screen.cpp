// Placeholder while the screen is built: draws nothing yet.
#include "ui/projects_screen.h"

namespace ui {
void ProjectsScreen::Draw(Frame&) {}
}  // namespace ui
