// Tests of the request builders: methods, paths (URL-encoded), bodies and CSRF marking.
#include <catch2/catch.hpp>

#include "core/requests.h"
#include "test_support.h"

using namespace trash;

TEST_CASE("Listing, session and projects requests", "[requests]") {
    CHECK(requests::ListTrash("acme") == Request{"GET", "/acme/trash?sections=0", "", false});
    CHECK(requests::ListTrash("a b/c") == Request{"GET", "/a%20b%2Fc/trash?sections=0", "", false});
    CHECK(requests::WhoAmI() == Request{"GET", "/api/session", "", false});
    CHECK(requests::SignOut() == Request{"DELETE", "/api/session", "", true});
    CHECK(requests::SignIn("a@x.com", "p\"w") ==
          Request{"POST", "/api/session", R"({"email":"a@x.com","password":"p\"w"})", false});
    CHECK(requests::ListProjects("acme") == Request{"GET", "/acme/projects", "", false});
    CHECK(requests::DemoInfo() == Request{"GET", "/api/demo", "", false});
}

TEST_CASE("Trash action requests", "[requests]") {
    const std::vector<ItemKey> keys = {{ItemType::Project, "", "p1"}, {ItemType::Version, "p2", "3"}};
    CHECK(requests::RestoreItems("acme", keys) ==
          Request{"POST", "/acme/trash/restore",
                  R"({"items":[{"type":"project","id":"p1"},{"type":"version","id":"3","parentId":"p2"}]})", true});
    CHECK(requests::RestoreAll("acme") == Request{"POST", "/acme/trash/restore", R"({"all":true})", true});
    CHECK(requests::DeletePermanently("acme", keys) ==
          Request{
              "POST", "/acme/trash/delete",
              R"({"items":[{"type":"project","id":"p1"},{"type":"version","id":"3","parentId":"p2"}],"confirm":true})",
              true});
    CHECK(requests::EmptyTrash("acme", "Acme Robotics") ==
          Request{"POST", "/acme/trash/empty", R"({"confirm":"Acme Robotics"})", true});
    CHECK(requests::DeleteProject("acme", "my detector", true) ==
          Request{"DELETE", "/acme/my%20detector?deleteImages=true", "", true});
    CHECK(requests::DeleteProject("acme", "cats", false) == Request{"DELETE", "/acme/cats", "", true});
    CHECK(requests::EmptyTrash("acme", "bad \xFF").body == "{\"confirm\":\"bad \xEF\xBF\xBD\"}");
}

TEST_CASE("Moving an item back to Trash uses the type's delete route", "[requests]") {
    TrashItem project = test::MakeItem(ItemType::Project, "p1", "Cats");
    project.url = "cats";
    CHECK(requests::MoveToTrash("acme", project) == Request{"DELETE", "/acme/cats", "", true});
    TrashItem version = test::MakeChild(ItemType::Version, "3", "v3", "p1", "Cats");
    version.parentUrl = "cats";
    CHECK(requests::MoveToTrash("acme", version) == Request{"DELETE", "/acme/cats/3", "", true});
    TrashItem model = test::MakeChild(ItemType::Model, "m 1", "yolo", "p1", "Cats");
    model.parentUrl = "cats";
    CHECK(requests::MoveToTrash("acme", model) == Request{"DELETE", "/acme/cats/models/m%201", "", true});
    TrashItem dataset = test::MakeItem(ItemType::Dataset, "d1", "Bees");
    dataset.url = "bees";
    CHECK(requests::MoveToTrash("acme", dataset) == Request{"DELETE", "/acme/datasets/bees", "", true});
    TrashItem workflow = test::MakeItem(ItemType::Workflow, "w1", "Hooks");
    workflow.url = "slow-webhooks";
    CHECK(requests::MoveToTrash("acme", workflow) == Request{"DELETE", "/acme/workflows/slow-webhooks", "", true});
    workflow.url.clear();
    CHECK_FALSE(requests::MoveToTrash("acme", workflow));
    CHECK_FALSE(requests::MoveToTrash("acme", test::MakeItem(ItemType::Unknown, "x", "x")));
}

TEST_CASE("Headers: JSON content type for bodies, CSRF token when needed", "[requests]") {
    CHECK(HeadersFor(requests::RestoreAll("acme"), "tok") ==
          std::vector<Header>{{"Content-Type", "application/json"}, {"X-CSRF-Token", "tok"}});
    CHECK(HeadersFor(requests::ListTrash("acme"), "tok").empty());
    CHECK(HeadersFor(requests::SignIn("a", "b"), "").size() == 1);
}
