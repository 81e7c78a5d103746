// The platform of the in-browser demo page: the browser's platform with its HTTP answered by the
// demo backend (src/demo) instead of a server, its clock moved by the demo's time travel, and the
// demo's state kept in the browser's localStorage (shared by the tabs of this origin and path).
#pragma once

#include <cstdint>
#include <string>

#include "demo/demo_backend.h"
#include "platform/platform.h"
#include "platform/web/web_platform.h"

namespace web {

class DemoPlatform final : public platform::Platform {
 public:
  explicit DemoPlatform(WebPlatform& web);

  void Fetch(const platform::HttpRequest& request, platform::HttpCallback done) override;
  int64_t NowMs() const override { return web_.NowMs() + backend_.clockOffsetMs(); }
  uint64_t Random() override { return web_.Random(); }
  void RequestFrames(int count = 2) override { web_.RequestFrames(count); }
  void WakeAt(int64_t wallMs) override { web_.WakeAt(wallMs - backend_.clockOffsetMs()); }
  void SetClipboardText(const std::string& text) override { web_.SetClipboardText(text); }
  std::string LocationFragment() const override { return web_.LocationFragment(); }
  void SetLocationFragment(const std::string& fragment, bool addHistoryEntry) override {
    web_.SetLocationFragment(fragment, addHistoryEntry);
  }
  void SetCursor(platform::Cursor cursor) override { web_.SetCursor(cursor); }
  void SetTextInputActive(bool active) override { web_.SetTextInputActive(active); }
  bool PrefersReducedMotion() const override { return web_.PrefersReducedMotion(); }
  void SaveFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) override {
    web_.SaveFile(fileName, mimeType, bytes);
  }

 private:
  void Open();  // load the saved demo, or seed a fresh one
  void Seed(std::string notice);
  void CatchUp();  // another tab saved a newer state: take it
  void Save();
  void KeepCookie(const demo::HttpResponse& response);

  WebPlatform& web_;
  demo::Backend backend_;
  bool kept_ = true;        // localStorage works; false: the demo lives in memory only
  std::string generation_;  // of the state this tab holds, as saved
  std::string cookie_;      // "trash_session=..." or empty: the demo's cookie jar
};

}  // namespace web
