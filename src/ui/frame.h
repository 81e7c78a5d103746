// What every screen's Draw() gets: the page state to read (never to change: changes are intents),
// the Trash list's UI state to change directly, the time, and where to put the intents it emits and
// the moment the page must next redraw for a countdown label.
#pragma once

#include <algorithm>  // std::min
#include <cstdint>    // int64_t
#include <string>     // focusRequest
#include <utility>    // std::forward
#include <vector>     // intents

#include "core/countdown.h"   // kNever
#include "core/intents.h"     // Intent
#include "core/page_state.h"  // PageState

struct ImDrawList;

namespace ui {

struct Frame {
  const trash::PageState& page;
  trash::TrashView& list;  // filters, sort, groups, selection, cursor: UI state the screens change directly
  int64_t nowMs = 0;
  std::vector<trash::Intent>& intents;
  int64_t wakeAtMs = trash::kNever;
  const ImDrawList* firstDialogList = nullptr;
  bool dialogOpen = false;  // a modal is up: the page underneath takes no keyboard shortcuts
  // A widget id the accessibility mirror moved focus onto (this frame only): the row cursor or the
  // menu highlight follows it.
  std::string focusRequest;

  // Takes the intent as its own type, so a call site builds that alone, not a variant it then destroys.
  template <typename T>
  void Emit(T&& intent) {
    intents.push_back(trash::Intent(std::forward<T>(intent)));
  }
  void WakeAt(int64_t ms) { wakeAtMs = std::min(wakeAtMs, ms); }
};

}  // namespace ui
