// Issue 15, what the second pass left (items 7, 8 and a keyboard bug), drawn headless: at 1280×720
// at least 12 item rows show with group headers among them; over the plan on a small screen the
// warning folds into the storage meter so the first rows stay on the first screen; Esc with a row
// menu open closes the menu only.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/listing_codec.h"  // EncodeTrashListing
#include "harness.h"

using namespace ui::test;

namespace {

// A listing whose first screen holds several groups: a few projects, versions and models, then
// long runs of datasets and workflows.
std::string MultiGroupListing() {
  std::vector<trash::TrashItem> items;
  auto add = [&](trash::ItemType type, int count) {
    for (int i = 0; i < count; ++i) {
      const std::string n = std::to_string(items.size());
      trash::TrashItem item = MakeItem(type, "id_" + n, "Item " + n, 3 + double(items.size() % 20));
      if (type == trash::ItemType::Project) item.url = "item-" + n;
      if (trash::IsChildType(type)) {
        item.parentId = "p_" + n;
        item.parentName = "Forklift Detector";
        item.parentUrl = "forklift-detector";
      }
      items.push_back(std::move(item));
    }
  };
  add(trash::ItemType::Project, 4);
  add(trash::ItemType::Version, 3);
  add(trash::ItemType::Model, 3);
  add(trash::ItemType::Dataset, 40);
  add(trash::ItemType::Workflow, 40);
  return trash::EncodeTrashListing(items, false);
}

}  // namespace

TEST_CASE("At 1280×720 at least 12 item rows show with group headers among them", "[page_fit]") {
  Harness h(1280, 720);
  REQUIRE(h.UsePageFonts());
  h.SignInWithListing(MultiGroupListing());
  h.Frames(3);
  const size_t items = h.WholeRows("row"), groups = h.WholeRows("grouprow");
  INFO("whole item rows " << items << ", group rows " << groups);
  CHECK(groups >= 3);
  CHECK(items >= 12);
  // Nothing a row says is cut by the tighter rows.
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    if (w.id.rfind("row/", 0) != 0) continue;
    INFO(w.id << " \"" << w.label << "\"");
    CHECK_FALSE(w.clipped);
  }
  // The list grows with the window.
  Harness tall(1280, 1000);
  REQUIRE(tall.UsePageFonts());
  tall.SignInWithListing(MultiGroupListing());
  tall.Frames(3);
  CHECK(tall.WholeRows("row") >= items + 6);
}

TEST_CASE("Esc with a row menu open closes the menu and keeps the search and the selection", "[page_fit]") {
  Harness h(1280, 800);
  h.SignInWithListing(MultiGroupListing());
  h.Frames(3);
  h.Click("##search");
  h.Type("Item");
  h.PressKey(ImGui::GetKeyIndex(ImGuiKey_Escape));  // leaves the search, keeps the query
  h.Frames(2);
  REQUIRE(h.page.view().filters().query == "Item");
  const int esc = ImGui::GetKeyIndex(ImGuiKey_Escape);
  auto escClosesOnlyTheMenu = [&](size_t selected) {
    REQUIRE(h.Widget("menu"));
    h.PressKey(esc);
    h.Frames(2);
    CHECK_FALSE(h.Widget("menu"));
    CHECK(h.page.view().filters().query == "Item");
    CHECK(h.page.view().selectionCount() == selected);
  };
  SECTION("opened with its button") {
    REQUIRE(h.Click("row/project/id_1/menu"));
    h.Frames(2);
    escClosesOnlyTheMenu(0);
  }
  SECTION("opened with a right-click") {
    const ui::WidgetInfo* row = h.Widget("row/project/id_1");
    REQUIRE(row);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(row->x + 300, row->cy());
    h.Frame();
    io.MouseDown[1] = true;
    h.Frame();
    io.MouseDown[1] = false;
    h.Frames(2);
    escClosesOnlyTheMenu(0);
  }
  SECTION("opened from the keyboard, with a selection") {
    h.Click("row/project/id_0/select");
    h.Frames(2);
    REQUIRE(h.page.view().selectionCount() == 1);
    h.PressKey(93);  // the context-menu key
    h.Frames(2);
    escClosesOnlyTheMenu(1);
    // The next Esc, with the menu gone, is the list's: it clears the selection first.
    h.PressKey(esc);
    h.Frames(2);
    CHECK(h.page.view().selectionCount() == 0);
    CHECK(h.page.view().filters().query == "Item");
  }
}

TEST_CASE("On a small screen over the plan the warning folds into the meter and the first rows stay in view",
          "[page_fit]") {
  const int64_t gb = 1024ll * 1024 * 1024, tb = 1024 * gb;
  for (const auto& [w, hgt] : {std::pair<float, float>{640, 400}, {390, 844}}) {
    for (const bool over : {false, true}) {
      INFO(w << "x" << hgt << (over ? ", over the plan" : ", within it"));
      Harness h(w, hgt);
      REQUIRE(h.UsePageFonts());
      if (over)
        h.SignIn(SessionWithStorage(int64_t(227.3 * double(tb)), int64_t(227.2 * double(tb)), 100 * gb));
      else
        h.SignIn(SessionJson(AllPermissions()));
      h.LoadListing(ReadFixture("ui_trash_listing.json"));
      h.Frames(3);
      const auto rows = h.All("row");
      REQUIRE_FALSE(rows.empty());
      INFO("first row " << rows.front()->id << " y=" << rows.front()->y << " h=" << rows.front()->h);
      CHECK(rows.front()->y >= 0);
      CHECK(rows.front()->y + rows.front()->h <= hgt);
      const ui::WidgetInfo* meter = h.Widget("storage/meter");
      REQUIRE(meter);
      CHECK(meter->x + meter->w <= w + 0.5f);
      const ui::WidgetInfo* warning = h.Widget("storage/warning");
      if (!over) {
        CHECK_FALSE(warning);
        continue;
      }
      // Still said (an alert the mirror announces), but where the meter is, not as a band above the list.
      REQUIRE(warning);
      CHECK(warning->role == "alert");
      CHECK(warning->label.rfind("Over your plan's storage", 0) == 0);
      CHECK(warning->y == Approx(meter->y).margin(1));
      CHECK_FALSE(h.Widget("storage/empty-trash"));  // the way out is one click away
      // The meter is red and says so in words; a click shows the warning's way out.
      CHECK(meter->label.rfind("Storage: 227.3 TB of 100 GB", 0) == 0);
      CHECK(meter->description.rfind("Over your plan's storage", 0) == 0);
      REQUIRE(h.Click("storage/meter"));
      const ui::WidgetInfo* empty = h.Widget("storage/empty-trash");
      REQUIRE(empty);
      CHECK(empty->label == "Empty Trash (frees 227.2 TB)");
      CHECK(empty->x >= 0);
      CHECK(empty->x + empty->w <= w + 0.5f);
      CHECK(empty->y + empty->h <= hgt);
      REQUIRE(h.Widget("storage/largest-first"));
      h.Click("storage/empty-trash");
      const auto* open = h.LastEmitted<trash::intent::OpenDialog>();
      REQUIRE(open);
      CHECK(open->kind == trash::DialogKind::ConfirmEmptyTrash);
    }
  }
}
