// The rows, dialogs, Projects page and toasts after the second pass of issue 15: the Delete
// permanently dialog restates what goes (item 3), the Projects page is a grid with named buttons
// (5) and says "no access" without view_trash (6), toasts lead on (9), the keyboard ring shows
// only while the keyboard is in use (14), muted text and the dark dialog card keep their
// contrast (15), and the typed confirmations' placeholders are not the text to type (16).
#include <catch2/catch.hpp>

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::pow

#include "harness.h"
#include "ui/theme.h"  // palettes, kBackdropDim

using namespace ui::test;

namespace {

// A project flagged to delete its 240 exclusive images, with 4 children, and a workflow.
const char* kListing = R"({"items":[
  {"type":"project","id":"d_pallet","name":"Pallet Counter","url":"pallet-counter",
   "deletedAt":"2026-11-26T12:00:00.000Z","scheduledCleanupAt":"2026-12-26T12:00:00.000Z","deletedBy":"u_bob",
   "deletedByName":"Bob","sizeBytes":1516973568,
   "cleanupDeleteImages":true,"childCount":4,"exclusiveImageCount":240},
  {"type":"workflow","id":"wf_1","name":"Router","url":"router","deletedAt":"2026-11-26T12:00:00.000Z",
   "scheduledCleanupAt":"2026-12-26T12:00:00.000Z","deletedBy":"u_bob","deletedByName":"Bob","sizeBytes":1000}]})";

void OpenFromButton(Harness& h, const std::string& id) {
  REQUIRE(h.Click(id));
  h.ApplyEmitted();
  h.Frames(2);
}

void OnProjects(Harness& h, const std::vector<std::string>& permissions = AllPermissions()) {
  h.SignInWithListing(kListing, permissions);
  h.Apply(trash::intent::Navigate{trash::Screen::Projects});
  h.Respond(trash::RequestKind::ListProjects, 200, ReadFixture("ui_projects.json"));
  h.Frames(3);
  REQUIRE(h.page.screen() == trash::Screen::Projects);
}

double Luminance(unsigned rgba) {
  auto channel = [](unsigned v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(rgba & 0xFF) + 0.7152 * channel((rgba >> 8) & 0xFF) + 0.0722 * channel((rgba >> 16) & 0xFF);
}
double Contrast(unsigned a, unsigned b) {
  const double x = Luminance(a), y = Luminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}
// The page's background as the renderer leaves it behind a dialog: mixed towards kBackdropDim.
unsigned Dimmed(unsigned rgba) {
  unsigned out = 0xFF000000;
  for (int c = 0; c < 3; ++c) {
    const double v = ((rgba >> (8 * c)) & 0xFF) / 255.0;
    const double mixed = v + (ui::kBackdropDim[c] - v) * ui::kBackdropDim[3];
    out |= unsigned(mixed * 255.0 + 0.5) << (8 * c);
  }
  return out;
}

}  // namespace

TEST_CASE("Delete permanently restates what a project takes with it (issue 15, item 3)", "[second_pass][dialogs]") {
  Harness h;
  h.SignInWithListing(kListing);
  h.Frames(3);
  SECTION("the \"+4\" pill is read out with what it means, as its tooltip says") {
    const ui::WidgetInfo* pill = h.Widget("row/project/d_pallet/children");
    REQUIRE(pill);
    CHECK(pill->role == "text");
    CHECK(pill->label == "+4");
    CHECK(pill->description == "4 versions and models went to Trash with this project and come back with it");
    CHECK_FALSE(h.Widget("row/workflow/wf_1/children"));
  }
  SECTION("the amber indicator's tooltip gives the image count") {
    REQUIRE(h.Widget("row/project/d_pallet/images"));
    CHECK(h.Widget("row/project/d_pallet/images")->description ==
          "Cleanup will also delete the 240 images that belong only to this project. Images shared with other "
          "projects are preserved.");
  }
  OpenFromButton(h, "row/project/d_pallet/delete");
  REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmDeletePermanently);
  CHECK(h.Widget("dialog/text")->label == "1 item will be deleted now, with its data. This can't be undone.");
  REQUIRE(h.Widget("dialog/consequences"));
  CHECK(h.Widget("dialog/consequences")->label ==
        "\"Pallet Counter\" takes its 4 versions and models with it, and 240 images that belong to "
        "no other project.");
  SECTION("a workflow alone has no consequences to state") {
    h.Click("dialog/cancel");
    h.ApplyEmitted();
    h.Frames(2);
    OpenFromButton(h, "row/workflow/wf_1/delete");
    CHECK_FALSE(h.Widget("dialog/consequences"));
  }
}

TEST_CASE("The typed confirmations' placeholders are not the text to type", "[second_pass][dialogs]") {
  Harness h;
  OnProjects(h);
  OpenFromButton(h, "project/parking-lots/move-to-trash");
  REQUIRE(h.Widget("##confirm-project"));
  CHECK(h.Widget("##confirm-project")->description == "Project ID");
  CHECK(h.Widget("##confirm-project")->description != "parking-lots");
}

TEST_CASE("The Projects page is a grid, its buttons named by their project (issue 15, item 5)",
          "[second_pass][projects]") {
  Harness h;
  OnProjects(h);
  const ui::WidgetInfo* grid = h.Widget("projects/grid");
  REQUIRE(grid);
  CHECK(grid->role == "grid");
  CHECK(grid->count == 3);  // the header row and two projects
  REQUIRE(h.Widget("projects/header"));
  CHECK(h.Widget("projects/header")->role == "headerrow");
  CHECK(h.Find("columnheader", "Name"));
  CHECK(h.Find("columnheader", "Actions"));
  const ui::WidgetInfo* row = h.Widget("project/parking-lots");
  REQUIRE(row);
  CHECK(row->role == "row");
  CHECK(row->label == "Parking Lots");
  CHECK(row->index == 2);
  CHECK(h.Widget("project/parking-lots/name")->label == "Parking Lots (parking-lots)");
  CHECK(h.Widget("project/parking-lots/owner")->label == "Alice");
  CHECK(h.Widget("project/parking-lots/move-to-trash")->label == "Move Parking Lots to Trash");
  CHECK(h.Widget("project/forklifts/move-to-trash")->label == "Move Forklifts to Trash");
}

TEST_CASE("Without view_trash the Projects page says no access too (issue 15, item 6)", "[second_pass][projects]") {
  Harness h;
  h.SignIn(SessionJson({"trash_dataset"}));
  h.Apply(trash::intent::Navigate{trash::Screen::Projects});
  h.Frames(3);
  REQUIRE(h.page.screen() == trash::Screen::Projects);
  CHECK_FALSE(h.Respond(trash::RequestKind::ListProjects, 200, ReadFixture("ui_projects.json")));  // never asked
  REQUIRE(h.Widget("projects/forbidden"));
  CHECK(h.Widget("projects/forbidden")->description ==
        "Your role lacks the \"View Trash\" permission. Ask a workspace owner to add it to your role.");
  CHECK_FALSE(h.Widget("projects/grid"));
}

TEST_CASE("Toasts lead on: Move to Trash offers Undo and View in Trash, a restore its project (issue 15, item 9)",
          "[second_pass][toasts]") {
  Harness h;
  OnProjects(h);
  h.Apply(trash::intent::DeleteProject{"parking-lots", false});
  REQUIRE(h.Respond(trash::RequestKind::DeleteProject, 200,
                    R"({"deleted":true,"type":"project","projectId":"p_2","trash":true})"));
  h.Frames(2);
  const ui::WidgetInfo* toast = h.Find("alert", "Moved \"Parking Lots\" to Trash");
  REQUIRE(toast);
  const std::string id = toast->id;
  REQUIRE(h.Widget(id + "/undo"));
  REQUIRE(h.Widget(id + "/link"));
  CHECK(h.Widget(id + "/link")->label == "View in Trash");

  SECTION("View in Trash opens the Trash") {
    h.ClearEmitted();
    h.Click(id + "/link");
    const auto* nav = h.LastEmitted<trash::intent::Navigate>();
    REQUIRE(nav);
    CHECK(nav->screen == trash::Screen::Trash);
  }
  SECTION("Undo restores the project, and the restore's toast links to it") {
    h.Click(id + "/undo");
    h.ApplyEmitted();
    REQUIRE(h.Respond(trash::RequestKind::Restore, 200,
                      R"({"restored":[{"type":"project","id":"p_2","url":"parking-lots"}],"failed":[]})"));
    h.Frames(2);
    const ui::WidgetInfo* restored = h.Find("alert", "Restored \"Parking Lots\"");
    REQUIRE(restored);
    REQUIRE(h.Widget(restored->id + "/link"));
    CHECK(h.Widget(restored->id + "/link")->label == "View project");
    CHECK(h.Widget(restored->id + "/undo"));
  }
}

TEST_CASE("The keyboard ring shows only while the keyboard is in use (issue 15, item 14)", "[second_pass][keys]") {
  Harness h;
  h.SignInWithListing(kListing);
  h.Frames(3);
  auto ringed = [&] {
    for (const ui::WidgetInfo* row : h.All("row"))
      if (row->Has("focus-visible")) return true;
    return false;
  };
  CHECK_FALSE(ringed());
  h.PressKey(40);  // Down: the cursor and its ring
  CHECK(ringed());
  SECTION("a click anywhere hides it, even off the rows") {
    h.ClickAt(5, 5);
    CHECK_FALSE(ringed());
    h.PressKey(40);
    CHECK(ringed());
  }
  SECTION("a wheel turn hides it") {
    ImGui::GetIO().MouseWheel = -1;
    h.Frame();
    ImGui::GetIO().MouseWheel = 0;
    h.Frame();
    CHECK_FALSE(ringed());
  }
  SECTION("not under a dialog") {
    h.PressKey(46);  // Delete: the cursor row's dialog
    h.ApplyEmitted();
    h.Frames(2);
    REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmDeletePermanently);
    CHECK_FALSE(ringed());
  }
  SECTION("not once the selection is cleared") {
    h.PressKey(32);  // Space selects the cursor row
    h.PressKey(27);  // Esc clears the selection
    CHECK(h.page.view().selectedKeys().empty());
    CHECK_FALSE(ringed());
  }
}

TEST_CASE("Muted text keeps 4.5:1 on header and group rows; the dark dialog card stands out (issue 15, item 15)",
          "[second_pass][theme]") {
  Harness h;  // an ImGui context for the style
  for (const ui::Theme theme : {ui::Theme::Light, ui::Theme::Dark}) {
    ui::ApplyStyle(theme, 1.0f);
    const ui::Palette& p = ui::CurrentPalette();
    INFO((theme == ui::Theme::Dark ? "dark" : "light"));
    for (const unsigned background : {p.surface, p.surfaceAlt, p.background, p.border /* a hovered group row */})
      CHECK(Contrast(p.textMuted, background) >= 4.5);
    const unsigned page = Dimmed(p.background);
    CHECK(Contrast(p.dialog, page) >= 1.3);
    if (theme == ui::Theme::Dark) CHECK(Contrast(p.dialogBorder, page) >= 3.0);  // WCAG's 3:1 for an edge
    CHECK(Contrast(p.textMuted, p.dialog) >= 4.5);
  }
  ui::ApplyStyle(ui::Theme::Light, 1.0f);
}
