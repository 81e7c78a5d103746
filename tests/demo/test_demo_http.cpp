// Bad input on the demo backend: every malformed request gets serve.py's clear 4xx (never an
// abort: the wasm build has no exceptions), plus issue 11's targets (415, lone surrogates,
// Restore All without view_trash).
#include "demo_helpers.h"

#include <catch2/catch.hpp>

using namespace demo_test;

namespace {
struct Fixture {
    demo::Backend backend;
    Client client{backend, kT0, {}, {}};
    Fixture() {
        REQUIRE(backend.Seed(FixtureText(), kT0));
        REQUIRE(client.SignIn("alice@acme.test", "demo-alice"));
    }
    // (status, error message) of a raw request.
    std::pair<int, std::string> Raw(const std::string& method, const std::string& target, const std::string& body) {
        const demo::HttpResponse response = client.Send(method, target, body);
        const Json answer = Json::parse(response.body, nullptr, false);
        return {response.status,
                answer.is_object() && answer.contains("error") ? answer["error"].get<std::string>() : ""};
    }
};
}  // namespace

TEST_CASE("Malformed bodies are 400 with serve.py's messages", "[demo][http]") {
    Fixture f;
    const std::string restore = "/acme-robotics/trash/restore";
    CHECK(f.Raw("POST", restore, "[1]") == std::make_pair(400, std::string("Request body must be a JSON object")));
    CHECK(f.Raw("POST", restore, "{\"type\": \"workflow\", \"type\": \"dataset\", \"id\": \"x\"}") ==
          std::make_pair(400, std::string("Malformed JSON: duplicate key 'type'")));
    CHECK(f.Raw("POST", restore, "{\"type\": \"workflow\", \"id\": \"\\ud800\"}").first == 400);
    CHECK(f.Raw("POST", restore, "{\"type\": \"workflow\", \"id\": \"\\udc00x\"}").first == 400);
    CHECK(f.Raw("POST", restore, "{\"type\": \"workflow\", \"id\": \"\xff\"}").first == 400);
    CHECK(f.Raw("POST", restore, std::string(100000, '[') + std::string(100000, ']')) ==
          std::make_pair(400, std::string("Malformed JSON: nested too deeply")));
    CHECK(f.Raw("POST", restore, "{\"type\": 5, \"id\": \"x\"}") ==
          std::make_pair(400, std::string("type must be a string")));
    CHECK(f.Raw("POST", restore, "{\"type\": \"version\", \"id\": \"1\"}") ==
          std::make_pair(400, std::string("parentId is required for versions")));
    CHECK(f.Raw("POST", restore, "{\"type\": \"workflow\", \"id\": \"" + std::string(201, 'a') + "\"}") ==
          std::make_pair(400, std::string("id is too long")));
    CHECK(f.Raw("POST", restore, "{\"all\": \"yes\"}") ==
          std::make_pair(400, std::string("all must be true or false")));
    CHECK(f.Raw("POST", restore, "{\"items\": []}") ==
          std::make_pair(400, std::string("items must be a non-empty array")));
    CHECK(f.Raw("PATCH", "/api/workspace", "{\"retentionDays\": 1e2}") ==
          std::make_pair(400, std::string("retentionDays must be an integer")));
    CHECK(f.Raw("PATCH", "/api/workspace", "{\"retentionDays\": 99999999999999999999}").first == 400);
    CHECK(f.Raw("POST", restore, std::string(demo::HttpRequest{}.body.size() + (1u << 20) + 1, ' ')) ==
          std::make_pair(413, std::string("Request body is larger than 1048576 bytes")));
    CHECK(f.Raw("GET", "/acme-robotics/trash?limit=0", "").first == 400);
    CHECK(f.Raw("GET", "/acme-robotics/trash?limit=99999999999999999999999", "").first == 400);
    CHECK(f.Raw("GET", "/acme-robotics/trash?cursor=%%%", "").first == 400);
    CHECK(f.Raw("GET", "/acme-robotics/trash?type=%FF", "").first == 400);
    CHECK(f.Raw("DELETE", "/acme-robotics/%FF", "").first == 400);
}

TEST_CASE("Routes, credentials and methods as serve.py answers them", "[demo][http]") {
    Fixture f;
    CHECK(f.Raw("GET", "/acme-robotics/trash?api_key=acme_full_demo_key", "") ==
          std::make_pair(401, std::string("Invalid API key")));
    f.client.cookie.clear();
    CHECK(f.Raw("GET", "/acme-robotics/trash", "") == std::make_pair(401, std::string("Sign in or pass an API key")));
    CHECK(f.Raw("GET", "/api/session", "") == std::make_pair(401, std::string("Not signed in")));
    CHECK(f.Raw("PUT", "/acme-robotics/trash", "").first == 405);
    CHECK(f.Raw("GET", "/nowhere/at/all/x", "").first == 404);
    CHECK(f.Raw("POST", "/api/demo/nothing", "{}").first == 405);  // DELETE /{ws}/{project}/{version} matches it
}

TEST_CASE("Sign-in takes only JSON (issue 11)", "[demo][http]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    const std::string body = "{\"email\": \"alice@acme.test\", \"password\": \"demo-alice\"}";
    CHECK(
        backend.Handle(demo::HttpRequest{"POST", "/api/session", body, {{"Content-Type", "text/plain"}}}, kT0).status ==
        415);
    CHECK(backend.Handle(demo::HttpRequest{"POST", "/api/session", body, {}}, kT0).status == 415);
    const demo::HttpResponse ok = backend.Handle(
        demo::HttpRequest{"POST", "/api/session", body, {{"content-type", "Application/JSON; charset=utf-8"}}}, kT0);
    CHECK(ok.status == 200);
    CHECK(backend
              .Handle(demo::HttpRequest{"POST",
                                        "/api/session",
                                        "{\"email\": \"alice@acme.test\", \"password\": \"no\"}",
                                        {{"Content-Type", "application/json"}}},
                      kT0)
              .status == 401);
}

TEST_CASE("Restore All without view_trash is 403 and names nothing (issue 11)", "[demo][http]") {
    demo::Backend backend;
    REQUIRE(backend.Seed(FixtureText(), kT0));
    Client dan{backend, kT0, {}, {}};
    REQUIRE(dan.SignIn("dan@acme.test", "demo-dan"));
    int status = 0;
    const Json answer = dan.SendJson("POST", "/acme-robotics/trash/restore", Json{{"all", true}}, &status);
    CHECK(status == 403);
    CHECK(answer == Json{{"error", "Your role lacks the view_trash permission"}});
}

TEST_CASE("Thousands of garbled requests all get a JSON answer with a known status", "[demo][http]") {
    Fixture f;
    const std::vector<std::string> targets = {
        "/acme-robotics/trash",
        "/acme-robotics/trash/restore",
        "/acme-robotics/trash/delete",
        "/acme-robotics/trash/empty",
        "/acme-robotics/projects",
        "/acme-robotics/audit?limit=5",
        "/api/session",
        "/api/workspace",
        "/api/demo",
        "/api/demo/clock",
        "/api/demo/cleanup",
        "/acme-robotics/forklift-detector",
        "/acme-robotics/forklift-detector/1",
        "/acme-robotics/pallet-counter/models/m_pallet_y8",
        "/acme-robotics/datasets/coco-people",
        "/api/trash",
        "/acme-robotics/trash?sort=-name&limit=3&cursor=WzMsICItbmFtZSJd&q=a&type=version"};
    const std::vector<std::string> bodies = {
        "",
        "{}",
        "{\"all\": true}",
        "{\"items\": [{\"type\": \"project\", \"id\": \"d_pallet\"}], \"confirm\": true}",
        "{\"type\": \"version\", \"id\": \"2\", \"parentId\": \"d_forklift\"}",
        "{\"confirm\": \"Acme Robotics\"}",
        "{\"retentionDays\": 7}",
        "{\"advanceDays\": 2}",
        "{\"email\": \"bob@acme.test\", \"password\": \"demo-bob\"}"};
    const std::vector<std::string> methods = {"GET", "POST", "DELETE", "PATCH", "PUT"};
    const std::vector<int> known = {200, 400, 401, 403, 404, 405, 409, 413, 415};
    uint64_t seed = 12345;
    auto next = [&seed](size_t n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<size_t>((seed >> 33) % n);
    };
    for (int i = 0; i < 3000; ++i) {
        std::string target = targets[next(targets.size())], body = bodies[next(bodies.size())];
        for (int k = next(4); k > 0 && !body.empty(); --k) body[next(body.size())] = static_cast<char>(next(256));
        for (int k = next(3); k > 0; --k) target[next(target.size())] = "%/?&=#\xff~x"[next(9)];
        if (i % 500 == 0) f.client.SignIn("alice@acme.test", "demo-alice");
        const demo::HttpResponse response = f.client.Send(methods[next(methods.size())], target, body);
        INFO(target << " " << body);
        CHECK(std::find(known.begin(), known.end(), response.status) != known.end());
        CHECK(Json::parse(response.body, nullptr, false).is_object());
        if (i % 100 == 0) f.client.now += kDayMs;  // real time goes on too: sessions expire
    }
}
