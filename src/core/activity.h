// The workspace's trash history (Settings → Activity): audit events as GET /<ws>/audit sends them,
// the filters (also the screen's address), and ActivityView, the list's state: pages appended by
// the server's keyset cursor without duplicates, Empty Trash and cleanup runs shown as one entry
// that expands into its members (loaded by ?run=), and the flat rows the screen draws.
#pragma once

#include <array>        // action filter
#include <cstddef>      // size_t
#include <cstdint>      // int64_t
#include <map>          // runs by id
#include <optional>     // old and new values
#include <string>       // fields
#include <string_view>  // names
#include <vector>       // events, rows

#include "core/hash_set.h"  // seen event ids

namespace trash {

enum class AuditAction { Trash, Restore, Delete, EmptyTrash, Cleanup, SetRetention, SignInThrottled, Unknown };
inline constexpr size_t kAuditActionCount = 7;  // the known ones, in the filter's order
inline constexpr AuditAction kAuditActions[kAuditActionCount] = {
    AuditAction::Trash,   AuditAction::Restore,      AuditAction::Delete,         AuditAction::EmptyTrash,
    AuditAction::Cleanup, AuditAction::SetRetention, AuditAction::SignInThrottled};

std::string_view AuditActionName(AuditAction action);    // the API's: "trash", "empty_trash", ...
AuditAction AuditActionFromName(std::string_view name);  // "delete_permanently" is Delete too
std::string_view AuditActionLabel(AuditAction action);   // "Moved to Trash", "Emptied Trash", ...

struct AuditEvent {
    std::string eventId;
    int64_t atMs = 0;
    std::string actorId, actorName;
    AuditAction action = AuditAction::Unknown;
    std::string actionName;  // the raw "action", shown when this page does not know it
    std::string via;         // "web", "api", "cleanup"
    std::string keyName;     // the API key's name when via "api"
    std::string type, id, name, parentName;
    std::string slug;      // a restore: the slug it came back under
    std::string runId;     // a member of an Empty Trash or cleanup run, or the run's summary
    int64_t runCount = 0;  // > 0: the summary of a run of this many members
    int64_t images = 0, bytes = 0;
    std::string detail;
    std::optional<int64_t> oldValue, newValue;  // set_retention: days before and after

    bool isRunSummary() const { return runCount > 0 && !runId.empty(); }
};

struct AuditActor {
    std::string id, name;
};

// One answer of GET /<ws>/audit: a page of events, newest first, and the cursor of the next one.
struct AuditPage {
    std::vector<AuditEvent> events;
    std::string nextCursor;  // "" on the last page
    std::vector<AuditActor> actors;
};

// What the list shows; every field is also a parameter of the screen's address and of the request.
struct ActivityFilters {
    std::array<bool, kAuditActionCount> actions{};  // none set: every action
    std::string actor;                              // user id
    std::string type;                               // item type ("project"); with `item`, that item's type
    std::string query;                              // name contains
    std::string from, to;  // as typed: "2026-12-01" or a full ISO time; from inclusive, to inclusive of its day
    std::string item;      // one item's history

    bool any() const;
    bool operator==(const ActivityFilters& other) const;
    bool operator!=(const ActivityFilters& other) const { return !(*this == other); }
};

// "2026-12-01" or "2026-12-01T10:00:00Z" as the API's ISO time; a date-only `to` is the end of that
// day (the next midnight, as the API's `to` is exclusive). nullopt when it is neither; "" → "".
std::optional<std::string> ApiTimeOf(std::string_view typed, bool endOfDay);
// Why a typed date cannot be used ("Use a date like 2026-12-01"), or "" when it can.
std::string DateFieldError(std::string_view typed);

// One line of the drawn list.
enum class ActivityRowKind { Event, Member, MoreMembers, LoadingMembers };
struct ActivityRow {
    ActivityRowKind kind = ActivityRowKind::Event;
    size_t event = 0;   // index into events() (Event, and the run's summary for the others)
    size_t member = 0;  // index into the run's members (Member)
};

struct ActivityRun {
    bool expanded = false;
    bool loading = false;
    bool loaded = false;  // its first page has arrived
    std::string nextCursor;
    std::vector<AuditEvent> members;
    std::string error;
};

class ActivityView {
public:
    const ActivityFilters& filters() const { return filters_; }
    // New filters start the list afresh; false when nothing changed.
    bool SetFilters(ActivityFilters filters);
    // The typed search has a letter from the fonts' Latin extension (latin_extension.h).
    bool queryNeedsLatinExtension() const { return queryNeedsLatinExtension_; }
    void Clear();  // forgets every page and run (a reload)

    // [SECTION] Paging
    // Appends a page, skipping events already listed (a page boundary that moved under concurrent
    // writes), and keeps its cursor. `first`: the page starts the list (replaces what was shown).
    void AppendPage(AuditPage page, bool first);
    const std::string& nextCursor() const { return nextCursor_; }
    bool hasMore() const { return !nextCursor_.empty(); }
    bool loadedOnce() const { return loadedOnce_; }
    const std::vector<AuditEvent>& events() const { return events_; }
    const std::vector<AuditActor>& actors() const { return actors_; }
    std::string ActorName(const std::string& id) const;  // "" when unknown

    // [SECTION] Runs
    // Expands or collapses a run; true when expanding needs its first page of members.
    bool ToggleRun(const std::string& runId);
    void RunLoading(const std::string& runId);
    void AppendRunPage(const std::string& runId, AuditPage page);
    void RunFailed(const std::string& runId, std::string error);
    const ActivityRun* run(const std::string& runId) const;

    // [SECTION] Rows
    const std::vector<ActivityRow>& rows() const;             // rebuilt only after a change
    const AuditEvent& EventOf(const ActivityRow& row) const;  // the event a row draws

private:
    void Touch() { rowsStale_ = true; }

    ActivityFilters filters_;
    bool queryNeedsLatinExtension_ = false;
    std::vector<AuditEvent> events_;
    HashSet<std::string> seen_;
    std::string nextCursor_;
    bool loadedOnce_ = false;
    std::vector<AuditActor> actors_;
    std::map<std::string, ActivityRun> runs_;
    mutable std::vector<ActivityRow> rows_;
    mutable bool rowsStale_ = true;
};

}  // namespace trash
