// Copying Trash rows: the text put on the clipboard (names or ids, one per line, in view order),
// the confirming toast, which rows Ctrl/Cmd+C acts on, and the reducer's Copy intent.
#include <catch2/catch.hpp>

#include "core/clipboard.h"
#include "core/page_state.h"
#include "test_support.h"

using namespace trash;
using test::kNow;
using test::MakeChild;
using test::MakeItem;

namespace {
std::vector<TrashItem> Fixture() {
    return {MakeItem(ItemType::Project, "d_pallet", "Pallet Counter", kNow - 3 * kDayMs),
            MakeChild(ItemType::Version, "1", "store-12-pilot", "d_shelf", "Shelf Gap Finder", true),
            MakeItem(ItemType::Workflow, "wf_nightly", "", kNow - 2 * kDayMs),
            MakeItem(ItemType::Dataset, "ds_night", "Night\nshift\tcaptures", kNow - 5 * kDayMs)};
}
}  // namespace

TEST_CASE("Clipboard text: one name or id per line, in the order given", "[clipboard]") {
    const std::vector<TrashItem> items = Fixture();
    SECTION("names; an item without a name copies its id") {
        CHECK(ClipboardText({items[0], items[2]}, CopyField::Name) == "Pallet Counter\nwf_nightly");
    }
    SECTION("ids; versions and models carry their project's id, as their ids are per project") {
        CHECK(ClipboardText({items[0], items[1]}, CopyField::Id) == "d_pallet\nd_shelf/1");
        CHECK(ClipboardText({items[1]}, CopyField::Id) == "d_shelf/1");
    }
    SECTION("a name with a line break or a tab stays on one line") {
        CHECK(ClipboardText({items[3], items[0]}, CopyField::Name) == "Night shift captures\nPallet Counter");
    }
    SECTION("nothing copies nothing") { CHECK(ClipboardText({}, CopyField::Name).empty()); }
}

TEST_CASE("The toast after a copy names the one item or counts them", "[clipboard]") {
    const std::vector<TrashItem> items = Fixture();
    CHECK(CopiedMessage({items[0]}, CopyField::Name) == "Copied name of \"Pallet Counter\"");
    CHECK(CopiedMessage({items[0]}, CopyField::Id) == "Copied ID of \"Pallet Counter\"");
    CHECK(CopiedMessage({items[2]}, CopyField::Id) == "Copied ID of \"wf_nightly\"");
    CHECK(CopiedMessage(items, CopyField::Name) == "Copied 4 names");
    CHECK(CopiedMessage({items[0], items[1], items[2]}, CopyField::Id) == "Copied 3 IDs");
}

TEST_CASE("Ctrl/Cmd+C acts on the selection in view order, else on the cursor row", "[clipboard]") {
    TrashView view;
    view.SetNow(kNow);
    view.SetItems(Fixture());
    const std::vector<TrashItem> items = Fixture();
    CHECK(CopyTargets(view).empty());  // no selection, no cursor

    view.SetFocus(KeyOf(items[2]));
    CHECK(CopyTargets(view) == std::vector<ItemKey>{KeyOf(items[2])});

    // Selected out of order: copied in the order the rows are shown (groups: projects, versions,
    // models, datasets, workflows), and the cursor row is not added.
    view.SetSelected(KeyOf(items[3]), true);
    view.SetSelected(KeyOf(items[0]), true);
    CHECK(CopyTargets(view) == std::vector<ItemKey>{KeyOf(items[0]), KeyOf(items[3])});

    // A selected row hidden by the search is not copied.
    view.SetQuery("pallet");
    CHECK(CopyTargets(view) == std::vector<ItemKey>{KeyOf(items[0])});
}

TEST_CASE("The Copy intent puts the text on the clipboard once and confirms with a toast", "[clipboard][page_state]") {
    PageState state;
    state.Start(kNow);
    state.view().SetItems(Fixture());
    const std::vector<TrashItem> items = Fixture();
    CHECK_FALSE(state.TakeClipboardText());

    CHECK(state.Apply(intent::Copy{CopyField::Id, {KeyOf(items[1])}}).empty());  // no request
    CHECK(state.TakeClipboardText() == std::optional<std::string>("d_shelf/1"));
    CHECK_FALSE(state.TakeClipboardText());  // taken
    REQUIRE(state.toasts().size() == 1);
    CHECK(state.toasts()[0].kind == ToastKind::Success);
    CHECK(state.toasts()[0].message == "Copied ID of \"store-12-pilot\"");

    state.Apply(intent::Copy{CopyField::Name, {KeyOf(items[0]), KeyOf(items[2])}});
    CHECK(state.TakeClipboardText() == std::optional<std::string>("Pallet Counter\nwf_nightly"));
    CHECK(state.toasts().back().message == "Copied 2 names");

    SECTION("keys no longer in the Trash copy nothing and say nothing") {
        state.Apply(intent::Copy{CopyField::Name, {ItemKey{ItemType::Project, "", "d_gone"}}});
        CHECK_FALSE(state.TakeClipboardText());
        CHECK(state.toasts().size() == 2);
    }
}
