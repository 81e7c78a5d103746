// Tests of the small response decoders: session, error messages, restore/purge results,
// projects and demo info, including bodies that are not what they should be.
#include <catch2/catch.hpp>

#include "core/api_codec.h"

using namespace trash;

namespace {
const char* const kSession = R"({"user":{"id":"u_alice","name":"Alice","email":"alice@example.com"},
  "role":{"name":"Owner","permissions":["view_trash","restore_dataset","delete_permanently"]},
  "workspace":{"id":"w1","url":"acme","name":"Acme Robotics","retentionDays":14},
  "storage":{"usedBytes":1073741824,"trashBytes":52428800.0,"quotaBytes":10737418240},
  "csrfToken":"tok-123","extra":{"ignored":[1,2]}})";
}

TEST_CASE("A session decodes every field", "[api_codec]") {
    const ParseResult<Session> result = ParseSession(kSession);
    REQUIRE(result.ok());
    const Session& s = result.value();
    CHECK(s.user.id == "u_alice");
    CHECK(s.user.name == "Alice");
    CHECK(s.user.email == "alice@example.com");
    CHECK(s.role.name == "Owner");
    CHECK(s.role.permissions == std::vector<std::string>{"view_trash", "restore_dataset", "delete_permanently"});
    CHECK(s.workspace.id == "w1");
    CHECK(s.workspace.url == "acme");
    CHECK(s.workspace.name == "Acme Robotics");
    CHECK(s.workspace.retentionDays == 14);
    CHECK(s.storage.usedBytes == 1073741824);
    CHECK(s.storage.trashBytes == 52428800);
    CHECK(s.storage.quotaBytes == 10737418240);
    CHECK(s.csrfToken == "tok-123");
}

TEST_CASE("Broken session bodies give a clear error, never an exception", "[api_codec]") {
    CHECK(ParseSession("<html>502</html>").error() == "The session is not valid JSON");
    CHECK(ParseSession("[1]").error() == "The session is not a JSON object");
    CHECK(ParseSession(R"({"workspace":{"url":"a"}})").error() ==
          "Unexpected session: key 'user' not found");
    CHECK(ParseSession(R"({"user":{"id":7},"workspace":{"url":"a"}})").error() ==
          "Unexpected session: type must be string, but is number");
    CHECK(ParseSession(R"({"user":{"id":"u"},"workspace":{"url":"a"},"role":{"permissions":"all"}})").error() ==
          "Unexpected session: type must be array, but is string");
}

TEST_CASE("Error messages come from the body, or from the status", "[api_codec]") {
    CHECK(ErrorMessageFromResponse(409, R"({"error":"The parent project is in Trash: restore the parent project first"})") ==
          "The parent project is in Trash: restore the parent project first");
    CHECK(ErrorMessageFromResponse(0, "") == "The server could not be reached");
    CHECK(ErrorMessageFromResponse(502, "<html><body>Bad Gateway</body></html>") == "The server had a problem (HTTP 502)");
    CHECK(ErrorMessageFromResponse(500, "") == "The server had a problem (HTTP 500)");
    CHECK(ErrorMessageFromResponse(500, R"({"error":""})") == "The server had a problem (HTTP 500)");
    CHECK(ErrorMessageFromResponse(404, R"({"error":42})") == "Not found (HTTP 404)");
    CHECK(ErrorMessageFromResponse(401, "") == "Your session has expired: sign in again");
    CHECK(ErrorMessageFromResponse(418, "") == "The request failed (HTTP 418)");
    CHECK(ErrorMessageFromResponse(200, "{") == "The server sent a response the page could not read");
    CHECK(IsSuccess(204));
    CHECK_FALSE(IsSuccess(301));
}

TEST_CASE("Restore results decode both the batch and the single form", "[api_codec]") {
    const ParseResult<RestoreResult> batch = ParseRestoreResult(
        R"({"restored":[{"type":"project","id":"p1","url":"cats-2"},{"type":"version","id":"3"}],
            "failed":[{"type":"version","id":"4","status":409,"error":"The parent project is in Trash: restore the parent project first"}]})");
    REQUIRE(batch.ok());
    REQUIRE(batch.value().restored.size() == 2);
    CHECK(batch.value().restored[0].key == ItemKey{ItemType::Project, "", "p1"});
    CHECK(batch.value().restored[0].url == "cats-2");
    CHECK(batch.value().restored[1].key == ItemKey{ItemType::Version, "", "3"});
    REQUIRE(batch.value().failed.size() == 1);
    CHECK(batch.value().failed[0].status == 409);
    CHECK(batch.value().failed[0].error == "The parent project is in Trash: restore the parent project first");

    const ParseResult<RestoreResult> single =
        ParseRestoreResult(R"({"restored":true,"type":"version","id":"3","parentId":"p1"})");
    REQUIRE(single.ok());
    REQUIRE(single.value().restored.size() == 1);
    CHECK(single.value().restored[0].key == ItemKey{ItemType::Version, "p1", "3"});

    CHECK(ParseRestoreResult(R"({"restored":"yes"})").error() == "Unexpected restore result: restored must be an array");
    CHECK(ParseRestoreResult(R"({"restored":[7]})").error() == "Unexpected restore result: each item must be an object");
    CHECK(ParsePurgeResult(R"({"deleted":"all"})").error() == "Unexpected deletion result: deleted must be an array");
    CHECK(ParseRestoreResult(R"({})").error() == "Unexpected restore result: key 'restored' not found");
}

TEST_CASE("Purge results decode a list or a count", "[api_codec]") {
    const ParseResult<PurgeResult> list =
        ParsePurgeResult(R"({"deleted":[{"type":"dataset","id":"d1"},{"type":"model","id":"m1"}],"freedBytes":2048,"imagesDeleted":7})");
    REQUIRE(list.ok());
    CHECK(list.value().deleted.size() == 2);
    CHECK(list.value().deletedCount == 2);
    CHECK(list.value().freedBytes == 2048);
    CHECK(list.value().imagesDeleted == 7);

    const ParseResult<PurgeResult> count = ParsePurgeResult(R"({"deleted":12,"freedBytes":1e3,"imagesDeleted":0})");
    REQUIRE(count.ok());
    CHECK(count.value().deleted.empty());
    CHECK(count.value().deletedCount == 12);
    CHECK(count.value().freedBytes == 1000);
}

TEST_CASE("Projects and demo info decode", "[api_codec]") {
    const ParseResult<std::vector<Project>> projects = ParseProjects(
        R"({"projects":[{"id":"p1","name":"Cats","url":"cats","ownerId":"u1","ownerName":"Alice","versionCount":3,
            "modelCount":1,"imageCount":1200,"exclusiveImageCount":800,"sizeBytes":123456789}]})");
    REQUIRE(projects.ok());
    REQUIRE(projects.value().size() == 1);
    const Project& p = projects.value()[0];
    CHECK((p.id == "p1" && p.name == "Cats" && p.url == "cats" && p.ownerId == "u1" && p.ownerName == "Alice"));
    CHECK((p.versionCount == 3 && p.modelCount == 1 && p.imageCount == 1200 && p.exclusiveImageCount == 800 &&
           p.sizeBytes == 123456789));
    CHECK(ParseProjects(R"({"projects":{}})").error() == "Unexpected projects list: type must be array, but is object");

    const ParseResult<DemoInfo> demo = ParseDemoInfo(
        R"({"workspace":"acme","users":[{"email":"a@x","name":"A","role":"Owner","password":"pw","workspace":"acme"}],
            "apiKeys":[{"key":"k1","name":"ci","scopes":["project:read"],"workspace":"acme"},"bare-key"]})");
    REQUIRE(demo.ok());
    CHECK(demo.value().workspace == "acme");
    REQUIRE(demo.value().users.size() == 1);
    CHECK(demo.value().users[0].password == "pw");
    REQUIRE(demo.value().apiKeys.size() == 2);
    CHECK(demo.value().apiKeys[0].scopes == std::vector<std::string>{"project:read"});
    CHECK(demo.value().apiKeys[1].key == "bare-key");
    CHECK(ParseDemoInfo(R"({"workspace":null})").value().workspace.empty());
}
