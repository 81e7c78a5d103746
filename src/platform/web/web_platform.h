// The browser implementation of platform::Platform (emscripten_fetch, Date.now, requestAnimationFrame,
// timers, navigator.clipboard, a Blob download, the canvas CSS cursor) and the frame scheduler the input code uses.
#pragma once

#include <functional>

#include "platform/platform.h"

namespace web {

class WebPlatform final : public platform::Platform {
 public:
  explicit WebPlatform(std::function<void()> drawFrame) : drawFrame_(std::move(drawFrame)) {}

  void Fetch(const platform::HttpRequest& request, platform::HttpCallback done) override;
  int64_t NowMs() const override;
  uint64_t Random() override;
  void RequestFrames(int count = 2) override;
  void WakeAt(int64_t wallMs) override;
  void SetClipboardText(const std::string& text) override;
  std::string LocationFragment() const override;
  void SetLocationFragment(const std::string& fragment, bool addHistoryEntry) override;
  void SetCursor(platform::Cursor cursor) override;
  void SaveFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) override;
  void SetTextInputActive(bool active) override { textInputActive_ = active; }
  bool PrefersReducedMotion() const override { return reducedMotion_; }

  bool TextInputActive() const { return textInputActive_; }
  void SetPrefersReducedMotion(bool reduced) { reducedMotion_ = reduced; }  // media query, read by main

 private:
  static int OnAnimationFrame(double time, void* self);
  static void OnWake(void* self);
  void RequestOneFrame();

  std::function<void()> drawFrame_;
  bool frameRequested_ = false;
  int extraFrames_ = 0;
  long wakeTimer_ = 0;
  int64_t wakeAtMs_ = 0;
  platform::Cursor cursor_ = platform::Cursor::Arrow;
  bool textInputActive_ = false;
  bool reducedMotion_ = false;
};

}  // namespace web
