// Tests of the selection's summary (what both selection bars say and allow) and of the selection
// generation that tells the screen when to recompute it.
#include <catch2/catch.hpp>

#include "core/selection_summary.h"
#include "test_support.h"

using namespace trash;
using test::kNow;

TEST_CASE("The selection generation moves on every selection edit and view change only", "[selection]") {
    TrashView view;
    view.SetItems({test::MakeItem(ItemType::Dataset, "a", "A"), test::MakeItem(ItemType::Dataset, "b", "B")});
    view.view();
    uint64_t seen = view.selectionGeneration();
    auto moved = [&] {
        const bool changed = view.selectionGeneration() != seen;
        seen = view.selectionGeneration();
        return changed;
    };
    const ItemKey a{ItemType::Dataset, "", "a"};
    view.Click(a);
    CHECK(moved());
    view.SetSelected(a, false);
    CHECK(moved());
    view.SelectAllVisible();
    CHECK(moved());
    view.SetFocus(a);
    view.MoveFocus(FocusMove::Down);
    CHECK_FALSE(moved());  // the cursor is not the selection
    view.SetQuery("b");    // the effective selection follows the filters
    CHECK(moved());
    view.ClearSelection();
    CHECK(moved());
}

TEST_CASE("The selection summary counts, sizes and explains what can't be restored", "[selection]") {
    Session session;
    session.role.permissions = {"view_trash", "restore_dataset"};
    TrashView view;
    view.SetItems({test::MakeItem(ItemType::Dataset, "a", "A", kNow - kDayMs, 1024),
                   test::MakeItem(ItemType::Workflow, "w", "W", kNow - kDayMs, 1024)});
    view.SelectAllVisible();
    SelectionSummary s = SummarizeSelection(view, &session);
    CHECK(s.count == 2);
    CHECK(s.bytes == 2048);
    CHECK(s.label == "2 selected \xc2\xb7 2 KB");
    CHECK(s.restorable == 1);
    CHECK(s.firstBlockedReason == "Your role lacks the \"Restore workflows\" permission");
    CHECK(s.restoreTip ==
          "1 of the selected items can't be restored: Your role lacks the \"Restore workflows\" permission");

    view.SetSelected(ItemKey{ItemType::Dataset, "", "a"}, false);
    s = SummarizeSelection(view, &session);
    CHECK(s.restorable == 0);
    CHECK(s.restoreTip == "Your role lacks the \"Restore workflows\" permission");
    CHECK(SummarizeSelection(view, nullptr).restorable == 0);
}
