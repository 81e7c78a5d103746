// Placeholder while the screen is built: draws nothing yet.
#include "ui/toasts.h"

namespace ui {
void ToastStack::Draw(Frame&) {}
}  // namespace ui
