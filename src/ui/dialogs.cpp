// Placeholder while the screen is built: draws nothing yet.
#include "ui/dialogs.h"

namespace ui {
void DialogHost::Draw(Frame&) {}
}  // namespace ui
