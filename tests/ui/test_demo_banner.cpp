// The in-browser demo's banner drawn headless: it shows only when the API says it is an in-browser
// demo, says where changes go, offers time travel, the cleanup and Reset, and fits a phone.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace ui::test;

namespace {
constexpr const char* kBrowserDemo =
    R"({"workspace":"acme-robotics","users":[{"email":"alice@acme.test","name":"Alice Chen","role":"Owner","password":"demo-alice"}],)"
    R"("apiKeys":[],"browser":{"storage":"local","notice":"","clockOffsetMs":0}})";

void SignedOutWith(Harness& h, const std::string& demoJson) {
  h.Start();
  h.Respond(trash::RequestKind::WhoAmI, 401, R"({"error":"Not signed in"})");
  h.Respond(trash::RequestKind::DemoInfo, 200, demoJson);
  h.Frames(2);
}
}  // namespace

TEST_CASE("serve.py's demo shows no banner", "[demo_banner]") {
  Harness h;
  SignedOutWith(h, ReadFixture("ui_demo.json"));
  CHECK_FALSE(h.Widget("demo/banner"));
  CHECK_FALSE(h.Find("button", "+7 days"));
}

TEST_CASE("The in-browser demo's banner offers time travel, the cleanup and Reset", "[demo_banner]") {
  Harness h;
  SignedOutWith(h, kBrowserDemo);
  const auto* banner = h.Widget("demo/banner");
  REQUIRE(banner);
  CHECK(banner->label == "Demo: changes stay in this browser");
  CHECK(banner->y < 60);  // across the top, above the sign-in card

  SECTION("each button emits its action") {
    REQUIRE(h.Click("+7 days"));
    const auto* travel = h.LastEmitted<trash::intent::Demo>();
    REQUIRE(travel);
    CHECK(travel->action == trash::DemoAction::AdvanceClock);
    CHECK(travel->days == 7);
    REQUIRE(h.Click("+1 day"));
    CHECK(h.LastEmitted<trash::intent::Demo>()->days == 1);
    REQUIRE(h.Click("Run cleanup now"));
    CHECK(h.LastEmitted<trash::intent::Demo>()->action == trash::DemoAction::RunCleanup);
    REQUIRE(h.Click("Reset demo"));
    CHECK(h.LastEmitted<trash::intent::Demo>()->action == trash::DemoAction::Reset);
  }
  SECTION("the signed-in page sits below it") {
    h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
    h.Frames(2);
    const auto* shown = h.Widget("demo/banner");
    REQUIRE(shown);
    for (const auto* w : h.All("tab")) CHECK(w->y >= shown->y + shown->h);
  }
}

TEST_CASE("The banner says when changes are not kept, how far the clock moved, and fits a phone", "[demo_banner]") {
  Harness h(390, 844);
  SignedOutWith(
      h, R"({"workspace":"acme-robotics","users":[],"apiKeys":[],)"
         R"("browser":{"storage":"memory","notice":"Browser storage is turned off here","clockOffsetMs":604800000}})");
  const auto* banner = h.Widget("demo/banner");
  REQUIRE(banner);
  CHECK(banner->label ==
        "Demo: changes will not be kept in this browser \xc2\xb7 clock 7 days ahead \xc2\xb7 Browser storage is turned "
        "off here");
  for (const char* label : {"+1 day", "+7 days", "Run cleanup now", "Reset demo"}) {
    const auto* button = h.Find("button", label);
    REQUIRE(button);
    CHECK(button->x >= 0);
    CHECK(button->x + button->w <= 390);  // wrapped, never cut off
  }
}
