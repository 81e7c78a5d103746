// The scenario pattern rules both contract runners must agree on, on the small cases
// tests/server/test_contract.py's MatcherTest checks for the Python runner.
#include "contract_match.h"

#include <catch2/catch.hpp>

using contract::Match;
using contract::OJson;

namespace {
OJson J(const char* text) { return OJson::parse(text); }

// The mismatch's pointer, or "" when the pattern matched.
std::string Where(const char* pattern, const char* value, const contract::Saved& saved = {}) {
    const contract::Mismatch mismatch = Match(J(pattern), J(value), saved);
    return mismatch ? mismatch.Text().substr(0, mismatch.Text().find(':')) : "";
}
}  // namespace

TEST_CASE("Patterns: objects need at least their keys, arrays exactly their length", "[demo][contract]") {
    CHECK(!Match(J(R"({"a": 1})"), J(R"({"a": 1.0, "b": 2})"), {}));
    CHECK(Where(R"({"a": {"b": 1}})", R"({"a": {}})") == "/a/b");
    CHECK(Where("[1, 2]", "[1, 2, 3]") == "/");
    CHECK(Where(R"([{"x": "y"}])", R"([{"x": "z"}])") == "/0/x");
}

TEST_CASE("Patterns: scalars compare by type and value", "[demo][contract]") {
    CHECK(Where("true", "1") == "/");
    CHECK(Where("0", "false") == "/");
    CHECK(Where("null", "0") == "/");
    CHECK(Where(R"("1")", "1") == "/");
}

TEST_CASE("Patterns: operators", "[demo][contract]") {
    CHECK(
        Where(
            R"({"n": {"$gte": 2}, "m": {"$lte": 2}, "s": {"$len": 3}, "t": {"$type": "null"}, "gone": {"$absent": true}})",
            R"({"n": 2, "m": 1.5, "s": "abc", "t": null})") == "");
    CHECK(Where(R"({"$contains": {"id": "b"}})", R"([{"id": "a"}, {"id": "b"}])") == "");
    CHECK(Where(R"({"$each": {"$type": "number"}})", "[]") == "");
    CHECK(Where(R"({"$saved": "v"})", R"("x.1")", {{"v", "x.1"}}) == "");
    CHECK(Where(R"({"$prefix": "trash_session="})", R"("trash_session=abc; Path=/")") == "");
    CHECK(Where(R"({"s": {"$len": 2}})", R"({"s": "é!"})") == "");
    CHECK(Where(R"({"gone": {"$absent": true}})", R"({"gone": null})") == "/gone");
    CHECK(Where(R"({"$each": {"$type": "number"}})", R"([1, "2"])") == "/1");
    CHECK(Where(R"({"$contains": 3})", "[1, 2]") == "/");
    CHECK(Where(R"({"$gte": 1})", "true") == "/");
    CHECK(Where(R"({"$whatever": 1})", "1") == "/");
}

TEST_CASE("Patterns: pointers and substitution", "[demo][contract]") {
    CHECK(contract::ResolvePointer(J(R"({"a": [{"b/c": 5}]})"), "/a/0/b~1c") == OJson(5));
    CHECK(contract::ResolvePointer(J(R"({"a": 1})"), "") == J(R"({"a": 1})"));
    CHECK(!contract::ResolvePointer(J(R"({"a": []})"), "/a/0"));
    std::string error;
    CHECK(contract::Substitute(J(R"({"p": "/x?since=${v}&n=${n}"})"), {{"v", "a.b"}, {"n", 14}}, &error) ==
          J(R"({"p": "/x?since=a.b&n=14"})"));
    CHECK(error.empty());
    contract::Substitute(OJson("${missing}"), {}, &error);
    CHECK(!error.empty());
}
