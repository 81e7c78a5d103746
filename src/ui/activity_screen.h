// Settings → Activity: the workspace's trash history. The title with Export CSV and Refresh, the
// filters (action chips, user and item type menus, a date range, search by name; an item's
// history shows as a removable chip), then the list (activity_list.h) or its loading, error,
// empty and no-access states. Filters are the core's (and the address's): every change is a
// FilterActivity intent; the text fields only keep what is being typed.
#pragma once

#include <string>  // the filters last shown

#include "core/activity.h"     // ActivityFilters
#include "ui/activity_list.h"  // ActivityList
#include "ui/frame.h"          // Frame

namespace ui {

class ActivityScreen {
 public:
  void Draw(Frame& frame);
  const ActivityList& list() const { return list_; }

 private:
  void DrawHeader(Frame& frame, bool allowed);
  void DrawFilters(Frame& frame);
  void DrawActionChips(Frame& frame, trash::ActivityFilters& next, bool* changed);
  void DrawMenus(Frame& frame, trash::ActivityFilters& next, bool* changed);
  void DrawDates(Frame& frame, trash::ActivityFilters& next, bool* changed);
  bool DrawState(Frame& frame);  // loading, error, empty; true when it replaced the list
  void SyncFields(const trash::ActivityFilters& filters);

  ActivityList list_;
  char query_[128] = {};
  char from_[32] = {};
  char to_[32] = {};
  trash::ActivityFilters shown_;  // the filters the fields were last filled from
  bool synced_ = false;
};

}  // namespace ui
