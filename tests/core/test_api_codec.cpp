// Tests of the small response decoders: session, error messages, restore/purge results,
// projects and demo info, including bodies that are not what they should be: every wrong-typed
// field is named with its path (test_no_throw.cpp sweeps every field of every decoder).
#include <catch2/catch.hpp>

#include <limits>  // clamping checks
#include <string>  // deep bodies

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
    CHECK(ParseSession(R"({"workspace":{"url":"a"}})").error() == "Unexpected session: user is missing");
    CHECK(ParseSession(R"({"user":{"id":7},"workspace":{"url":"a"}})").error() ==
          "Unexpected session: user.id must be a string");
    CHECK(ParseSession(R"({"user":{"id":"u"},"workspace":{"url":"a"},"role":{"permissions":"all"}})").error() ==
          "Unexpected session: role.permissions must be an array");
}

TEST_CASE("Error messages come from the body, or from the status", "[api_codec]") {
    CHECK(ErrorMessageFromResponse(409,
                                   R"({"error":"The parent project is in Trash: restore the parent project first"})") ==
          "The parent project is in Trash: restore the parent project first");
    CHECK(ErrorMessageFromResponse(0, "") == "The server could not be reached");
    CHECK(ErrorMessageFromResponse(502, "<html><body>Bad Gateway</body></html>") ==
          "The server had a problem (HTTP 502)");
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

    CHECK(ParseRestoreResult(R"({"restored":"yes"})").error() ==
          "Unexpected restore result: restored must be an array or true/false");
    CHECK(ParseRestoreResult(R"({"restored":[7]})").error() ==
          "Unexpected restore result: restored[0] must be an object");
    CHECK(ParsePurgeResult(R"({"deleted":"all"})").error() ==
          "Unexpected deletion result: deleted must be an array or a count");
    CHECK(ParseRestoreResult(R"({})").error() == "Unexpected restore result: restored is missing");
}

TEST_CASE("Purge results decode a list or a count", "[api_codec]") {
    const ParseResult<PurgeResult> list = ParsePurgeResult(
        R"({"deleted":[{"type":"dataset","id":"d1"},{"type":"model","id":"m1"}],"freedBytes":2048,"imagesDeleted":7})");
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
    CHECK(ParseProjects(R"({"projects":{}})").error() == "Unexpected projects list: projects must be an array");

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

TEST_CASE("A wrong-typed session field is named with its path", "[api_codec]") {
    const auto error = [](const char* body) { return ParseSession(body).error(); };
    CHECK(error(R"({"user":{"id":5},"workspace":{"url":"a"}})") == "Unexpected session: user.id must be a string");
    CHECK(error(R"({"user":"alice","workspace":{"url":"a"}})") == "Unexpected session: user must be an object");
    CHECK(error(R"({"user":{"id":"u","name":["A"]},"workspace":{"url":"a"}})") ==
          "Unexpected session: user.name must be a string");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":null}})") == "Unexpected session: workspace.url is missing");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":"a","retentionDays":"14"}})") ==
          "Unexpected session: workspace.retentionDays must be a number");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":"a"},"role":{"permissions":["view_trash",3]}})") ==
          "Unexpected session: role.permissions[1] must be a string");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":"a"},"role":"Owner"})") ==
          "Unexpected session: role must be an object");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":"a"},"storage":{"usedBytes":"1 GB"}})") ==
          "Unexpected session: storage.usedBytes must be a number");
    CHECK(error(R"({"user":{"id":"u"},"workspace":{"url":"a"},"csrfToken":123})") ==
          "Unexpected session: csrfToken must be a string");
    // The first problem is the one reported.
    CHECK(error(R"({"user":{"id":1,"email":2},"workspace":{"url":3}})") ==
          "Unexpected session: user.id must be a string");
}

TEST_CASE("Null counts as absent in a session; required fields must be there", "[api_codec]") {
    const ParseResult<Session> result = ParseSession(
        R"({"user":{"id":"u","name":null},"workspace":{"url":"a","name":null,"retentionDays":null},
            "role":null,"storage":{"quotaBytes":null},"csrfToken":null})");
    REQUIRE(result.ok());
    CHECK(result.value().user.name.empty());
    CHECK(result.value().workspace.name == "a");
    CHECK(result.value().workspace.retentionDays == 30);
    CHECK(result.value().storage.quotaBytes == 0);
    CHECK(ParseSession(R"({"user":{},"workspace":{"url":"a"}})").error() == "Unexpected session: user.id is missing");
}

TEST_CASE("Wrong-typed restore and deletion results are named with their path", "[api_codec]") {
    CHECK(ParseRestoreResult(R"({"restored":[{"type":"project","id":true}]})").error() ==
          "Unexpected restore result: restored[0].id must be a string");
    CHECK(ParseRestoreResult(R"({"restored":[{"type":"project","id":"p1","url":7}]})").error() ==
          "Unexpected restore result: restored[0].url must be a string");
    CHECK(ParseRestoreResult(R"({"restored":[{"type":5,"id":"p1"}]})").error() ==
          "Unexpected restore result: restored[0].type must be a string");
    CHECK(ParseRestoreResult(R"({"restored":[],"failed":{"type":"version"}})").error() ==
          "Unexpected restore result: failed must be an array");
    CHECK(ParseRestoreResult(R"({"restored":[],"failed":[{"type":"version","id":"4","parentId":"p1","status":"409"}]})")
              .error() == "Unexpected restore result: failed[0].status must be a number");
    CHECK(ParseRestoreResult(R"({"restored":[],"failed":[{"type":"version","id":"4","parentId":["p1"]}]})").error() ==
          "Unexpected restore result: failed[0].parentId must be a string");
    CHECK(ParseRestoreResult(R"({"restored":true,"type":"version","id":{}})").error() ==
          "Unexpected restore result: id must be a string");
    CHECK(ParseRestoreResult(R"({"restored":true,"type":"version"})").error() ==
          "Unexpected restore result: id is missing");
    CHECK(ParseRestoreResult(R"({"restored":false})").value().restored.empty());
    CHECK(ParseRestoreResult(R"({"restored":[{"type":"version","id":42,"parentId":7}]})").value().restored[0].key ==
          ItemKey{ItemType::Version, "7", "42"});

    CHECK(ParsePurgeResult(R"({"deleted":[{"type":"dataset","id":null}]})").error() ==
          "Unexpected deletion result: deleted[0].id is missing");
    CHECK(ParsePurgeResult(R"({"deleted":["d1"]})").error() ==
          "Unexpected deletion result: deleted[0] must be an object");
    CHECK(ParsePurgeResult(R"({"deleted":3,"freedBytes":"2 KB"})").error() ==
          "Unexpected deletion result: freedBytes must be a number");
    CHECK(ParsePurgeResult(R"({"deleted":3,"imagesDeleted":[]})").error() ==
          "Unexpected deletion result: imagesDeleted must be a number");
    CHECK(ParsePurgeResult(R"({"freedBytes":0})").error() == "Unexpected deletion result: deleted is missing");
}

TEST_CASE("Wrong-typed projects and demo info are named with their path", "[api_codec]") {
    CHECK(ParseProjects(R"({})").error() == "Unexpected projects list: projects is missing");
    CHECK(ParseProjects(R"({"projects":[{"id":"p1","url":"cats"},3]})").error() ==
          "Unexpected projects list: projects[1] must be an object");
    CHECK(ParseProjects(R"({"projects":[{"id":1,"url":"cats"}]})").error() ==
          "Unexpected projects list: projects[0].id must be a string");
    CHECK(ParseProjects(R"({"projects":[{"id":"p1"}]})").error() ==
          "Unexpected projects list: projects[0].url is missing");
    CHECK(ParseProjects(R"({"projects":[{"id":"p1","url":"cats","ownerName":false}]})").error() ==
          "Unexpected projects list: projects[0].ownerName must be a string");
    CHECK(ParseProjects(R"({"projects":[{"id":"p1","url":"cats","sizeBytes":"1 MB"}]})").error() ==
          "Unexpected projects list: projects[0].sizeBytes must be a number");
    CHECK(ParseProjects(R"({"projects":[{"id":"p1","url":"cats","name":null}]})").value()[0].name == "cats");

    CHECK(ParseDemoInfo(R"({"workspace":7})").error() == "Unexpected demo info: workspace must be a string");
    CHECK(ParseDemoInfo(R"({"users":{"email":"a@x"}})").error() == "Unexpected demo info: users must be an array");
    CHECK(ParseDemoInfo(R"({"users":[{"name":"A"}]})").error() == "Unexpected demo info: users[0].email is missing");
    CHECK(ParseDemoInfo(R"({"users":[{"email":"a@x","password":1234}]})").error() ==
          "Unexpected demo info: users[0].password must be a string");
    CHECK(ParseDemoInfo(R"({"apiKeys":["k",7]})").error() ==
          "Unexpected demo info: apiKeys[1] must be a string or an object");
    CHECK(ParseDemoInfo(R"({"apiKeys":[{"key":"k","scopes":"all"}]})").error() ==
          "Unexpected demo info: apiKeys[0].scopes must be an array");
    CHECK(ParseDemoInfo(R"({"apiKeys":[{"key":"k","scopes":[null]}]})").error() ==
          "Unexpected demo info: apiKeys[0].scopes[0] must be a string");
}

TEST_CASE("Numbers are truncated and clamped, never overflowing", "[api_codec]") {
    const ParseResult<PurgeResult> huge =
        ParsePurgeResult(R"({"deleted":18446744073709551615,"freedBytes":1e300,"imagesDeleted":-1e300})");
    REQUIRE(huge.ok());
    CHECK(huge.value().deletedCount == std::numeric_limits<int64_t>::max());
    CHECK(huge.value().freedBytes == std::numeric_limits<int64_t>::max());
    CHECK(huge.value().imagesDeleted == std::numeric_limits<int64_t>::min());
    const ParseResult<Session> days =
        ParseSession(R"({"user":{"id":"u"},"workspace":{"url":"a","retentionDays":7.9}})");
    REQUIRE(days.ok());
    CHECK(days.value().workspace.retentionDays == 7);
}

TEST_CASE("The SAX-built tree keeps the last of repeated names and survives deep nesting", "[api_codec]") {
    const ParseResult<Session> repeated =
        ParseSession(R"({"user":{"id":"first","id":"second"},"workspace":{"url":"a"}})");
    REQUIRE(repeated.ok());
    CHECK(repeated.value().user.id == "second");
    // Nodes are linked by index, not nested objects: 100,000 levels build and free without recursion.
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const ParseResult<Session> nested =
        ParseSession(R"({"user":{"id":"u"},"workspace":{"url":"a"},"junk":)" + deep + "}");
    REQUIRE(nested.ok());
    CHECK(nested.value().workspace.url == "a");
    CHECK(ErrorMessageFromResponse(500, R"({"detail":)" + deep + R"(,"error":"Disk full"})") == "Disk full");
}
