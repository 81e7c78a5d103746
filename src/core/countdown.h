// What the page writes about time and size: the per-row "29 days left" countdown with its
// urgency colour and the exact moment it next changes (so an idle page can sleep until then),
// purge and deletion dates, and byte sizes.
#pragma once

#include <cstdint>  // int64_t
#include <limits>   // kNever
#include <string>   // labels

namespace trash {

inline constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

// "Soon": under this many days left. The countdown turns amber, and the "Expiring within 7 days"
// filter (whose label is built from it) keeps only these items.
inline constexpr int kExpiringSoonDays = 7;
inline constexpr int64_t kExpiringSoonMs = kExpiringSoonDays * 24 * 60 * 60 * 1000LL;

enum class Urgency {
    Normal,  // kExpiringSoonDays or more left
    Amber,   // expiring soon: under kExpiringSoonDays
    Red,     // under 1 day, or due
};

struct TimeLeft {
    std::string label;  // "29 days left", "1 hour left", "Less than a minute left", "Due for cleanup"
    Urgency urgency = Urgency::Normal;
    int64_t nextChangeMs = kNever;  // first ms at which label or urgency differ; kNever when due
};

// Rounding: the remaining time is floored to the largest unit that fits (days ≥ 1 day, hours ≥ 1
// hour, minutes ≥ 1 minute), so 29 d 23 h reads "29 days left" and the label never promises more
// time than there is. Exactly 7 days left is "7 days left", Normal; a millisecond less is
// "6 days left", Amber. Exactly 0 or less is "Due for cleanup".
TimeLeft FormatTimeLeft(int64_t nowMs, int64_t cleanupAtMs);
// Same nextChangeMs without building the label (cheap enough to scan 100,000 rows).
int64_t NextTimeLeftChangeMs(int64_t nowMs, int64_t cleanupAtMs);
Urgency UrgencyOf(int64_t nowMs, int64_t cleanupAtMs);

// "Purged on Sat, 20 Dec 2026 at 17:05 UTC" (for the countdown's tooltip).
std::string FormatPurgeTime(int64_t cleanupAtMs);
// "20 Dec 2026" (the Expires column: the UTC day of the purge).
std::string FormatDate(int64_t ms);
// "20 Apr 2026, 17:05 UTC" (the Deleted at column).
std::string FormatDateTime(int64_t ms);
// "just now", "5 minutes ago", "1 hour ago", "3 days ago" (floored like the countdown).
std::string FormatRelative(int64_t nowMs, int64_t thenMs);
// The first ms at which FormatRelative(…, thenMs) reads differently from now (so an idle page can
// sleep until then); "just now" for a time ahead of the clock changes a minute after it.
int64_t NextRelativeChangeMs(int64_t nowMs, int64_t thenMs);
// When that label is redrawn: at the first whole minute of the clock from its change, so every
// "… ago" on the screen moves at once and an idle page listing many recent items wakes at most
// once a minute for them, not at each item's own second (a label is at most a minute late).
int64_t NextRelativeRedrawMs(int64_t nowMs, int64_t thenMs);
// 1024-based, units B KB MB GB TB PB, one decimal dropped when it is 0:
// "0 B", "512 B", "1.5 KB", "20.3 MB", "1.2 GB", "3 TB". Negative sizes read "0 B".
std::string FormatBytes(int64_t bytes);

}  // namespace trash
