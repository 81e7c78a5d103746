// ISO 8601 UTC parsing and formatting with Howard Hinnant's days-from-civil algorithms
// (public domain, http://howardhinnant.github.io/date_algorithms.html): exact for every
// proleptic Gregorian date, no <ctime>, so native and wasm agree to the millisecond.
#include "core/iso_time.h"

#include <cstdio>  // std::snprintf

namespace trash {

namespace {
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool IsLeap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` digits at `pos`.
bool ReadDigits(std::string_view text, size_t pos, size_t count, int& out) {
    if (pos + count > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}
}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
    const int64_t y = static_cast<int64_t>(year) - (month <= 2);
    const int64_t era = FloorDiv(y, 400);
    const int64_t yoe = y - era * 400;                                             // [0, 399]
    const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                     // [0, 146096]
    return era * 146097 + doe - 719468;
}

CivilTime CivilFromMs(int64_t msSinceEpoch) {
    const int64_t days = FloorDiv(msSinceEpoch, kDayMs);
    int64_t msOfDay = msSinceEpoch - days * kDayMs;

    const int64_t z = days + 719468;
    const int64_t era = FloorDiv(z, 146097);
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;

    CivilTime civil;
    civil.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    civil.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    civil.year = static_cast<int>(yoe + era * 400 + (civil.month <= 2));
    civil.hour = static_cast<int>(msOfDay / kHourMs);
    msOfDay %= kHourMs;
    civil.minute = static_cast<int>(msOfDay / kMinuteMs);
    msOfDay %= kMinuteMs;
    civil.second = static_cast<int>(msOfDay / kSecondMs);
    civil.millisecond = static_cast<int>(msOfDay % kSecondMs);
    civil.weekday = static_cast<int>(days + 4 - 7 * FloorDiv(days + 4, 7));  // (days + 4) mod 7
    return civil;
}

std::optional<int64_t> ParseIsoTime(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS
    // 0123456789012345678
    int year, month, day, hour, minute, second;
    if (!ReadDigits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' || !ReadDigits(text, 5, 2, month) ||
        text[7] != '-' || !ReadDigits(text, 8, 2, day) || text[10] != 'T' || !ReadDigits(text, 11, 2, hour) ||
        text[13] != ':' || !ReadDigits(text, 14, 2, minute) || text[16] != ':' || !ReadDigits(text, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;

    size_t pos = 19;
    int millisecond = 0;
    if (text[pos] == '.') {
        ++pos;
        size_t digits = 0;
        int scale = 100;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) millisecond += (text[pos] - '0') * scale;
            scale /= 10;
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9) return std::nullopt;
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;

    return DaysFromCivil(year, month, day) * kDayMs + hour * kHourMs + minute * kMinuteMs + second * kSecondMs +
           millisecond;
}

std::string FormatIsoTime(int64_t msSinceEpoch) {
    const CivilTime t = CivilFromMs(msSinceEpoch);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.millisecond);
    return buffer;
}

}  // namespace trash
