// The storage summary: the core decides what the figures mean (the line beside the title, its
// details, how full the plan is, over quota and the warning), the page only draws it.
#include <catch2/catch.hpp>

#include "core/storage.h"

using namespace trash;

namespace {
constexpr int64_t kGB = 1024ll * 1024 * 1024;
constexpr int64_t kTB = 1024 * kGB;
}  // namespace

TEST_CASE("Storage within the plan: one line beside the title, details, no warning", "[storage]") {
    const StorageSummary s = SummarizeStorage({int64_t(33.4 * double(kGB)), int64_t(29.1 * double(kGB)), 100 * kGB});
    CHECK(s.level == StorageLevel::Normal);
    CHECK(s.hasQuota);
    CHECK(s.headline == "33.4 GB of 100 GB \xc2\xb7 29.1 GB in Trash");
    CHECK(s.compact == "33.4 of 100 GB");
    CHECK(s.used == "Used 33.4 GB of your plan's 100 GB");
    CHECK(s.active == "Active 4.3 GB");
    CHECK(s.inTrash == "In Trash 29.1 GB");
    CHECK(s.quota == "Plan 100 GB");
    CHECK(s.warning.empty());
    CHECK(s.usedFraction == Approx(0.334));
    CHECK(s.trashFraction == Approx(0.291));
}

// Issue 15, item 10: "227.3 TB of 100 GB used" drew a normal bar.
TEST_CASE("Over the plan: the core says so, with the warning and by how much", "[storage]") {
    const StorageSummary s = SummarizeStorage({int64_t(227.3 * double(kTB)), int64_t(227.2 * double(kTB)), 100 * kGB});
    CHECK(s.level == StorageLevel::OverQuota);
    CHECK(s.headline == "227.3 TB of 100 GB \xc2\xb7 227.2 TB in Trash");
    CHECK(s.compact == "227.3 TB of 100 GB");
    CHECK(s.warning == "Over your plan's storage: empty the Trash or delete items to free space");
    CHECK(s.overBy == "227.2 TB over the plan's 100 GB");
    CHECK(s.usedFraction == Approx(1.0));  // the bar is full, not past its end
    CHECK(s.trashFraction <= 1.0);
}

TEST_CASE("Near the plan, exactly at it, and without a plan", "[storage]") {
    CHECK(SummarizeStorage({95 * kGB, 0, 100 * kGB}).level == StorageLevel::NearQuota);
    CHECK(SummarizeStorage({100 * kGB, 0, 100 * kGB}).level == StorageLevel::NearQuota);  // full is not over
    CHECK(SummarizeStorage({100 * kGB + 1, 0, 100 * kGB}).level == StorageLevel::OverQuota);
    const StorageSummary none = SummarizeStorage({5 * kGB, 1 * kGB, 0});
    CHECK_FALSE(none.hasQuota);
    CHECK(none.level == StorageLevel::Normal);
    CHECK(none.headline == "5 GB used \xc2\xb7 1 GB in Trash");
    CHECK(none.quota == "No storage limit");
    // Figures that disagree (a Trash larger than what is used) never draw past the bar.
    const StorageSummary odd = SummarizeStorage({1 * kGB, 3 * kGB, 10 * kGB});
    CHECK(odd.trashFraction <= odd.usedFraction);
    CHECK(odd.active == "Active 0 B");
}
