// The storage summary of the page (see storage.h): the server reports the figures (used
// includes the Trash), the core decides what they mean.
#include "core/storage.h"

#include <algorithm>  // std::clamp, std::max

#include "core/countdown.h"  // FormatBytes
#include "core/text.h"       // Concat

namespace trash {

StorageSummary SummarizeStorage(const Storage& s) {
    StorageSummary out;
    const int64_t used = std::max<int64_t>(0, s.usedBytes);
    const int64_t trash = std::clamp<int64_t>(s.trashBytes, 0, used);
    out.hasQuota = s.quotaBytes > 0;
    const std::string usedText = FormatBytes(used), trashText = FormatBytes(trash);
    const std::string inTrash = Concat(" \xc2\xb7 ", trashText, " in Trash");
    out.active = Concat("Active ", FormatBytes(used - trash));
    out.inTrash = Concat("In Trash ", trashText);
    if (!out.hasQuota) {
        out.headline = Concat(usedText, " used", inTrash);
        out.compact = Concat(usedText, " used");
        out.used = Concat("Used ", usedText);
        out.quota = "No storage limit";
        out.usedFraction = used > 0 ? 1 : 0;
        out.trashFraction = used > 0 ? double(trash) / double(used) : 0;
        return out;
    }
    const std::string quotaText = FormatBytes(s.quotaBytes);
    out.headline = Concat(usedText, " of ", quotaText, inTrash);
    out.used = Concat("Used ", usedText, " of your plan's ", quotaText);
    out.quota = Concat("Plan ", quotaText);
    // "12.4 of 100 GB" when both share a unit, else "12.4 MB of 100 GB".
    const size_t usedUnit = usedText.rfind(' '), quotaUnit = quotaText.rfind(' ');
    out.compact = usedText.substr(usedUnit) == quotaText.substr(quotaUnit)
                      ? Concat(usedText.substr(0, usedUnit), " of ", quotaText)
                      : Concat(usedText, " of ", quotaText);
    const double total = double(std::max(used, s.quotaBytes));
    out.usedFraction = double(used) / total;
    out.trashFraction = double(trash) / total;
    if (used > s.quotaBytes) {
        out.level = StorageLevel::OverQuota;
        out.warning = "Over your plan's storage: empty the Trash or delete items to free space";
        out.overBy = Concat(FormatBytes(used - s.quotaBytes), " over the plan's ", quotaText);
    } else if (double(used) >= kNearQuotaFraction * double(s.quotaBytes)) {
        out.level = StorageLevel::NearQuota;
    }
    return out;
}

}  // namespace trash
