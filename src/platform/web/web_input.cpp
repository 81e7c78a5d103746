// Browser input → Dear ImGui 1.86 IO (touch gestures are web_touch.cpp's, which queues here). The
// page works in device pixels, so CSS coordinates are scaled by the device pixel ratio. ImGui 1.86
// has no input queue and reads input once per frame, so presses, releases and text that arrive
// faster than frames (a quick tap, a fast typist, a script) are queued here and handed over one
// per frame. Whether a printable key is text or a
// shortcut is decided when it is handed over, from whether a text field is active then.
#include "platform/web/web_input.h"

#include <emscripten.h>  // EM_JS, EMSCRIPTEN_KEEPALIVE
#include <imgui.h>       // ImGuiIO

#include <cfloat>  // FLT_MAX: no pointer
#include <cstring>
#include <string>
#include <vector>

#include "platform/web/web_platform.h"

// The page's listeners, each handing the C++ side the fields it reads (coordinates as whole CSS
// pixels, modifiers as bits: 1 Ctrl, 2 Shift, 4 Alt, 8 Meta); a non-zero answer prevents the
// browser's default. A press starts on the canvas, while moves and releases are the document's, so
// a drag that leaves the canvas still ends; both in the capture phase, before the page's elements.
// Keys in the bubbling phase: keys pressed on the accessibility mirror stop there and stay its own.
// The key's DOM `key` goes into `keyText` (32 bytes, like the html5.h event it replaced).
// The wheel listener is passive: the browser then never waits for the page before it sends the
// next wheel event, and a page busy drawing gets the events that arrived meanwhile coalesced into
// one (deltas summed) instead of one per frame, so it does not fall behind a fast wheel. Nothing
// of the document scrolls, so the only default action it no longer prevents is Ctrl+wheel's
// browser zoom (a trackpad pinch), which the page follows like any zoom.
EM_JS(void, trash_listen_for_input, (char* keyText), {
  const canvas = document.getElementById('canvas');
  const modifiers = (e) => e.ctrlKey | e.shiftKey << 1 | e.altKey << 2 | e.metaKey << 3;
  const mouse = (type) => (e) => {
    if (_trash_on_mouse(type, e.button, e.clientX, e.clientY, modifiers(e))) e.preventDefault();
  };
  document.addEventListener('mousemove', mouse(0), true);
  canvas.addEventListener('mousedown', mouse(1), true);
  document.addEventListener('mouseup', mouse(2), true);
  canvas.addEventListener('wheel', (e) => {
    if (!e.ctrlKey) _trash_on_wheel(e.deltaX, e.deltaY, e.deltaMode, e.clientX, e.clientY);
  }, {passive: true});
  const key = (e) => {
    stringToUTF8(e.key || "", keyText, 32);
    if (_trash_on_key(e.type === 'keydown', e.keyCode, modifiers(e))) e.preventDefault();
  };
  document.addEventListener('keydown', key);
  document.addEventListener('keyup', key);
});

namespace web {
namespace {

struct InputEvent {
  enum Kind { Move, Hover, Button, Key, Text, Focus, Paste } kind = Key;  // Hover: a move that gets a frame of its own
  int code = 0;       // ImGui mouse button, or DOM keyCode
  bool down = false;  // Button and Key
  std::string text;   // Text: UTF-8; `code` is its key (0 for IME and paste), used as a shortcut; Focus: the widget id; Paste: the pasted text
  bool fromTextInput = false;  // composed in the hidden text input: always text
  float x = 0, y = 0;          // Move, Hover and Button: device pixels
  bool ctrl = false, shift = false, alt = false, super = false;
};

constexpr int kKeyCount = 512;
constexpr int kFramesPerInput = 3;
// A printable key waits this many frames for a text field that is about to take focus (after
// '/', a click into a field, a dialog opening) before it is taken as a shortcut instead.
constexpr int kFramesToAwaitFocus = 3;

// First in, first out: a vector read from `head`, so a read event stays valid until the next push
// (std::deque costs about 1.4 KB of wasm for a queue that seldom holds more than a few events).
// What was read is dropped when the queue empties, or at a push once it is most of the vector.
struct EventQueue {
  std::vector<InputEvent> events;
  size_t head = 0;
  bool empty() const { return head == events.size(); }
  const InputEvent& front() const { return events[head]; }
  void pop_front() { ++head; }
  void push_back(InputEvent event) {
    if (head > 0 && head * 2 >= events.size()) {
      events.erase(events.begin(), events.begin() + long(head));
      head = 0;
    }
    events.push_back(std::move(event));
  }
};

InputContext* g_context = nullptr;
EventQueue g_queue;
int g_framesSinceEvent = kFramesToAwaitFocus;
std::string g_pastedText;
bool g_pasteFramePending = false;

void Wake() { g_context->platform->RequestFrames(kFramesPerInput); }

ImVec2 DevicePoint(double cssX, double cssY) {
  const float r = g_context->devicePixelRatio;
  return ImVec2(float(cssX) * r, float(cssY) * r);
}

void Push(InputEvent event) {
  g_queue.push_back(std::move(event));
  Wake();
}

// The modifier bits of trash_listen_for_input.
enum Modifier { kCtrl = 1, kShift = 2, kAlt = 4, kMeta = 8 };

InputEvent WithModifiers(InputEvent event, int modifiers) {
  event.ctrl = modifiers & kCtrl;
  event.shift = modifiers & kShift;
  event.alt = modifiers & kAlt;
  event.super = modifiers & kMeta;
  return event;
}

InputEvent PointerEvent(InputEvent::Kind kind, int button, bool down, double cssX, double cssY) {
  InputEvent event;
  event.kind = kind;
  event.code = button;
  event.down = down;
  const ImVec2 p = DevicePoint(cssX, cssY);
  event.x = p.x;
  event.y = p.y;
  return event;
}

void QueueButton(int button, bool down, double cssX, double cssY) {
  if (button >= 0 && button <= 2) Push(PointerEvent(InputEvent::Button, button, down, cssX, cssY));
}

// DOM button numbers are 0 left, 1 middle, 2 right; ImGui wants 0 left, 1 right, 2 middle.
int ImGuiButton(int domButton) { return domButton == 1 ? 2 : domButton == 2 ? 1 : domButton; }

enum MouseEventType { kMouseMove = 0, kMouseDown = 1, kMouseUp = 2 };  // as trash_listen_for_input numbers them

bool OnMouse(int type, int domButton, int cssX, int cssY, int modifiers) {
  // The canvas fills the viewport from (0, 0), so client coordinates are canvas coordinates.
  if (type == kMouseMove) {
    // A move after a queued click lands after it; with nothing queued it applies at once.
    if (g_queue.empty()) ImGui::GetIO().MousePos = DevicePoint(cssX, cssY);
    else g_queue.push_back(PointerEvent(InputEvent::Move, 0, false, cssX, cssY));
    Wake();
    return false;
  }
  const int button = ImGuiButton(domButton);
  if (button > 2) return false;
  const bool down = type == kMouseDown;
  Push(WithModifiers(PointerEvent(InputEvent::Button, button, down, cssX, cssY), modifiers));
  return down;  // keep focus handling ours
}

// Browsers give pixels (mode 0, ~100 per notch in Chrome), lines (1, ~3 per notch) or pages (2),
// down positive. ImGui wants notches, up positive.
void OnWheel(double deltaX, double deltaY, int deltaMode, double clientX, double clientY) {
  constexpr int kDeltaPixel = 0, kDeltaLine = 1;  // WheelEvent.deltaMode
  const double perNotch = deltaMode == kDeltaPixel ? 100.0 : deltaMode == kDeltaLine ? 3.0 : 1.0;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= float(deltaY / perNotch);
  io.MouseWheelH -= float(deltaX / perNotch);
  if (g_queue.empty()) io.MousePos = DevicePoint(clientX, clientY);
  Wake();
}

bool IsNavigationKey(int keyCode) {
  switch (keyCode) {
    case 8: case 9: case 13: case 27: case 32: case 33: case 34: case 35: case 36:
    case 37: case 38: case 39: case 40: case 46:
    case 93: return true;  // the context-menu key opens the row menu, not the browser's
    default: return false;
  }
}

// Keys are the page's when focus is on it: the body, the canvas, the hidden text input or the
// accessibility mirror (whose buttons keep Enter, Space and Tab to themselves). Anything else on
// the page (an embedding site's own field, the browser's UI) keeps its keys.
EM_JS(int, trash_keys_are_ours, (), {
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return 1;
  if (active.id === 'canvas' || active.id === 'text-input') return 1;
  const mirror = document.getElementById('a11y-mirror');
  return mirror && mirror.contains(active) ? 1 : 0;
});

// A key's DOM `key`, written by trash_listen_for_input's listener before it calls OnKey.
char g_keyText[32];

bool OnKey(bool down, int code, int modifiers) {
  const bool command = modifiers & (kCtrl | kMeta);
  // Ctrl/Cmd+V reaches ImGui from the paste event, once the browser has handed over the text.
  if ((command && code == 86) || code < 0 || code >= kKeyCount) return false;
  // A release always arrives, or a key pressed on the page and released elsewhere would stay down.
  if (down && !trash_keys_are_ours()) return false;
  // Printable text: the DOM `key` is the character itself (one code point) unless a command key is
  // held. IME composition (keyCode 229, key "Process") goes on to the hidden text input.
  const size_t keyLength = std::strlen(g_keyText);
  const bool printable = down && !command && keyLength > 0 && keyLength <= 4 && code != 229 &&
                         (keyLength == 1 || (unsigned char)g_keyText[0] >= 0xC0);
  InputEvent event;
  event.kind = printable ? InputEvent::Text : InputEvent::Key;
  event.code = code;
  event.down = down;
  if (printable) event.text = g_keyText;
  Push(WithModifiers(std::move(event), modifiers));
  if (!down) return false;
  if (printable) return true;  // text or a shortcut of the page, either way ours
  // Ctrl/Cmd+F focuses the page's own search (the browser's find bar cannot see canvas text) and
  // Ctrl/Cmd+A selects rows or field text; other browser shortcuts (reload, zoom, copy) stay theirs.
  if (command) return code == 70 || code == 65;
  if ((modifiers & kShift) && code == 121) return true;  // Shift+F10: the row menu
  // Tab outside a text field is the browser's: it moves focus through the accessibility mirror.
  if (code == 9 && !g_context->platform->TextInputActive()) return false;
  return IsNavigationKey(code);
}

void ApplyModifiers(const InputEvent& event) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = event.ctrl;
  io.KeyShift = event.shift;
  io.KeyAlt = event.alt;
  io.KeySuper = event.super;
}

EM_JS(void, trash_listen_for_paste, (), {
  document.addEventListener('paste', (event) => {
    const text = (event.clipboardData || window.clipboardData).getData('text/plain') || "";
    const length = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(length);
    stringToUTF8(text, pointer, length);
    _trash_on_paste(pointer);
    _free(pointer);
    event.preventDefault();
  });
});

// Functions the shell's scripts call (text_input.js, a11y.js); they live here because only code
// inside the module can reach its heap and exports.
EM_JS(void, trash_install_bridge, (), {
  window.trashBridge = {
    sendText(text) {
      if (!text) return;
      const length = lengthBytesUTF8(text) + 1;
      const pointer = _malloc(length);
      stringToUTF8(text, pointer, length);
      _trash_text_input(pointer);
      _free(pointer);
    },
    activateAt(cssX, cssY) { _trash_activate_at(cssX, cssY); },
    focusWidget(id) {
      const length = lengthBytesUTF8(id) + 1;
      const pointer = _malloc(length);
      stringToUTF8(id, pointer, length);
      _trash_focus_widget(pointer);
      _free(pointer);
    },
  };
});

const char* GetClipboard(void*) { return g_pastedText.c_str(); }
void SetClipboard(void* platform, const char* text) { static_cast<WebPlatform*>(platform)->SetClipboardText(text); }

}  // namespace

void InstallInput(InputContext* context) {
  g_context = context;
  ImGuiIO& io = ImGui::GetIO();
  const int keyMap[][2] = {{ImGuiKey_Tab, 9}, {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39},
      {ImGuiKey_UpArrow, 38}, {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33}, {ImGuiKey_PageDown, 34},
      {ImGuiKey_Home, 36}, {ImGuiKey_End, 35}, {ImGuiKey_Insert, 45}, {ImGuiKey_Delete, 46},
      {ImGuiKey_Backspace, 8}, {ImGuiKey_Space, 32}, {ImGuiKey_Enter, 13}, {ImGuiKey_Escape, 27},
      {ImGuiKey_KeyPadEnter, 13}, {ImGuiKey_A, 65}, {ImGuiKey_C, 67}, {ImGuiKey_V, 86},
      {ImGuiKey_X, 88}, {ImGuiKey_Y, 89}, {ImGuiKey_Z, 90}};
  for (const auto& [key, code] : keyMap) io.KeyMap[key] = code;
  io.ClipboardUserData = context->platform;
  io.GetClipboardTextFn = GetClipboard;
  io.SetClipboardTextFn = SetClipboard;

  trash_listen_for_input(g_keyText);
  trash_listen_for_paste();
  trash_install_bridge();
}

void BeforeFrame() {
  ImGuiIO& io = ImGui::GetIO();
  ++g_framesSinceEvent;
  // Hand over queued input in order until something needs a frame of its own: a button press or
  // release, or a key press (either may move focus, and a press and release of the same button or
  // key must never meet in one frame). Text into an active field and key releases flow freely, so
  // a fast typist costs one frame, not two per character.
  bool changed[kKeyCount] = {};
  bool buttonChanged = false;
  while (!g_queue.empty()) {
    const InputEvent& event = g_queue.front();
    if (event.kind == InputEvent::Move || event.kind == InputEvent::Hover) {
      io.MousePos = ImVec2(event.x, event.y);
      g_queue.pop_front();
      // A hover before a press settles which of overlapping items is under the pointer.
      if (event.kind == InputEvent::Hover) break;
      continue;
    }
    if (event.kind == InputEvent::Paste) {
      // Ctrl+V replayed for one frame now that GetClipboardText has the browser's text; in order
      // with the rest, so a click still queued before it cannot reset the Ctrl it needs.
      if (changed[86]) break;
      g_pastedText = event.text;
      io.KeyCtrl = true;
      io.KeysDown[86] = true;
      g_pasteFramePending = true;
      g_queue.pop_front();
      g_framesSinceEvent = 0;
      break;
    }
    if (event.kind == InputEvent::Focus) {
      // A frame of its own: a field that had the keyboard lets go in it, before a click the mirror
      // sends next (Enter on a focused button) lands on the button.
      if (buttonChanged || g_framesSinceEvent == 0) break;
      if (g_context->focusWidget) g_context->focusWidget(event.text);
      g_queue.pop_front();
      g_framesSinceEvent = 0;
      break;
    }
    if (event.kind == InputEvent::Button) {
      if (buttonChanged) break;
      ApplyModifiers(event);
      io.MousePos = ImVec2(event.x, event.y);
      io.MouseDown[event.code] = event.down;
      g_queue.pop_front();
      g_framesSinceEvent = 0;
      break;
    }
    if (event.kind == InputEvent::Text && (g_context->platform->TextInputActive() || event.fromTextInput)) {
      // Text never sets io.KeysDown, so its key's release may follow in the same frame: a typed
      // word costs one frame, not one per character (about a second each on a busy machine).
      io.AddInputCharactersUTF8(event.text.c_str());
      g_queue.pop_front();
      continue;
    }
    // A printable key while no field is active: wait briefly for a field about to take focus
    // (after '/', a click into a field, a dialog opening); then it is a shortcut.
    if (event.kind == InputEvent::Text && g_framesSinceEvent < kFramesToAwaitFocus) break;
    if (event.code <= 0) {  // text with no key behind it (paste, IME) while no field is active
      g_queue.pop_front();
      continue;
    }
    if (changed[event.code]) break;  // its press and release never meet in one frame
    const bool press = event.kind == InputEvent::Text || event.down;
    ApplyModifiers(event);
    io.KeysDown[event.code] = press;
    changed[event.code] = true;
    g_queue.pop_front();
    if (press) {
      g_framesSinceEvent = 0;
      break;
    }
  }
}

void QueueClick(int button, double cssX, double cssY) {
  Push(PointerEvent(InputEvent::Hover, 0, false, cssX, cssY));
  QueueButton(button, true, cssX, cssY);
  QueueButton(button, false, cssX, cssY);
  QueuePointerAway();  // no hover (or tooltip) lingers where a finger was
}

void QueuePointerAway() {
  InputEvent event;
  event.kind = InputEvent::Move;
  event.x = event.y = -FLT_MAX;  // ImGui: no mouse
  Push(std::move(event));
}

bool InputQueued() { return !g_queue.empty(); }

void AfterFrame() {
  if (g_pasteFramePending) {
    g_pasteFramePending = false;
    ImGui::GetIO().KeysDown[86] = false;
    ImGui::GetIO().KeyCtrl = false;
  }
  if (!g_queue.empty()) g_context->platform->RequestFrames(2);
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_paste(const char* text) {
  web::InputEvent event;
  event.kind = web::InputEvent::Paste;
  event.text = text;
  web::Push(std::move(event));
}

// Text that did not come through keydown: IME compositions and mobile virtual keyboards, delivered
// by the hidden text input of the shell (web/text_input.js).
extern "C" EMSCRIPTEN_KEEPALIVE void trash_text_input(const char* text) {
  web::InputEvent event;
  event.kind = web::InputEvent::Text;
  event.text = text;
  event.fromTextInput = true;
  web::Push(std::move(event));
}

// The accessibility mirror moved DOM focus onto this widget's element (Tab, a screen reader):
// queued with the keys, so a key pressed after it acts on the widget it names.
extern "C" EMSCRIPTEN_KEEPALIVE void trash_focus_widget(const char* widgetId) {
  web::InputEvent event;
  event.kind = web::InputEvent::Focus;
  event.text = widgetId;
  web::Push(std::move(event));
}

// A click at a point in CSS pixels, as if the mouse did it: how the accessibility mirror
// activates the widget it stands for.
extern "C" EMSCRIPTEN_KEEPALIVE void trash_activate_at(double cssX, double cssY) {
  web::QueueButton(0, true, cssX, cssY);
  web::QueueButton(0, false, cssX, cssY);
}

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_wheel(double deltaX, double deltaY, int deltaMode, double clientX,
                                                    double clientY) {
  web::OnWheel(deltaX, deltaY, deltaMode, clientX, clientY);
}

extern "C" EMSCRIPTEN_KEEPALIVE int trash_on_mouse(int type, int domButton, int cssX, int cssY, int modifiers) {
  return web::OnMouse(type, domButton, cssX, cssY, modifiers);
}

extern "C" EMSCRIPTEN_KEEPALIVE int trash_on_key(int down, int keyCode, int modifiers) {
  return web::OnKey(down != 0, keyCode, modifiers);
}
