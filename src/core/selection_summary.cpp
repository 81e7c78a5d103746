// The selection's summary for the selection bars (see selection_summary.h).
#include "core/selection_summary.h"

#include "core/countdown.h"    // FormatBytes
#include "core/permissions.h"  // RestoreBlockedReason
#include "core/text.h"         // FormatCount, Concat

namespace trash {

SelectionSummary SummarizeSelection(const TrashView& view, const Session* session) {
    SelectionSummary s;
    s.count = view.selectionCount();
    s.bytes = view.selectionBytes();
    s.label = Concat(FormatCount(s.count), " selected \xc2\xb7 ", FormatBytes(s.bytes));
    if (!session) return s;
    for (const TrashItem* item : view.selectedItems()) {
        if (std::optional<std::string> reason = RestoreBlockedReason(*session, *item)) {
            if (s.firstBlockedReason.empty()) s.firstBlockedReason = std::move(*reason);
        } else {
            ++s.restorable;
        }
    }
    if (s.restorable == 0)
        s.restoreTip = s.firstBlockedReason;
    else if (s.restorable < s.count)
        s.restoreTip = Concat(FormatCount(s.count - s.restorable),
                              " of the selected items can't be restored: ", s.firstBlockedReason);
    return s;
}

}  // namespace trash
