// The Settings shell and the toasts drawn headless: navigation and sign-out intents, the user and
// role in the top bar, and a restore's toast with Undo.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace ui::test;

TEST_CASE("The shell shows the user and navigates", "[shell]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(2);
  REQUIRE(h.Widget("nav/Trash"));
  CHECK(h.Widget("nav/Trash")->Has("selected"));
  CHECK(h.Widget("shell/role")->label == "Owner");
  h.Click("nav/Projects");
  const auto* nav = h.LastEmitted<trash::intent::Navigate>();
  REQUIRE(nav);
  CHECK(nav->screen == trash::Screen::Projects);
  h.Click("shell/sign-out");
  CHECK(h.CountEmitted<trash::intent::SignOut>() == 1);
}

TEST_CASE("A restore's toast offers Undo", "[toasts]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(2);
  h.Click("row/workflow/wf_1/restore");
  h.ApplyEmitted();
  h.Respond(trash::RequestKind::Restore, 200, R"({"restored":[{"type":"workflow","id":"wf_1"}],"failed":[]})");
  h.Frames(3);
  const auto alerts = h.All("alert");
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0]->label.find("slow-webhooks") != std::string::npos);
  const std::string undoId = alerts[0]->id + "/undo";
  REQUIRE(h.Widget(undoId));
  h.Click(undoId);
  const auto* undo = h.LastEmitted<trash::intent::Undo>();
  REQUIRE(undo);
  CHECK(undo->toastId == h.page.toasts()[0].id);
}
