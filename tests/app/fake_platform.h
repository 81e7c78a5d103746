// The native tests' platform (the seam of platform.h): HTTP answered by the test from a list of
// pending requests, a clock the test sets, and the clipboard, the address, saved files and the
// wake-ups recorded. No network, no browser: tests/app drives app::App through it.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // bodies, fragments
#include <utility>  // std::move
#include <vector>   // requests, records

#include "core/countdown.h"     // kNever
#include "platform/platform.h"  // Platform

namespace app::test {

class FakePlatform : public platform::Platform {
 public:
  struct Pending {
    platform::HttpRequest request;
    platform::HttpCallback done;
  };

  void Fetch(const platform::HttpRequest& request, platform::HttpCallback done) override {
    pending.push_back({request, std::move(done)});
  }
  int64_t NowMs() const override { return now; }
  uint64_t Random() override { return random = random * 6364136223846793005ull + 1442695040888963407ull; }
  void RequestFrames(int count) override { framesRequested += count; }
  void WakeAt(int64_t wallMs) override { wakeAt = wallMs; }
  void SetClipboardText(const std::string& text) override { clipboard.push_back(text); }
  std::string LocationFragment() const override { return fragment; }
  void SetLocationFragment(const std::string& value, bool addHistoryEntry) override {
    fragment = value;
    history.push_back({value, addHistoryEntry});
  }
  void SetCursor(platform::Cursor) override {}
  void SetTextInputActive(bool active) override { textInputActive = active; }
  bool PrefersReducedMotion() const override { return reducedMotion; }
  void SaveFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) override {
    savedFiles.push_back({fileName, mimeType, bytes});
  }

  // How many requests wait with this method and a url starting with `prefix`.
  size_t Count(const std::string& method, const std::string& prefix) const {
    size_t n = 0;
    for (const Pending& p : pending) n += Matches(p, method, prefix) ? 1 : 0;
    return n;
  }
  // Answers the oldest such request (as the browser would, later); false when there is none.
  bool Answer(const std::string& method, const std::string& prefix, int status, const std::string& body) {
    for (size_t i = 0; i < pending.size(); ++i) {
      if (!Matches(pending[i], method, prefix)) continue;
      Pending p = std::move(pending[i]);
      pending.erase(pending.begin() + long(i));
      p.done(status, body);
      return true;
    }
    return false;
  }

  int64_t now = 0;
  uint64_t random = 1;  // a fixed sequence: keys are reproducible
  std::string fragment;
  std::vector<Pending> pending;
  std::vector<std::string> clipboard;
  std::vector<std::pair<std::string, bool>> history;  // fragment, added a history entry
  int64_t wakeAt = trash::kNever;
  int framesRequested = 0;
  bool textInputActive = false;
  bool reducedMotion = false;
  struct SavedFile {
    std::string name, mimeType, bytes;
  };
  std::vector<SavedFile> savedFiles;

 private:
  static bool Matches(const Pending& p, const std::string& method, const std::string& prefix) {
    return p.request.method == method && p.request.url.compare(0, prefix.size(), prefix) == 0;
  }
};

}  // namespace app::test
