// The storage meter beside the Trash title: a slim bar and one line ("12.4 GB of 100 GB ·
// 3.1 GB in Trash"), red over the plan. Hovering shows the details (used, in Trash, the plan,
// what counts toward it) and a click or tap pins them in a popover; the accessibility mirror
// always has them. On a small screen over the plan, the warning folds into it: "Over plan" in
// red, and the warning with its way out in the popover. The core decides what the figures mean
// (core/storage.h); this draws it.
#pragma once

#include <functional>  // the folded warning's way out
#include <string>      // the Trash's item count line

#include "core/storage.h"  // StorageSummary

namespace ui {

enum class MeterForm { Full, Compact, IconOnly };  // as much as the title row has room for

class StorageMeter {
 public:
  // The width Draw() takes in this form (device pixels), with the over-quota warning folded in or not.
  static float Width(const trash::StorageSummary& s, MeterForm form, bool foldWarning = false);
  // At the cursor, one frame high. `inTrash` is the details' Trash line ("In Trash 3.1 GB · 14 items").
  // With `wayOut` (over the plan on a small screen), the meter says "Over plan" and its popover ends
  // with the warning and what `wayOut` draws (the buttons that free space).
  void Draw(const trash::StorageSummary& s, const std::string& inTrash, MeterForm form,
            const std::function<void()>& wayOut = {});

 private:
  bool pinned_ = false;  // the popover is open
};

}  // namespace ui
