// The Trash screen drawn headless on the fixture listing: what each row shows (amber indicator,
// countdowns and their urgency, the redraw time), what the buttons emit, and that disabled
// actions emit nothing whatever the user clicks.
#include <catch2/catch.hpp>

#include "core/countdown.h"    // FormatTimeLeft, FormatPurgeTime
#include "core/permissions.h"  // RestoreBlockedReason
#include "harness.h"

using namespace ui::test;
using trash::ItemType;

namespace {
const char* kAmberTip =
    "Cleanup will also delete the images that belong only to this project. Images shared with other projects are "
    "preserved.";

std::vector<std::string> Without(const std::string& permission) {
  std::vector<std::string> out;
  for (const std::string& p : AllPermissions())
    if (p != permission) out.push_back(p);
  return out;
}

int64_t CleanupOf(Harness& h, const std::string& id) {
  for (const trash::TrashItem& item : h.page.view().items())
    if (item.id == id) return item.scheduledCleanupAtMs;
  FAIL("no item " << id);
  return 0;
}
}  // namespace

TEST_CASE("Trash rows show the amber indicator and coloured countdowns", "[trash_screen]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  REQUIRE(h.page.screen() == trash::Screen::Trash);

  SECTION("the amber indicator on a project whose cleanup deletes its images") {
    const ui::WidgetInfo* amber = h.Widget("row/project/p_1/images");
    REQUIRE(amber);
    CHECK(amber->role == "img");
    CHECK(amber->description == kAmberTip);
    CHECK_FALSE(h.Widget("row/workflow/wf_1/images"));
  }
  SECTION("countdowns: label, purge date tooltip and urgency") {
    const ui::WidgetInfo* normal = h.Widget("row/project/p_1/time-left");
    REQUIRE(normal);
    CHECK(normal->label == "21 days left");
    CHECK(normal->role == "timer");  // not "status": a screen reader does not read every tick out
    CHECK(normal->description == trash::FormatPurgeTime(CleanupOf(h, "p_1")));
    CHECK(normal->Has("normal"));
    const ui::WidgetInfo* amber = h.Widget("row/version/p_2/5/time-left");
    REQUIRE(amber);
    CHECK(amber->label == "3 days left");
    CHECK(amber->Has("amber"));
    const ui::WidgetInfo* red = h.Widget("row/dataset/ds_9/time-left");
    REQUIRE(red);
    CHECK(red->label == "8 hours left");
    CHECK(red->Has("red"));
  }
  SECTION("the page wakes when the first visible countdown or \"deleted … ago\" label changes") {
    int64_t expected = trash::kNever;
    for (const trash::TrashItem& item : h.page.view().items()) {
      expected = std::min(expected, trash::FormatTimeLeft(h.now, item.scheduledCleanupAtMs).nextChangeMs);
      expected = std::min(expected, trash::NextRelativeRedrawMs(h.now, item.deletedAtMs));
    }
    CHECK(h.last.wakeAtMs == expected);
    CHECK(h.last.wakeAtMs > h.now);
  }
  SECTION("children show their project, projects their +N") {
    const ui::WidgetInfo* row = h.Widget("row/version/p_1/2");
    REQUIRE(row);
    CHECK(row->label == "Traffic Lights / v2 augmented");
    CHECK(h.All("row").size() == 6);
  }
}

TEST_CASE("A disabled Restore cannot be triggered", "[trash_screen]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"), Without("restore_version"));
  h.Frames(3);
  const ui::WidgetInfo* restore = h.Widget("row/version/p_2/5/restore");
  REQUIRE(restore);
  CHECK_FALSE(restore->enabled);
  CHECK(restore->Has("disabled"));
  CHECK(restore->description.find("the \"Restore versions\" permission") != std::string::npos);  // words
  h.Click("row/version/p_2/5/restore");
  CHECK(h.CountEmitted<trash::intent::Restore>() == 0);

  SECTION("the same button with the permission restores the row") {
    Harness owner;
    owner.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    owner.Frames(3);
    REQUIRE(owner.Widget("row/version/p_2/5/restore")->enabled);
    owner.Click("row/version/p_2/5/restore");
    const auto* r = owner.LastEmitted<trash::intent::Restore>();
    REQUIRE(r);
    REQUIRE(r->keys.size() == 1);
    CHECK(r->keys[0].id == "5");
    CHECK(r->keys[0].parentId == "p_2");
  }
  SECTION("without delete_permanently, Delete and Empty Trash are disabled too") {
    Harness viewer;
    viewer.SignInWithListing(ReadFixture("ui_trash_listing.json"), Without("delete_permanently"));
    viewer.Frames(3);
    const ui::WidgetInfo* del = viewer.Widget("row/dataset/ds_9/delete");
    REQUIRE(del);
    CHECK_FALSE(del->enabled);
    CHECK(del->description.find("the \"Delete permanently\" permission") != std::string::npos);
    viewer.Click("row/dataset/ds_9/delete");
    viewer.Click("bulk/empty-trash");
    CHECK(viewer.CountEmitted<trash::intent::OpenDialog>() == 0);
  }
}

TEST_CASE("A child whose project is in Trash offers to restore the project first", "[trash_screen]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  // The link takes the place of the Restore that cannot work (which stays, disabled, in the row menu).
  CHECK_FALSE(h.Widget("row/version/p_1/2/restore"));
  REQUIRE(h.Widget("row/version/p_1/2/restore-parent"));
  CHECK(h.Widget("row/version/p_1/2/restore-parent")->role == "link");
  h.Click("row/version/p_1/2/restore-parent");
  const auto* first = h.LastEmitted<trash::intent::RestoreParentFirst>();
  REQUIRE(first);
  CHECK(first->child.id == "2");
  CHECK(first->child.parentId == "p_1");
  CHECK_FALSE(h.Widget("row/version/p_2/5/restore-parent"));  // its project is active
}

TEST_CASE("Row clicks, checkboxes and the header checkbox select", "[trash_screen]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.Click("row/workflow/wf_1");
  CHECK(h.page.view().selectionCount() == 1);
  CHECK(h.Widget("row/workflow/wf_1")->Has("selected"));
  REQUIRE(h.Widget("selection/summary"));
  CHECK(h.Widget("selection/summary")->label.find("1 selected") == 0);
  h.Click("row/dataset/ds_9/select");
  CHECK(h.page.view().selectionCount() == 2);
  h.Click("##select-all");
  CHECK(h.page.view().selectionCount() == 6);
  h.Click("selection/clear");
  CHECK(h.page.view().selectionCount() == 0);
  CHECK(h.Widget("bulk/restore-all"));
}

TEST_CASE("Search, type chips and the empty and no-match states", "[trash_screen]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  REQUIRE(h.Find("checkbox", "Versions 2"));
  h.Click("chip/version");
  CHECK(h.All("row").size() == 2);
  h.Click("chip/all");
  CHECK(h.All("row").size() == 6);

  h.Click("##search");
  h.Type("zzz");
  h.Frame();
  REQUIRE(h.Widget("state/no-match"));
  h.Click("state/clear-filters");
  h.Frame();
  CHECK(h.All("row").size() == 6);

  Harness empty;
  empty.SignInWithListing(R"({"items":[]})");
  empty.Frames(2);
  CHECK(empty.Widget("state/empty"));
}

TEST_CASE("Without view_trash the page says so", "[trash_screen]") {
  Harness h;
  h.SignIn(SessionJson({"restore_dataset"}));
  h.Frames(2);
  const ui::WidgetInfo* forbidden = h.Widget("state/forbidden");
  REQUIRE(forbidden);
  CHECK(forbidden->label == "You don't have access to the Trash");
  CHECK(h.All("row").empty());
}

TEST_CASE("A failed load shows the server's message and Retry", "[trash_screen]") {
  Harness h;
  h.SignIn(SessionJson(AllPermissions()));
  h.Frames(2);
  CHECK(h.Widget("state/loading"));
  h.Respond(trash::RequestKind::ListTrash, 500, R"({"error":"Database is locked"})");
  h.Frames(2);
  REQUIRE(h.Widget("state/error"));
  h.Click("state/retry");
  CHECK(h.CountEmitted<trash::intent::Retry>() == 1);
}

TEST_CASE("Keyboard: arrows move the focus ring, Space selects, Enter restores", "[trash_screen][keyboard]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.PressKey(40);  // Down
  REQUIRE(h.page.view().focused());
  const std::string first = h.page.view().focused()->id;
  auto focusedRows = [&] {
    std::vector<const ui::WidgetInfo*> out;
    for (const ui::WidgetInfo* w : h.All("row"))
      if (w->Has("focused")) out.push_back(w);
    return out;
  };
  REQUIRE(focusedRows().size() == 1);
  h.PressKey(40);
  REQUIRE(h.page.view().focused());
  CHECK(h.page.view().focused()->id != first);
  h.PressKey(32);  // Space
  CHECK(h.page.view().selectionCount() == 1);
  CHECK(focusedRows()[0]->Has("selected"));
  h.PressKey(32);
  CHECK(h.page.view().selectionCount() == 0);

  SECTION("Enter restores the focused row, unless it is blocked") {
    h.PressKey(13);  // the focus is on a version whose project is in Trash
    CHECK(h.CountEmitted<trash::intent::Restore>() == 0);
    h.PressKey(38);  // Up: the project
    h.PressKey(13);
    const auto* r = h.LastEmitted<trash::intent::Restore>();
    REQUIRE(r);
    REQUIRE(r->keys.size() == 1);
    CHECK(r->keys[0].id == "p_1");
  }
  SECTION("Ctrl+A selects every row, Esc clears") {
    h.PressKey(65, true);
    CHECK(h.page.view().selectionCount() == 6);
    h.PressKey(27);
    CHECK(h.page.view().selectionCount() == 0);
  }
  SECTION("'/' focuses the search field") {
    h.PressKey(191);
    h.Frame();
    CHECK(h.Widget("##search")->Has("focused"));
  }
  SECTION("Delete opens Delete Permanently for the focused row") {
    h.PressKey(46);
    const auto* open = h.LastEmitted<trash::intent::OpenDialog>();
    REQUIRE(open);
    CHECK(open->kind == trash::DialogKind::ConfirmDeletePermanently);
    CHECK(open->keys.size() == 1);
  }
}

// Regression: ImGui 1.86 reverts an InputText edit on Esc, so Esc in the search emptied it and the
// arrows then walked the whole list. Esc now leaves the field with the query and its rows kept.
TEST_CASE("Keyboard: Esc leaves the search with its results, a second Esc or the clear button empties it",
          "[trash_screen][keyboard]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const size_t all = h.All("row").size();
  CHECK_FALSE(h.Widget("search/clear"));  // nothing to clear
  h.PressKey(191);                        // '/'
  h.Frame();
  REQUIRE(h.Widget("##search")->Has("focused"));
  h.Type("street");
  h.Frame();
  const size_t matching = h.All("row").size();
  REQUIRE(matching > 0);
  REQUIRE(matching < all);
  // Held like a person's key in the browser: down for several frames (the page draws a few per
  // input), past ImGui's key-repeat delay; still one Esc.
  ImGui::GetIO().KeysDown[27] = true;
  h.Frames(20);
  ImGui::GetIO().KeysDown[27] = false;
  h.Frame();
  CHECK_FALSE(h.Widget("##search")->Has("focused"));
  CHECK(h.page.view().filters().query == "street");
  CHECK(h.All("row").size() == matching);
  REQUIRE(h.Widget("search/clear"));
  h.PressKey(40);  // the arrows walk the matches
  REQUIRE(h.page.view().focused());
  bool focusedIsMatch = false;
  for (const ui::WidgetInfo* row : h.All("row")) focusedIsMatch |= row->Has("focused");
  CHECK(focusedIsMatch);

  SECTION("a second Esc empties the search") {
    h.PressKey(27);
    CHECK(h.page.view().filters().query.empty());
    h.Frame();
    CHECK(h.All("row").size() == all);
  }
  SECTION("with rows selected, Esc clears the selection first, then the search") {
    h.PressKey(32);
    REQUIRE(h.page.view().selectionCount() == 1);
    h.PressKey(27);
    CHECK(h.page.view().selectionCount() == 0);
    CHECK(h.page.view().filters().query == "street");
    h.PressKey(27);
    CHECK(h.page.view().filters().query.empty());
  }
  SECTION("the clear button empties the search without focusing it") {
    h.Click("search/clear");
    CHECK(h.page.view().filters().query.empty());
    CHECK_FALSE(h.Widget("##search")->Has("focused"));
    CHECK(h.All("row").size() == all);
    CHECK_FALSE(h.Widget("search/clear"));
  }
  SECTION("with no match, Esc on the page empties the search too") {
    h.Click("##search");
    h.Type("zzz");
    h.PressKey(27);
    REQUIRE(h.Widget("state/no-match"));
    CHECK(h.page.view().filters().query == "streetzzz");
    h.PressKey(27);
    CHECK(h.page.view().filters().query.empty());
  }
  SECTION("Esc in an empty search just leaves it") {
    h.Click("##search");
    h.PressKey(65, true);  // Ctrl+A, Backspace
    h.PressKey(8);
    REQUIRE(h.page.view().filters().query.empty());
    h.PressKey(27);
    CHECK_FALSE(h.Widget("##search")->Has("focused"));
    CHECK(h.page.view().filters().query.empty());
  }
}

TEST_CASE("Keyboard: Shift+arrows and Shift+Space select a range, which Restore takes", "[trash_screen][keyboard]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.PressKey(40);               // the cursor on the first row
  h.PressKey(40, false, true);  // Shift+Down
  h.PressKey(40, false, true);
  CHECK(h.page.view().selectionCount() == 3);
  std::vector<std::string> selectedRows;
  for (const ui::WidgetInfo* row : h.All("row"))
    if (row->Has("selected")) selectedRows.push_back(row->id);
  CHECK(selectedRows.size() == 3);
  REQUIRE(h.Widget("selection/summary"));
  CHECK(h.Widget("selection/summary")->label.rfind("3 selected", 0) == 0);
  h.PressKey(38, false, true);  // Shift+Up shrinks it
  CHECK(h.page.view().selectionCount() == 2);
  h.PressKey(40);
  h.PressKey(40);  // the cursor moves on alone
  CHECK(h.page.view().selectionCount() == 2);
  h.PressKey(32, false, true);  // Shift+Space: from the anchor (the first row) to the cursor
  CHECK(h.page.view().selectionCount() == 4);
  h.Click("selection/restore");
  const auto* restore = h.LastEmitted<trash::intent::Restore>();
  REQUIRE(restore);
  // Exactly the selected rows that may be restored (a version whose project is in Trash may not).
  std::vector<trash::ItemKey> expected;
  for (const trash::TrashItem* item : h.page.view().selectedItems())
    if (!trash::RestoreBlockedReason(*h.page.session(), *item)) expected.push_back(trash::KeyOf(*item));
  CHECK_FALSE(expected.empty());
  CHECK(restore->keys == expected);
}
