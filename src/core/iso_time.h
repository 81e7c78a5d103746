// ISO 8601 UTC timestamps ("2026-04-20T17:05:33.000Z") to and from milliseconds since the Unix
// epoch, by civil-from-days arithmetic: no time zone database, no platform calls, same in wasm.
#pragma once

#include <cstdint>      // int64_t
#include <optional>     // parse failure
#include <string>       // std::string
#include <string_view>  // input

namespace trash {

inline constexpr int64_t kSecondMs = 1000;
inline constexpr int64_t kMinuteMs = 60 * kSecondMs;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

// Accepts exactly "YYYY-MM-DDTHH:MM:SS[.f…]Z": a 'T' separator, 1-9 fraction digits (truncated to
// ms) and a 'Z'. Offsets other than Z, missing fields, out-of-range dates (Feb 30) are rejected.
std::optional<int64_t> ParseIsoTime(std::string_view text);
// Always "YYYY-MM-DDTHH:MM:SS.mmmZ" (years 0000-9999).
std::string FormatIsoTime(int64_t msSinceEpoch);

struct CivilTime {
    int year = 1970, month = 1, day = 1;  // month 1-12, day 1-31
    int hour = 0, minute = 0, second = 0, millisecond = 0;
    int weekday = 4;  // 0 = Sunday; 1970-01-01 was a Thursday
};
CivilTime CivilFromMs(int64_t msSinceEpoch);
int64_t DaysFromCivil(int year, int month, int day);  // days since 1970-01-01 (proleptic Gregorian)

}  // namespace trash
