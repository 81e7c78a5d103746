// The sign-in screen drawn headless: typed credentials and Enter, the demo users, the server's error.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace ui::test;

namespace {
void SignedOut(Harness& h) {
  h.Start();
  h.Respond(trash::RequestKind::WhoAmI, 401, R"({"error":"Sign in first"})");
  h.Respond(trash::RequestKind::DemoInfo, 200, ReadFixture("ui_demo.json"));
  h.Frames(2);
  REQUIRE(h.page.screen() == trash::Screen::SignIn);
}
}  // namespace

TEST_CASE("Sign-in emits SignIn with the typed credentials", "[sign_in]") {
  Harness h;
  SignedOut(h);
  REQUIRE(h.Widget("##email"));
  CHECK_FALSE(h.Widget("sign-in/submit")->enabled);  // nothing typed yet
  h.Type("alice@acme.test");  // the email field has focus when the screen opens
  h.Click("##password");
  h.Type("s3cret");
  h.PressKey(13);
  const auto* signIn = h.LastEmitted<trash::intent::SignIn>();
  REQUIRE(signIn);
  CHECK(signIn->email == "alice@acme.test");
  CHECK(signIn->password == "s3cret");

  SECTION("while signing in the button is busy and the error shows after") {
    h.ApplyEmitted();
    h.Frame();
    CHECK(h.Widget("sign-in/submit")->Has("busy"));
    h.Respond(trash::RequestKind::SignIn, 401, R"({"error":"Wrong email or password"})");
    h.Frame();
    REQUIRE(h.Widget("sign-in/error"));
    CHECK(h.Widget("sign-in/error")->label == "Wrong email or password");
  }
}

TEST_CASE("A demo user fills the fields", "[sign_in]") {
  Harness h;
  SignedOut(h);
  REQUIRE(h.Find("button", "Victor Viewer"));
  h.Click("sign-in/demo/victor@acme.test");
  h.Click("sign-in/submit");
  const auto* signIn = h.LastEmitted<trash::intent::SignIn>();
  REQUIRE(signIn);
  CHECK(signIn->email == "victor@acme.test");
  CHECK(signIn->password == "victor-pw");
}
