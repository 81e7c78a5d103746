// Registry → JavaScript. Each frame fingerprints the registry and tells the shell only when it
// differs from the last frame's; the JSON (by hand: it is small, only what is on screen) is built
// when window.trashPage.widgets is read. The shell's a11y.js builds the accessibility mirror from it.
#include "platform/web/web_automation.h"

#include <emscripten.h>  // EM_JS

#include <cstddef>  // size_t
#include <cstdint>  // uint64_t
#include <cstdio>   // snprintf
#include <cstring>  // memcpy
#include <string>

#include "core/text.h"    // AppendJsonString
#include "ui/registry.h"

// A frame only tells the shell that the registry changed; the JSON is built when a script or the
// mirror reads `widgets` (once per change), so a scrolled frame builds no text and the browser
// collects no garbage for it. The mirror catches up once the page has been still for a moment.
EM_JS(void, trash_widgets_changed, (), {
  const page = window.trashPage || (window.trashPage = {});
  if (!Object.getOwnPropertyDescriptor(page, 'widgets')) {
    Object.defineProperty(page, 'widgets', {
      get() {
        if (this._widgets === null) {  // decoded at its known length (UTF8ToString would scan it for its end)
          const json = _trash_widgets_json();
          this._widgets = JSON.parse(new TextDecoder().decode(HEAPU8.subarray(json, json + _trash_widgets_json_length())));
        }
        return this._widgets;
      },
    });
  }
  page._widgets = null;
  page.widgetsVersion = (page.widgetsVersion || 0) + 1;
  if (window.trashA11y) window.trashA11y.schedule();
});
EM_JS(void, trash_text_input_state, (int active, double x, double y, double w, double h), {
  if (window.trashTextInput) window.trashTextInput.setActive(!!active, x, y, w, h);
});

namespace web {
namespace {

int CssPixels(float devicePixels, float dpr) { return int(devicePixels / dpr + 0.5f); }

void AppendNumber(std::string& out, int value) {
  char number[16];
  std::snprintf(number, sizeof number, "%d", value);
  out += number;
}

// A hash of everything the JSON would carry, so an unchanged registry is recognised without
// building it. FNV-1a's step taken eight bytes at a time (with a fold of the high half into the
// low, which a multiply alone never carries down): every frame hashes all the widgets' strings.
struct Fingerprint {
  uint64_t value = 1469598103934665603ull;
  void Mix(uint64_t word) {
    value = (value ^ word) * 1099511628211ull;
    value ^= value >> 32;
  }
  void Add(const void* data, size_t size) {
    const unsigned char* bytes = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      Mix(word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes + i, size - i);
    Mix(tail ^ (uint64_t(size) << 56));
  }
  void Add(const std::string& text) { Add(text.data(), text.size()); }
  void Add(int number) { Mix(uint32_t(number)); }
};

uint64_t g_publishedFingerprint = 0;
float g_publishedDpr = 1.f;
std::string g_json;
bool g_textInputActive = false;

}  // namespace

void PublishWidgets(float dpr, bool wantText) {
  Fingerprint print;
  print.Add(int(dpr * 1000));
  const ui::WidgetInfo* activeText = nullptr;
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    print.Add(w.id);
    print.Add(w.role);
    print.Add(w.label);
    print.Add(w.state);
    print.Add(w.description);
    print.Add(w.value);
    print.Add(CssPixels(w.x, dpr));
    print.Add(CssPixels(w.y, dpr));
    print.Add(CssPixels(w.w, dpr));
    print.Add(CssPixels(w.h, dpr));
    print.Add(w.enabled ? 1 : 0);
    print.Add(int(w.index));
    print.Add(int(w.count));
    if (w.role == "textbox" && w.Has("focused")) activeText = &w;
  }
  if (print.value != g_publishedFingerprint) {
    g_publishedFingerprint = print.value;
    g_publishedDpr = dpr;
    trash_widgets_changed();
  }
  if (wantText != g_textInputActive) {
    g_textInputActive = wantText;
    if (activeText)
      trash_text_input_state(1, activeText->x / dpr, activeText->y / dpr, activeText->w / dpr, activeText->h / dpr);
    else
      trash_text_input_state(wantText ? 1 : 0, 0, 0, 1, 1);
  }
}

}  // namespace web

// The registry of the last frame drawn as JSON (CSS pixels), for window.trashPage.widgets.
extern "C" EMSCRIPTEN_KEEPALIVE const char* trash_widgets_json() {
  using web::g_json;
  const float dpr = web::g_publishedDpr;
  g_json = "[";
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    if (g_json.size() > 1) g_json += ',';
    g_json += "{\"id\":";
    trash::AppendJsonString(g_json, w.id);
    g_json += ",\"role\":";
    trash::AppendJsonString(g_json, w.role);
    g_json += ",\"label\":";
    trash::AppendJsonString(g_json, w.label);
    g_json += ",\"state\":";
    trash::AppendJsonString(g_json, w.state);
    g_json += ",\"description\":";
    trash::AppendJsonString(g_json, w.description);
    if (!w.value.empty()) {
      g_json += ",\"value\":";
      trash::AppendJsonString(g_json, w.value);
    }
    g_json += ",\"x\":";
    web::AppendNumber(g_json, web::CssPixels(w.x, dpr));
    g_json += ",\"y\":";
    web::AppendNumber(g_json, web::CssPixels(w.y, dpr));
    g_json += ",\"w\":";
    web::AppendNumber(g_json, web::CssPixels(w.w, dpr));
    g_json += ",\"h\":";
    web::AppendNumber(g_json, web::CssPixels(w.h, dpr));
    g_json += w.enabled ? ",\"enabled\":true" : ",\"enabled\":false";
    if (w.index > 0) {
      g_json += ",\"index\":";
      web::AppendNumber(g_json, int(w.index));
    }
    if (w.count > 0) {
      g_json += ",\"count\":";
      web::AppendNumber(g_json, int(w.count));
    }
    g_json += '}';
  }
  g_json += ']';
  return g_json.c_str();
}

// The length in bytes of the JSON trash_widgets_json last built.
extern "C" EMSCRIPTEN_KEEPALIVE int trash_widgets_json_length() { return int(web::g_json.size()); }
