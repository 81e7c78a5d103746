// What fits in a row (issue 15, items 1, 13 and 16), drawn with the page's own fonts on the demo
// workspace as the in-browser demo seeds it: nothing a user must read or press is cut at
// 1280 and 1920 wide, "Restore project first" included; the actions column is as wide as its
// buttons; names get the room left, with their "/"; the phone's second line keeps whole parts.
#include <catch2/catch.hpp>

#include <string>

#include "demo/demo_backend.h"
#include "harness.h"

using namespace ui::test;

namespace {

std::string Get(demo::Backend& backend, const std::string& target, const std::string& cookie) {
  demo::HttpRequest request{"GET", target, "", {{"Cookie", "trash_session=" + cookie}}};
  return backend.Handle(request, kNow).body;
}

// The harness signed in as Alice (Owner) on the demo workspace seeded at kNow.
void OpenDemoTrash(Harness& h) {
  REQUIRE(h.UsePageFonts());
  demo::Backend backend;
  REQUIRE(backend.Seed(ReadFile(std::string(TRASH_SOURCE_DIR) + "/assets/demo/workspace.json"), kNow));
  const char* credentials = R"({"email":"alice@acme.test","password":"demo-alice"})";
  const demo::HttpResponse signIn =
      backend.Handle({"POST", "/api/session", credentials, {{"Content-Type", "application/json"}}}, kNow);
  REQUIRE(signIn.status == 200);
  std::string cookie;
  for (const auto& [name, value] : signIn.headers)
    if (name == "Set-Cookie") cookie = value.substr(14, value.find(';') - 14);
  h.SignIn(signIn.body);
  h.LoadListing(Get(backend, "/acme-robotics/trash", cookie));
  h.Frames(4);
  REQUIRE(h.page.screen() == trash::Screen::Trash);
}

bool InRow(const ui::WidgetInfo* w) { return w->id.rfind("row/", 0) == 0 || w->id.rfind("header/", 0) == 0; }

// Every registered piece of a row or column header (the registry is the frame just drawn).
void CheckNothingCut() {
  size_t checked = 0;
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    if (!InRow(&w)) continue;
    INFO(w.id << " \"" << w.label << "\" at x " << w.x << ", " << w.w << " wide");
    CHECK_FALSE(w.clipped);
    ++checked;
  }
  CHECK(checked > 50);
}

}  // namespace

TEST_CASE("No row text or button is cut at 1280 and 1920 wide in the demo workspace", "[rows_fit]") {
  for (const float width : {1280.f, 1920.f}) {
    for (const float height : {width == 1280.f ? 800.f : 1080.f, 2400.f}) {  // 2400: every row drawn
      INFO("at " << width << "x" << height);
      Harness h(width, height);
      OpenDemoTrash(h);
      CheckNothingCut();
      if (height < 2400) continue;
      // The one way out of the parent rule shows whole.
      const ui::WidgetInfo* parentFirst = h.Widget("row/version/d_shelf/1/restore-parent");
      REQUIRE(parentFirst);
      CHECK(parentFirst->label == "Restore project first");
      CHECK_FALSE(parentFirst->clipped);
      // Names the issue saw cut at 1280, whole, with their project and its "/".
      CHECK_FALSE(h.Find("cell", "Conveyor Defects")->clipped);
      for (const ui::WidgetInfo* cell : h.All("cell"))
        if (cell->label.find(" / ") != std::string::npos) CHECK_FALSE(cell->clipped);
      // The actions column ends where its buttons end: no empty band on any row.
      // Delete and "⋮" sit at the same height in every row, "Restore project first" rows included.
      const ui::WidgetInfo* grid = h.Widget("trash/grid");
      float deleteTop = -1;
      for (const ui::WidgetInfo* row : h.All("row")) {
        const ui::WidgetInfo* more = h.Widget(row->id + "/menu");
        const ui::WidgetInfo* del = h.Widget(row->id + "/delete");
        REQUIRE(more);
        REQUIRE(del);
        INFO(row->label);
        CHECK(grid->x + grid->w - (more->x + more->w) < 32);
        if (deleteTop < 0) deleteTop = del->y - row->y;
        CHECK(del->y - row->y == Approx(deleteTop).margin(0.5));
        CHECK(more->y - row->y == Approx(deleteTop).margin(0.5));
      }
    }
  }
}

TEST_CASE("Delete permanently is labelled where there is room, an icon with its name where not", "[rows_fit]") {
  Harness wide(1920, 1080);
  OpenDemoTrash(wide);
  const ui::WidgetInfo* labelled = wide.Widget("row/project/d_pallet/delete");
  REQUIRE(labelled);
  CHECK(labelled->label == "Delete permanently");
  CHECK(labelled->w > 120);  // "Delete Permanently" drawn beside its icon
  // With the room, the purge date is a column of its own, not only a tooltip.
  REQUIRE(wide.Widget("row/project/d_pallet/expires"));
  CHECK(wide.Widget("row/project/d_pallet/expires")->label.rfind("Expires ", 0) == 0);

  Harness laptop(1280, 800);
  OpenDemoTrash(laptop);
  const ui::WidgetInfo* icon = laptop.Widget("row/project/d_pallet/delete");
  REQUIRE(icon);
  CHECK(icon->label == "Delete permanently");
  CHECK(icon->w < 40);
  CHECK_FALSE(laptop.Widget("row/project/d_pallet/expires"));
}

TEST_CASE("The phone's second line keeps whole parts, never a cut word", "[rows_fit]") {
  Harness h(390, 2400);
  OpenDemoTrash(h);
  size_t lines = 0;
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets()) {
    if (w.id.size() < 8 || w.id.compare(w.id.size() - 8, 8, "/details") != 0) continue;
    INFO(w.id << ": " << w.label);
    CHECK_FALSE(w.clipped);
    CHECK(w.label.find("\xe2\x80\xa6") == std::string::npos);
    ++lines;
  }
  CHECK(lines >= 10);
}
