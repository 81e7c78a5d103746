// What the page says about the workspace's storage, decided here once from who-am-I's figures
// (session.h): the one-line summary beside the title ("12.4 GB of 100 GB · 3.1 GB in Trash"),
// its details, how full the plan is, and whether it is over the plan, with the warning to show.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // texts

#include "core/session.h"  // Storage

namespace trash {

inline constexpr double kNearQuotaFraction = 0.9;  // from here the meter turns amber

enum class StorageLevel { Normal, NearQuota, OverQuota };

struct StorageSummary {
    StorageLevel level = StorageLevel::Normal;
    bool hasQuota = false;
    // Shares of the bar (0..1): everything used, and the part of it in Trash. Over the plan the
    // bar is full.
    double usedFraction = 0, trashFraction = 0;
    std::string headline;  // "12.4 GB of 100 GB · 3.1 GB in Trash" (no quota: "12.4 GB used · ...")
    std::string compact;   // "12.4 of 100 GB" for narrow places
    std::string used;      // "Used 12.4 GB of your plan's 100 GB"
    std::string active;    // "Active 9.3 GB"
    std::string inTrash;   // "In Trash 3.1 GB"
    std::string quota;     // "Plan 100 GB", or "No storage limit"
    // Over the plan only: what is wrong and the way out, and by how much.
    std::string warning;  // "Over your plan's storage: empty the Trash or delete items to free space"
    std::string overBy;   // "227.2 TB over the plan's 100 GB"
};

// What counts toward the plan: said wherever the details are.
inline constexpr const char* kTrashCountsNote = "Trash counts toward your plan until permanently deleted.";

StorageSummary SummarizeStorage(const Storage& storage);

}  // namespace trash
