// What the selection bar says and allows: how many rows are selected and their size ("3 selected ·
// 1.2 GB"), how many of them this session may restore, and why the others can't be. Worked out
// here once for the wide and the phone bar, and only when TrashView::selectionGeneration() moves.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int64_t
#include <string>   // label, reasons

#include "core/session.h"     // Session
#include "core/trash_view.h"  // TrashView

namespace trash {

struct SelectionSummary {
    size_t count = 0;  // the effective selection (TrashView::selectionCount)
    int64_t bytes = 0;
    size_t restorable = 0;           // how many RestorableKeys would send
    std::string firstBlockedReason;  // why the first blocked one can't be restored; "" when none is
    std::string label;               // "3 selected · 1.2 GB"
    // Restore's tooltip when some can't be restored: the reason, or "2 of the selected items can't
    // be restored: <reason>"; "" when all can.
    std::string restoreTip;
};

// Without a session nothing is restorable.
SelectionSummary SummarizeSelection(const TrashView& view, const Session* session);

}  // namespace trash
