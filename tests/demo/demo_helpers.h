// Shared by the demo backend's tests: the fixture text, T0, and a tiny client that signs in and
// sends JSON requests to a demo::Backend with the session cookie and CSRF token.
#pragma once

#include "demo/demo_backend.h"

#include <fstream>  // reading the fixture
#include <sstream>  // whole-file reads
#include <string>

#include <nlohmann/json.hpp>

namespace demo_test {

using Json = nlohmann::json;

inline constexpr int64_t kT0 = 1796126400000;  // 2026-12-01T12:00:00.000Z
inline constexpr int64_t kDayMs = 86400LL * 1000;

inline std::string Lower(std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return text;
}

inline std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string FixtureText() { return ReadFile(std::string(TRASH_SOURCE_DIR) + "/assets/demo/workspace.json"); }

struct Client {
    demo::Backend& backend;
    int64_t now = kT0;
    std::string cookie, csrf;

    demo::HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "") {
        demo::HttpRequest request{method, target, body, {}};
        if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
        if (!cookie.empty()) request.headers.emplace_back("Cookie", "trash_session=" + cookie);
        if (!csrf.empty() && method != "GET") request.headers.emplace_back("X-CSRF-Token", csrf);
        return backend.Handle(request, now);
    }
    Json SendJson(const std::string& method, const std::string& target, const Json& body, int* status = nullptr) {
        const demo::HttpResponse response = Send(method, target, body.is_null() ? "" : body.dump());
        if (status) *status = response.status;
        return Json::parse(response.body, nullptr, false);
    }
    bool SignIn(const std::string& email, const std::string& password) {
        const demo::HttpResponse response =
            Send("POST", "/api/session", Json{{"email", email}, {"password", password}}.dump());
        if (response.status != 200) return false;
        for (const auto& [name, value] : response.headers) {
            if (name == "Set-Cookie") cookie = value.substr(14, value.find(';') - 14);
        }
        csrf = Json::parse(response.body)["csrfToken"].get<std::string>();
        return true;
    }
};

}  // namespace demo_test
