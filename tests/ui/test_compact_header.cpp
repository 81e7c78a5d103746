// Issue 15, items 7, 8, 10, 12 and parts of 16, drawn headless: the header leaves the list its
// room at 1280×720 and on small screens, over quota is flagged with the way out, nothing moves
// when a large listing finishes loading, and an empty Trash says so in the middle of the list's
// place without an "All 0" chip.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/listing_codec.h"  // EncodeTrashListing
#include "harness.h"

using namespace ui::test;

namespace {

// `count` items of the given types in turn, each deleted a minute after the one before.
std::vector<trash::TrashItem> Items(size_t count, std::vector<trash::ItemType> types) {
  std::vector<trash::TrashItem> items;
  for (size_t i = 0; i < count; ++i) {
    const trash::ItemType type = types[i % types.size()];
    trash::TrashItem item = MakeItem(type, "id_" + std::to_string(i), "Item " + std::to_string(i), 3 + double(i % 20));
    if (type == trash::ItemType::Project) item.url = "item-" + std::to_string(i);
    item.deletedAtMs -= int64_t(i) * 60'000;
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

TEST_CASE("At 1280×720 at least 12 item rows show, and the list grows with the window", "[compact_header]") {
  const std::string listing = trash::EncodeTrashListing(Items(60, {trash::ItemType::Dataset}), false);
  Harness h(1280, 720);
  h.SignInWithListing(listing);
  h.Frames(3);
  const size_t at720 = h.WholeRows("row");
  INFO("whole item rows at 1280×720: " << at720);
  CHECK(at720 >= 12);
  // The header is one line plus the toolbar line: the table starts high on the page.
  REQUIRE(h.Widget("trash/grid"));
  CHECK(h.Widget("trash/grid")->y < 160);

  Harness tall(1280, 1000);
  tall.SignInWithListing(listing);
  tall.Frames(3);
  CHECK(tall.WholeRows("row") >= at720 + 6);  // 280 px more: about 7 rows of 40 more
}

TEST_CASE("The header is one line: title, storage meter and the bulk actions", "[compact_header]") {
  Harness h(1280, 720);
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const ui::WidgetInfo* meter = h.Widget("storage/meter");
  const ui::WidgetInfo* restoreAll = h.Widget("bulk/restore-all");
  const ui::WidgetInfo* emptyTrash = h.Widget("bulk/empty-trash");
  const ui::WidgetInfo* search = h.Widget("##search");
  REQUIRE(meter);
  REQUIRE(restoreAll);
  REQUIRE(emptyTrash);
  REQUIRE(search);
  CHECK(meter->label == "Storage: 4.7 GB of 10 GB \xc2\xb7 1.3 GB in Trash");
  CHECK(meter->cy() == Approx(restoreAll->cy()).margin(1));
  CHECK(emptyTrash->cy() == Approx(restoreAll->cy()).margin(1));
  CHECK(search->y > meter->y + meter->h);  // the toolbar line under it
  const ui::WidgetInfo* chip = h.Widget("chip/all");
  REQUIRE(chip);
  CHECK(chip->cy() == Approx(search->cy()).margin(1));  // search and chips share their line
  // The details, in the accessibility mirror without opening anything; on click, in a popover.
  REQUIRE(h.Widget("storage/trash"));
  CHECK(h.Widget("storage/trash")->label == "In Trash 1.3 GB \xc2\xb7 6 items");
  REQUIRE(h.Widget("storage/note"));
  CHECK(h.Widget("storage/note")->label == "Trash counts toward your plan until permanently deleted.");
  CHECK(meter->Has("collapsed"));
  h.Click("storage/meter");
  REQUIRE(h.Widget("storage/meter"));
  CHECK(h.Widget("storage/meter")->Has("expanded"));
  REQUIRE(h.Widget("storage/used"));
  CHECK(h.Widget("storage/used")->y > h.Widget("storage/meter")->y);  // drawn in the popover, under the meter
}

TEST_CASE("At 640×400 (200% zoom of 1280×800) and on a 390×844 phone the first rows are on the first screen",
          "[compact_header]") {
  for (const auto& [w, hgt] : {std::pair<float, float>{640, 400}, {390, 844}}) {
    Harness h(w, hgt);
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    const auto rows = h.All("row");
    INFO(w << "x" << hgt);
    REQUIRE_FALSE(rows.empty());
    const ui::WidgetInfo* first = rows.front();
    INFO("first row " << first->id << " y=" << first->y << " h=" << first->h);
    CHECK(first->y >= 0);
    CHECK(first->y + first->h <= hgt);
    // The controls stay: search, the first chips, the expiring filter, the bulk actions, all inside the width.
    for (const char* id :
         {"##search", "chip/all", "##expiring", "bulk/restore-all", "bulk/empty-trash", "storage/meter"}) {
      const ui::WidgetInfo* widget = h.Widget(id);
      INFO(id);
      REQUIRE(widget);
      CHECK(widget->x >= 0);
      CHECK(widget->x + widget->w <= w + 0.5f);
    }
  }
}

TEST_CASE("Over the plan the meter is red and a warning offers the way out", "[compact_header]") {
  const int64_t gb = 1024ll * 1024 * 1024, tb = 1024 * gb;
  Harness h(1280, 800);
  h.SignIn(SessionWithStorage(int64_t(227.3 * double(tb)), int64_t(227.2 * double(tb)), 100 * gb));
  h.LoadListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const ui::WidgetInfo* warning = h.Widget("storage/warning");
  REQUIRE(warning);
  CHECK(warning->role == "alert");
  CHECK(warning->label ==
        "Over your plan's storage: empty the Trash or delete items to free space (227.2 TB over the plan's 100 GB).");
  CHECK(h.Widget("storage/meter")->label.rfind("Storage: 227.3 TB of 100 GB", 0) == 0);
  const ui::WidgetInfo* empty = h.Widget("storage/empty-trash");
  REQUIRE(empty);
  CHECK(empty->enabled);
  CHECK(empty->label == "Empty Trash (frees 227.2 TB)");
  h.Click("storage/empty-trash");
  const auto* open = h.LastEmitted<trash::intent::OpenDialog>();
  REQUIRE(open);
  CHECK(open->kind == trash::DialogKind::ConfirmEmptyTrash);
  h.Click("storage/largest-first");
  CHECK(h.page.view().sort().column == trash::SortColumn::Size);
  CHECK_FALSE(h.page.view().sort().ascending);

  SECTION("within the plan there is no warning") {
    Harness fine(1280, 800);
    fine.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    fine.Frames(3);
    CHECK_FALSE(fine.Widget("storage/warning"));
    CHECK_FALSE(fine.Widget("storage/empty-trash"));
  }
}

TEST_CASE("The first row does not move when a large listing finishes loading", "[compact_header]") {
  const std::vector<trash::ItemType> types = {trash::ItemType::Dataset, trash::ItemType::Project,
                                              trash::ItemType::Workflow};
  std::vector<trash::TrashItem> all = Items(30000, types);
  // The first page: the 200 most recently deleted, all datasets here (the sort decides, not the type).
  std::vector<trash::TrashItem> first;
  for (const trash::TrashItem& item : all)
    if (item.type == trash::ItemType::Dataset && first.size() < 200) first.push_back(item);
  std::string page = trash::EncodeTrashListing(first, false, "cursor-200");
  page.insert(page.rfind('}'), R"(,"total":30000,"version":"v1")");
  std::string whole = trash::EncodeTrashListing(all, false);
  whole.insert(whole.rfind('}'), R"(,"version":"v1")");
  for (float width : {1280.f, 800.f}) {
    INFO("width " << width);
    Harness h(width, 720);
    h.SignIn(SessionJson(AllPermissions()));
    h.LoadListing(page);
    h.Frames(3);
    REQUIRE(h.page.partialListing());
    REQUIRE(h.Widget("state/loading-rest"));
    REQUIRE_FALSE(h.All("row").empty());
    const float before = h.All("row").front()->y;
    CHECK(h.Widget("chip/all")->label == "All 30,000");
    h.LoadListing(whole);
    h.Frames(3);
    REQUIRE_FALSE(h.page.partialListing());
    REQUIRE_FALSE(h.All("row").empty());
    CHECK(h.Find("checkbox", "Projects 10,000"));
    CHECK(h.All("row").front()->y == before);
  }
}

TEST_CASE("An empty Trash has no \"All 0\" chip and says so in the middle of the list's place", "[compact_header]") {
  Harness h(1280, 800);
  h.SignInWithListing(R"({"items":[]})");
  h.Frames(3);
  CHECK_FALSE(h.Widget("chip/all"));
  CHECK_FALSE(h.Widget("##expiring"));
  const ui::WidgetInfo* empty = h.Widget("state/empty");
  REQUIRE(empty);
  // The message fills the list's place down to the page's bottom padding; its text is centred in it.
  CHECK(empty->y + empty->h >= 800 - 40);
  CHECK(empty->h > 400);
}

TEST_CASE("Counts in the chips, group rows and selection have thousands separators", "[compact_header]") {
  Harness h(1280, 800);
  h.SignInWithListing(trash::EncodeTrashListing(Items(1500, {trash::ItemType::Dataset}), false));
  h.Frames(3);
  CHECK(h.Widget("chip/all")->label == "All 1,500");
  CHECK(h.Find("checkbox", "Datasets 1,500"));
  CHECK(h.Widget("group-row/dataset")->label == "Datasets, 1,500 items");
  CHECK(h.Widget("list/count")->label.rfind("1,500 items", 0) == 0);
  h.PressKey(65, true);  // Ctrl+A
  h.Frame();
  REQUIRE(h.Widget("selection/summary"));
  CHECK(h.Widget("selection/summary")->label.rfind("1,500 selected", 0) == 0);
}

TEST_CASE("A group's header stays pinned under the column headers while its rows scroll", "[compact_header]") {
  Harness h(1280, 720);
  h.SignInWithListing(
      trash::EncodeTrashListing(Items(120, {trash::ItemType::Project, trash::ItemType::Dataset}), false));
  h.Frames(3);
  CHECK_FALSE(h.Widget("group/pinned"));  // at the top, the group's own header shows
  const ui::WidgetInfo* header = h.Widget("trash/header");
  REQUIRE(header);
  const float headerBottom = header->y + header->h;
  // Scroll into the first group (Projects: rows 1-60).
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(640, 400);
  io.MouseWheel = -5;
  h.Frames(3);
  const ui::WidgetInfo* pinned = h.Widget("group/pinned");
  REQUIRE(pinned);
  CHECK(pinned->role == "button");
  CHECK(pinned->label == "Projects, 60 items");
  CHECK(pinned->Has("pinned"));
  CHECK(pinned->Has("expanded"));
  CHECK(pinned->y == Approx(headerBottom).margin(1));
  CHECK_FALSE(h.Widget("group-row/project"));  // its own row scrolled away
  // The row under it takes no click: a click there folds the group and brings its header back.
  h.ClickAt(640, pinned->y + 10);
  CHECK(h.page.view().selectionCount() == 0);
  CHECK(h.page.view().IsGroupCollapsed(trash::ItemType::Project));
  h.Frames(2);
  CHECK(h.Widget("group-row/project"));
  CHECK_FALSE(h.Widget("group/pinned"));
  // Further down, the next group's header is the pinned one.
  io.MousePos = ImVec2(640, 400);
  io.MouseWheel = -8;
  h.Frames(3);
  if (const ui::WidgetInfo* next = h.Widget("group/pinned")) CHECK(next->label == "Datasets, 60 items");
}

TEST_CASE("On a phone a group's header stays pinned at the top of the view while its rows scroll", "[compact_header]") {
  Harness h(390, 844);
  h.SignInWithListing(
      trash::EncodeTrashListing(Items(120, {trash::ItemType::Project, trash::ItemType::Dataset}), false));
  h.Frames(3);
  CHECK_FALSE(h.Widget("group/pinned"));
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(195, 500);
  io.MouseWheel = -10;
  h.Frames(3);
  const ui::WidgetInfo* pinned = h.Widget("group/pinned");
  REQUIRE(pinned);
  CHECK(pinned->label == "Projects, 60 items");
  CHECK_FALSE(h.Widget("group-row/project"));
  // It sits at the top of the scrolling page, over the rows, which start under or behind it.
  const ui::WidgetInfo* grid = h.Widget("trash/grid");
  REQUIRE(grid);
  CHECK(pinned->y > grid->y);
  CHECK(pinned->y < 200);
  // A tap on it folds the group, not the row beneath.
  h.ClickAt(195, pinned->cy());
  CHECK(h.page.view().selectionCount() == 0);
  CHECK(h.page.view().IsGroupCollapsed(trash::ItemType::Project));
}

TEST_CASE("With a selection the header line keeps its actions inside the width", "[compact_header]") {
  for (float width : {1280.f, 768.f, 390.f}) {
    INFO("width " << width);
    Harness h(width, 1000);
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    h.Click("row/dataset/ds_9/select");
    h.Frames(2);
    REQUIRE(h.Widget("selection/summary"));
    for (const char* id :
         {"selection/summary", "selection/restore", "selection/delete", "selection/clear", "toolbar/refresh"}) {
      const ui::WidgetInfo* w = h.Widget(id);
      INFO(id);
      REQUIRE(w);
      CHECK(w->x >= 0);
      CHECK(w->x + w->w <= width + 0.5f);
    }
  }
}

TEST_CASE("With a selection Refresh ends where the table ends as it does without one", "[compact_header]") {
  Harness h(1280, 800);
  REQUIRE(h.UsePageFonts());
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const ui::WidgetInfo* grid = h.Widget("trash/grid");
  REQUIRE(grid);
  const float right = grid->x + grid->w;
  CHECK(h.Widget("toolbar/refresh")->x < right);
  h.Click("row/dataset/ds_9/select");
  h.Click("row/project/p_1/select");
  for (int frame = 0; frame < 4 && h.last.wakeAtMs <= h.now; ++frame) h.Frames(1);  // what the page asks for
  const ui::WidgetInfo* refresh = h.Widget("toolbar/refresh");
  REQUIRE(refresh);
  CHECK(refresh->x + refresh->w <= right + 0.5f);
}

TEST_CASE("A tablet width that hides the sorted column keeps the list's sort; a click still sorts",
          "[compact_header]") {
  Harness h(768, 900);  // under 900 CSS px the Deleted column (the default sort) is hidden
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(4);
  REQUIRE_FALSE(h.Widget("header/Deleted"));
  CHECK(h.page.view().sort().column == trash::SortColumn::DeletedAt);
  CHECK_FALSE(h.page.view().sort().ascending);
  CHECK(h.Widget("header/Name")->state.empty());  // no arrow where the list is not sorted
  h.Click("header/Name");
  h.Frames(2);
  CHECK(h.page.view().sort().column == trash::SortColumn::Name);
  CHECK(h.page.view().sort().ascending);
  CHECK(h.Widget("header/Name")->state == "ascending");
}
