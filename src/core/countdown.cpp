// Countdown labels and their next change, dates, relative times and byte sizes. Every label is
// floored to its unit, and nextChangeMs is derived from the same floor, so they cannot disagree.
#include "core/countdown.h"

#include <cstdio>    // std::snprintf
#include <iterator>  // std::size

#include "core/iso_time.h"  // CivilFromMs, unit constants
#include "core/text.h"      // FormatCount, Concat

namespace trash {

namespace {
constexpr int64_t kRedBelowMs = kDayMs;

struct Unit {
    int64_t ms;
    const char* singular;
    const char* plural;
};
constexpr Unit kUnits[] = {{kDayMs, "day", "days"}, {kHourMs, "hour", "hours"}, {kMinuteMs, "minute", "minutes"}};

// The largest unit that fits into `remaining` (> 0), or nullptr under a minute.
const Unit* UnitFor(int64_t remaining) {
    for (const Unit& unit : kUnits)
        if (remaining >= unit.ms) return &unit;
    return nullptr;
}

std::string CountOf(int64_t count, const Unit& unit) {
    return Concat(FormatCount(uint64_t(count)), " ", count == 1 ? unit.singular : unit.plural);
}

const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

Urgency UrgencyOf(int64_t nowMs, int64_t cleanupAtMs) {
    const int64_t remaining = cleanupAtMs - nowMs;
    if (remaining < kRedBelowMs) return Urgency::Red;
    if (remaining < kExpiringSoonMs) return Urgency::Amber;
    return Urgency::Normal;
}

int64_t NextTimeLeftChangeMs(int64_t nowMs, int64_t cleanupAtMs) {
    const int64_t remaining = cleanupAtMs - nowMs;
    if (remaining <= 0) return kNever;
    const Unit* unit = UnitFor(remaining);
    if (unit == nullptr) return cleanupAtMs;  // "Less than a minute left" until due
    // The label holds while remaining >= count * unit; it changes one ms after that instant.
    // Urgency thresholds (7 days, 1 day) are day boundaries, so they change at the same moments.
    const int64_t count = remaining / unit->ms;
    return cleanupAtMs - count * unit->ms + 1;
}

TimeLeft FormatTimeLeft(int64_t nowMs, int64_t cleanupAtMs) {
    TimeLeft result;
    result.urgency = UrgencyOf(nowMs, cleanupAtMs);
    result.nextChangeMs = NextTimeLeftChangeMs(nowMs, cleanupAtMs);
    const int64_t remaining = cleanupAtMs - nowMs;
    if (remaining <= 0) {
        result.label = "Due for cleanup";
    } else if (const Unit* unit = UnitFor(remaining)) {
        result.label = CountOf(remaining / unit->ms, *unit) + " left";
    } else {
        result.label = "Less than a minute left";
    }
    return result;
}

std::string FormatPurgeTime(int64_t cleanupAtMs) {
    const CivilTime t = CivilFromMs(cleanupAtMs);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "Purged on %s, %d %s %04d at %02d:%02d UTC", kWeekdays[t.weekday], t.day,
                  kMonths[t.month - 1], t.year, t.hour, t.minute);
    return buffer;
}

std::string FormatDate(int64_t ms) {
    const CivilTime t = CivilFromMs(ms);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%d %s %04d", t.day, kMonths[t.month - 1], t.year);
    return buffer;
}

std::string FormatDateTime(int64_t ms) {
    const CivilTime t = CivilFromMs(ms);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%d %s %04d, %02d:%02d UTC", t.day, kMonths[t.month - 1], t.year, t.hour,
                  t.minute);
    return buffer;
}

std::string FormatRelative(int64_t nowMs, int64_t thenMs) {
    const int64_t elapsed = nowMs - thenMs;
    const Unit* unit = elapsed > 0 ? UnitFor(elapsed) : nullptr;
    if (unit == nullptr) return "just now";
    return CountOf(elapsed / unit->ms, *unit) + " ago";
}

int64_t NextRelativeChangeMs(int64_t nowMs, int64_t thenMs) {
    const int64_t elapsed = nowMs - thenMs;
    const Unit* unit = elapsed > 0 ? UnitFor(elapsed) : nullptr;
    if (unit == nullptr) return thenMs + kMinuteMs;  // "just now" until a whole minute has passed
    return thenMs + (elapsed / unit->ms + 1) * unit->ms;
}

int64_t NextRelativeRedrawMs(int64_t nowMs, int64_t thenMs) {
    const int64_t change = NextRelativeChangeMs(nowMs, thenMs);
    const int64_t intoMinute = ((change % kMinuteMs) + kMinuteMs) % kMinuteMs;  // before 1970 too
    return intoMinute == 0 ? change : change + (kMinuteMs - intoMinute);
}

std::string FormatBytes(int64_t bytes) {
    static const char* const kUnitNames[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    if (bytes <= 0) return "0 B";
    if (bytes < 1024) return FormatCount(uint64_t(bytes)) + " B";
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    while (unit + 1 < std::size(kUnitNames) && value >= 1024.0) {
        value /= 1024.0;
        ++unit;
    }
    // Round to one decimal; 1023.96 KB rounds to 1024.0 and reads better as the next unit.
    double rounded = static_cast<double>(static_cast<int64_t>(value * 10.0 + 0.5)) / 10.0;
    if (rounded >= 1024.0 && unit + 1 < std::size(kUnitNames)) {
        ++unit;
        rounded = static_cast<double>(static_cast<int64_t>(rounded / 1024.0 * 10.0 + 0.5)) / 10.0;
    }
    char buffer[32];
    const auto tenths = static_cast<int64_t>(rounded * 10.0 + 0.5);
    if (tenths % 10 == 0)
        std::snprintf(buffer, sizeof buffer, "%lld %s", static_cast<long long>(tenths / 10), kUnitNames[unit]);
    else
        std::snprintf(buffer, sizeof buffer, "%lld.%lld %s", static_cast<long long>(tenths / 10),
                      static_cast<long long>(tenths % 10), kUnitNames[unit]);
    return buffer;
}

}  // namespace trash
