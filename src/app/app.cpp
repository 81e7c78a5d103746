// The bridge between the screens, the core's reducer and the platform: intents in, requests out,
// responses back in. Every frame also re-arms the platform's wake-up for the earliest moment
// anything time-driven changes, so an idle page draws nothing in between.
#include "app/app.h"

#include <algorithm>
#include <utility>

#include "core/requests.h"
#include "ui/theme.h"    // SetReducedMotion
#include "ui/widgets.h"  // TextFieldActive

namespace app {

namespace {
bool ShowsAddress(trash::Screen screen) {
  return screen == trash::Screen::Trash || screen == trash::Screen::Projects || screen == trash::Screen::Retention ||
         screen == trash::Screen::Activity;
}

// Every state-changing request but sign-in (a retried sign-in is just another attempt).
bool NeedsIdempotencyKey(const platform::HttpRequest& http) {
  return http.method != "GET" && !(http.method == "POST" && http.url == "/api/session");
}

std::string NewKey(platform::Platform& platform) {
  static const char kHex[] = "0123456789abcdef";
  std::string key;
  for (int half = 0; half < 2; ++half)
    for (uint64_t bits = platform.Random(), i = 0; i < 16; ++i, bits >>= 4) key += kHex[bits & 15];
  return key;
}
}  // namespace

void App::Start() {
  pendingRoute_ = trash::ParseRoute(platform_.LocationFragment());
  Send(page_.Start(platform_.NowMs()));
}

void App::OnLocationChanged() {
  pendingRoute_ = trash::ParseRoute(platform_.LocationFragment());
  platform_.RequestFrames(2);
}

void App::ApplyPendingRoute() {
  // A role without view_trash lands on the forbidden Trash, and may still be sent to Settings.
  const bool settled = ShowsAddress(page_.screen()) || page_.screen() == trash::Screen::Forbidden;
  if (!pendingRoute_ || !settled) return;
  const trash::Route route = *pendingRoute_;
  pendingRoute_.reset();
  trash::TrashView& view = page_.view();
  view.SetQuery(route.filters.query);
  view.ClearTypeFilter();
  for (trash::ItemType type : trash::kAllItemTypes)
    if (route.filters.types[size_t(type)]) view.SetTypeFilter(type, true);
  view.SetExpiringSoon(route.filters.expiringSoon);
  view.SetSort(route.sort);
  if (route.screen == trash::Screen::Activity) Send(page_.Apply(trash::intent::FilterActivity{route.activity}));
  if (ShowsAddress(route.screen) && route.screen != page_.screen())
    Send(page_.Apply(trash::intent::Navigate{route.screen}));
  lastFragment_ = trash::FormatRoute(route);
  lastScreen_ = page_.screen();
}

void App::SyncLocation() {
  if (pendingRoute_ || !ShowsAddress(page_.screen())) return;
  trash::Route route;
  route.screen = page_.screen();
  route.filters = page_.view().filters();
  route.sort = page_.view().sort();
  route.activity = page_.activity().filters();
  const std::string fragment = trash::FormatRoute(route);
  if (fragment == lastFragment_) return;
  // A new screen is a step back can return to; typing in search or sorting is not.
  platform_.SetLocationFragment(fragment, lastScreen_ != route.screen && ShowsAddress(lastScreen_));
  lastFragment_ = fragment;
  lastScreen_ = route.screen;
}

void App::FocusWidget(const std::string& widgetId) {
  view_.FocusWidget(widgetId);
  platform_.RequestFrames(2);
}

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
    const bool keyed = NeedsIdempotencyKey(http);
    if (keyed) {
      http.headers.emplace_back("Idempotency-Key", NewKey(platform_));
      ++actionsInFlight_;
      sentAction_ = true;
    }
    Perform(std::move(http), pending.tag, keyed, keyed);
  }
}

void App::Perform(platform::HttpRequest http, uint64_t tag, bool action, bool mayRetry) {
  platform::HttpRequest again = mayRetry ? http : platform::HttpRequest{};
  platform_.Fetch(http, [this, tag, action, mayRetry, again = std::move(again)](
                            int status, const trash::ResponseBody& body) mutable {
    if (status == 0 && mayRetry) {
      Perform(std::move(again), tag, action, false);
      return;
    }
    if (action) --actionsInFlight_;
    Send(page_.OnResponse(tag, status, body));
    platform_.RequestFrames(2);
  });
}

FrameOutput App::Draw() {
  sentAction_ = false;
  const int64_t now = platform_.NowMs();
  ui::SetReducedMotion(platform_.PrefersReducedMotion());
  Send(page_.Tick(now));
  ApplyPendingRoute();
  ui::DrawResult drawn = view_.Draw(page_, now);
  for (const trash::Intent& intent : drawn.intents) Send(page_.Apply(intent));
  platform_.SetTextInputActive(ui::TextFieldActive());
  if (std::optional<std::string> copied = page_.TakeClipboardText()) platform_.SetClipboardText(*copied);
  if (std::optional<trash::Download> file = page_.TakeDownload())
    platform_.SaveFile(file->fileName, file->mimeType, file->bytes);
  SyncLocation();
  if (!drawn.intents.empty()) platform_.RequestFrames(2);
  const int64_t wake = std::min(drawn.wakeAtMs, page_.NextWakeMs());
  if (wake != trash::kNever) platform_.WakeAt(wake);
  return {drawn.firstDialogList, sentAction_};
}

}  // namespace app
