// The page's top-level view: draws whichever screen the PageState says (sign-in, the Settings shell
// with Trash, Projects, Retention or Activity, forbidden), the open dialog and the toasts, once per frame, and returns
// what the user asked for as intents. Owns every screen's UI-only state; no I/O, no domain logic.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // widget ids
#include <utility>  // std::move
#include <vector>   // intents

#include "core/countdown.h"        // kNever
#include "core/intents.h"          // Intent
#include "core/page_state.h"       // PageState
#include "ui/activity_screen.h"    // ActivityScreen
#include "ui/connection_banner.h"  // ConnectionBanner
#include "ui/demo_banner.h"        // DemoBanner
#include "ui/dialogs.h"            // DialogHost
#include "ui/projects_screen.h"    // ProjectsScreen
#include "ui/retention_screen.h"   // RetentionScreen
#include "ui/settings_shell.h"     // SettingsShell
#include "ui/sign_in_screen.h"     // SignInScreen
#include "ui/toasts.h"             // ToastStack
#include "ui/trash_screen.h"       // TrashScreen

struct ImDrawList;

namespace ui {

struct DrawResult {
  std::vector<trash::Intent> intents;  // what the user asked for this frame, in order
  const ImDrawList* firstDialogList =
      nullptr;                       // the open modal's window draw list: the renderer blurs everything before it
  int64_t wakeAtMs = trash::kNever;  // when a visible countdown label next changes
};

class PageView {  // owns every screen's UI-only state (text buffers, open popups, scroll)
 public:
  DrawResult Draw(trash::PageState& page, int64_t nowMs);
  // The accessibility mirror focused this widget: the next frame moves the row cursor or menu
  // highlight there, and other widgets get a focus ring until the next click. An empty id: focus
  // left the mirror, the ring goes.
  void FocusWidget(std::string widgetId) {
    if (widgetId.empty()) ringWidget_.clear();
    focusRequest_ = std::move(widgetId);
  }

 private:
  void DrawMirrorFocusRing() const;

  DemoBanner demoBanner_;
  ConnectionBanner connectionBanner_;
  SignInScreen signIn_;
  SettingsShell shell_;
  TrashScreen trash_;
  ProjectsScreen projects_;
  RetentionScreen retention_;
  ActivityScreen activity_;
  DialogHost dialogs_;
  ToastStack toasts_;
  std::string focusRequest_;  // from the mirror, for the next frame
  std::string ringWidget_;    // the widget the mirror focused, when it draws no ring of its own
};

}  // namespace ui
