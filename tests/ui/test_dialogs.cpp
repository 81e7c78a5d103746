// The confirmation dialogs drawn headless: what they list, what their confirm buttons emit, and
// that the typed confirmations gate the irreversible ones.
#include <catch2/catch.hpp>

#include "core/countdown.h"  // FormatBytes
#include "harness.h"

using namespace ui::test;

namespace {
void OpenFromButton(Harness& h, const std::string& id) {
  h.Click(id);
  h.ApplyEmitted();
  h.Frames(2);
}
}  // namespace

TEST_CASE("Delete Permanently lists what goes and what it frees", "[dialogs]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  OpenFromButton(h, "row/dataset/ds_9/delete");
  REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmDeletePermanently);
  REQUIRE(h.Widget("dialog/delete-permanently"));
  CHECK(h.Widget("dialog/delete-permanently")->role == "dialog");
  CHECK(h.last.firstDialogList != nullptr);
  const auto names = h.All("listitem");
  REQUIRE(names.size() == h.page.dialog().names.size());
  CHECK(names[0]->label.find("Street scenes") != std::string::npos);
  REQUIRE(h.Widget("dialog/frees"));
  CHECK(h.Widget("dialog/frees")->label == "Frees " + trash::FormatBytes(h.page.dialog().bytes) + " of storage.");
  CHECK(h.page.dialog().bytes == 2128609280);

  SECTION("the red button deletes those items") {
    h.Click("dialog/confirm");
    const auto* del = h.LastEmitted<trash::intent::DeletePermanently>();
    REQUIRE(del);
    REQUIRE(del->keys.size() == 1);
    CHECK(del->keys[0].id == "ds_9");
  }
  SECTION("Cancel and Esc close it without acting") {
    h.Click("dialog/cancel");
    CHECK(h.CountEmitted<trash::intent::CloseDialog>() == 1);
    h.PressKey(27);
    CHECK(h.CountEmitted<trash::intent::CloseDialog>() == 2);
    CHECK(h.CountEmitted<trash::intent::DeletePermanently>() == 0);
    h.ApplyEmitted();
    h.Frames(2);
    CHECK_FALSE(h.Widget("dialog/delete-permanently"));
    CHECK(h.last.firstDialogList == nullptr);
  }
}

TEST_CASE("Empty Trash needs the workspace name typed", "[dialogs]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  OpenFromButton(h, "bulk/empty-trash");
  REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmEmptyTrash);
  REQUIRE(h.Widget("dialog/confirm"));
  CHECK_FALSE(h.Widget("dialog/confirm")->enabled);
  h.Click("dialog/confirm");
  CHECK(h.CountEmitted<trash::intent::EmptyTrash>() == 0);

  h.Click("##confirm-name");
  h.Type("Acme Robot");
  h.Frame();
  CHECK_FALSE(h.Widget("dialog/confirm")->enabled);
  h.Type("ics");
  h.Frame();
  REQUIRE(h.Widget("dialog/confirm")->enabled);
  h.Click("dialog/confirm");
  const auto* empty = h.LastEmitted<trash::intent::EmptyTrash>();
  REQUIRE(empty);
  CHECK(empty->typedName == "Acme Robotics");
}

TEST_CASE("Restore All asks first", "[dialogs]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  OpenFromButton(h, "bulk/restore-all");
  REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmRestoreAll);
  CHECK(h.CountEmitted<trash::intent::RestoreAll>() == 0);
  h.Click("dialog/confirm");
  CHECK(h.CountEmitted<trash::intent::RestoreAll>() == 1);
}

TEST_CASE("Delete Project needs the project id typed and carries the images choice", "[dialogs][projects]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Apply(trash::intent::Navigate{trash::Screen::Projects});
  h.Respond(trash::RequestKind::ListProjects, 200, ReadFixture("ui_projects.json"));
  h.Frames(3);
  REQUIRE(h.page.screen() == trash::Screen::Projects);

  const ui::WidgetInfo* notMine = h.Widget("project/forklifts/move-to-trash");
  REQUIRE(notMine);
  CHECK_FALSE(notMine->enabled);
  CHECK(notMine->description.find("Bob") != std::string::npos);
  h.Click("project/forklifts/move-to-trash");
  CHECK(h.CountEmitted<trash::intent::OpenDialog>() == 0);

  OpenFromButton(h, "project/parking-lots/move-to-trash");
  REQUIRE(h.page.dialog().kind == trash::DialogKind::ConfirmDeleteProject);
  CHECK_FALSE(h.Widget("dialog/confirm")->enabled);
  h.Type("parking-lots");
  h.Frame();
  h.Click("##delete-images");
  REQUIRE(h.Widget("##delete-images"));
  CHECK(h.Widget("##delete-images")->Has("checked"));
  REQUIRE(h.Widget("dialog/confirm")->enabled);
  h.Click("dialog/confirm");
  const auto* del = h.LastEmitted<trash::intent::DeleteProject>();
  REQUIRE(del);
  CHECK(del->projectUrl == "parking-lots");
  CHECK(del->deleteImages);
}
