// Touch → the page: a tap is a click where the finger was (Emscripten 3.1.6 never moved the
// pointer on touch), a drag scrolls the scrollable window under the finger and then its parents
// (the list, then the page), with momentum after a flick; a press held half a second and lifted
// without moving is a right click there (what opens a context menu). It is judged at the lift from
// the events' own time stamps, not by a timer, so a slow frame or a busy machine never turns a tap
// or the start of a drag into a long press. A drag never clicks: presses are sent only for a tap,
// so nothing under a scrolling finger is activated when it lifts. The canvas's `touch-action: none`
// (shell.css) and preventDefault here keep the browser from also scrolling or zooming.
#include "platform/web/web_touch.h"

#include <emscripten.h>  // EM_JS, EMSCRIPTEN_KEEPALIVE, emscripten_get_now
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow scroll state, SetScrollY(window, y)

#include <algorithm>  // std::min
#include <cfloat>     // FLT_MAX
#include <cmath>      // std::abs, std::exp, std::hypot

#include "platform/web/web_input.h"     // QueueClick, QueuePointerAway
#include "platform/web/web_platform.h"  // RequestFrames

// Each touch event hands over one finger: for a start the finger that came down, otherwise the
// finger the gesture follows (the id OnTouch answered last, as a 32-bit int), wherever the browser
// lists it, or none. The listeners are not passive: preventDefault keeps the browser's own gestures away.
EM_JS(void, trash_listen_for_touch, (), {
  const canvas = document.getElementById('canvas');
  let tracked = -1;
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach((name, type) => {
    canvas.addEventListener(name, (e) => {
      const t = type ? [...e.touches, ...e.changedTouches].find((touch) => (touch.identifier | 0) === tracked)
                     : e.changedTouches[0];
      tracked = _trash_on_touch(type, e.timeStamp, !!t, t ? t.identifier : 0, t ? t.clientX : 0, t ? t.clientY : 0);
      e.preventDefault();
    }, {passive: false});
  });
});

namespace web {
namespace {

enum TouchEventType { kTouchStart, kTouchMove, kTouchEnd, kTouchCancel };  // trash_listen_for_touch's order

constexpr double kSlopCss = 8;  // movement under this is still a tap
constexpr double kLongPressMs = 500;
constexpr double kFlingMinCssPerMs = 0.3;
constexpr double kFlingDecayMs = 325;  // velocity falls by e every 325 ms, as on phones

struct Touch {
  bool down = false;
  long id = -1;                                         // the first finger; further fingers cancel the gesture
  double startX = 0, startY = 0, lastX = 0, lastY = 0;  // CSS pixels
  bool dragging = false;
  bool consumed = false;  // a second finger: the lift does nothing
  double startMs = 0;
  double velocity = 0;  // CSS px per ms, upwards (content moving up) positive
  double lastMoveMs = 0;
};

InputContext* g_context = nullptr;
Touch g_touch;
ImGuiWindow* g_target = nullptr;  // the window the drag scrolls
float g_pendingDy = 0;            // device pixels to scroll by at the next frame
double g_flingVelocity = 0;       // device px per ms while the list coasts
double g_lastFrameMs = 0;

// The top-most window under a point (device pixels), as ImGui's own hover test finds it; while
// a modal is open only its windows.
ImGuiWindow* WindowAt(ImVec2 point) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* window = g.Windows[i];
    if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
    if (!window->OuterRectClipped.Contains(point)) continue;
    if (modal && window->RootWindow != modal) continue;
    return window;
  }
  return nullptr;
}

// Scrolls the window by dy device pixels; what it cannot take goes to its parents. Returns what
// was scrolled.
float ScrollChain(ImGuiWindow* window, float dy) {
  float done = 0;
  for (; window && dy != 0; window = window->ParentWindow) {
    if (window->ScrollMax.y <= 0 || (window->Flags & ImGuiWindowFlags_NoScrollWithMouse)) continue;
    const float from = window->ScrollTarget.y < FLT_MAX ? window->ScrollTarget.y : window->Scroll.y;
    const float to = ImClamp(from + dy, 0.f, window->ScrollMax.y);
    if (to != from) ImGui::SetScrollY(window, to);
    done += to - from;
    dy -= to - from;
  }
  return done;
}

// A finger of a touch event, in whole CSS pixels.
struct TouchPoint {
  long id = 0;
  int clientX = 0, clientY = 0;
};

// `t` is the finger that came down (a start) or the followed finger (the others), null if absent.
void OnTouch(int type, double now, const TouchPoint* t) {
  if (type == kTouchStart) {
    g_flingVelocity = 0;  // a finger stops a coasting list
    if (g_touch.down) {   // a second finger: no tap, no long press from this gesture
      g_touch.consumed = true;
      return;
    }
    if (!t) return;
    g_touch = Touch{};
    g_touch.down = true;
    g_touch.id = t->id;
    g_touch.startX = g_touch.lastX = t->clientX;
    g_touch.startY = g_touch.lastY = t->clientY;
    g_touch.startMs = g_touch.lastMoveMs = now;
    g_pendingDy = 0;
    g_context->platform->RequestFrames(2);
    return;
  }
  if (!g_touch.down || !t) return;
  const float dpr = g_context->devicePixelRatio;
  if (type == kTouchMove) {
    if (!g_touch.dragging && std::hypot(t->clientX - g_touch.startX, t->clientY - g_touch.startY) > kSlopCss &&
        !g_touch.consumed) {
      g_touch.dragging = true;
      g_target = WindowAt(ImVec2(float(g_touch.startX) * dpr, float(g_touch.startY) * dpr));
      QueuePointerAway();  // no hover highlight follows a scrolling finger
    }
    if (g_touch.dragging) {
      const double dy = g_touch.lastY - t->clientY;
      const double dt = now - g_touch.lastMoveMs;
      if (dt > 0) g_touch.velocity = 0.8 * (dy / dt) + 0.2 * g_touch.velocity;
      g_pendingDy += float(dy) * dpr;
      g_touch.lastMoveMs = now;
      g_context->platform->RequestFrames(2);
    }
    g_touch.lastX = t->clientX;
    g_touch.lastY = t->clientY;
    return;
  }
  // Touch end or cancel: a tap is a left click, a long press a right click (ImGui's button 1).
  const bool still = !g_touch.dragging && !g_touch.consumed && type == kTouchEnd;
  if (still) QueueClick(now - g_touch.startMs >= kLongPressMs ? 1 : 0, t->clientX, t->clientY);
  const bool recent = now - g_touch.lastMoveMs < 80;  // a finger that stopped before lifting does not fling
  const bool fling = std::abs(g_touch.velocity) > kFlingMinCssPerMs && !g_context->platform->PrefersReducedMotion();
  if (g_touch.dragging && recent && fling) g_flingVelocity = g_touch.velocity * dpr;
  g_touch.down = false;
  g_context->platform->RequestFrames(2);
}

}  // namespace

void InstallTouch(InputContext* context) {
  g_context = context;
  trash_listen_for_touch();
}

void TouchBeforeFrame() {
  const double now = emscripten_get_now();
  const double dt = g_lastFrameMs > 0 ? std::min(now - g_lastFrameMs, 50.0) : 16.0;
  g_lastFrameMs = now;
  if (g_pendingDy != 0) {
    ScrollChain(g_target, g_pendingDy);
    g_pendingDy = 0;
  }
  if (g_flingVelocity != 0 && !g_touch.down) {
    const float moved = ScrollChain(g_target, float(g_flingVelocity * dt));
    g_flingVelocity *= std::exp(-dt / kFlingDecayMs);
    if (moved == 0 || std::abs(g_flingVelocity) < 0.02 * g_context->devicePixelRatio)
      g_flingVelocity = 0;
    else
      g_context->platform->RequestFrames(2);
  }
}

}  // namespace web

// The timestamp is when the finger did it, not when the handler got to run. Answers the id of the
// finger the gesture follows, or -1.
extern "C" EMSCRIPTEN_KEEPALIVE int trash_on_touch(int type, double timeStamp, int hasPoint, int id, int clientX,
                                                   int clientY) {
  const web::TouchPoint point{id, clientX, clientY};
  web::OnTouch(type, timeStamp, hasPoint ? &point : nullptr);
  return web::g_touch.down ? int(web::g_touch.id) : -1;
}
