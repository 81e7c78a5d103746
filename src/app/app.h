// The page as a whole: owns the core's PageState and the screens' PageView, turns the screens'
// intents into requests through the platform seam and feeds the answers back, and tells the
// platform when the next frame is due. No GL, no Emscripten: the web page and the native tests
// drive the same App.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page_state.h"
#include "core/route.h"
#include "platform/platform.h"
#include "ui/page_view.h"

struct ImDrawList;

namespace app {

struct FrameOutput {
  const ImDrawList* firstDialogList = nullptr;  // lists from here on are drawn over the blurred page
  bool sentAction = false;                      // this frame sent a state-changing request (restore, delete, save...)
};

class App {
 public:
  explicit App(platform::Platform& platform) : platform_(platform) {}

  void Start();              // first request: who am I (the session cookie may still be valid)
  void OnWindowFocus();      // refresh, so changes by other members show up
  void OnLocationChanged();  // back, forward or an edited address: show what it names
  // Assistive technology moved focus onto this widget's mirror element (web/a11y.js): the page's
  // cursor or highlight follows, and the widget is drawn with the focus ring.
  void FocusWidget(const std::string& widgetId);
  // Between ImGui::NewFrame() and ImGui::Render(): draws the current screen, sends what it asked
  // for, and schedules the next frame (countdown tick, toast expiry, periodic refresh).
  FrameOutput Draw();

  const trash::PageState& page() const { return page_; }
  // State-changing requests sent and not answered yet (a retry after a dropped connection included).
  int actionsInFlight() const { return actionsInFlight_; }

 private:
  void Send(std::vector<trash::PendingRequest> requests);
  // Performs one request. A state-changing one carries an Idempotency-Key, and when the
  // connection drops (status 0) it is sent once more with the same key: the server then either
  // applies it or answers what it answered the first time, never both.
  void Perform(platform::HttpRequest http, uint64_t tag, bool action, bool mayRetry);
  void ApplyPendingRoute();  // once signed in: the deep link's screen, filters and sort
  void SyncLocation();       // the address follows the screen, filters and sort

  platform::Platform& platform_;
  trash::PageState page_;
  ui::PageView view_;
  std::optional<trash::Route> pendingRoute_;
  std::string lastFragment_;
  trash::Screen lastScreen_ = trash::Screen::SignIn;
  int actionsInFlight_ = 0;
  bool sentAction_ = false;  // since the frame began
};

}  // namespace app
