// The demo's own parts: time travel and cleanup (as calls and as routes), Reset, GET /api/demo's
// "browser" report, and Save/Load: a round trip keeps everything, and anything else is refused.
#include "demo_helpers.h"

#include <catch2/catch.hpp>

using namespace demo_test;

namespace {
int64_t Total(Client& client, const std::string& ws = "acme-robotics") {
    return client.SendJson("GET", "/" + ws + "/trash?sections=0", nullptr)["total"].get<int64_t>();
}
}  // namespace

TEST_CASE("Time travel: the clock route moves the demo clock and cleanup purges what is due", "[demo][clock]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client client{backend, kT0, {}, {}};
    REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    int status = 0;
    const Json clock = client.SendJson("POST", "/api/demo/clock", Json{{"advanceDays", 1}}, &status);
    CHECK(status == 200);
    CHECK(clock == Json{{"clockOffsetMs", kDayMs}, {"now", "2026-12-02T12:00:00.000Z"}});
    CHECK(backend.clockOffsetMs() == kDayMs);
    const Json purged = client.SendJson("POST", "/api/demo/cleanup", Json::object(), &status);
    CHECK(status == 200);
    CHECK(purged["purged"] == 1);  // the shelf project, its own version row going with it
    CHECK(purged["imagesDeleted"] == 0);
    CHECK(Total(client) == 12);
    // Sessions live on real time: days of time travel sign no one out.
    client.SendJson("POST", "/api/demo/clock", Json{{"advanceDays", 7}}, &status);
    const demo::CleanupResult result = backend.RunCleanup(kT0);
    CHECK(result.purged == 5);         // 4 rows of Acme deleted 22+ days before, Globex's dashcam (14-day retention)
    CHECK(result.imagesDeleted == 0);  // conveyor's images are shared with forklift, still there
    CHECK(Total(client) == 8);
    for (const Json& bad :
         {Json{{"advanceDays", 0}}, Json{{"advanceDays", 366}}, Json{{"advanceDays", 1.5}}, Json::object()}) {
        client.SendJson("POST", "/api/demo/clock", bad, &status);
        CHECK(status == 400);
    }
    const Json info = client.SendJson("GET", "/api/demo", nullptr, &status);
    CHECK(info["browser"]["clockOffsetMs"] == 8 * kDayMs);
    CHECK(info["browser"]["now"] == "2026-12-09T12:00:00.000Z");
}

TEST_CASE("Reset reseeds at real time, clock back to zero, everyone signed out", "[demo][reset]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client client{backend, kT0, {}, {}};
    REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    int status = 0;
    client.SendJson("POST", "/acme-robotics/trash/restore", Json{{"all", true}}, &status);
    CHECK(Total(client) == 0);
    const std::string before = client.SendJson("GET", "/acme-robotics/trash?sections=0", nullptr)["version"];
    backend.AdvanceClock(3 * kDayMs);
    client.now = kT0 + kDayMs;
    CHECK(client.SendJson("POST", "/api/demo/reset", Json::object(), &status) == Json{{"reset", true}});
    CHECK(backend.clockOffsetMs() == 0);
    client.SendJson("GET", "/api/session", nullptr, &status);
    CHECK(status == 401);
    REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    CHECK(Total(client) == 14);
    CHECK(client.SendJson("GET", "/acme-robotics/trash?since=" + before, nullptr)["unchanged"].is_null());
    const Json listing = client.SendJson("GET", "/acme-robotics/trash?type=workflow&sort=name", nullptr);
    CHECK(listing["items"][1]["deletedAt"] == "2026-12-01T12:00:00.000Z");  // "1 day ago" of the new real time
}

TEST_CASE("GET /api/demo lists the demo users and reports how the demo keeps its state", "[demo][info]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client client{backend, kT0, {}, {}};
    Json info = client.SendJson("GET", "/api/demo", nullptr);
    CHECK(info["workspace"] == "acme-robotics");
    CHECK(info["users"].size() == 7);
    CHECK(info["users"][0] == Json{{"email", "alice@acme.test"},
                                   {"name", "Alice Chen"},
                                   {"role", "Owner"},
                                   {"password", "demo-alice"},
                                   {"workspace", "acme-robotics"}});
    CHECK(info["apiKeys"] == Json::array());
    CHECK(info["browser"] ==
          Json{{"storage", "local"}, {"notice", ""}, {"clockOffsetMs", 0}, {"now", "2026-12-01T12:00:00.000Z"}});
    backend.SetStorage(demo::StorageMode::Memory, "Browser storage is unavailable, so changes will not be kept");
    info = client.SendJson("GET", "/api/demo", nullptr);
    CHECK(info["browser"]["storage"] == "memory");
    CHECK(info["browser"]["notice"] == "Browser storage is unavailable, so changes will not be kept");
}

TEST_CASE("Save and Load: a round trip keeps the Trash, sessions, clock and audit", "[demo][save]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client client{backend, kT0, {}, {}};
    REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    int status = 0;
    client.SendJson("DELETE", "/acme-robotics/forklift-detector?deleteImages=true", nullptr, &status);
    REQUIRE(status == 200);
    backend.AdvanceClock(2 * kDayMs);
    const std::string saved = backend.Save();
    const std::string listing = client.Send("GET", "/acme-robotics/trash").body;
    const std::string audit = client.Send("GET", "/acme-robotics/audit").body;
    const std::string projects = client.Send("GET", "/acme-robotics/projects").body;

    demo::Backend reloaded;
    REQUIRE(reloaded.Load(saved));
    CHECK(reloaded.Save() == saved);
    CHECK(reloaded.clockOffsetMs() == 2 * kDayMs);
    Client again{reloaded, kT0, client.cookie, client.csrf};  // the same session, still signed in
    CHECK(again.Send("GET", "/acme-robotics/trash").body == listing);
    CHECK(again.Send("GET", "/acme-robotics/audit").body == audit);
    CHECK(again.Send("GET", "/acme-robotics/projects").body == projects);
    CHECK(again.SendJson("POST", "/api/demo/reset", Json::object())["reset"] == true);  // the fixture came along
}

TEST_CASE("Load refuses corrupt, truncated, foreign or other-version data and keeps the state", "[demo][save]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    const std::string good = backend.Save();
    std::vector<std::string> hostile = {"",
                                        "null",
                                        "0",
                                        "[]",
                                        "{}",
                                        "\"text\"",
                                        "{\"format\": \"trash-demo-state\"}",
                                        FixtureText(),
                                        std::string(100, '\0'),
                                        "{\"format\":1,\"workspaces\":[]}"};
    for (size_t cut : {size_t{1}, good.size() / 3, good.size() / 2, good.size() - 1})
        hostile.push_back(good.substr(0, cut));
    auto replaced = [&good](const std::string& from, const std::string& to) {
        std::string text = good;
        const size_t at = text.find(from);
        CHECK(at != std::string::npos);
        return at == std::string::npos ? std::string() : text.replace(at, from.size(), to);
    };
    hostile.push_back(replaced("\"version\":2", "\"version\":3"));
    hostile.push_back(replaced("\"version\":2", "\"version\":\"2\""));
    hostile.push_back(replaced("\"trash-demo-state\"", "\"trash-demo-stat\""));
    hostile.push_back(replaced("\"parentPk\":1", "\"parentPk\":99999"));
    hostile.push_back(replaced("\"trashEvent\":0", "\"trashEvent\":424242"));
    hostile.push_back(
        replaced("\"password\":\"demo-alice\",\"role\":\"Owner\"", "\"password\":\"x\",\"role\":\"King\""));
    hostile.push_back(replaced("\"sizeBytes\":1288490188", "\"sizeBytes\":-5"));
    hostile.push_back(replaced("\"sizeBytes\":1288490188", "\"sizeBytes\":\"big\""));
    hostile.push_back(replaced("\"type\":\"project\"", "\"type\":\"folder\""));
    hostile.push_back(replaced("\"items\":[", "\"items\":{\"x\":["));
    hostile.push_back(replaced("\"workspaceId\":\"ws_acme\"", "\"workspaceId\":\"ws_nowhere\""));
    hostile.push_back(replaced("\"pk\":2,", "\"pk\":1,"));
    hostile.push_back(replaced("\"images\":[[1,", "\"images\":[[-1,"));
    hostile.push_back(replaced("\"clockOffsetMs\":0", "\"clockOffsetMs\":-1"));
    hostile.push_back(replaced("\"at\":", "\"at\":1e400,\"x\":"));
    hostile.push_back(replaced("\"demo\":{", "\"demo\":[{"));
    hostile.push_back(good + "x");
    hostile.push_back("\xEF\xBB\xBF" + good.substr(0, 40));
    std::string flipped = good;
    for (size_t i = 7; i < flipped.size(); i += 997) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    hostile.push_back(flipped);
    for (size_t i = 0; i < hostile.size(); ++i) {
        INFO("hostile input " << i);
        CHECK_FALSE(backend.Load(hostile[i]));
        CHECK(backend.Save() == good);
    }
}
