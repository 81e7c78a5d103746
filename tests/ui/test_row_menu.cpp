// The row menu and the copy keys, headless: right-click and "⋮" open a menu of menuitems, the
// keyboard moves through it and chooses, Esc gives the cursor back to the row, a role without a
// permission sees the item disabled with the reason, Ctrl+C copies the selection's names, and a
// paste with no field active searches for it. Also the mirror's focus request moving the cursor.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace ui::test;

namespace {
constexpr int kDown = 40, kUp = 38, kEnter = 13, kEscape = 27, kContextMenu = 93, kC = 67, kV = 86;

void RightClick(Harness& h, const std::string& id) {
  const ui::WidgetInfo* w = h.Widget(id);
  REQUIRE(w);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(w->x + 8, w->cy());
  h.Frame();
  io.MouseDown[1] = true;
  h.Frame();
  io.MouseDown[1] = false;
  h.Frames(2);
}

std::vector<std::string> MenuLabels(Harness& h) {
  std::vector<std::string> labels;
  for (const ui::WidgetInfo* w : h.All("menuitem")) labels.push_back(w->label);
  return labels;
}

// The widgets drawn with a keyboard focus ring, in drawing order.
std::vector<std::string> Ringed() {
  std::vector<std::string> ids;
  for (const ui::WidgetInfo& w : ui::CurrentRegistry().widgets())
    if (w.Has("focus-visible")) ids.push_back(w.id);
  return ids;
}

const ui::WidgetInfo* Highlighted(Harness& h) {
  for (const ui::WidgetInfo* w : h.All("menuitem"))
    if (w->Has("focused")) return w;
  return nullptr;
}
}  // namespace

TEST_CASE("Right-click on a row opens its menu; a choice emits its intent and closes it", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  REQUIRE_FALSE(h.Widget("menu"));
  RightClick(h, "row/project/p_1");
  const ui::WidgetInfo* menu = h.Widget("menu");
  REQUIRE(menu);
  CHECK(menu->role == "menu");
  CHECK(MenuLabels(h) == std::vector<std::string>{"Copy name", "Copy ID", "History", "Restore", "Delete permanently"});
  CHECK_FALSE(Highlighted(h));  // the mouse opened it: no keyboard highlight

  SECTION("Copy ID") {
    REQUIRE(h.Click("menu/copy-id"));
    const auto* copy = h.LastEmitted<trash::intent::Copy>();
    REQUIRE(copy);
    CHECK(copy->field == trash::CopyField::Id);
    REQUIRE(copy->keys.size() == 1);
    CHECK(copy->keys[0].id == "p_1");
    CHECK_FALSE(h.Widget("menu"));
  }
  SECTION("Delete permanently opens the confirmation for that row") {
    REQUIRE(h.Click("menu/delete"));
    const auto* open = h.LastEmitted<trash::intent::OpenDialog>();
    REQUIRE(open);
    CHECK(open->kind == trash::DialogKind::ConfirmDeletePermanently);
    CHECK(open->keys.at(0).id == "p_1");
  }
  SECTION("a click outside closes it and emits nothing") {
    h.ClickAt(5, 5);
    CHECK_FALSE(h.Widget("menu"));
    CHECK(h.emitted().empty());
  }
}

TEST_CASE("A child whose project is in Trash offers Restore project first in its menu", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  RightClick(h, "row/version/p_2/5");  // its project is not in Trash
  CHECK_FALSE(h.Widget("menu/restore-parent"));
  h.ClickAt(5, 5);
  RightClick(h, "row/version/p_1/2");
  REQUIRE(h.Widget("menu/restore-parent"));
  REQUIRE(h.Click("menu/restore-parent"));
  const auto* first = h.LastEmitted<trash::intent::RestoreParentFirst>();
  REQUIRE(first);
  CHECK(first->child.id == "2");
}

TEST_CASE("The row menu by keyboard: context-menu key, arrows, Enter; Esc returns to the row", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.PressKey(kDown);  // the cursor on the first row
  const ui::WidgetInfo* row = h.All("row").at(0);
  REQUIRE(row->Has("focused"));
  const std::string rowId = row->id;

  h.PressKey(kContextMenu);
  h.Frame();
  REQUIRE(h.Widget("menu"));
  REQUIRE(Highlighted(h));
  CHECK(Highlighted(h)->label == "Copy name");
  h.PressKey(kDown);
  CHECK(Highlighted(h)->label == "Copy ID");
  h.PressKey(kUp);
  h.PressKey(kUp);  // wraps to the last item
  CHECK(Highlighted(h)->label == "Delete permanently");

  SECTION("Enter chooses the highlighted item") {
    h.PressKey(kUp);
    h.PressKey(kUp);
    h.PressKey(kUp);
    REQUIRE(Highlighted(h)->label == "Copy ID");
    h.PressKey(kEnter);
    const auto* copy = h.LastEmitted<trash::intent::Copy>();
    REQUIRE(copy);
    CHECK(copy->field == trash::CopyField::Id);
    CHECK(h.CountEmitted<trash::intent::Restore>() == 0);  // Enter did not also restore the row
    CHECK_FALSE(h.Widget("menu"));
  }
  SECTION("Esc closes it and the cursor is back on the row, ring and all") {
    h.PressKey(kEscape);
    h.Frame();
    CHECK_FALSE(h.Widget("menu"));
    CHECK(h.emitted().empty());
    CHECK(h.Widget(rowId)->Has("focused"));
    CHECK(h.Widget(rowId)->Has("focus-visible"));
  }
  SECTION("Shift+F10 opens it too") {
    h.PressKey(kEscape);
    h.PressKey(121, false, true);
    h.Frame();
    CHECK(h.Widget("menu"));
  }
}

TEST_CASE("The ⋮ button opens the menu with the first item highlighted", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const ui::WidgetInfo* more = h.Widget("row/project/p_1/menu");
  REQUIRE(more);
  CHECK(more->role == "button");
  CHECK(more->label == "More actions");
  REQUIRE(h.Click("row/project/p_1/menu"));
  REQUIRE(h.Widget("menu"));
  REQUIRE(Highlighted(h));
  CHECK(Highlighted(h)->id == "menu/copy-name");
  // It opens beside the button, inside the window.
  const ui::WidgetInfo* menu = h.Widget("menu");
  CHECK(menu->x + menu->w <= 1280);
  CHECK(menu->y + menu->h <= 1000);
}

TEST_CASE("A role without a permission sees the menu item disabled with the reason", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"), {"view_trash", "restore_dataset"});
  h.Frames(3);
  RightClick(h, "row/project/p_1");
  const ui::WidgetInfo* del = h.Widget("menu/delete");
  REQUIRE(del);
  CHECK_FALSE(del->enabled);
  CHECK(del->Has("disabled"));
  CHECK(del->description.find("the \"Delete permanently\" permission") != std::string::npos);
  h.Click("menu/delete");
  CHECK(h.CountEmitted<trash::intent::OpenDialog>() == 0);
  CHECK(h.Widget("menu"));  // a disabled item does not close the menu
  CHECK(h.Widget("menu/copy-id")->enabled);
}

TEST_CASE("Ctrl+C copies the selection's names, or the cursor row's", "[row_menu][clipboard]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.PressKey(kC, true);
  CHECK(h.CountEmitted<trash::intent::Copy>() == 0);  // nothing selected, no cursor

  h.PressKey(kDown);
  h.PressKey(kC, true);
  const auto* one = h.LastEmitted<trash::intent::Copy>();
  REQUIRE(one);
  CHECK(one->field == trash::CopyField::Name);
  CHECK(one->keys.size() == 1);

  const std::vector<const ui::WidgetInfo*> rows = h.All("row");
  REQUIRE(rows.size() >= 3);
  const std::string second = rows[1]->id, third = rows[2]->id;
  h.Click(second + "/select");
  h.Click(third + "/select");
  h.ClearEmitted();
  h.PressKey(kC, true);
  const auto* two = h.LastEmitted<trash::intent::Copy>();
  REQUIRE(two);
  CHECK(two->keys.size() == 2);
  h.ApplyEmitted();
  REQUIRE_FALSE(h.page.toasts().empty());
  CHECK(h.page.toasts().back().message == "Copied 2 names");
}

TEST_CASE("A paste with no field active searches for its first line", "[row_menu][clipboard]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  ImGui::SetClipboardText("Traffic\nsecond line");
  h.PressKey(kV, true);
  h.Frames(2);
  CHECK(h.page.view().filters().query == "Traffic");
  CHECK(h.Widget("##search")->Has("focused"));
}

TEST_CASE("The mirror's focus request moves the row cursor and the menu highlight", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const std::string target = h.All("row").at(2)->id;
  h.view.FocusWidget(target);
  h.Frames(2);
  CHECK(h.Widget(target)->Has("focused"));
  CHECK(h.Widget(target)->Has("focus-visible"));

  REQUIRE(h.Click("row/project/p_1/menu"));
  h.view.FocusWidget("menu/delete");
  h.Frames(2);
  REQUIRE(Highlighted(h));
  CHECK(Highlighted(h)->id == "menu/delete");
}

TEST_CASE("A widget the mirror focused keeps its ring until a click or until focus leaves the mirror", "[row_menu]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  h.view.FocusWidget("toolbar/refresh");
  h.Frames(2);
  CHECK(Ringed() == std::vector<std::string>{"toolbar/refresh"});
  h.view.FocusWidget("");
  h.Frame();
  CHECK(Ringed().empty());
  h.view.FocusWidget("bulk/restore-all");
  h.Frames(2);
  CHECK(Ringed() == std::vector<std::string>{"bulk/restore-all"});
  h.ClickAt(5, 5);
  CHECK(Ringed().empty());
}
