// App tests of Settings → Activity and Retention on the fake platform: an Activity deep link
// with filters is applied after sign-in and followed back into the address, and Export CSV goes
// through the ordinary Fetch and ends as a saved file on the platform.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/app.h"
#include "fake_platform.h"
#include "ui/harness.h"  // an ImGui context with the page's fonts and style, fixtures

using app::test::FakePlatform;

namespace {
struct Bench {
  ui::test::Harness imgui;  // only its ImGui context is used
  FakePlatform platform;
  app::App app{platform};

  explicit Bench(std::string fragment) {
    platform.now = ui::test::kNow;
    platform.fragment = std::move(fragment);
  }
  void Frames(int n) {
    for (int i = 0; i < n; ++i) {
      ImGui::NewFrame();
      app.Draw();
      ImGui::Render();
    }
  }
  void SignedIn() {
    app.Start();
    std::vector<std::string> permissions = ui::test::AllPermissions();
    permissions.push_back("view_activity");
    REQUIRE(platform.Answer("GET", "/api/session", 200, ui::test::SessionJson(permissions)));
    REQUIRE(platform.Answer("GET", "/api/demo", 404, R"({"error":"Not found"})"));
    REQUIRE(platform.Answer("GET", "/acme/trash", 200, ui::test::ReadFixture("ui_trash_listing.json")));
    Frames(3);
  }
};
}  // namespace

TEST_CASE("An Activity deep link is applied after sign-in and its CSV is saved as a file", "[app][activity]") {
  Bench bench("#/settings/activity?action=restore&q=dock&item=d_dock&type=project");
  bench.SignedIn();
  CHECK(bench.app.page().screen() == trash::Screen::Activity);
  REQUIRE(bench.platform.Count("GET", "/acme/audit?limit=200&action=restore&type=project&q=dock&item=d_dock") == 1);
  REQUIRE(bench.platform.Answer("GET", "/acme/audit?limit=200", 200, R"({"events":[],"nextCursor":null,"actors":[]})"));
  bench.Frames(3);
  CHECK(trash::ParseRoute(bench.platform.fragment).activity == bench.app.page().activity().filters());

  ImGui::NewFrame();
  bench.app.Draw();
  ImGui::Render();
  // Export CSV, as its button does.
  const ui::WidgetInfo* exportButton = ui::CurrentRegistry().FindById("activity/export");
  REQUIRE(exportButton);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(exportButton->cx(), exportButton->cy());
  bench.Frames(1);
  io.MouseDown[0] = true;
  bench.Frames(1);
  io.MouseDown[0] = false;
  bench.Frames(2);
  REQUIRE(bench.platform.Count("GET", "/acme/audit?format=csv&action=restore&type=project&q=dock&item=d_dock") == 1);
  REQUIRE(bench.platform.Answer("GET", "/acme/audit?format=csv", 200, "at,actor\n2026-11-28,\"Bob, Jr.\"\n"));
  bench.Frames(2);
  REQUIRE(bench.platform.savedFiles.size() == 1);
  CHECK(bench.platform.savedFiles[0].name == "activity-acme-2026-11-28.csv");
  CHECK(bench.platform.savedFiles[0].mimeType == "text/csv");
  CHECK(bench.platform.savedFiles[0].bytes == "at,actor\n2026-11-28,\"Bob, Jr.\"\n");
}

TEST_CASE("The Retention screen has its own address, with back to the Trash", "[app][retention]") {
  Bench bench("#/settings/retention");
  bench.SignedIn();
  CHECK(bench.app.page().screen() == trash::Screen::Retention);
  CHECK(bench.platform.fragment == "#/settings/retention");
  bench.platform.fragment = "#/settings/trash";
  bench.app.OnLocationChanged();
  bench.Frames(2);
  CHECK(bench.app.page().screen() == trash::Screen::Trash);
}
