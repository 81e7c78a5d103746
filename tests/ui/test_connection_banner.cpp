// The unreachable-server strip drawn headless: it appears when a request gets no answer, says when
// the Trash shown was last loaded, offers Retry, and goes when the server answers again.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace ui::test;

TEST_CASE("An unreachable server shows a lasting strip with the age of the data and Retry", "[connection_banner]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(2);
  CHECK_FALSE(h.Widget("connection/banner"));

  h.now += 120'000;
  h.Apply(trash::intent::Refresh{});
  REQUIRE(h.Respond(trash::RequestKind::ListTrash, 0, ""));
  h.Frames(2);
  const auto* strip = h.Widget("connection/banner");
  REQUIRE(strip);
  CHECK(strip->role == "alert");
  CHECK(strip->label == "Couldn't reach the server");
  CHECK(strip->description == "last updated 2 minutes ago");
  CHECK(h.All("alert").size() == 1);  // no toast besides it
  const float stripBottom = strip->y + strip->h;
  for (const auto* tab : h.All("tab")) CHECK(tab->y >= stripBottom);  // the page moved down, nothing under it

  REQUIRE(h.Click("connection/retry"));
  REQUIRE(h.LastEmitted<trash::intent::Retry>());
  h.ApplyEmitted();
  REQUIRE(h.Respond(trash::RequestKind::ListTrash, 200, R"({"unchanged":true,"version":"x"})"));
  h.Frames(2);
  CHECK_FALSE(h.Widget("connection/banner"));
}
