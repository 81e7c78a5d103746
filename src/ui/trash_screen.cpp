// Placeholder while the screen is built: draws nothing yet.
#include "ui/trash_screen.h"

namespace ui {
void TrashScreen::Draw(Frame&) {}
}  // namespace ui
