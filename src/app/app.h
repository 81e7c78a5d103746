// The page as a whole: owns the core page state and the screens, turns the screens' intents into
// requests through the platform seam, and feeds responses back. No GL, no Emscripten: the web
// platform and the native tests drive the same App.
#pragma once

#include <cstdint>

#include "platform/platform.h"

struct ImDrawList;

namespace app {

struct FrameOutput {
  const ImDrawList* firstDialogList = nullptr;  // lists from here on are drawn over the blurred page
  bool modalOpen = false;
};

class App {
 public:
  explicit App(platform::Platform& platform);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void Start();            // first requests: who am I, then the listing
  void OnWindowFocus();    // refresh, so changes by other members show up
  // Between ImGui::NewFrame() and ImGui::Render(): draws the current screen, sends what it asked
  // for, and tells the platform when the next frame is due (countdown tick, toast expiry, refresh).
  FrameOutput Draw();

 private:
  struct State;
  State* state_;
  platform::Platform& platform_;
};

}  // namespace app
