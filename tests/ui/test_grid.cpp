// The page's own column layout (ui/grid.h) that replaced ImGui's tables: the columns' places by
// arithmetic (fixed, stretched, hidden), which way a header click sorts, and, drawn headless, the
// Trash table's headers and columns placed by it: clicks sort the core's TrashView, widths hide
// columns, the cells sit in their columns, and a column's cells are one draw command.
#include <catch2/catch.hpp>

#include <imgui_internal.h>  // the list's child window and its draw list

#include <string>
#include <vector>

#include "core/listing_codec.h"  // EncodeTrashListing
#include "harness.h"
#include "ui/grid.h"

using namespace ui::test;
using ui::GridColumn;
using ui::GridColumnPlace;

namespace {

GridColumn Fixed(float width, bool enabled = true) {
  GridColumn c;
  c.width = width;
  c.enabled = enabled;
  return c;
}

GridColumn Stretch() {
  GridColumn c;
  c.stretch = true;
  return c;
}

}  // namespace

TEST_CASE("Fixed columns keep their width, padded on both sides, after a 1 px border", "[grid]") {
  const GridColumn columns[] = {Fixed(20), Fixed(100.7f)};
  GridColumnPlace places[2];
  ui::PlaceGridColumns(columns, 2, 10, 400, 8, 10, places);
  CHECK(places[0].minX == 11);  // the outer border
  CHECK(places[0].workMinX == 19);
  CHECK(places[0].workMaxX == 39);
  CHECK(places[0].maxX == 47);
  CHECK(places[1].minX == 47);  // the next cell starts where the last ended
  CHECK(places[1].workMinX == 55);
  CHECK(places[1].workMaxX == 155);  // whole pixels, as ImGui's tables floor them
}

TEST_CASE("A stretched column takes what the fixed ones and the padding leave", "[grid]") {
  const GridColumn columns[] = {Fixed(20), Stretch(), Fixed(72)};
  GridColumnPlace places[3];
  ui::PlaceGridColumns(columns, 3, 0, 500, 8, 10, places);
  // 500 - 2 × 1 border - 2 × 8 padding for each of the three - 20 - 72 = 358
  CHECK(places[1].workMaxX - places[1].workMinX == 358);
  CHECK(places[2].maxX + 1 == Approx(500));  // the last cell (its padding included) ends at the border

  SECTION("never under the minimum width, even when the fixed ones overflow") {
    ui::PlaceGridColumns(columns, 3, 0, 100, 8, 10, places);
    CHECK(places[1].workMaxX - places[1].workMinX == 10);
  }
}

TEST_CASE("A hidden column takes no room and its neighbours close up", "[grid]") {
  const GridColumn shown[] = {Fixed(20), Stretch(), Fixed(112), Fixed(72)};
  const GridColumn hidden[] = {Fixed(20), Stretch(), Fixed(112, false), Fixed(72)};
  GridColumnPlace a[4], b[4];
  ui::PlaceGridColumns(shown, 4, 0, 800, 8, 10, a);
  ui::PlaceGridColumns(hidden, 4, 0, 800, 8, 10, b);
  CHECK_FALSE(b[2].enabled);
  CHECK(b[2].maxX == b[2].minX);
  CHECK(b[3].maxX == a[3].maxX);  // the right edge stays
  // The name gains the hidden column's width and its padding.
  CHECK((b[1].workMaxX - b[1].workMinX) - (a[1].workMaxX - a[1].workMinX) == 112 + 16);
}

TEST_CASE("A header click sorts the column already sorted the other way, another its own way first", "[grid]") {
  CHECK_FALSE(ui::HeaderClickSortsAscending(true, true, true));
  CHECK(ui::HeaderClickSortsAscending(true, false, false));
  CHECK(ui::HeaderClickSortsAscending(false, false, true));
  CHECK_FALSE(ui::HeaderClickSortsAscending(false, true, false));
}

TEST_CASE("Trash headers: a click sorts the view, a second turns it round, Deleted and Size start newest and largest",
          "[grid]") {
  Harness h(1280, 900);
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  REQUIRE(h.Widget("header/Deleted"));
  REQUIRE(h.Widget("header/Name"));
  REQUIRE(h.Widget("header/Size"));
  CHECK(h.Widget("header/Deleted")->state == "descending");  // the default sort
  CHECK(h.Widget("header/Name")->role == "columnheader");

  h.Click("header/Name");
  h.Frames(2);
  CHECK(h.page.view().sort().column == trash::SortColumn::Name);
  CHECK(h.page.view().sort().ascending);
  CHECK(h.Widget("header/Name")->state == "ascending");
  CHECK(h.Widget("header/Deleted")->state.empty());

  h.Click("header/Name");
  h.Frames(2);
  CHECK_FALSE(h.page.view().sort().ascending);
  CHECK(h.Widget("header/Name")->state == "descending");

  h.Click("header/Size");
  h.Frames(2);
  CHECK(h.page.view().sort().column == trash::SortColumn::Size);
  CHECK_FALSE(h.page.view().sort().ascending);

  if (h.Widget("header/Expires")) {  // where the name leaves it room; not sortable: the sort stays
    CHECK(h.Widget("header/Expires")->state.empty());
    h.Click("header/Expires");
    h.Frames(2);
    CHECK(h.page.view().sort().column == trash::SortColumn::Size);
  }
}

TEST_CASE("Trash columns: the cells sit under their headers, and a tablet width hides Deleted by and Deleted",
          "[grid]") {
  SECTION("desktop") {
    Harness h(1280, 900);
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    const ui::WidgetInfo* header = h.Widget("header/Size");
    const ui::WidgetInfo* size = h.Widget("row/dataset/ds_9/size");
    const ui::WidgetInfo* grid = h.Widget("trash/grid");
    REQUIRE(header);
    REQUIRE(size);
    REQUIRE(grid);
    CHECK(header->x + header->w <= grid->x + grid->w);
    CHECK(size->x >= header->x);  // right-aligned in its column
    CHECK(size->x + size->w <= header->x + header->w);
    CHECK(h.Widget("row/dataset/ds_9/name")->x >= h.Widget("header/Name")->x);
    CHECK(h.Widget("header/Deleted by"));
    CHECK(h.Widget("header/Deleted"));
  }
  SECTION("tablet") {
    Harness h(880, 900);  // under 900 CSS px: Deleted goes too; under 1000: Deleted by
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    CHECK_FALSE(h.Widget("header/Deleted by"));
    CHECK_FALSE(h.Widget("header/Deleted"));
    CHECK(h.Widget("header/Time left"));
    CHECK(h.Widget("header/Size"));
  }
}

// Each column's cells go to a draw channel of their own, as ImGui's tables did: a column's cells
// share a clip rectangle, so the list is a few draw commands per column whatever the rows drawn,
// not one per cell (each draw command is a scissor and a draw call for the renderer).
TEST_CASE("Trash rows: a column's cells are one draw command, not one per cell", "[grid][performance]") {
  std::vector<trash::TrashItem> items;
  for (int i = 0; i < 200; ++i)
    items.push_back(
        MakeItem(trash::ItemType::Dataset, "ds_" + std::to_string(i), "Dataset " + std::to_string(i), 1.5 + i % 20));
  Harness h(1280, 900);
  h.SignInWithListing(trash::EncodeTrashListing(items, false));
  h.Frames(3);
  const size_t rows = h.All("row").size();
  REQUIRE(rows > 15);
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiWindow* list = nullptr;
  for (const ImGuiWindow* window : g.Windows)  // the list's scrolling child (the grid's "##trash")
    if (std::string(window->Name).find("##trash") != std::string::npos) list = window;
  REQUIRE(list);
  const int commands = list->DrawList->CmdBuffer.Size;
  INFO(rows << " rows drawn in " << commands << " draw commands");
  CHECK(commands < int(rows));  // one per cell was about 8 per row
}
