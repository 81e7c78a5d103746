// Browser input → Dear ImGui 1.86 IO. The page works in device pixels, so CSS coordinates are
// scaled by the device pixel ratio. ImGui 1.86 has no input queue: a press and release that land
// between two frames would be lost, so a release waits until a frame has seen the press.
#include "platform/web/web_input.h"

#include <emscripten.h>        // EM_JS, EMSCRIPTEN_KEEPALIVE
#include <emscripten/html5.h>  // mouse, wheel, touch, key callbacks
#include <imgui.h>             // ImGuiIO

#include <cstring>
#include <string>

#include "platform/web/web_platform.h"

namespace web {
namespace {

InputContext* g_context = nullptr;
bool g_pressSeen[3] = {true, true, true};
bool g_releasePending[3] = {false, false, false};
// The same for keys: a quick tap (down and up between two frames) still reaches ImGui.
constexpr int kKeyCount = 512;
bool g_keyPressSeen[kKeyCount];
bool g_keyReleasePending[kKeyCount];
std::string g_pastedText;
bool g_pasteFramePending = false;

constexpr int kFramesPerInput = 3;

void Wake() { g_context->platform->RequestFrames(kFramesPerInput); }

void SetMouse(double cssX, double cssY) {
  const float r = g_context->devicePixelRatio;
  ImGui::GetIO().MousePos = ImVec2(float(cssX) * r, float(cssY) * r);
}

void Press(int button) {
  if (button < 0 || button > 2) return;
  ImGui::GetIO().MouseDown[button] = true;
  g_pressSeen[button] = false;
  g_releasePending[button] = false;
}

void Release(int button) {
  if (button < 0 || button > 2) return;
  if (g_pressSeen[button]) ImGui::GetIO().MouseDown[button] = false;
  else g_releasePending[button] = true;
}

// DOM button numbers are 0 left, 1 middle, 2 right; ImGui wants 0 left, 1 right, 2 middle.
int ImGuiButton(unsigned short domButton) { return domButton == 1 ? 2 : domButton == 2 ? 1 : domButton; }

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
  // The canvas fills the viewport from (0, 0), so client coordinates are canvas coordinates.
  SetMouse(e->clientX, e->clientY);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = e->ctrlKey;
  io.KeyShift = e->shiftKey;
  io.KeyAlt = e->altKey;
  io.KeySuper = e->metaKey;
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) Press(ImGuiButton(e->button));
  if (type == EMSCRIPTEN_EVENT_MOUSEUP) Release(ImGuiButton(e->button));
  Wake();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN;  // keep focus handling ours; moves stay default
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
  // Browsers give pixels (mode 0, ~100 per notch in Chrome), lines (1, ~3 per notch) or pages (2),
  // down positive. ImGui wants notches, up positive.
  const double perNotch = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= float(e->deltaY / perNotch);
  io.MouseWheelH -= float(e->deltaX / perNotch);
  SetMouse(e->mouse.clientX, e->mouse.clientY);
  Wake();
  return EM_TRUE;
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  const EmscriptenTouchPoint& t = e->touches[0];
  SetMouse(t.clientX, t.clientY);  // 3.1.6's GLFW never moved the pointer on touch
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) Press(0);
  if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) Release(0);
  Wake();
  return EM_TRUE;
}

bool IsNavigationKey(unsigned long keyCode) {
  switch (keyCode) {
    case 8: case 9: case 13: case 27: case 32: case 33: case 34: case 35: case 36:
    case 37: case 38: case 39: case 40: case 46: return true;
    default: return false;
  }
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  io.KeyCtrl = e->ctrlKey;
  io.KeyShift = e->shiftKey;
  io.KeyAlt = e->altKey;
  io.KeySuper = e->metaKey;
  const unsigned long code = e->keyCode;
  const bool command = e->ctrlKey || e->metaKey;
  // Ctrl/Cmd+V reaches ImGui from the paste event, once the browser has handed over the text.
  if (command && code == 86) return EM_FALSE;
  if (code < kKeyCount) {
    if (down) {
      io.KeysDown[code] = true;
      g_keyPressSeen[code] = false;
      g_keyReleasePending[code] = false;
    } else if (g_keyPressSeen[code]) {
      io.KeysDown[code] = false;
    } else {
      g_keyReleasePending[code] = true;
    }
  }
  Wake();
  if (!down) return EM_FALSE;
  // Printable text: the DOM `key` is the character itself (one code point) unless a command key is held.
  const size_t keyLength = std::strlen(e->key);
  const bool printable = keyLength > 0 && !command && (keyLength == 1 || (unsigned char)e->key[0] >= 0xC0) &&
                         keyLength <= 4;
  if (printable && io.WantTextInput) {
    io.AddInputCharactersUTF8(e->key);
    return EM_TRUE;
  }
  // Ctrl/Cmd+F focuses the page's own search (the browser's find bar cannot see canvas text) and
  // Ctrl/Cmd+A selects rows or field text; other browser shortcuts (reload, zoom, copy) stay theirs.
  if (command) return code == 70 || code == 65 ? EM_TRUE : EM_FALSE;
  return IsNavigationKey(code) ? EM_TRUE : EM_FALSE;
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

  const char* canvas = "#canvas";
  emscripten_set_mousedown_callback(canvas, nullptr, true, OnMouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, true, OnMouse);
  emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, true, OnMouse);
  emscripten_set_wheel_callback(canvas, nullptr, false, OnWheel);
  emscripten_set_touchstart_callback(canvas, nullptr, false, OnTouch);
  emscripten_set_touchmove_callback(canvas, nullptr, false, OnTouch);
  emscripten_set_touchend_callback(canvas, nullptr, false, OnTouch);
  emscripten_set_touchcancel_callback(canvas, nullptr, false, OnTouch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, OnKey);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, OnKey);
  trash_listen_for_paste();
  trash_install_bridge();
}

void AfterFrame() {
  ImGuiIO& io = ImGui::GetIO();
  if (g_pasteFramePending) {
    g_pasteFramePending = false;
    io.KeysDown[86] = false;
    io.KeyCtrl = false;
  }
  for (int k = 0; k < kKeyCount; ++k) {
    g_keyPressSeen[k] = true;
    if (g_keyReleasePending[k]) {
      g_keyReleasePending[k] = false;
      io.KeysDown[k] = false;
      g_context->platform->RequestFrames(kFramesPerInput);
    }
  }
  for (int b = 0; b < 3; ++b) {
    g_pressSeen[b] = true;
    if (g_releasePending[b]) {
      g_releasePending[b] = false;
      io.MouseDown[b] = false;
      g_context->platform->RequestFrames(kFramesPerInput);
    }
  }
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_paste(const char* text) {
  web::g_pastedText = text;
  ImGuiIO& io = ImGui::GetIO();
  // Replay Ctrl+V for one frame now that GetClipboardText has the browser's text.
  io.KeyCtrl = true;
  io.KeysDown[86] = true;
  web::g_context->platform->RequestFrames(2);
  web::g_pasteFramePending = true;
}

// Text that did not come through keydown: IME compositions and mobile virtual keyboards, delivered
// by the hidden text input of the shell (web/text_input.js).
extern "C" EMSCRIPTEN_KEEPALIVE void trash_text_input(const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  web::g_context->platform->RequestFrames(2);
}

// A click at a point in CSS pixels, as if the mouse did it: how the accessibility mirror
// activates the widget it stands for. The release waits for a frame that saw the press.
extern "C" EMSCRIPTEN_KEEPALIVE void trash_activate_at(double cssX, double cssY) {
  web::SetMouse(cssX, cssY);
  web::Press(0);
  web::Release(0);
  web::g_context->platform->RequestFrames(3);
}
