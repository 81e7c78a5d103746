// The responsive layout drawn headless: at 390 px (a phone) nothing leaves the display, the
// Settings navigation is a segmented control, rows are two-line rows with finger-sized
// controls whose buttons still emit their intents; at 768 px tabs replace the sidebar and the
// table drops columns; at 1280 px the desktop table is untouched.
#include <catch2/catch.hpp>

#include <cctype>  // std::isdigit
#include <string>

#include "harness.h"

using namespace ui::test;

namespace {

bool IsControl(const ui::WidgetInfo& w) {
  return w.role == "button" || w.role == "link" || w.role == "checkbox" || w.role == "textbox" || w.role == "tab";
}

bool Inside(const ui::WidgetInfo& inner, const ui::WidgetInfo& outer) {
  return inner.x >= outer.x && inner.x + inner.w <= outer.x + outer.w && inner.y >= outer.y &&
         inner.y + inner.h <= outer.y + outer.h;
}

bool Overlap(const ui::WidgetInfo& a, const ui::WidgetInfo& b) {
  return std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x) > 1 &&
         std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y) > 1;
}

}  // namespace

TEST_CASE("At 390 px the Trash page is a phone layout", "[narrow_layout]") {
  Harness h(390, 1600);  // a phone's width, tall enough to show every row of the fixture
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  REQUIRE(h.page.screen() == trash::Screen::Trash);

  SECTION("no widget rectangle leaves the display's width") {
    for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
      INFO(w.id << " x=" << w.x << " w=" << w.w);
      CHECK(w.x >= 0);
      CHECK(w.x + w.w <= 390.5f);
    }
  }
  SECTION("the navigation is a segmented control under the top bar, the header keeps user and role") {
    const ui::WidgetInfo* projects = h.Widget("nav/Projects");
    const ui::WidgetInfo* trashTab = h.Widget("nav/Trash");
    REQUIRE(projects);
    REQUIRE(trashTab);
    CHECK(projects->y == trashTab->y);
    CHECK(projects->x + projects->w <= trashTab->x);
    CHECK(trashTab->Has("selected"));
    const ui::WidgetInfo* user = h.Widget("shell/user");
    const ui::WidgetInfo* role = h.Widget("shell/role");
    const ui::WidgetInfo* signOut = h.Widget("shell/sign-out");
    REQUIRE(user);
    REQUIRE(role);
    REQUIRE(signOut);
    CHECK_FALSE(Overlap(*user, *role));
    CHECK_FALSE(Overlap(*role, *signOut));
    CHECK(signOut->x + signOut->w <= 390);
  }
  SECTION("rows are two-line rows: no column headers, a sort button, actions inside each row") {
    CHECK_FALSE(h.Widget("header/Name"));
    CHECK(h.Widget("list/sort"));
    const auto rows = h.All("row");
    REQUIRE(rows.size() >= 3);
    for (const ui::WidgetInfo* row : rows) {
      INFO(row->id);
      CHECK(row->h >= 70);
      for (const char* part : {"/select", "/time-left", "/delete"}) {
        const ui::WidgetInfo* w = h.Widget(row->id + part);
        REQUIRE(w);
        CHECK(Inside(*w, *row));
      }
      const ui::WidgetInfo* restore = h.Widget(row->id + "/restore");
      if (!restore) restore = h.Widget(row->id + "/restore-parent");
      REQUIRE(restore);
      CHECK(Inside(*restore, *row));
    }
    // A version whose project is in Trash offers to restore the project instead.
    CHECK(h.Widget("row/version/p_1/2/restore-parent"));
    CHECK_FALSE(h.Widget("row/version/p_1/2/restore"));
  }
  SECTION("the chip of the types that do not fit says what it holds and whether it is open") {
    const ui::WidgetInfo* more = h.Widget("chip/more");
    REQUIRE(more);
    CHECK(more->role == "button");
    CHECK(more->label.find(" more types") != std::string::npos);
    CHECK(std::isdigit(static_cast<unsigned char>(more->label[0])));
    CHECK(more->Has("collapsed"));
    REQUIRE(h.Click("chip/more"));
    h.Frames(2);
    REQUIRE(h.Widget("chip/more"));
    CHECK(h.Widget("chip/more")->Has("expanded"));
  }
  SECTION("a project's details say what its \"+N\" means") {
    const ui::WidgetInfo* details = h.Widget("row/project/p_1/details");
    REQUIRE(details);
    REQUIRE(details->label.rfind("+", 0) == 0);
    CHECK(details->description.find("went to Trash with this project") != std::string::npos);
  }
  SECTION("a row's widgets are registered in reading order, as a screen reader walks them") {
    // Line one (select, the time left), then line two left to right: the amber mark, the details,
    // Restore, Delete, "⋮" (the accessibility mirror files a two-line row's cells in this order).
    std::vector<std::string> parts;
    const std::string row = "row/project/p_1";
    for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets())
      if (w.id.rfind(row + "/", 0) == 0) parts.push_back(w.id.substr(row.size()));
    CHECK(parts ==
          std::vector<std::string>{"/select", "/time-left", "/images", "/details", "/restore", "/delete", "/menu"});
  }
  SECTION("controls are a finger tall and none overlaps another") {
    std::vector<const ui::WidgetInfo*> controls;
    for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets())
      if (IsControl(w)) controls.push_back(&w);
    REQUIRE(controls.size() > 10);
    for (size_t i = 0; i < controls.size(); ++i) {
      INFO(controls[i]->id << " h=" << controls[i]->h);
      CHECK(controls[i]->h >= 39.5f);
      for (size_t j = i + 1; j < controls.size(); ++j) {
        INFO(controls[i]->id << " x " << controls[j]->id);
        CHECK_FALSE(Overlap(*controls[i], *controls[j]));
      }
    }
  }
  SECTION("a tap on a narrow row's Restore restores that item; a tap on the row selects it alone") {
    REQUIRE(h.Click("row/workflow/wf_1/restore"));
    const auto* restore = h.LastEmitted<trash::intent::Restore>();
    REQUIRE(restore);
    REQUIRE(restore->keys.size() == 1);
    CHECK(restore->keys[0].id == "wf_1");
    CHECK(h.page.view().selectionCount() == 0);  // the button took the tap, not the row under it
    const ui::WidgetInfo* row = h.Widget("row/dataset/ds_9");
    REQUIRE(row);
    h.ClickAt(row->x + row->w * 0.5f, row->y + 14);
    CHECK(h.page.view().selectionCount() == 1);
    CHECK(h.Widget("row/dataset/ds_9")->Has("selected"));
    CHECK(h.Widget("selection/summary"));
  }
  SECTION("a right click (what a long press on a phone sends) and the row's \"⋮\" open the row menu inside the width") {
    const ui::WidgetInfo* row = h.Widget("row/dataset/ds_9");
    REQUIRE(row);
    REQUIRE(h.Widget("row/dataset/ds_9/menu"));
    CHECK(Inside(*h.Widget("row/dataset/ds_9/menu"), *row));
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(row->x + row->w * 0.5f, row->y + 14);
    h.Frame();
    io.MouseDown[1] = true;
    h.Frame();
    io.MouseDown[1] = false;
    h.Frames(2);
    const ui::WidgetInfo* menu = h.Widget("menu");
    REQUIRE(menu);
    CHECK(menu->x >= 0);
    CHECK(menu->x + menu->w <= 390.5f);
    CHECK(h.page.view().selectionCount() == 0);  // a long press opens the menu, it does not select
  }
  SECTION("the sort menu sets the list's order") {
    REQUIRE(h.Click("list/sort"));
    REQUIRE(h.Widget("sort/Name"));
    REQUIRE(h.Click("sort/Name"));
    CHECK(h.page.view().sort().column == trash::SortColumn::Name);
    CHECK(h.page.view().sort().ascending);
    CHECK(h.Widget("list/sort")->label == "Name");
  }
}

TEST_CASE("The phone list finds the rows in view by arithmetic, also far down a long list", "[narrow_layout]") {
  Harness h(390, 844);
  std::string items;
  for (int i = 0; i < 2000; ++i) {
    if (i) items += ',';
    items +=
        R"({"type":"dataset","id":"ds_)" + std::to_string(i) + R"(","name":"set )" + std::to_string(i) +
        R"(","deletedAt":"2026-11-20T00:00:00.000Z","scheduledCleanupAt":"2026-12-20T00:00:00.000Z","deletedBy":"u_alice","deletedByName":"Alice","sizeBytes":1000})";
  }
  h.SignInWithListing(R"({"items":[)" + items + R"(],"sections":{}})");
  h.Frames(3);
  const size_t drawn = h.All("row").size();
  CHECK(drawn >= 3);
  CHECK(drawn <= 12);  // a screenful, not 2000
  // Scroll the page far down: other rows, still a screenful, and the first one drawn is in view.
  ImGui::GetIO().MousePos = ImVec2(200, 700);
  ImGui::GetIO().MouseWheel = -400;
  h.Frames(3);
  const auto rows = h.All("row");
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.size() <= 12);
  CHECK(rows.front()->id != "row/dataset/ds_0");
  CHECK(rows.front()->y + rows.front()->h > 0);
}

TEST_CASE("At 768 px tabs replace the sidebar and the table drops columns; at 1280 px nothing changes",
          "[narrow_layout]") {
  SECTION("768 px") {
    Harness h(768, 1024);
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    const ui::WidgetInfo* projects = h.Widget("nav/Projects");
    const ui::WidgetInfo* trashTab = h.Widget("nav/Trash");
    REQUIRE(projects);
    REQUIRE(trashTab);
    CHECK(projects->y == trashTab->y);  // a strip, not a sidebar
    CHECK(h.Widget("header/Name"));
    CHECK(h.Widget("header/Time left"));
    CHECK_FALSE(h.Widget("header/Deleted by"));
    CHECK_FALSE(h.Widget("list/sort"));
    for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
      INFO(w.id);
      CHECK(w.x + w.w <= 768.5f);
    }
  }
  SECTION("1280 px") {
    Harness h(1280, 1000);
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(3);
    const ui::WidgetInfo* projects = h.Widget("nav/Projects");
    const ui::WidgetInfo* trashTab = h.Widget("nav/Trash");
    REQUIRE(projects);
    REQUIRE(trashTab);
    CHECK(projects->x == trashTab->x);  // the sidebar
    CHECK(trashTab->y > projects->y);
    CHECK(h.Widget("header/Deleted by"));
    CHECK(h.Widget("header/Deleted"));
    CHECK_FALSE(h.Widget("list/sort"));
    CHECK(h.All("row").front()->h < 60);
  }
}
