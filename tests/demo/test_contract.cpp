// The REST contract on the C++ demo backend: every tests/contract/*.json scenario (format in that
// folder's README) runs against a demo::Backend seeded at T0, with real time fixed at T0 and the
// demo clock moved by advanceClock. The same files run against serve.py in tests/server.
#include "contract_match.h"
#include "demo_helpers.h"

#include <algorithm>   // std::sort
#include <cmath>       // std::nearbyint (Python's round)
#include <filesystem>  // listing the scenario files
#include <map>
#include <optional>

#include <catch2/catch.hpp>

namespace {

using namespace contract;
using demo_test::kDayMs;
using demo_test::kT0;

const std::vector<std::string> kActions = {"signIn", "signOut", "send", "advanceClock", "cleanup"};
const std::vector<std::string> kSendFields = {"method", "path", "json", "raw", "oversize", "headers", "csrf", "cookie"};

// A text answer (the Activity's CSV) as its CRLF-separated records, without the last CRLF.
OJson Lines(const std::string& body) {
    OJson records = OJson::array();
    size_t start = 0;
    while (start < body.size()) {
        const size_t end = body.find("\r\n", start);
        records.push_back(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return records;
}

std::map<std::string, std::string> FixturePasswords() {
    std::map<std::string, std::string> passwords;
    const OJson fixture = OJson::parse(demo_test::FixtureText(), nullptr, false);
    for (const OJson& ws : fixture["workspaces"]) {
        for (const OJson& user : ws["users"])
            passwords[user["email"].get<std::string>()] = user["password"].get<std::string>();
    }
    return passwords;
}

// One scenario against one backend: the client's cookie and CSRF token, saved values.
struct Run {
    demo::Backend backend;
    std::map<std::string, std::string> passwords;
    std::string cookie, csrf;  // cookie as sent: "trash_session=..."
    Saved saved;

    struct Outcome {
        std::optional<int> status;
        std::optional<OJson> answer;
        std::vector<demo::Header> headers;
        std::string error;      // the step itself failed
        std::string body = {};  // the answer as sent, for expect.lines
    };

    Outcome Request(const std::string& method, const std::string& path, const std::string& body, bool json,
                    bool withCsrf, bool withCookie, const OJson& extra) {
        std::vector<demo::Header> headers;
        if (json) headers.emplace_back("Content-Type", "application/json");
        if (!cookie.empty() && withCookie) headers.emplace_back("Cookie", cookie);
        if (!csrf.empty() && withCsrf && method != "GET") headers.emplace_back("X-CSRF-Token", csrf);
        for (const auto& [name, value] : extra.items()) {
            headers.erase(std::remove_if(headers.begin(), headers.end(),
                                         [&name](const demo::Header& h) {
                                             return demo_test::Lower(h.first) == demo_test::Lower(name);
                                         }),
                          headers.end());
            headers.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
        }
        const demo::HttpResponse response = backend.Handle(demo::HttpRequest{method, path, body, headers}, kT0);
        Outcome outcome{response.status, std::nullopt, response.headers, "", response.body};
        const OJson parsed = OJson::parse(response.body, nullptr, false);
        if (!response.body.empty() && !parsed.is_discarded()) outcome.answer = parsed;
        return outcome;
    }

    Outcome SignIn(const OJson& email) {
        const std::string address = email.is_string() ? email.get<std::string>() : "";
        const std::string body = OJson{{"email", address}, {"password", passwords[address]}}.dump();
        Outcome outcome = Request("POST", "/api/session", body, true, false, true, OJson::object());
        if (outcome.status != 200) return Outcome{{}, {}, {}, "signIn answered " + std::to_string(*outcome.status)};
        for (const auto& [name, value] : outcome.headers) {
            if (demo_test::Lower(name) == "set-cookie") cookie = value.substr(0, value.find(';'));
        }
        csrf = (*outcome.answer)["csrfToken"].get<std::string>();
        return outcome;
    }

    Outcome SignOut() {
        Outcome outcome = Request("DELETE", "/api/session", "", false, true, true, OJson::object());
        if (outcome.status != 200) return Outcome{{}, {}, {}, "signOut answered " + std::to_string(*outcome.status)};
        cookie.clear();
        csrf.clear();
        return outcome;
    }

    Outcome Send(const OJson& raw) {
        for (const auto& [key, value] : raw.items()) {
            if (std::find(kSendFields.begin(), kSendFields.end(), key) == kSendFields.end())
                return Outcome{{}, {}, {}, "unknown send field " + key};
        }
        std::string error;
        const OJson spec = Substitute(raw, saved, &error);
        if (!error.empty()) return Outcome{{}, {}, {}, error};
        std::string body;
        bool json = spec.contains("oversize");
        if (spec.contains("json"))
            body = spec["json"].dump(-1, ' ', true), json = true;
        else if (spec.contains("raw"))
            body = spec["raw"].get<std::string>(), json = true;
        else if (spec.contains("oversize"))
            body = std::string(spec["oversize"].get<size_t>(), 'x');
        return Request(spec["method"].get<std::string>(), spec["path"].get<std::string>(), body, json,
                       spec.value("csrf", true), spec.value("cookie", true), spec.value("headers", OJson::object()));
    }

    Outcome Step(const OJson& step) {
        std::vector<std::string> actions;
        for (const auto& [key, value] : step.items()) {
            if (std::find(kActions.begin(), kActions.end(), key) != kActions.end())
                actions.push_back(key);
            else if (key != "expect" && key != "save")
                return Outcome{{}, {}, {}, "unknown step key " + key};
        }
        if (actions.size() != 1) return Outcome{{}, {}, {}, "a step needs exactly one action"};
        const OJson& arg = step[actions[0]];
        if (actions[0] == "signIn") return SignIn(arg);
        if (actions[0] == "signOut") return SignOut();
        if (actions[0] == "send") return Send(arg);
        if (actions[0] == "advanceClock") {
            backend.AdvanceClock(static_cast<int64_t>(std::nearbyint(arg["days"].get<double>() * kDayMs)));
            return {};
        }
        const demo::CleanupResult result = backend.RunCleanup(kT0);
        return Outcome{
            {},
            OJson{
                {"purged", result.purged}, {"freedBytes", result.freedBytes}, {"imagesDeleted", result.imagesDeleted}},
            {},
            ""};
    }

    Mismatch Check(const OJson& step, const Outcome& outcome) {
        const OJson expect = step.value("expect", OJson::object());
        if (step.contains("send")) {
            const int want = expect.value("status", 200);
            if (outcome.status != want)
                return {"(status)", "expected " + std::to_string(want) + ", got " + std::to_string(*outcome.status) +
                                        " " + (outcome.answer ? Short(*outcome.answer) : "")};
        }
        if (expect.contains("json")) {
            if (!outcome.answer) return {"", "expected a JSON answer, got none"};
            if (Mismatch m = Match(expect["json"], *outcome.answer, saved, "")) return m;
        }
        if (expect.contains("lines")) {
            if (Mismatch m = Match(expect["lines"], Lines(outcome.body), saved, "(lines)")) return m;
        }
        const OJson headers = expect.value("header", OJson::object());
        for (const auto& [name, pattern] : headers.items()) {
            std::optional<std::string> value;
            for (const auto& [header, text] : outcome.headers) {
                if (!value && demo_test::Lower(header) == demo_test::Lower(name)) value = text;
            }
            if (!value) return {"(header " + name + ")", "missing"};
            if (Mismatch m = Match(pattern, *value, saved, "(header " + name + ")")) return m;
        }
        const OJson saves = step.value("save", OJson::object());
        for (const auto& [name, pointer] : saves.items()) {
            const std::optional<OJson> found =
                outcome.answer ? ResolvePointer(*outcome.answer, pointer.get<std::string>()) : std::nullopt;
            if (!found) return {pointer.get<std::string>(), "nothing to save as '" + name + "'"};
            saved[name] = *found;
        }
        return {};
    }
};

std::vector<std::filesystem::path> ScenarioFiles() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(TRASH_SOURCE_DIR) + "/tests/contract")) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("Every REST contract scenario passes on the demo backend", "[demo][contract]") {
    const std::vector<std::filesystem::path> files = ScenarioFiles();
    const std::string fixture = demo_test::FixtureText();
    const std::map<std::string, std::string> passwords = FixturePasswords();
    static bool counted = false;
    if (!counted) WARN("contract: " << files.size() << " scenarios in tests/contract");
    counted = true;
    REQUIRE(!files.empty());
    for (const std::filesystem::path& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            const OJson scenario = OJson::parse(demo_test::ReadFile(file.string()), nullptr, false);
            INFO(file.filename().string());
            REQUIRE(!scenario.is_discarded());
            REQUIRE(scenario.contains("steps"));
            for (const auto& [key, value] : scenario.items()) {
                INFO("unknown scenario field " << key);
                CHECK((key == "name" || key == "covers" || key == "steps" || key == "notes"));
            }
            Run run;
            run.passwords = passwords;
            REQUIRE(run.backend.Seed(fixture, kT0));
            const OJson& steps = scenario["steps"];
            for (size_t i = 0; i < steps.size(); ++i) {
                const Run::Outcome outcome = run.Step(steps[i]);
                const Mismatch mismatch =
                    outcome.error.empty() ? run.Check(steps[i], outcome) : Mismatch{"", outcome.error};
                if (mismatch) {
                    FAIL(file.filename().string() << " (" << scenario.value("name", "") << "), steps[" << i << "] "
                                                  << Short(steps[i]).substr(0, 160) << ": " << mismatch.Text());
                }
            }
        }
    }
}

namespace {

// Where two answers differ ("" when they are the same), numbers by value, objects by key set.
std::string Diff(const OJson& want, const OJson& got, const std::string& pointer) {
    if (want.is_object() && got.is_object()) {
        for (const auto& [key, value] : want.items()) {
            if (!got.contains(key)) return pointer + "/" + key + " (missing)";
            const std::string inner = Diff(value, got[key], pointer + "/" + key);
            if (!inner.empty()) return inner;
        }
        for (const auto& [key, value] : got.items()) {
            if (!want.contains(key)) return pointer + "/" + key + " (not in serve.py's answer)";
        }
        return "";
    }
    if (want.is_array() && got.is_array() && want.size() == got.size()) {
        for (size_t i = 0; i < want.size(); ++i) {
            const std::string inner = Diff(want[i], got[i], pointer + "/" + std::to_string(i));
            if (!inner.empty()) return inner;
        }
        return "";
    }
    const bool same = want.is_number() && got.is_number() ? want == got : want.type() == got.type() && want == got;
    return same ? "" : (pointer.empty() ? "/" : pointer) + ": serve.py " + Short(want) + ", demo " + Short(got);
}

// Tokens, listing versions (an action's before and after too) and cursors are opaque and differ
// by design.
void Mask(OJson& value) {
    if (value.is_object()) {
        for (const char* key : {"csrfToken", "version", "nextCursor", "before", "after"}) {
            if (value.contains(key) && value[key].is_string()) value[key] = "(masked)";
        }
    }
    if (value.is_object() || value.is_array()) {
        for (auto& element : value) Mask(element);
    }
}

}  // namespace

TEST_CASE("Walks through every page route answer exactly what serve.py answered", "[demo][parity]") {
    const std::string dir = std::string(TRASH_SOURCE_DIR) + "/tests/demo/parity/";
    for (const char* walkName : {"walk", "errors"}) {
        DYNAMIC_SECTION(walkName) {
            const OJson walk = OJson::parse(demo_test::ReadFile(dir + walkName + ".json"), nullptr, false);
            const OJson golden = OJson::parse(demo_test::ReadFile(dir + walkName + ".golden.json"), nullptr, false);
            REQUIRE(!walk.is_discarded());
            REQUIRE(!golden.is_discarded());
            REQUIRE(walk["steps"].size() == golden.size());
            Run run;
            run.passwords = FixturePasswords();
            REQUIRE(run.backend.Seed(demo_test::FixtureText(), kT0));
            for (size_t i = 0; i < golden.size(); ++i) {
                const OJson& step = walk["steps"][i];
                const Run::Outcome outcome = run.Step(step);
                INFO(walkName << ".json steps[" << i << "] " << Short(step));
                REQUIRE(outcome.error.empty());
                CHECK(OJson(golden[i]["status"]) == (outcome.status ? OJson(*outcome.status) : OJson()));
                OJson want = golden[i]["answer"], got = outcome.answer ? *outcome.answer : OJson();
                const OJson saves = step.value("save", OJson::object());
                for (const auto& [savedAs, pointer] : saves.items()) {
                    if (const auto found = ResolvePointer(got, pointer.get<std::string>())) run.saved[savedAs] = *found;
                }
                if (step.contains("send") && step["send"]["path"] == "/api/demo") {
                    want.erase("apiKeys");  // the demo has no API keys, and says how it keeps its state
                    got.erase("apiKeys");
                    got.erase("browser");
                }
                Mask(want);
                Mask(got);
                CHECK(Diff(want, got, "") == "");
            }
        }
    }
}
