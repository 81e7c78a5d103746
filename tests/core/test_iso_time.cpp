// Tests of ISO 8601 parsing and formatting: known instants, calendar edge cases, and rejection
// of everything that is not "YYYY-MM-DDTHH:MM:SS[.fff]Z".
#include <catch2/catch.hpp>

#include "core/iso_time.h"

using namespace trash;

TEST_CASE("Known instants parse to their epoch milliseconds", "[iso_time]") {
    CHECK(ParseIsoTime("1970-01-01T00:00:00.000Z") == 0);
    CHECK(ParseIsoTime("2026-04-20T17:05:33.000Z") == 1776704733000);
    CHECK(ParseIsoTime("2026-04-20T17:05:33Z") == 1776704733000);
    CHECK(ParseIsoTime("2026-04-20T17:05:33.5Z") == 1776704733500);
    CHECK(ParseIsoTime("2026-04-20T17:05:33.123456789Z") == 1776704733123);
    CHECK(ParseIsoTime("1969-12-31T23:59:59.999Z") == -1);
    CHECK(ParseIsoTime("2000-02-29T00:00:00.000Z") == 951782400000);
    CHECK(ParseIsoTime("9999-12-31T23:59:59.999Z") == 253402300799999);
}

TEST_CASE("Formatting is the inverse of parsing", "[iso_time]") {
    for (const char* text : {"1970-01-01T00:00:00.000Z", "2026-04-20T17:05:33.000Z", "2024-02-29T23:59:59.999Z",
                             "1969-12-31T23:59:59.999Z", "2100-03-01T00:00:00.001Z", "0001-01-01T00:00:00.000Z"}) {
        INFO(text);
        const std::optional<int64_t> ms = ParseIsoTime(text);
        REQUIRE(ms);
        CHECK(FormatIsoTime(*ms) == text);
    }
    SECTION("every day of four years round-trips") {
        const int64_t start = *ParseIsoTime("2023-01-01T00:00:00.000Z");
        for (int64_t day = 0; day < 4 * 366; ++day) {
            const int64_t ms = start + day * kDayMs + 12 * kHourMs + 34 * kMinuteMs + 56 * kSecondMs + 789;
            REQUIRE(ParseIsoTime(FormatIsoTime(ms)) == ms);
        }
    }
}

TEST_CASE("Civil time has the right weekday", "[iso_time]") {
    CHECK(CivilFromMs(0).weekday == 4);                                      // Thursday
    CHECK(CivilFromMs(*ParseIsoTime("2026-12-20T17:05:00Z")).weekday == 0);  // Sunday
    CHECK(CivilFromMs(*ParseIsoTime("2026-12-19T17:05:00Z")).weekday == 6);  // Saturday
    CHECK(CivilFromMs(-1).weekday == 3);                                     // Wednesday
    CHECK(DaysFromCivil(1970, 1, 1) == 0);
    CHECK(DaysFromCivil(1969, 12, 31) == -1);
}

TEST_CASE("Malformed timestamps are rejected", "[iso_time]") {
    for (const char* text : {"",
                             "yesterday",
                             "2026-04-20",
                             "2026-04-20T17:05:33",
                             "2026-04-20T17:05:33.000",
                             "2026-04-20 17:05:33.000Z",
                             "2026-04-20T17:05:33.000+00:00",
                             "2026-04-20T17:05:33.Z",
                             "2026-04-20T17:05:33.0000000000Z",
                             "2026-13-01T00:00:00Z",
                             "2026-00-01T00:00:00Z",
                             "2026-02-29T00:00:00Z",
                             "2026-04-31T00:00:00Z",
                             "2026-04-20T24:00:00Z",
                             "2026-04-20T23:60:00Z",
                             "2026-04-20T23:59:60Z",
                             "+2026-04-20T17:05:33Z",
                             "2026-4-20T17:05:33.000Z",
                             "2026-04-20T17:05:33.000Zjunk",
                             "2026-04-20t17:05:33.000z",
                             "2026-04-20T17:05:3a.000Z"}) {
        INFO(text);
        CHECK_FALSE(ParseIsoTime(text));
    }
}
