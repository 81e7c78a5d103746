// The bridge between the screens, the core's reducer and the platform: intents in, requests out,
// responses back in. Every frame also re-arms the platform's wake-up for the earliest moment
// anything time-driven changes, so an idle page draws nothing in between.
#include "app/app.h"

#include <algorithm>
#include <utility>

#include "core/requests.h"

namespace app {

void App::Start() { Send(page_.Start(platform_.NowMs())); }

void App::OnWindowFocus() { Send(page_.Apply(trash::intent::FocusGained{})); }

void App::Send(std::vector<trash::PendingRequest> requests) {
  for (trash::PendingRequest& pending : requests) {
    platform::HttpRequest http;
    // The token captured when the request was made: signing out clears the session before its
    // own request goes out, and that request still needs the token.
    http.headers = trash::HeadersFor(pending.request, pending.csrfToken);
    http.method = std::move(pending.request.method);
    http.url = std::move(pending.request.path);
    http.body = std::move(pending.request.body);
    const uint64_t tag = pending.tag;
    platform_.Fetch(http, [this, tag](int status, std::string body) {
      Send(page_.OnResponse(tag, status, body));
      platform_.RequestFrames(2);
    });
  }
}

FrameOutput App::Draw() {
  const int64_t now = platform_.NowMs();
  Send(page_.Tick(now));
  ui::DrawResult drawn = view_.Draw(page_, now);
  for (const trash::Intent& intent : drawn.intents) Send(page_.Apply(intent));
  if (!drawn.intents.empty()) platform_.RequestFrames(2);
  const int64_t wake = std::min(drawn.wakeAtMs, page_.NextWakeMs());
  if (wake != trash::kNever) platform_.WakeAt(wake);
  return {drawn.firstDialogList};
}

}  // namespace app
