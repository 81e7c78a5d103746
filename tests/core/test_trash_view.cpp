// Tests of the Trash list state: filters, sort on every column, grouping, the view cache,
// selection (click, Ctrl, Shift ranges across groups, by mouse and keyboard), keyboard cursor,
// optimistic removals, and the 100,000-item rebuild benchmark.
#include <catch2/catch.hpp>

#include <iostream>

#include "core/countdown.h"
#include "core/trash_view.h"
#include "test_support.h"

using namespace trash;
using test::kNow;
using test::MakeChild;
using test::MakeItem;

namespace {
// Names of the item rows, in view order; group headers as "#Projects (2)".
std::vector<std::string> Rows(const TrashView& view) {
    std::vector<std::string> rows;
    const View& v = view.view();
    for (const ViewRow& row : v.rows) {
        if (row.isHeader) {
            for (const GroupSummary& g : v.groups)
                if (g.type == row.group)
                    rows.push_back("#" + std::string(ItemTypeDisplayName(g.type)) + " (" + std::to_string(g.count) +
                                   ")");
        } else {
            rows.push_back(view.items()[row.itemIndex].name);
        }
    }
    return rows;
}

std::vector<std::string> Names(const std::vector<const TrashItem*>& items) {
    std::vector<std::string> names;
    for (const TrashItem* item : items) names.push_back(item->name);
    return names;
}

ItemKey Key(const TrashView& view, const std::string& name) {
    for (const TrashItem& item : view.items())
        if (item.name == name) return KeyOf(item);
    FAIL("no item named " << name);
    return {};
}

// Five groups, two items in some: deleted at kNow - k days, cleanup 30 days after.
std::vector<TrashItem> SampleItems() {
    std::vector<TrashItem> items = {
        MakeItem(ItemType::Project, "p1", "Traffic Lights", kNow - 2 * kDayMs, 5000),
        MakeItem(ItemType::Project, "p2", "cats", kNow - 25 * kDayMs, 100),
        MakeChild(ItemType::Version, "3", "augmented-416", "p9", "Street Scenes"),
        MakeChild(ItemType::Version, "3", "v3 of cats", "p2", "cats", true),
        MakeChild(ItemType::Model, "m1", "yolov8n", "p9", "Street Scenes"),
        MakeItem(ItemType::Dataset, "d1", "Bees", kNow - 29 * kDayMs - 23 * kHourMs, 70),
        MakeItem(ItemType::Workflow, "w1", "slow webhooks", kNow - 10 * kDayMs, 1),
    };
    items[2].deletedAtMs = kNow - 3 * kDayMs;
    items[2].scheduledCleanupAtMs = items[2].deletedAtMs + 30 * kDayMs;
    items[2].sizeBytes = 900;
    items[3].deletedByName = "bob";
    items[4].deletedByName = "Carol";
    items[4].sizeBytes = 5000;  // ties with Traffic Lights on size
    return items;
}

TrashView SampleView() {
    TrashView view;
    view.SetNow(kNow);
    view.SetItems(SampleItems());
    return view;
}
}  // namespace

TEST_CASE("Items are grouped by type in a fixed order with counts", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    CHECK(Rows(view) == std::vector<std::string>{"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)",
                                                 "augmented-416", "v3 of cats", "#Models (1)", "yolov8n",
                                                 "#Datasets (1)", "Bees", "#Workflows (1)", "slow webhooks"});
    CHECK(view.view().matchCount == 7);
    CHECK(view.view().matchBytes == 5000 + 100 + 900 + 1000 + 5000 + 70 + 1);

    SECTION("unknown types come last as Other") {
        std::vector<TrashItem> items = SampleItems();
        TrashItem odd = MakeItem(ItemType::Unknown, "x", "pipeline thing");
        odd.typeName = "pipeline";
        items.insert(items.begin(), odd);
        view.SetItems(items);
        CHECK(Rows(view).back() == "pipeline thing");
        CHECK(Rows(view)[Rows(view).size() - 2] == "#Other (1)");
    }
    SECTION("collapsed groups keep their header and count") {
        view.SetGroupCollapsed(ItemType::Version, true);
        CHECK(Rows(view) == std::vector<std::string>{"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)",
                                                     "#Models (1)", "yolov8n", "#Datasets (1)", "Bees",
                                                     "#Workflows (1)", "slow webhooks"});
        CHECK(view.view().groups[1].collapsed);
        CHECK(view.IsGroupCollapsed(ItemType::Version));
    }
}

TEST_CASE("Filters narrow the rows and the group counts", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});

    SECTION("search is a case-insensitive substring of the name or the parent's name") {
        view.SetQuery("CATS");
        CHECK(Rows(view) == std::vector<std::string>{"#Projects (1)", "cats", "#Versions (1)", "v3 of cats"});
        view.SetQuery("street");
        CHECK(Rows(view) == std::vector<std::string>{"#Versions (1)", "augmented-416", "#Models (1)", "yolov8n"});
        view.SetQuery("nothing like it");
        CHECK(Rows(view).empty());
        CHECK(view.view().matchCount == 0);
        view.SetQuery("");
        CHECK(view.view().matchCount == 7);
    }
    SECTION("type filter: a set of types, empty means all") {
        view.SetTypeFilter(ItemType::Dataset, true);
        view.SetTypeFilter(ItemType::Workflow, true);
        CHECK(Rows(view) == std::vector<std::string>{"#Datasets (1)", "Bees", "#Workflows (1)", "slow webhooks"});
        view.SetTypeFilter(ItemType::Dataset, false);
        CHECK(Rows(view) == std::vector<std::string>{"#Workflows (1)", "slow webhooks"});
        view.ClearTypeFilter();
        CHECK(view.view().matchCount == 7);
    }
    SECTION("expiring within 7 days, and filters combine") {
        view.SetExpiringSoon(true);
        CHECK(Rows(view) == std::vector<std::string>{"#Projects (1)", "cats", "#Datasets (1)", "Bees"});
        view.SetQuery("bee");
        CHECK(Rows(view) == std::vector<std::string>{"#Datasets (1)", "Bees"});
    }
}

TEST_CASE("The expiring filter follows the clock, rebuilding only when an item crosses 7 days", "[trash_view]") {
    TrashView view = SampleView();
    view.SetExpiringSoon(true);
    CHECK(view.view().matchCount == 2);  // cats (5 days left) and Bees (1 hour left)
    const uint64_t recomputes = view.recomputeCount();

    // Next to cross: the workflow, 20 days left, so at cleanup - 7 days + 1 ms.
    const int64_t workflowCleanup = kNow - 10 * kDayMs + 30 * kDayMs;
    CHECK(view.NextFilterChangeMs() == workflowCleanup - 7 * kDayMs + 1);

    view.SetNow(kNow + kHourMs);  // nothing crosses; Bees becomes due, still "expiring"
    view.view();
    CHECK(view.recomputeCount() == recomputes);
    view.SetNow(view.NextFilterChangeMs() - 1);
    view.view();
    CHECK(view.recomputeCount() == recomputes);
    view.SetNow(view.NextFilterChangeMs());
    CHECK(view.view().matchCount == 3);
    CHECK(view.recomputeCount() == recomputes + 1);

    view.SetExpiringSoon(false);
    CHECK(view.NextFilterChangeMs() == kNever);
}

TEST_CASE("Every column sorts both ways, ties broken by name then id", "[trash_view]") {
    TrashView view = SampleView();
    view.SetTypeFilter(ItemType::Project, true);
    view.SetTypeFilter(ItemType::Version, true);
    view.SetTypeFilter(ItemType::Model, true);
    // Sorting happens within each group; check projects + versions + models.
    struct Case {
        SortColumn column;
        bool ascending;
        std::vector<std::string> rows;
    };
    const Case cases[] = {
        {SortColumn::Name,
         true,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "augmented-416", "v3 of cats", "#Models (1)",
          "yolov8n"}},
        {SortColumn::Name,
         false,
         {"#Projects (2)", "Traffic Lights", "cats", "#Versions (2)", "v3 of cats", "augmented-416", "#Models (1)",
          "yolov8n"}},
        {SortColumn::DeletedBy,
         true,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "augmented-416", "v3 of cats", "#Models (1)",
          "yolov8n"}},
        {SortColumn::DeletedBy,
         false,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "v3 of cats", "augmented-416", "#Models (1)",
          "yolov8n"}},
        {SortColumn::DeletedAt,
         true,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "augmented-416", "v3 of cats", "#Models (1)",
          "yolov8n"}},
        {SortColumn::DeletedAt,
         false,
         {"#Projects (2)", "Traffic Lights", "cats", "#Versions (2)", "v3 of cats", "augmented-416", "#Models (1)",
          "yolov8n"}},
        {SortColumn::TimeLeft,
         true,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "augmented-416", "v3 of cats", "#Models (1)",
          "yolov8n"}},
        {SortColumn::TimeLeft,
         false,
         {"#Projects (2)", "Traffic Lights", "cats", "#Versions (2)", "v3 of cats", "augmented-416", "#Models (1)",
          "yolov8n"}},
        {SortColumn::Size,
         true,
         {"#Projects (2)", "cats", "Traffic Lights", "#Versions (2)", "augmented-416", "v3 of cats", "#Models (1)",
          "yolov8n"}},
        {SortColumn::Size,
         false,
         {"#Projects (2)", "Traffic Lights", "cats", "#Versions (2)", "v3 of cats", "augmented-416", "#Models (1)",
          "yolov8n"}},
    };
    for (const Case& c : cases) {
        INFO("column " << static_cast<int>(c.column) << (c.ascending ? " ascending" : " descending"));
        view.SetSort({c.column, c.ascending});
        CHECK(Rows(view) == c.rows);
    }

    SECTION("ties on the primary key read alphabetically in both directions") {
        std::vector<TrashItem> items;
        for (const char* name : {"delta", "Alpha", "charlie", "bravo"})
            items.push_back(MakeItem(ItemType::Dataset, name, name, kNow, 42));
        items.push_back(MakeItem(ItemType::Dataset, "z-id", "alpha", kNow, 42));
        items.push_back(MakeItem(ItemType::Dataset, "a-id", "alpha", kNow, 42));
        view.SetItems(items);
        view.ClearTypeFilter();
        for (bool ascending : {true, false}) {
            view.SetSort({SortColumn::Size, ascending});
            // Case-insensitive first, then exact (uppercase first), then id.
            CHECK(Rows(view) ==
                  std::vector<std::string>{"#Datasets (6)", "Alpha", "alpha", "alpha", "bravo", "charlie", "delta"});
            const View& v = view.view();
            CHECK(view.items()[v.rows[2].itemIndex].id == "a-id");
            CHECK(view.items()[v.rows[3].itemIndex].id == "z-id");
        }
    }
}

TEST_CASE("The view is cached: nothing is recomputed while its inputs stay the same", "[trash_view]") {
    TrashView view = SampleView();
    view.view();
    const uint64_t recomputes = view.recomputeCount();
    const uint64_t generation = view.viewGeneration();
    for (int frame = 0; frame < 100; ++frame) {
        view.view();
        view.SetQuery("");
        view.SetSort(view.sort());
        view.SetNow(kNow + frame);  // the expiring filter is off: time does not matter
        view.SetTypeFilter(ItemType::Model, false);
        view.IsSelected(Key(view, "cats"));
        view.selectionBytes();
    }
    CHECK(view.recomputeCount() == recomputes);
    CHECK(view.viewGeneration() == generation);

    view.SetQuery("c");
    CHECK(view.viewGeneration() == generation + 1);
    view.SetQuery("ca");
    view.view();
    view.view();
    CHECK(view.recomputeCount() == recomputes + 1);  // two changes, one rebuild when read
    view.Refresh();
    view.view();
    CHECK(view.recomputeCount() == recomputes + 2);

    SECTION("an identical fresh listing changes nothing") {
        const uint64_t before = view.viewGeneration();
        view.SetItems(SampleItems());
        view.view();
        CHECK(view.viewGeneration() == before);
        CHECK(view.recomputeCount() == recomputes + 2);
        std::vector<TrashItem> changed = SampleItems();
        changed[3].sizeBytes += 1;
        view.SetItems(changed);
        view.view();
        CHECK(view.recomputeCount() == recomputes + 3);
    }
}

TEST_CASE("Selection: click, Ctrl-click and Shift ranges over the view order", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    // Rows: cats, Traffic Lights | augmented-416, v3 of cats | yolov8n | Bees | slow webhooks

    view.Click(Key(view, "Traffic Lights"));
    CHECK(Names(view.selectedItems()) == std::vector<std::string>{"Traffic Lights"});
    view.Click(Key(view, "yolov8n"));
    CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n"});

    SECTION("Ctrl-click toggles one row") {
        view.Click(Key(view, "cats"), {true, false});
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "yolov8n"});
        view.Click(Key(view, "yolov8n"), {true, false});
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats"});
    }
    SECTION("Shift-click selects the range from the anchor across groups, skipping headers") {
        view.Click(Key(view, "Traffic Lights"), {false, true});
        CHECK(Names(view.selectedItems()) ==
              std::vector<std::string>{"Traffic Lights", "augmented-416", "v3 of cats", "yolov8n"});
        view.Click(Key(view, "slow webhooks"), {false, true});  // re-ranges from the same anchor
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n", "Bees", "slow webhooks"});
        CHECK(view.selectionCount() == 3);
        CHECK(view.selectionBytes() == 5000 + 70 + 1);
    }
    SECTION("Ctrl+Shift adds the range to the selection") {
        view.Click(Key(view, "cats"), {true, false});  // anchor moves to cats
        view.Click(Key(view, "augmented-416"), {true, true});
        CHECK(Names(view.selectedItems()) ==
              std::vector<std::string>{"cats", "Traffic Lights", "augmented-416", "yolov8n"});
    }
    SECTION("the range follows the current sort") {
        view.SetSort({SortColumn::Name, false});
        view.Click(Key(view, "cats"), {false, true});
        CHECK(Names(view.selectedItems()) ==
              std::vector<std::string>{"cats", "v3 of cats", "augmented-416", "yolov8n"});
    }
    SECTION("select all visible under a filter, clear") {
        view.SetQuery("cats");
        view.SelectAllVisible();
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "v3 of cats"});
        view.SetQuery("");
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "v3 of cats", "yolov8n"});
        view.ClearSelection();
        CHECK(view.selectedItems().empty());
        CHECK(view.selectionCount() == 0);
    }
    SECTION("selected rows a filter hides are not acted on, and come back with the filter") {
        view.SetQuery("traffic");
        CHECK(view.selectedItems().empty());
        CHECK(view.selectionBytes() == 0);
        CHECK_FALSE(view.IsSelected(Key(view, "yolov8n")));
        view.SetQuery("");
        CHECK(view.IsSelected(Key(view, "yolov8n")));
    }
    SECTION("select all visible skips collapsed groups") {
        view.ClearSelection();
        view.SetGroupCollapsed(ItemType::Project, true);
        view.SelectAllVisible();
        CHECK(view.selectionCount() == 5);
    }
    SECTION("checkboxes set one row and the anchor") {
        view.SetSelected(Key(view, "Bees"), true);
        view.Click(Key(view, "slow webhooks"), {true, true});
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n", "Bees", "slow webhooks"});
        view.SetSelected(Key(view, "Bees"), false);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n", "slow webhooks"});
    }
}

TEST_CASE("Selection: Shift+arrows and Shift+Space select from the anchor to the cursor", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    // Rows: cats, Traffic Lights | augmented-416, v3 of cats | yolov8n | Bees | slow webhooks

    SECTION("with no cursor yet, the range starts on the row the cursor lands on") {
        view.ExtendFocus(FocusMove::Down);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats"});
        view.ExtendFocus(FocusMove::Down);
        view.ExtendFocus(FocusMove::Down);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "Traffic Lights", "augmented-416"});
        view.ExtendFocus(FocusMove::Up);  // back towards the anchor shrinks the range
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "Traffic Lights"});
        CHECK(view.focused() == Key(view, "Traffic Lights"));
    }
    SECTION("from a plain cursor, the range starts on the row the cursor left, and crosses the anchor") {
        view.MoveFocus(FocusMove::Down);
        view.MoveFocus(FocusMove::Down);
        view.MoveFocus(FocusMove::Down);  // augmented-416, nothing selected
        CHECK(view.selectedItems().empty());
        view.ExtendFocus(FocusMove::Down);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"augmented-416", "v3 of cats"});
        view.ExtendFocus(FocusMove::Up);
        view.ExtendFocus(FocusMove::Up);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"Traffic Lights", "augmented-416"});
        view.ExtendFocus(FocusMove::End);
        CHECK(Names(view.selectedItems()) ==
              std::vector<std::string>{"augmented-416", "v3 of cats", "yolov8n", "Bees", "slow webhooks"});
    }
    SECTION("the anchor is the last row clicked or toggled, and the range replaces the selection") {
        view.Click(Key(view, "yolov8n"));
        view.SetSelected(Key(view, "cats"), true);  // anchor: cats
        view.SetFocus(Key(view, "augmented-416"));
        view.ExtendFocus(FocusMove::Down);
        CHECK(Names(view.selectedItems()) ==
              std::vector<std::string>{"cats", "Traffic Lights", "augmented-416", "v3 of cats"});
        view.SelectToFocus();  // the same range: nothing changes
        CHECK(view.selectionCount() == 4);
        view.MoveFocus(FocusMove::Home);
        view.SelectToFocus();
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats"});
    }
    SECTION("Shift+Space with no anchor selects the cursor's row, which becomes the anchor") {
        view.SelectToFocus();  // no cursor: nothing
        CHECK(view.selectedItems().empty());
        view.SetFocus(Key(view, "yolov8n"));
        view.SelectToFocus();
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n"});
        view.SetFocus(Key(view, "slow webhooks"));
        view.SelectToFocus();
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n", "Bees", "slow webhooks"});
    }
    SECTION("an anchor a filter hides is not used: the range starts at the cursor") {
        view.SetSelected(Key(view, "cats"), true);
        for (ItemType type : {ItemType::Model, ItemType::Dataset, ItemType::Workflow}) view.SetTypeFilter(type, true);
        view.SetFocus(Key(view, "yolov8n"));  // rows: yolov8n | Bees | slow webhooks
        view.ExtendFocus(FocusMove::Down);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"yolov8n", "Bees"});
    }
    SECTION("the range follows the view order across group headers, never selecting a header") {
        view.SetFocus(Key(view, "Traffic Lights"));
        view.ExtendFocus(FocusMove::PageDown, 2);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"Traffic Lights", "augmented-416", "v3 of cats"});
        CHECK(view.selectionCount() == 3);
    }
}

TEST_CASE("Selection and focus survive a fresh listing, dropping what disappeared", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    view.Click(Key(view, "cats"));
    view.Click(Key(view, "Bees"), {true, false});
    view.SetFocus(Key(view, "Bees"));

    std::vector<TrashItem> fresh = SampleItems();
    fresh.erase(fresh.begin() + 1);  // "cats" is gone (restored elsewhere)
    std::reverse(fresh.begin(), fresh.end());
    view.SetItems(fresh);
    CHECK(Names(view.selectedItems()) == std::vector<std::string>{"Bees"});
    CHECK(view.focused() == Key(view, "Bees"));
    REQUIRE(view.focusedRow());
    CHECK(view.items()[view.view().rows[*view.focusedRow()].itemIndex].name == "Bees");
}

TEST_CASE("The keyboard cursor moves over item rows only", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    auto focusedName = [&] { return view.items()[view.view().rows[*view.focusedRow()].itemIndex].name; };

    CHECK_FALSE(view.focusedRow());
    view.MoveFocus(FocusMove::Down);
    CHECK(focusedName() == "cats");
    CHECK(*view.focusedRow() == 1);  // row 0 is the Projects header
    view.MoveFocus(FocusMove::Up);
    CHECK(focusedName() == "cats");
    view.MoveFocus(FocusMove::Down);
    view.MoveFocus(FocusMove::Down);
    CHECK(focusedName() == "augmented-416");  // over the Versions header
    view.MoveFocus(FocusMove::PageDown, 3);
    CHECK(focusedName() == "Bees");
    view.MoveFocus(FocusMove::PageDown, 3);
    CHECK(focusedName() == "slow webhooks");
    view.MoveFocus(FocusMove::PageUp, 2);
    CHECK(focusedName() == "yolov8n");
    view.MoveFocus(FocusMove::Home);
    CHECK(focusedName() == "cats");
    view.MoveFocus(FocusMove::End);
    CHECK(focusedName() == "slow webhooks");

    SECTION("when the focused item is filtered out the cursor takes the row at its place") {
        view.SetFocus(Key(view, "augmented-416"));
        view.SetQuery("cat");  // hides augmented-416, the third item row
        CHECK(focusedName() == "v3 of cats");
    }
    SECTION("an empty view has no cursor") {
        view.SetQuery("zzz");
        CHECK_FALSE(view.focusedRow());
        view.MoveFocus(FocusMove::Down);
        CHECK_FALSE(view.focusedRow());
    }
}

TEST_CASE("The focused row follows the view through sorts, collapses and filters", "[trash_view]") {
    TrashView view = SampleView();
    auto rowName = [&](size_t row) { return view.items()[view.view().rows[row].itemIndex].name; };
    view.SetFocus(Key(view, "yolov8n"));
    for (SortSpec sort : {SortSpec{SortColumn::Name, true}, SortSpec{SortColumn::Size, false},
                          SortSpec{SortColumn::DeletedBy, true}, SortSpec{SortColumn::TimeLeft, false}}) {
        view.SetSort(sort);
        REQUIRE(view.focusedRow());
        CHECK(rowName(*view.focusedRow()) == "yolov8n");
    }
    view.SetGroupCollapsed(ItemType::Project, true);  // rows above it shift up
    REQUIRE(view.focusedRow());
    CHECK(rowName(*view.focusedRow()) == "yolov8n");
    CHECK(*view.focusedRow() == 5);                 // #Projects, #Versions, two versions, #Models, yolov8n
    view.SetGroupCollapsed(ItemType::Model, true);  // its own group collapses: an item row takes over
    REQUIRE(view.focusedRow());
    CHECK_FALSE(view.view().rows[*view.focusedRow()].isHeader);
    CHECK(rowName(*view.focusedRow()) != "yolov8n");
}

TEST_CASE("Asking for the focused row every frame is a lookup, not a scan (benchmark)", "[trash_view][benchmark]") {
    TrashView view;
    view.SetNow(kNow);
    view.SetItems(test::GenerateItems(100'000));
    view.view();
    const double noFocusMs = test::MillisecondsOf([&] {
        for (int frame = 0; frame < 1000; ++frame) CHECK_FALSE(view.focusedRow());
    });
    view.MoveFocus(FocusMove::End);
    const ItemKey last = *view.focused();
    const double focusMs = test::MillisecondsOf([&] {
        for (int frame = 0; frame < 1000; ++frame) REQUIRE(view.focusedRow() == view.view().rows.size() - 1);
    });
    CHECK(*view.focused() == last);
    std::cout << "[benchmark] focusedRow at 100,000 items, 1000 frames: no focus " << noFocusMs
              << " ms, focus on the last row " << focusMs << " ms\n";
    CHECK(noFocusMs < 50);
    CHECK(focusMs < 50);
}

TEST_CASE("Optimistic removals hide at once, then commit or roll back exactly", "[trash_view]") {
    TrashView view = SampleView();
    view.SetSort({SortColumn::Name, true});
    const std::vector<std::string> before = Rows(view);
    view.Click(Key(view, "cats"));
    view.Click(Key(view, "Bees"), {true, false});
    const ItemKey cats = Key(view, "cats"), bees = Key(view, "Bees"), wf = Key(view, "slow webhooks");

    view.BeginRemove(1, {cats, wf});
    CHECK(view.IsPending(1));
    CHECK(view.IsHidden(cats));
    CHECK(Rows(view) == std::vector<std::string>{"#Projects (1)", "Traffic Lights", "#Versions (2)", "augmented-416",
                                                 "v3 of cats", "#Models (1)", "yolov8n", "#Datasets (1)", "Bees"});
    CHECK(view.visibleItemCount() == 5);
    CHECK(Names(view.selectedItems()) == std::vector<std::string>{"Bees"});

    SECTION("roll back restores the same rows and the selection") {
        view.RollBack(1);
        CHECK_FALSE(view.IsPending(1));
        CHECK(Rows(view) == before);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "Bees"});
    }
    SECTION("commit drops them for good") {
        view.CommitRemove(1);
        CHECK(view.items().size() == 5);
        CHECK(view.Find(cats) == nullptr);
        CHECK(Rows(view) == std::vector<std::string>{"#Projects (1)", "Traffic Lights", "#Versions (2)",
                                                     "augmented-416", "v3 of cats", "#Models (1)", "yolov8n",
                                                     "#Datasets (1)", "Bees"});
        view.RollBack(1);  // unknown op: nothing happens
        CHECK(view.items().size() == 5);
    }
    SECTION("partial success commits what was done and brings back the rest") {
        view.SettleRemove(1, {wf});
        CHECK(view.Find(wf) == nullptr);
        CHECK(Names(view.selectedItems()) == std::vector<std::string>{"cats", "Bees"});
        CHECK(view.view().matchCount == 6);
    }
    SECTION("a fresh listing during the op keeps pending items hidden") {
        view.SetItems(SampleItems());  // the server has not finished: they are still listed
        CHECK(view.view().matchCount == 5);
        CHECK(view.IsHidden(cats));
        view.BeginRemove(2, {bees});
        CHECK(view.view().matchCount == 4);
        view.RollBack(1);
        CHECK(view.view().matchCount == 6);
        view.CommitRemove(2);
        CHECK(view.view().matchCount == 6);
        CHECK(view.items().size() == 6);
    }
    SECTION("a fresh listing without the items, then a roll back, does not resurrect them") {
        std::vector<TrashItem> fresh = SampleItems();
        fresh.erase(fresh.begin() + 1);  // cats
        view.SetItems(fresh);
        view.RollBack(1);
        CHECK(view.Find(cats) == nullptr);
        CHECK(view.view().matchCount == 6);
    }
}

TEST_CASE("Removed rows leave the rest in the order a fresh sort gives, on every column", "[trash_view]") {
    // The sort orders are renumbered on a removal, not sorted again: they must still be exactly
    // the fresh sort's, ties included (the generated names tie on words, people on deleters).
    std::vector<TrashItem> items = test::GenerateItems(600);
    for (size_t i = 0; i < items.size(); i += 4) items[i].name = "same name";
    std::vector<TrashItem> kept;
    std::vector<ItemKey> removed;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i % 3 == 1)
            removed.push_back(KeyOf(items[i]));
        else
            kept.push_back(items[i]);
    }
    const auto ids = [](const TrashView& view) {  // ids, not names: the tied names must keep their order
        std::vector<std::string> rows;
        for (const ViewRow& row : view.view().rows) rows.push_back(row.isHeader ? "#" : view.items()[row.itemIndex].id);
        return rows;
    };
    for (const SortColumnNames& names : kSortColumnNames)
        for (const bool ascending : {true, false}) {
            CAPTURE(names.address, ascending);
            TrashView view;
            view.SetNow(kNow);
            view.SetItems(items);
            view.SetSort({SortColumn::Name, true});
            view.view();  // the name order is cached, then the column's
            view.SetSort({names.column, ascending});
            view.view();
            view.BeginRemove(1, removed);
            view.CommitRemove(1);
            TrashView fresh;
            fresh.SetNow(kNow);
            fresh.SetItems(kept);
            fresh.SetSort({names.column, ascending});
            CHECK(ids(view) == ids(fresh));
            view.SetSort({SortColumn::Name, !ascending});  // the kept name order too
            fresh.SetSort({SortColumn::Name, !ascending});
            CHECK(ids(view) == ids(fresh));
        }
}

TEST_CASE("100,000 items rebuild fast (benchmark)", "[trash_view][benchmark]") {
    TrashView view;
    view.SetNow(kNow);
    std::vector<TrashItem> items = test::GenerateItems(100'000);
    std::vector<TrashItem> same = items;
    const double setMs = test::MillisecondsOf([&] { view.SetItems(std::move(items)); });
    const double firstMs = test::MillisecondsOf([&] { view.view(); });
    const double sameMs = test::MillisecondsOf([&] { view.SetItems(std::move(same)); });
    CHECK(view.recomputeCount() == 1);
    CHECK(view.view().matchCount == 100'000);
    CHECK(view.view().rows.size() == 100'005);

    view.SetSort({SortColumn::Name, true});
    const double nameMs = test::MillisecondsOf([&] { view.view(); });
    view.SetSort({SortColumn::Size, false});
    const double sizeMs = test::MillisecondsOf([&] { view.view(); });
    view.SetQuery("traffic-light");
    const double searchMs = test::MillisecondsOf([&] { view.view(); });
    CHECK(view.view().matchCount > 0);
    CHECK(view.view().matchCount < 100'000);
    view.SetQuery("");
    view.SetExpiringSoon(true);
    const double expiringMs = test::MillisecondsOf([&] { view.view(); });
    const uint64_t recomputes = view.recomputeCount();
    const double cachedMs = test::MillisecondsOf([&] {
        for (int frame = 0; frame < 1000; ++frame) view.view();
    });
    CHECK(view.recomputeCount() == recomputes);
    view.SetExpiringSoon(false);
    view.SelectAllVisible();
    CHECK(view.selectionCount() == 100'000);
    view.BeginRemove(1, view.selectedKeys());
    CHECK(view.view().matchCount == 0);
    const double commitMs = test::MillisecondsOf([&] { view.CommitRemove(1); });
    CHECK(view.items().empty());

    std::cout << "[benchmark] TrashView, 100,000 items: SetItems " << setMs << " ms, first view " << firstMs
              << " ms, SetItems of an identical listing " << sameMs << " ms, sort by name " << nameMs
              << " ms, sort by size " << sizeMs << " ms, search " << searchMs << " ms, expiring filter " << expiringMs
              << " ms, 1000 cached reads " << cachedMs << " ms, commit removal of all " << commitMs << " ms\n";
}
