// The one seam between the page and where it runs. The app talks to the browser (or to a test
// double) only through this interface: HTTP, the clock, randomness, frame scheduling, clipboard
// cursor, text input and the motion preference.
// The web implementation is src/platform/web/; tests provide their own. Chosen by CMake.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/response_body.h"  // the answer's body, as the page reads it

namespace platform {

struct HttpRequest {
  std::string method;  // "GET", "POST", "DELETE", ...
  std::string url;     // same-origin path such as "/demo/trash"
  std::string body;    // JSON, empty for none
  std::vector<std::pair<std::string, std::string>> headers;
};

// status 0 means the server could not be reached (network failure, CORS, abort). The body is
// valid only during the call. The web platform keeps it in JS and lets the page copy in what it
// reads (trash::ResponseBody): a 30 MB listing in the wasm heap would stay in its peak for good.
using HttpCallback = std::function<void(int status, const trash::ResponseBody& body)>;

enum class Cursor { Arrow, TextInput, Hand, ResizeEW, NotAllowed };

class Platform {
 public:
  virtual ~Platform() = default;
  virtual void Fetch(const HttpRequest& request, HttpCallback done) = 0;
  virtual int64_t NowMs() const = 0;  // wall clock, ms since the Unix epoch (UTC)
  virtual uint64_t Random() = 0;      // unpredictable bits (idempotency keys)
  // Draw soon (input, data arrived). Several frames in a row let ImGui settle hover, popups and
  // the clipper's row measurement; an idle page asks for none.
  virtual void RequestFrames(int count = 2) = 0;
  virtual void WakeAt(int64_t wallMs) = 0;  // draw at this time (countdown tick, toast expiry)
  virtual void SetClipboardText(const std::string& text) = 0;
  // The page's address after '#' (deep links, back and forward). Replace for filter edits, add a
  // history entry for a screen change; the platform calls back when the user navigates.
  virtual std::string LocationFragment() const = 0;
  virtual void SetLocationFragment(const std::string& fragment, bool addHistoryEntry) = 0;
  virtual void SetCursor(Cursor cursor) = 0;
  // A text field has the keyboard (told after every frame): typed text and Tab go to the page,
  // and a phone shows its on-screen keyboard.
  virtual void SetTextInputActive(bool active) = 0;
  // The user asked the system for less motion: no spinning or momentum.
  virtual bool PrefersReducedMotion() const = 0;
  // Hands the user a file to keep (Export CSV): the browser's download of these bytes.
  virtual void SaveFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) = 0;
};

}  // namespace platform
