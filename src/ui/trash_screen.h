// The Trash screen inside the Settings shell: title and retention, storage panel, the toolbar
// (search, type chips, "Expiring within 7 days", Refresh), the selection / bulk-action bar, the
// table, the loading, empty, no-match, error and forbidden states, and the keyboard shortcuts.
// Below 720 CSS px (layout.h) the same parts stack for a phone and the table becomes a list.
#pragma once

#include <array>    // per-type counts
#include <cstddef>  // size_t
#include <cstdint>  // uint64_t
#include <string>   // reasons

#include "core/selection_summary.h"  // SelectionSummary
#include "core/trash_item.h"         // kItemTypeCount
#include "ui/frame.h"         // Frame
#include "ui/trash_table.h"   // TrashTable

namespace ui {

class TrashScreen {
 public:
  void Draw(Frame& frame);
  const TrashTable& table() const { return table_; }

 private:
  void DrawHeader(Frame& frame);
  void DrawStorage(Frame& frame);
  void DrawToolbar(Frame& frame);
  void DrawActionBar(Frame& frame);
  void DrawActionBarNarrow(Frame& frame);  // trash_screen_narrow.cpp
  bool DrawState(Frame& frame);  // trash_states.cpp: loading / empty / no-match / error; true if it replaced the table
  void DrawForbidden(Frame& frame, const char* missing);
  void HandleKeys(Frame& frame, bool rowsShown);  // trash_keys.cpp
  void UpdateCounts(Frame& frame);
  void UpdateSelectionSummary(Frame& frame);
  void DrawSelectionLabel() const;  // "3 selected · 1.2 GB", in both selection bars

  TrashTable table_;
  char query_[256] = {};
  bool focusSearch_ = false;
  bool escapeLeftSearch_ = false;  // this frame's Esc was taken by leaving the search
  // Per-type counts for the chips, recomputed only when the view's inputs change.
  std::array<size_t, trash::kItemTypeCount> typeCounts_{};
  size_t visibleTotal_ = 0;  // items not hidden by an action in flight
  uint64_t countsGeneration_ = 0;
  // The selection's size and what it allows, recomputed only when the core says it may have
  // changed (a select-all of 100,000 rows must not be walked every frame).
  trash::SelectionSummary selection_;
  uint64_t selectionGeneration_ = 0;
};

}  // namespace ui
