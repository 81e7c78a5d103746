// The Trash screen inside the Settings shell: a compact header (the title with the storage meter
// beside it and the bulk or selection actions at its end; an over-quota warning; one toolbar
// line of search, type chips and "Expiring within 7 days"), then the table, or the loading,
// empty, no-match, error and forbidden states in its place, and the keyboard shortcuts.
// Below 720 CSS px (layout.h) the same parts stack for a phone and the table becomes a list.
#pragma once

#include <array>    // per-type counts
#include <cstddef>  // size_t
#include <cstdint>  // uint64_t
#include <string>   // reasons

#include "core/selection_summary.h"  // SelectionSummary
#include "core/storage.h"            // StorageSummary
#include "core/trash_item.h"         // kItemTypeCount
#include "ui/frame.h"                // Frame
#include "ui/storage_meter.h"        // StorageMeter
#include "ui/trash_table.h"          // TrashTable

namespace ui {

class TrashScreen {
 public:
  void Draw(Frame& frame);

 private:
  // trash_header.cpp: the title line and the over-quota warning.
  void DrawTitleRow(Frame& frame, bool forbidden);
  void DrawQuotaWarning(Frame& frame);
  void DrawWayOut(Frame& frame, bool small, bool stacked);
  float ActionsWidth(Frame& frame, bool withCount) const;
  void DrawActions(Frame& frame, bool withCount);
  void DrawSelectionActions(Frame& frame);
  void DrawBulkActions(Frame& frame, float buttonWidth = 0);
  std::string CountLabel(Frame& frame) const;  // "14 items · 29.1 GB", or the first page's
  static void RefreshButton(Frame& frame);
  // trash_screen.cpp: the toolbar line.
  void DrawToolbar(Frame& frame);
  float DrawFilters(Frame& frame, float right);  // returns the bottom of its line(s)
  // trash_screen_narrow.cpp: the phone's bulk / selection line.
  void DrawActionBarNarrow(Frame& frame);
  float NarrowActionsWidth(Frame& frame) const;
  bool DrawState(Frame& frame);  // trash_states.cpp: loading / empty / no-match / error; true if it replaced the table
  void DrawForbidden(Frame& frame, const char* missing);
  void HandleKeys(Frame& frame, bool rowsShown);  // trash_keys.cpp
  void UpdateCounts(Frame& frame);
  void UpdateSelectionSummary(Frame& frame);
  void DrawSelectionLabel() const;  // "3 selected · 1.2 GB", in both selection bars

  TrashTable table_;
  StorageMeter meter_;
  trash::StorageSummary storage_;
  char query_[256] = {};
  bool focusSearch_ = false;
  bool escapeLeftSearch_ = false;     // this frame's Esc was taken by leaving the search
  bool narrowActionsInline_ = false;  // a phone page wide enough has them on the title line
  bool foldWarning_ = false;          // over the plan on a small screen: the warning is in the meter
  float selectionDrawnW_ = 0;         // the selection's actions as last drawn: the next line lays out with it
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
