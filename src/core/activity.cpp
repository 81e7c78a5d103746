// The Activity list's model (see activity.h): action names, the filters, typed dates, and the
// ActivityView's pages, runs and rows.
#include "core/activity.h"

#include <utility>  // std::move

#include "core/iso_time.h"         // ParseIsoTime, DaysFromCivil, FormatIsoTime
#include "core/latin_extension.h"  // NeedsLatinExtension

namespace trash {

namespace {
struct ActionNames {
    AuditAction action;
    std::string_view name, label;
};
constexpr ActionNames kActionNames[] = {
    {AuditAction::Trash, "trash", "Moved to Trash"},
    {AuditAction::Restore, "restore", "Restored"},
    {AuditAction::Delete, "delete", "Deleted permanently"},
    {AuditAction::EmptyTrash, "empty_trash", "Emptied Trash"},
    {AuditAction::Cleanup, "cleanup", "Purged by cleanup"},
    {AuditAction::SetRetention, "set_retention", "Changed retention"},
    {AuditAction::SignInThrottled, "sign_in_throttled", "Sign-in throttled"},
};

bool Digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

// The value of a run of digits already checked by Digits (std::stoi would link libc's printf
// into the page for its out-of-range message).
int DigitsValue(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// "YYYY-MM-DD" as the day's midnight, UTC.
std::optional<int64_t> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!Digits(y) || !Digits(m) || !Digits(d)) return std::nullopt;
    const int year = DigitsValue(y), month = DigitsValue(m), day = DigitsValue(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    // A day past the month's end (Feb 30) is refused, by the same rule as ParseIsoTime.
    if (!ParseIsoTime(std::string(text) + "T00:00:00Z")) return std::nullopt;
    return DaysFromCivil(year, month, day) * kDayMs;
}
}  // namespace

std::string_view AuditActionName(AuditAction action) {
    for (const ActionNames& n : kActionNames)
        if (n.action == action) return n.name;
    return "unknown";
}

AuditAction AuditActionFromName(std::string_view name) {
    if (name == "delete_permanently") return AuditAction::Delete;
    if (name == "sign_in_limited") return AuditAction::SignInThrottled;
    for (const ActionNames& n : kActionNames)
        if (n.name == name) return n.action;
    return AuditAction::Unknown;
}

std::string_view AuditActionLabel(AuditAction action) {
    for (const ActionNames& n : kActionNames)
        if (n.action == action) return n.label;
    return "Other";
}

bool ActivityFilters::any() const { return *this != ActivityFilters{}; }

bool ActivityFilters::operator==(const ActivityFilters& o) const {
    return actions == o.actions && actor == o.actor && type == o.type && query == o.query && from == o.from &&
           to == o.to && item == o.item;
}

std::optional<std::string> ApiTimeOf(std::string_view typed, bool endOfDay) {
    if (typed.empty()) return std::string();
    if (std::optional<int64_t> day = ParseDate(typed)) return FormatIsoTime(*day + (endOfDay ? kDayMs : 0));
    if (std::optional<int64_t> at = ParseIsoTime(typed)) return FormatIsoTime(*at);
    return std::nullopt;
}

std::string DateFieldError(std::string_view typed) {
    return ApiTimeOf(typed, false) ? std::string() : std::string("Use a date like 2026-12-01");
}

// [SECTION] ActivityView

bool ActivityView::SetFilters(ActivityFilters filters) {
    if (filters == filters_) return false;
    filters_ = std::move(filters);
    queryNeedsLatinExtension_ = NeedsLatinExtension(filters_.query);
    Clear();
    return true;
}

void ActivityView::Clear() {
    events_.clear();
    seen_.clear();
    nextCursor_.clear();
    loadedOnce_ = false;
    runs_.clear();
    Touch();
}

void ActivityView::AppendPage(AuditPage page, bool first) {
    if (first) {
        events_.clear();
        seen_.clear();
        runs_.clear();
    }
    events_.reserve(events_.size() + page.events.size());
    for (AuditEvent& event : page.events)
        if (event.eventId.empty() || seen_.insert(event.eventId)) events_.push_back(std::move(event));
    nextCursor_ = std::move(page.nextCursor);
    // The actors known to the log, for the user filter: the latest answer names them all.
    if (!page.actors.empty() || first) actors_ = std::move(page.actors);
    loadedOnce_ = true;
    Touch();
}

std::string ActivityView::ActorName(const std::string& id) const {
    for (const AuditActor& actor : actors_)
        if (actor.id == id) return actor.name.empty() ? actor.id : actor.name;
    return {};
}

bool ActivityView::ToggleRun(const std::string& runId) {
    ActivityRun& run = runs_[runId];
    run.expanded = !run.expanded;
    Touch();
    return run.expanded && !run.loaded && !run.loading;
}

void ActivityView::RunLoading(const std::string& runId) {
    ActivityRun& run = runs_[runId];
    run.loading = true;
    run.error.clear();
    Touch();
}

void ActivityView::AppendRunPage(const std::string& runId, AuditPage page) {
    const auto found = runs_.find(runId);
    if (found == runs_.end()) return;  // the list was reloaded meanwhile
    ActivityRun& run = found->second;
    HashSet<std::string> seen;
    for (const AuditEvent& member : run.members) seen.insert(member.eventId);
    for (AuditEvent& member : page.events)
        if (member.eventId.empty() || seen.insert(member.eventId)) run.members.push_back(std::move(member));
    run.nextCursor = std::move(page.nextCursor);
    run.loading = false;
    run.loaded = true;
    Touch();
}

void ActivityView::RunFailed(const std::string& runId, std::string error) {
    const auto found = runs_.find(runId);
    if (found == runs_.end()) return;
    found->second.loading = false;
    found->second.error = std::move(error);
    Touch();
}

const ActivityRun* ActivityView::run(const std::string& runId) const {
    const auto found = runs_.find(runId);
    return found == runs_.end() ? nullptr : &found->second;
}

const std::vector<ActivityRow>& ActivityView::rows() const {
    if (!rowsStale_) return rows_;
    rows_.clear();
    rows_.reserve(events_.size());
    for (size_t i = 0; i < events_.size(); ++i) {
        rows_.push_back({ActivityRowKind::Event, i, 0});
        if (!events_[i].isRunSummary()) continue;
        const ActivityRun* r = run(events_[i].runId);
        if (!r || !r->expanded) continue;
        for (size_t m = 0; m < r->members.size(); ++m) rows_.push_back({ActivityRowKind::Member, i, m});
        if (r->loading)
            rows_.push_back({ActivityRowKind::LoadingMembers, i, 0});
        else if (!r->nextCursor.empty() || !r->error.empty())
            rows_.push_back({ActivityRowKind::MoreMembers, i, 0});
    }
    rowsStale_ = false;
    return rows_;
}

const AuditEvent& ActivityView::EventOf(const ActivityRow& row) const {
    const AuditEvent& event = events_[row.event];
    if (row.kind != ActivityRowKind::Member) return event;
    const ActivityRun* r = run(event.runId);
    return r && row.member < r->members.size() ? r->members[row.member] : event;
}

}  // namespace trash
