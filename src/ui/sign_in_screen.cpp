// Placeholder while the screen is built: draws nothing yet.
#include "ui/sign_in_screen.h"

namespace ui {
void SignInScreen::Draw(Frame&) {}
}  // namespace ui
