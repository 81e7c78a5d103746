// The demo backend seeded from assets/demo/workspace.json gives the Trash serve.py's demo gives
// at T0 (serve.py's figures written in here), and refuses fixtures that are not one.
#include "demo_helpers.h"

#include <catch2/catch.hpp>

using namespace demo_test;

namespace {
Json Row(const Json& listing, const std::string& type, const std::string& id) {
    for (const Json& item : listing["items"]) {
        if (item["type"] == type && item["id"] == id) return item;
    }
    return Json();
}
}  // namespace

TEST_CASE("Seeding the demo fixture gives serve.py's Trash", "[demo][seed]") {
    demo::Backend backend;
    std::string error;
    const bool seeded = backend.Seed(FixtureText(), kT0, &error);
    INFO(error);
    REQUIRE(seeded);
    Client client{backend, kT0, {}, {}};
    REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    int status = 0;
    const Json listing = client.SendJson("GET", "/acme-robotics/trash", nullptr, &status);
    REQUIRE(status == 200);
    CHECK(listing["items"].size() == 14);
    CHECK(listing["sections"]["projects"].size() == 4);
    CHECK(listing["sections"]["versions"].size() == 4);

    const Json pallet = Row(listing, "project", "d_pallet");
    CHECK(pallet["childCount"] == 4);
    CHECK(pallet["sizeBytes"] == 1516973568);  // itself, 4 children, 240 exclusive images
    CHECK(pallet["cleanupDeleteImages"] == true);
    CHECK(pallet["deletedAt"] == "2026-11-29T12:00:00.000Z");
    CHECK(Row(listing, "project", "d_shelf")["childCount"] == 1);
    CHECK(Row(listing, "version", "1")["parentInTrash"] == true);
    CHECK(Row(listing, "workflow", "wf_nightly")["deletedByName"] == "API key");
    CHECK(Row(listing, "workflow", "wf_nightly")["deletedBy"].is_null());
    // Expiring within the day: the shelf pilot version and the shelf project.
    CHECK(Row(listing, "version", "1")["scheduledCleanupAt"] == "2026-12-01T14:24:00.000Z");
    CHECK(Row(listing, "project", "d_shelf")["scheduledCleanupAt"] == "2026-12-01T16:48:00.000Z");

    const Json session = client.SendJson("GET", "/api/session", nullptr);
    CHECK(session["storage"] ==
          Json{{"usedBytes", 35840177078}, {"trashBytes", 31193301066}, {"quotaBytes", 107374182400}});
    const Json audit = client.SendJson("GET", "/acme-robotics/audit?limit=1000", nullptr);
    CHECK(audit["events"].size() == 14);
    CHECK(audit["events"][0]["detail"] == "project d_helmet; cancelled 1 training jobs");
}

TEST_CASE("Globex has its own Trash, retention and users", "[demo][seed]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client client{backend, kT0, {}, {}};
    REQUIRE(client.SignIn("GINA@globex.test", "demo-gina"));  // emails compare without case
    const Json listing = client.SendJson("GET", "/globex-vision/trash?sections=0", nullptr);
    CHECK(listing["total"] == 3);
    CHECK(Row(listing, "dataset", "ds_dashcam")["scheduledCleanupAt"] == "2026-12-06T12:00:00.000Z");
    int status = 0;
    client.SendJson("GET", "/acme-robotics/trash", nullptr, &status);
    CHECK(status == 404);
}

TEST_CASE("A fixture that is not one is refused and leaves the state alone", "[demo][seed]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    const char* bad[] = {
        "",
        "[]",
        "{\"format\": 2, \"workspaces\": []}",
        "{\"format\": 1}",
        "{\"format\": 1, \"workspaces\": [{\"id\": \"w\", \"url\": \"api\", \"name\": \"W\", \"roles\": []}]}",
        "{\"format\": 1, \"workspaces\": [{\"id\": \"w\", \"url\": \"w\", \"name\": \"W\", \"roles\": [],"
        " \"users\": [{\"id\": \"u\", \"email\": \"e\", \"name\": \"n\", \"password\": \"p\", \"role\": \"Nope\"}]}]}",
        "{\"format\": 1, \"workspaces\": [{\"id\": \"w\", \"url\": \"w\", \"name\": \"W\", \"roles\": [],"
        " \"projects\": [{\"id\": \"p\", \"url\": \"trash\", \"name\": \"P\"}]}]}",
        "{\"format\": 1, \"workspaces\": [{\"id\": \"w\", \"url\": \"w\", \"name\": \"W\", \"roles\": [],"
        " \"datasets\": [{\"id\": \"d\", \"url\": \"d\", \"name\": \"D\", \"sizeBytes\": -1}]}]}",
        "{\"format\": 1, \"workspaces\": [{\"id\": \"w\", \"url\": \"w\", \"name\": \"W\", \"roles\": [],"
        " \"datasets\": [{\"id\": \"d\", \"url\": \"d\", \"name\": \"D\", \"trash\": {\"deletedDaysAgo\": -2}}]}]}",
    };
    for (const char* fixture : bad) {
        std::string error;
        CHECK_FALSE(backend.Seed(fixture, kT0, &error));
        CHECK_FALSE(error.empty());
    }
    Client client{backend, kT0, {}, {}};
    CHECK(client.SignIn("alice@acme.test", "demo-alice"));
}
