// Tests of app::App, the bridge between the screens, the reducer and the platform, on the fake
// platform: a deep link applied after sign-in, back and forward, the refresh timer and wake-ups,
// the clipboard, an action whose batch fails half-way, and an action's frame and answer reported
// to the page (which holds that frame back briefly for the answer).
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/app.h"
#include "fake_platform.h"
#include "ui/harness.h"  // an ImGui context with the page's fonts and style, fixtures
#include "ui/theme.h"    // ReducedMotion

using app::test::FakePlatform;

namespace {

struct Bench {
  ui::test::Harness imgui;  // only its ImGui context is used
  FakePlatform platform;
  app::App app{platform};

  explicit Bench(std::string fragment = {}) {
    platform.now = ui::test::kNow;
    platform.fragment = std::move(fragment);
  }
  void Frame() {
    ImGui::NewFrame();
    app.Draw();
    ImGui::Render();
  }
  void Frames(int n) {
    for (int i = 0; i < n; ++i) Frame();
  }
  // Start, who-am-I answered with a session, the listing answered with the UI fixture.
  void SignedIn() {
    app.Start();
    REQUIRE(platform.Answer("GET", "/api/session", 200, ui::test::SessionJson(ui::test::AllPermissions())));
    REQUIRE(platform.Answer("GET", "/api/demo", 404, R"({"error":"Not found"})"));  // no demo workspace
    REQUIRE(platform.Answer("GET", "/acme/trash", 200, ui::test::ReadFixture("ui_trash_listing.json")));
    Frames(3);
  }
  void Key(int code, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[code] = true;
    Frame();
    io.KeysDown[code] = false;
    io.KeyCtrl = false;
    Frame();
  }
};

}  // namespace

TEST_CASE("A deep link is applied once signed in, and the address follows the page", "[app]") {
  Bench bench("#/settings/trash?q=traffic&type=project&sort=-size");
  bench.app.Start();
  CHECK(bench.platform.Count("GET", "/api/session") == 1);
  bench.Frame();  // not signed in yet: the link waits
  CHECK(bench.app.page().view().filters().query.empty());
  REQUIRE(bench.platform.Answer("GET", "/api/session", 200, ui::test::SessionJson(ui::test::AllPermissions())));
  bench.Frame();
  const trash::TrashView& view = bench.app.page().view();
  CHECK(view.filters().query == "traffic");
  CHECK(view.filters().types[size_t(trash::ItemType::Project)]);
  CHECK(view.sort().column == trash::SortColumn::Size);
  CHECK_FALSE(view.sort().ascending);
  CHECK(bench.platform.history.empty());  // the address already says it
}

TEST_CASE("Back and forward show what the address names", "[app]") {
  Bench bench;
  bench.SignedIn();
  bench.platform.fragment = "#/settings/trash?q=v2";
  bench.app.OnLocationChanged();
  CHECK(bench.platform.framesRequested > 0);
  bench.Frame();
  CHECK(bench.app.page().view().filters().query == "v2");
  bench.platform.fragment = "#/settings/projects";
  bench.app.OnLocationChanged();
  bench.Frame();
  CHECK(bench.app.page().screen() == trash::Screen::Projects);
  CHECK(bench.platform.Count("GET", "/acme/projects") == 1);
}

TEST_CASE("An idle page wakes for the refresh and refreshes every 30 s", "[app]") {
  Bench bench;
  bench.SignedIn();
  CHECK(bench.platform.pending.empty());
  CHECK(bench.platform.wakeAt > ui::test::kNow);
  CHECK(bench.platform.wakeAt <= ui::test::kNow + 30'000);
  bench.platform.now = ui::test::kNow + 30'000;
  bench.Frame();
  CHECK(bench.platform.Count("GET", "/acme/trash") == 1);
  SECTION("and when the tab comes back") {
    REQUIRE(bench.platform.Answer("GET", "/acme/trash", 200, ui::test::ReadFixture("ui_trash_listing.json")));
    bench.app.OnWindowFocus();
    CHECK(bench.platform.Count("GET", "/acme/trash") == 1);
  }
}

TEST_CASE("Ctrl+C puts the cursor row's name on the platform's clipboard", "[app]") {
  Bench bench;
  bench.SignedIn();
  bench.app.FocusWidget("row/project/p_1");  // the mirror moved focus onto the row
  bench.Frames(2);
  bench.Key(67, true);
  REQUIRE(bench.platform.clipboard.size() == 1);
  CHECK(bench.platform.clipboard[0] == "Traffic Lights");
}

TEST_CASE("An Undo whose moves fail half-way says which came back", "[app]") {
  Bench bench;
  bench.SignedIn();
  bench.app.FocusWidget("row/project/p_1");
  bench.Frames(2);
  bench.Key(65, true);  // Ctrl+A: every row shown
  bench.Key(13);        // Enter: restore what may be restored
  REQUIRE(bench.platform.Count("POST", "/acme/trash/restore") == 1);
  const std::string body = bench.platform.pending[0].request.body;
  CHECK(body.find("p_1") != std::string::npos);
  REQUIRE(bench.platform.Answer("POST", "/acme/trash/restore", 200,
                                R"({"restored":[{"type":"project","id":"p_1","url":"traffic-lights"},)"
                                R"({"type":"dataset","id":"ds_9","url":"street-scenes"}],"failed":[]})"));
  bench.Frame();
  bench.Key(90, true);  // Ctrl+Z: Undo, one move back to Trash per item
  REQUIRE(bench.platform.Count("DELETE", "/acme/") == 2);
  REQUIRE(bench.platform.Answer("DELETE", "/acme/", 200, R"({"deleted":true,"trash":true})"));
  REQUIRE(bench.platform.Answer("DELETE", "/acme/", 500, R"({"error":"Database is locked"})"));
  bench.Frame();
  std::string messages;
  for (const trash::Toast& toast : bench.app.page().toasts()) messages += toast.message + "\n";
  CHECK(messages.find("back to Trash") != std::string::npos);
  CHECK(messages.find("Database is locked") != std::string::npos);
}

TEST_CASE("An action carries an Idempotency-Key and is sent once more, with it, when the connection drops", "[app]") {
  Bench bench;
  bench.SignedIn();
  bench.app.FocusWidget("row/project/p_1");
  bench.Frames(2);
  bench.Key(13);  // Enter: restore the cursor row
  REQUIRE(bench.platform.Count("POST", "/acme/trash/restore") == 1);
  const auto keyOf = [](const platform::HttpRequest& request) {
    for (const auto& [name, value] : request.headers)
      if (name == "Idempotency-Key") return value;
    return std::string();
  };
  const platform::HttpRequest first = bench.platform.pending[0].request;
  CHECK(keyOf(first).size() == 32);
  REQUIRE(bench.platform.Answer("POST", "/acme/trash/restore", 0, ""));  // no answer: the connection dropped
  REQUIRE(bench.platform.Count("POST", "/acme/trash/restore") == 1);     // sent once more ...
  const platform::HttpRequest again = bench.platform.pending[0].request;
  CHECK(keyOf(again) == keyOf(first));  // ... with the same key and body
  CHECK(again.body == first.body);
  REQUIRE(bench.platform.Answer("POST", "/acme/trash/restore", 0, ""));  // and not a third time
  CHECK(bench.platform.Count("POST", "/acme/trash/restore") == 0);
  bench.Frame();
  REQUIRE_FALSE(bench.app.page().toasts().empty());
  CHECK(bench.app.page().toasts().back().message.rfind("Couldn't restore \"Traffic Lights\"", 0) == 0);
  for (const auto& p : bench.platform.pending) CHECK(keyOf(p.request).empty());  // reads carry none
}

TEST_CASE("A frame that sends an action says so, and the action is in flight until its answer", "[app]") {
  Bench bench;
  bench.SignedIn();
  bench.app.FocusWidget("row/project/p_1");
  bench.Frames(2);
  CHECK(bench.app.actionsInFlight() == 0);
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[13] = true;  // Enter: restore the cursor row
  ImGui::NewFrame();
  const app::FrameOutput sent = bench.app.Draw();
  ImGui::Render();
  io.KeysDown[13] = false;
  REQUIRE(bench.platform.Count("POST", "/acme/trash/restore") == 1);
  CHECK(sent.sentAction);
  CHECK(bench.app.actionsInFlight() == 1);
  ImGui::NewFrame();
  CHECK_FALSE(bench.app.Draw().sentAction);  // the next frame sends nothing
  ImGui::Render();
  REQUIRE(bench.platform.Answer("POST", "/acme/trash/restore", 0, ""));  // dropped: sent once more, still in flight
  CHECK(bench.app.actionsInFlight() == 1);
  REQUIRE(bench.platform.Answer("POST", "/acme/trash/restore", 200,
                                R"({"restored":[{"type":"project","id":"p_1","url":"traffic-lights"}],"failed":[]})"));
  CHECK(bench.app.actionsInFlight() == 0);
}

TEST_CASE("The platform is told when a text field has the keyboard, and the page follows its motion preference",
          "[app]") {
  Bench bench;
  bench.SignedIn();
  CHECK_FALSE(bench.platform.textInputActive);
  bench.Key(70, /*ctrl=*/true);  // Ctrl+F: the search takes the keyboard
  bench.Frames(2);
  CHECK(bench.platform.textInputActive);
  bench.Key(27);  // Esc releases it
  bench.Frames(2);
  CHECK_FALSE(bench.platform.textInputActive);

  bench.platform.reducedMotion = true;
  bench.Frame();
  CHECK(ui::ReducedMotion());
  bench.platform.reducedMotion = false;
  bench.Frame();
  CHECK_FALSE(ui::ReducedMotion());
}
