// The Activity screen's routes on the demo backend, ported from serve.py's activity.py: the audit
// list (GET /:workspace/audit: filters, the keyset cursor on (at, pk), runs folded into their
// summary, the actors, format=csv) and the retention preview of PATCH /api/workspace's dry run.
#include "demo/demo_routes.h"

#include "core/iso_time.h"  // ParseIsoTime, DaysFromCivil

#include <algorithm>  // std::sort, std::find
#include <cstdio>     // std::snprintf (the CSV's file name)
#include <tuple>      // std::tie

namespace demo {

namespace {

const std::vector<std::string> kActions = {"trash",   "restore",       "delete",           "empty_trash",
                                           "cleanup", "set_retention", "sign_in_throttled"};
constexpr int64_t kDefaultLimit = 100, kMaxLimit = 1000;
constexpr const char* kCsvHeader = "at,actor,action,via,key,type,name,parent,slug,images,bytes,detail\r\n";

// A filter's value; an empty one is no filter.
OptText Param(const Query& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() || it->second.empty() ? std::nullopt : OptText(it->second);
}

bool Digits(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Python's datetime.fromisoformat for the forms a client sends: a date, then optionally "T" or a
// space and HH:MM[:SS[.fff...]], then optionally Z or +HH:MM / -HH:MM; no zone means UTC.
std::optional<int64_t> ParseTime(const std::string& text) {
    if (const std::optional<int64_t> strict = trash::ParseIsoTime(text)) return strict;
    auto number = [&text](size_t at, size_t width, int* out) {
        if (at + width > text.size()) return false;
        int value = 0;
        for (size_t i = at; i < at + width; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        *out = value;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (!number(0, 4, &year) || text.size() < 10 || text[4] != '-' || !number(5, 2, &month) || text[7] != '-' ||
        !number(8, 2, &day) || month < 1 || month > 12 || day < 1)
        return std::nullopt;
    const int64_t days = trash::DaysFromCivil(year, month, day);
    if (trash::CivilFromMs(days * trash::kDayMs).day != day) return std::nullopt;  // Feb 30
    size_t at = 10;
    int64_t offset = 0;
    if (at < text.size()) {
        if ((text[at] != 'T' && text[at] != ' ') || !number(at + 1, 2, &hour) || text.size() < at + 6 ||
            text[at + 3] != ':' || !number(at + 4, 2, &minute) || hour > 23 || minute > 59)
            return std::nullopt;
        at += 6;
        if (at < text.size() && text[at] == ':') {
            if (!number(at + 1, 2, &second) || second > 59) return std::nullopt;
            at += 3;
            if (at < text.size() && text[at] == '.') {
                size_t digits = 0;
                for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
                    if (digits < 3) millis = millis * 10 + (text[at] - '0');
                }
                if (digits != 3 && digits != 6) return std::nullopt;
            }
        }
        if (at < text.size() && text[at] == 'Z') {
            ++at;
        } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
            int zoneHour = 0, zoneMinute = 0;
            if (!number(at + 1, 2, &zoneHour) || text.size() < at + 6 || text[at + 3] != ':' ||
                !number(at + 4, 2, &zoneMinute) || zoneHour > 23 || zoneMinute > 59)
                return std::nullopt;
            offset = (text[at] == '+' ? 1 : -1) * (zoneHour * trash::kHourMs + zoneMinute * trash::kMinuteMs);
            at += 6;
        }
        if (at != text.size()) return std::nullopt;
    }
    return days * trash::kDayMs + hour * trash::kHourMs + minute * trash::kMinuteMs + second * 1000 + millis - offset;
}

struct Filters {
    std::vector<std::string> actions;
    OptText actor, item, type, needle;
    std::optional<int64_t> since, until, run;
    bool members = false;  // a search for items: a run's members match one by one
};

ApiError ParseFilters(const Query& query, Filters* f) {
    if (const OptText actions = Param(query, "action")) {
        size_t start = 0;
        while (true) {
            const size_t comma = actions->find(',', start);
            f->actions.push_back(
                actions->substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (std::find(kActions.begin(), kActions.end(), f->actions.back()) == kActions.end())
                return ApiError{400,
                                "action must be a comma-separated list of trash, restore, delete, empty_trash, "
                                "cleanup, set_retention, sign_in_throttled"};
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    if (const OptText actor = Param(query, "actor")) f->actor = Utf8Prefix(*actor, 200);
    if (const OptText item = Param(query, "item")) f->item = Utf8Prefix(*item, 200);
    if (const OptText type = Param(query, "type")) {
        if (!IsType(*type))
            return ApiError{400, "Unknown type \"" + Utf8Prefix(*type, 40) +
                                     "\"; expected one of project, version, model, dataset, workflow"};
        f->type = type;
    }
    if (const OptText needle = Param(query, "q")) f->needle = LowerAscii(Utf8Prefix(*needle, 200));
    for (const auto& [name, out] : {std::pair<const char*, std::optional<int64_t>*>{"from", &f->since},
                                    std::pair<const char*, std::optional<int64_t>*>{"to", &f->until}}) {
        if (const OptText text = Param(query, name)) {
            *out = ParseTime(*text);
            if (!*out) return ApiError{400, std::string(name) + " must be an ISO 8601 time, e.g. 2026-12-01T00:00:00Z"};
        }
    }
    if (const OptText run = Param(query, "run")) {
        if (!Digits(*run) || run->size() > 18) return ApiError{400, "run must be a run id (the runId of an event)"};
        f->run = std::stoll(*run);
    }
    f->members = f->run || f->type || f->needle || f->item;
    return {};
}

bool Keeps(const Filters& f, const AuditEvent& e) {
    if (!f.actions.empty() && std::find(f.actions.begin(), f.actions.end(), e.action) == f.actions.end()) return false;
    if (f.actor && e.actorId != f.actor) return false;
    if (f.item && e.itemId != f.item) return false;
    if (f.type && e.type != f.type) return false;
    if (f.needle && (!e.name || LowerAscii(*e.name).find(*f.needle) == std::string::npos)) return false;
    if (f.since && e.at < *f.since) return false;
    if (f.until && e.at >= *f.until) return false;
    if (f.run) return e.runId == *f.run;
    return f.members || e.runId == 0;
}

// The workspace's events the filters keep, newest first (at, then pk, descending).
std::vector<const AuditEvent*> Matching(const State& state, const std::string& workspaceId, const Filters& f) {
    std::vector<const AuditEvent*> rows;
    for (const AuditEvent& event : state.audit) {
        if (event.workspaceId == workspaceId && Keeps(f, event)) rows.push_back(&event);
    }
    std::sort(rows.begin(), rows.end(),
              [](const AuditEvent* a, const AuditEvent* b) { return std::tie(a->at, a->pk) > std::tie(b->at, b->pk); });
    return rows;
}

Json Text(const OptText& value) { return value ? Json(*value) : Json(); }
Json Number(const std::optional<int64_t>& value) { return value ? Json(*value) : Json(); }

Json EventJson(const AuditEvent& e) {
    const int64_t runId = e.runId != 0 ? e.runId : e.runCount != 0 ? e.pk : 0;
    return Json{{"eventId", std::to_string(e.pk)},
                {"at", Iso(e.at)},
                {"actorId", Text(e.actorId)},
                {"actorName", Text(e.actorName)},
                {"action", e.action},
                {"via", e.via},
                {"keyName", Text(e.keyName)},
                {"type", Text(e.type)},
                {"id", Text(e.itemId)},
                {"name", Text(e.name)},
                {"parentName", Text(e.parentName)},
                {"slug", Text(e.slug)},
                {"runId", runId ? Json(std::to_string(runId)) : Json()},
                {"runCount", e.runCount},
                {"images", e.images},
                {"bytes", e.bytes},
                {"detail", e.detail},
                {"oldValue", Number(e.oldValue)},
                {"newValue", Number(e.newValue)}};
}

std::string EncodeCursor(int64_t at, int64_t pk) {
    return Base64Url("[" + std::to_string(at) + ", " + std::to_string(pk) + "]");  // Python's json.dumps
}

ApiError DecodeCursor(const std::string& text, int64_t* at, int64_t* pk) {
    std::string bytes;
    if (FromBase64Url(text, &bytes)) {
        const Json value = Json::parse(bytes, nullptr, false);
        auto fits = [](const Json& v) {
            return v.is_number_integer() &&
                   (v.is_number_unsigned() ? v.get<uint64_t>() < (1ULL << 62)
                                           : v.get<int64_t>() >= 0 && v.get<int64_t>() < (1LL << 62));
        };
        if (!value.is_discarded() && value.is_array() && value.size() == 2 && fits(value[0]) && fits(value[1])) {
            *at = value[0].get<int64_t>();
            *pk = value[1].get<int64_t>();
            return {};
        }
    }
    return ApiError{400, "cursor is not valid for this list"};
}

// Everyone in the workspace's audit trail, by name (the user's, else the newest event's).
Json Actors(const State& state, const std::string& workspaceId) {
    std::map<std::string, std::pair<std::tuple<int64_t, int64_t>, std::string>> newest;  // id -> ((at, pk), name)
    for (const AuditEvent& e : state.audit) {
        if (e.workspaceId != workspaceId || !e.actorId) continue;
        auto& [when, name] = newest[*e.actorId];
        if (std::make_tuple(e.at, e.pk) >= when) when = {e.at, e.pk}, name = e.actorName.value_or("");
    }
    std::vector<std::pair<std::string, std::string>> actors;  // (id, name)
    for (const auto& [id, seen] : newest) {
        const User* user = FindUser(state, id);
        actors.emplace_back(id, user ? user->name : seen.second);
    }
    std::sort(actors.begin(), actors.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(LowerAscii(a.second), a.first) < std::make_tuple(LowerAscii(b.second), b.first);
    });
    Json out = Json::array();
    for (const auto& [id, name] : actors) out.push_back(Json{{"id", id}, {"name", name}});
    return out;
}

// RFC 4180 quoting, after neutralising a would-be spreadsheet formula with a leading apostrophe.
std::string CsvCell(std::string text) {
    if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) text = "'" + text;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string CsvLine(const AuditEvent& e) {
    const std::vector<std::string> cells = {Iso(e.at),
                                            e.actorName.value_or(""),
                                            e.action,
                                            e.via,
                                            e.keyName.value_or(""),
                                            e.type.value_or(""),
                                            e.name.value_or(""),
                                            e.parentName.value_or(""),
                                            e.slug.value_or(""),
                                            std::to_string(e.images),
                                            std::to_string(e.bytes),
                                            e.detail};
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + CsvCell(cells[i]);
    return line + "\r\n";
}

Answer CsvExport(const Call& call, const Filters& filters) {
    const trash::CivilTime today = trash::CivilFromMs(call.now);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", today.year, today.month, today.day);
    std::string body = kCsvHeader;
    for (const AuditEvent* e : Matching(call.state, call.ws->id, filters)) body += CsvLine(*e);
    Answer answer{200,
                  Json(),
                  {{"Content-Type", "text/csv; charset=utf-8"},
                   {"Content-Disposition", "attachment; filename=\"activity-" + call.ws->url + "-" + date + ".csv\""}}};
    answer.text = std::move(body);
    return answer;
}

}  // namespace

Answer AuditLog(Call& call) {
    if (ApiError error = call.NeedPermission("view_activity")) return ErrorAnswer(error);
    const auto format = call.query.find("format");
    const std::string form = format == call.query.end() ? "json" : format->second;
    if (form != "json" && form != "csv") return ErrorAnswer(ApiError{400, "format must be json or csv"});
    Filters filters;
    if (ApiError error = ParseFilters(call.query, &filters)) return ErrorAnswer(error);
    if (form == "csv") return CsvExport(call, filters);
    int64_t limit = 0;
    if (ApiError error = ParseIntParam(call.query, "limit", kDefaultLimit, 1, kMaxLimit, &limit))
        return ErrorAnswer(error);
    std::vector<const AuditEvent*> rows = Matching(call.state, call.ws->id, filters);
    const auto cursor = call.query.find("cursor");
    if (cursor != call.query.end()) {
        int64_t at = 0, pk = 0;
        if (ApiError error = DecodeCursor(cursor->second, &at, &pk)) return ErrorAnswer(error);
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [at, pk](const AuditEvent* e) { return std::tie(e->at, e->pk) >= std::tie(at, pk); }),
                   rows.end());
    }
    Json events = Json::array();
    for (size_t i = 0; i < rows.size() && static_cast<int64_t>(i) < limit; ++i) events.push_back(EventJson(*rows[i]));
    const bool more = static_cast<int64_t>(rows.size()) > limit;
    const AuditEvent* last = more ? rows[static_cast<size_t>(limit - 1)] : nullptr;
    return Answer{200,
                  Json{{"events", std::move(events)},
                       {"nextCursor", last ? Json(EncodeCursor(last->at, last->pk)) : Json()},
                       {"actors", Actors(call.state, call.ws->id)}},
                  {}};
}

Json RetentionPreview(const State& state, const Workspace& ws, int64_t days, int64_t now) {
    Json due{{"count", 0}, {"bytes", 0}}, sooner = due, later = due;
    int64_t dueCount = 0, dueBytes = 0, otherCount = 0, otherBytes = 0;
    for (const TrashRowFigure& row : TrashRowFigures(state, ws)) {
        const bool isDue = row.deletedAt + days * kDayMs <= now;
        (isDue ? dueCount : otherCount) += 1;
        (isDue ? dueBytes : otherBytes) += row.sizeBytes;
    }
    if (dueCount) due = Json{{"count", dueCount}, {"bytes", dueBytes}};
    if (otherCount && days < ws.retentionDays) sooner = Json{{"count", otherCount}, {"bytes", otherBytes}};
    if (otherCount && days > ws.retentionDays) later = Json{{"count", otherCount}, {"bytes", otherBytes}};
    return Json{{"retentionDays", days},
                {"currentDays", ws.retentionDays},
                {"dueNow", std::move(due)},
                {"sooner", std::move(sooner)},
                {"later", std::move(later)}};
}

}  // namespace demo
