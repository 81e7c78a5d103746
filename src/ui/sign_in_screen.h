// The sign-in screen: a centred card with email and password (Enter submits), the server's error,
// a busy state while signing in, and in demo mode the demo users, which fill the fields on click.
#pragma once

#include "core/api_codec.h"  // DemoInfo
#include "ui/frame.h"        // Frame

namespace ui {

class SignInScreen {
 public:
  void Draw(Frame& frame);

 private:
  void DrawDemoUsers(const trash::DemoInfo& demo);

  char email_[256] = {};
  char password_[256] = {};
  bool focusEmail_ = true;
};

}  // namespace ui
