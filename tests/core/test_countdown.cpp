// Tests of the countdown (labels, urgency and nextChangeMs at every boundary), dates, relative
// times and byte sizes.
#include <catch2/catch.hpp>

#include "core/countdown.h"
#include "core/iso_time.h"

using namespace trash;

namespace {
const int64_t kCleanup = *ParseIsoTime("2026-12-20T17:05:00.000Z");
TimeLeft LeftWith(int64_t remainingMs) { return FormatTimeLeft(kCleanup - remainingMs, kCleanup); }
}  // namespace

TEST_CASE("Countdown labels floor the time left to the largest unit", "[countdown]") {
    CHECK(LeftWith(30 * kDayMs).label == "30 days left");
    CHECK(LeftWith(29 * kDayMs + 23 * kHourMs).label == "29 days left");
    CHECK(LeftWith(2 * kDayMs).label == "2 days left");
    CHECK(LeftWith(2 * kDayMs - 1).label == "1 day left");
    CHECK(LeftWith(kDayMs).label == "1 day left");
    CHECK(LeftWith(kDayMs - 1).label == "23 hours left");
    CHECK(LeftWith(5 * kHourMs + 59 * kMinuteMs).label == "5 hours left");
    CHECK(LeftWith(kHourMs).label == "1 hour left");
    CHECK(LeftWith(kHourMs - 1).label == "59 minutes left");
    CHECK(LeftWith(12 * kMinuteMs + 30 * kSecondMs).label == "12 minutes left");
    CHECK(LeftWith(kMinuteMs).label == "1 minute left");
    CHECK(LeftWith(59 * kSecondMs).label == "Less than a minute left");
    CHECK(LeftWith(1).label == "Less than a minute left");
    CHECK(LeftWith(0).label == "Due for cleanup");
    CHECK(LeftWith(-5 * kDayMs).label == "Due for cleanup");
}

TEST_CASE("Urgency turns amber under 7 days and red under 1 day", "[countdown]") {
    CHECK(LeftWith(7 * kDayMs).urgency == Urgency::Normal);
    CHECK(LeftWith(7 * kDayMs).label == "7 days left");
    CHECK(LeftWith(7 * kDayMs - 1).urgency == Urgency::Amber);
    CHECK(LeftWith(7 * kDayMs - 1).label == "6 days left");
    CHECK(LeftWith(kDayMs).urgency == Urgency::Amber);
    CHECK(LeftWith(kDayMs - 1).urgency == Urgency::Red);
    CHECK(LeftWith(59 * kSecondMs).urgency == Urgency::Red);
    CHECK(LeftWith(0).urgency == Urgency::Red);
}

TEST_CASE("nextChangeMs is the first millisecond at which the countdown reads differently", "[countdown]") {
    SECTION("at sampled remaining times across the whole window") {
        for (int64_t remaining = 31 * kDayMs; remaining > -kMinuteMs;
             remaining -= 7 * kMinuteMs + 13 * kSecondMs + 17) {
            const int64_t now = kCleanup - remaining;
            const TimeLeft left = FormatTimeLeft(now, kCleanup);
            INFO("remaining " << remaining << " label " << left.label);
            if (left.nextChangeMs == kNever) {
                CHECK(left.label == "Due for cleanup");
                continue;
            }
            REQUIRE(left.nextChangeMs > now);
            const TimeLeft before = FormatTimeLeft(left.nextChangeMs - 1, kCleanup);
            const TimeLeft after = FormatTimeLeft(left.nextChangeMs, kCleanup);
            CHECK(before.label == left.label);
            CHECK(before.urgency == left.urgency);
            CHECK(after.label != left.label);
            CHECK(NextTimeLeftChangeMs(now, kCleanup) == left.nextChangeMs);
        }
    }
    SECTION("at the boundaries") {
        CHECK(LeftWith(7 * kDayMs).nextChangeMs == kCleanup - 7 * kDayMs + 1);
        CHECK(LeftWith(kDayMs).nextChangeMs == kCleanup - kDayMs + 1);
        CHECK(LeftWith(59 * kSecondMs).nextChangeMs == kCleanup);
        CHECK(LeftWith(kMinuteMs).nextChangeMs == kCleanup - kMinuteMs + 1);
        CHECK(LeftWith(0).nextChangeMs == kNever);
        CHECK(LeftWith(-1).nextChangeMs == kNever);
    }
}

TEST_CASE("Dates read in UTC", "[countdown]") {
    CHECK(FormatPurgeTime(*ParseIsoTime("2026-12-19T17:05:33.000Z")) == "Purged on Sat, 19 Dec 2026 at 17:05 UTC");
    CHECK(FormatPurgeTime(*ParseIsoTime("2026-12-20T17:05:33.000Z")) == "Purged on Sun, 20 Dec 2026 at 17:05 UTC");
    CHECK(FormatDateTime(*ParseIsoTime("2026-04-20T07:05:33.000Z")) == "20 Apr 2026, 07:05 UTC");
    CHECK(FormatDate(*ParseIsoTime("2026-12-20T23:59:59.000Z")) == "20 Dec 2026");  // the Expires column
}

TEST_CASE("Relative times floor like the countdown", "[countdown]") {
    const int64_t now = kCleanup;
    CHECK(FormatRelative(now, now) == "just now");
    CHECK(FormatRelative(now, now + kHourMs) == "just now");
    CHECK(FormatRelative(now, now - 59 * kSecondMs) == "just now");
    CHECK(FormatRelative(now, now - kMinuteMs) == "1 minute ago");
    CHECK(FormatRelative(now, now - 5 * kMinuteMs) == "5 minutes ago");
    CHECK(FormatRelative(now, now - kHourMs - 1) == "1 hour ago");
    CHECK(FormatRelative(now, now - 3 * kDayMs - kHourMs) == "3 days ago");
}

TEST_CASE("A relative time says when it next reads differently", "[countdown]") {
    const int64_t then = kCleanup;
    // Each instant is checked against the label: just before it the label holds, at it it changes.
    for (const int64_t elapsed : {int64_t(0), 30 * kSecondMs, kMinuteMs, 5 * kMinuteMs + 7, 59 * kMinuteMs, kHourMs + 1,
                                  23 * kHourMs, 3 * kDayMs - 1, 40 * kDayMs}) {
        const int64_t now = then + elapsed;
        const int64_t next = NextRelativeChangeMs(now, then);
        INFO(elapsed << " ms after, next change at +" << (next - then));
        CHECK(next > now);
        CHECK(FormatRelative(next - 1, then) == FormatRelative(now, then));
        CHECK(FormatRelative(next, then) != FormatRelative(now, then));
    }
    CHECK(NextRelativeChangeMs(then, then) == then + kMinuteMs);                 // "just now" → "1 minute ago"
    CHECK(NextRelativeChangeMs(then + 59 * kMinuteMs, then) == then + kHourMs);  // "59 minutes" → "1 hour"
    CHECK(NextRelativeChangeMs(then - kHourMs, then) == then + kMinuteMs);  // a clock behind the server: "just now"
}

TEST_CASE("Relative times are redrawn together, on the clock's whole minutes", "[countdown]") {
    const int64_t minute = *ParseIsoTime("2026-12-07T10:00:00Z");
    const int64_t then = minute - 17 * kSecondMs;  // deleted at 09:59:43
    // "just now" changes at 10:00:43 and is redrawn at 10:01:00; an item deleted at 10:00:05
    // changes at 10:01:05, redrawn at 10:02:00: two items, one wake a minute.
    CHECK(NextRelativeRedrawMs(then, then) == minute + kMinuteMs);
    CHECK(NextRelativeRedrawMs(minute + 5 * kSecondMs, minute + 5 * kSecondMs) == minute + 2 * kMinuteMs);
    for (int64_t elapsed = 0; elapsed < 3 * kHourMs; elapsed += 7 * kSecondMs + 1) {
        const int64_t now = then + elapsed, redraw = NextRelativeRedrawMs(now, then);
        const int64_t change = NextRelativeChangeMs(now, then);
        INFO(elapsed);
        CHECK(redraw % kMinuteMs == 0);
        CHECK(redraw >= change);
        CHECK(redraw - change < kMinuteMs);  // never a minute late
    }
    CHECK(NextRelativeRedrawMs(minute - kMinuteMs, minute - kMinuteMs) == minute);  // already on the minute
}

TEST_CASE("Byte sizes are 1024-based with one decimal", "[countdown]") {
    CHECK(FormatBytes(0) == "0 B");
    CHECK(FormatBytes(-4) == "0 B");
    CHECK(FormatBytes(1) == "1 B");
    CHECK(FormatBytes(512) == "512 B");
    CHECK(FormatBytes(1023) == "1,023 B");  // counts have thousands separators (issue 15)
    CHECK(FormatBytes(1024) == "1 KB");
    CHECK(FormatBytes(1536) == "1.5 KB");
    CHECK(FormatBytes(21286092) == "20.3 MB");
    CHECK(FormatBytes(1288490188) == "1.2 GB");
    CHECK(FormatBytes(3LL << 40) == "3 TB");
    CHECK(FormatBytes(1024 * 1024 - 1) == "1 MB");  // 1023.999 KB rounds up a unit
    CHECK(FormatBytes(std::numeric_limits<int64_t>::max()) == "8192 PB");
}
