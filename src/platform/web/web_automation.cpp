// Registry → JavaScript. The registry is serialised to JSON by hand (it is small: only what is on
// screen) and handed to the shell only when it differs from the last frame's, so an idle page and
// a steady frame cost nothing here. The shell's a11y.js builds the accessibility mirror from it.
#include "platform/web/web_automation.h"

#include <emscripten.h>  // EM_JS

#include <cstdio>
#include <string>

#include "core/text.h"    // AppendJsonString
#include "ui/registry.h"
#include "ui/widgets.h"  // TextFieldActive

// The text is kept as it came and parsed on first use; the mirror catches up once the page has
// been still for a moment, so scrolling never pays for DOM work.
EM_JS(void, trash_publish_widgets, (const char* json), {
  const page = window.trashPage || (window.trashPage = {});
  if (!Object.getOwnPropertyDescriptor(page, 'widgets')) {
    Object.defineProperty(page, 'widgets', {
      get() {
        if (this._widgets === null) this._widgets = JSON.parse(this._widgetsJson);
        return this._widgets;
      },
    });
  }
  page._widgetsJson = UTF8ToString(json);
  page._widgets = null;
  page.widgetsVersion = (page.widgetsVersion || 0) + 1;
  if (window.trashA11y) window.trashA11y.schedule();
});
EM_JS(void, trash_text_input_state, (int active, double x, double y, double w, double h), {
  if (window.trashTextInput) window.trashTextInput.setActive(!!active, x, y, w, h);
});

namespace web {
namespace {

void AppendNumber(std::string& out, float value) {
  char number[24];
  std::snprintf(number, sizeof number, "%d", int(value + 0.5f));
  out += number;
}

std::string g_published;
bool g_textInputActive = false;

}  // namespace

void PublishWidgets(float dpr) {
  std::string json = "[";
  const ui::WidgetInfo* activeText = nullptr;
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    if (json.size() > 1) json += ',';
    json += "{\"id\":";
    trash::AppendJsonString(json, w.id);
    json += ",\"role\":";
    trash::AppendJsonString(json, w.role);
    json += ",\"label\":";
    trash::AppendJsonString(json, w.label);
    json += ",\"state\":";
    trash::AppendJsonString(json, w.state);
    json += ",\"description\":";
    trash::AppendJsonString(json, w.description);
    json += ",\"x\":";
    AppendNumber(json, w.x / dpr);
    json += ",\"y\":";
    AppendNumber(json, w.y / dpr);
    json += ",\"w\":";
    AppendNumber(json, w.w / dpr);
    json += ",\"h\":";
    AppendNumber(json, w.h / dpr);
    json += w.enabled ? ",\"enabled\":true" : ",\"enabled\":false";
    if (w.index > 0) {
      json += ",\"index\":";
      AppendNumber(json, float(w.index));
    }
    if (w.count > 0) {
      json += ",\"count\":";
      AppendNumber(json, float(w.count));
    }
    json += '}';
    if (w.role == "textbox" && w.Has("focused")) activeText = &w;
  }
  json += ']';
  if (json != g_published) {
    g_published = std::move(json);
    trash_publish_widgets(g_published.c_str());
  }
  const bool wantText = ui::TextFieldActive();
  if (wantText != g_textInputActive) {
    g_textInputActive = wantText;
    if (activeText)
      trash_text_input_state(1, activeText->x / dpr, activeText->y / dpr, activeText->w / dpr, activeText->h / dpr);
    else
      trash_text_input_state(wantText ? 1 : 0, 0, 0, 1, 1);
  }
}

}  // namespace web
