// The demo's whole state as JSON text for browser storage, and back. Load reads into a fresh
// state and checks every field's type and every reference between rows, so anything corrupt,
// truncated, foreign or of another format version is refused before it could reach a handler.
#include "demo/demo_state.h"

#include <set>  // primary keys seen

namespace demo {

namespace {

constexpr const char* kFormat = "trash-demo-state";
constexpr int64_t kVersion = 2;  // 2: issue 14's audit fields (a version 1 copy starts the demo afresh)
// Bounds that keep sums and timestamps sane whatever a stored copy says (years 1970-9999, 1 PB).
constexpr int64_t kMaxTime = 253402300799999;
constexpr int64_t kMaxBytes = 1LL << 50;

Json Opt(const OptText& value) { return value ? Json(*value) : Json(); }
Json OptInt(const std::optional<int64_t>& value) { return value ? Json(*value) : Json(); }

// Reads fields of one saved object; the first missing or mistyped one marks the whole load bad.
struct Reader {
    bool ok = true;

    const Json* Field(const Json& obj, const char* key) {
        if (!ok || !obj.is_object()) return ok = false, nullptr;
        auto it = obj.find(key);
        if (it == obj.end()) return ok = false, nullptr;
        return &*it;
    }
    std::string Text(const Json& obj, const char* key) {
        const Json* value = Field(obj, key);
        if (value == nullptr || !value->is_string()) return ok = false, "";
        return value->get<std::string>();
    }
    OptText OptionalText(const Json& obj, const char* key) {
        const Json* value = Field(obj, key);
        if (value == nullptr || value->is_null()) return std::nullopt;
        if (!value->is_string()) return ok = false, std::nullopt;
        return value->get<std::string>();
    }
    int64_t Int(const Json& obj, const char* key, int64_t low = 0, int64_t high = kMaxTime) {
        const Json* value = Field(obj, key);
        if (value == nullptr || !value->is_number_integer() ||
            (value->is_number_unsigned() && value->get<uint64_t>() > INT64_MAX))
            return ok = false, 0;
        const int64_t number = value->get<int64_t>();
        if (number < low || number > high) ok = false;
        return number;
    }
    std::optional<int64_t> OptionalInt(const Json& obj, const char* key) {
        const Json* value = Field(obj, key);
        if (value == nullptr || value->is_null()) return std::nullopt;
        return Int(obj, key, 0, INT64_MAX);
    }
    bool Bool(const Json& obj, const char* key) {
        const Json* value = Field(obj, key);
        if (value == nullptr || !value->is_boolean()) return ok = false, false;
        return value->get<bool>();
    }
    const Json& List(const Json& obj, const char* key) {
        static const Json kEmpty = Json::array();
        const Json* value = Field(obj, key);
        if (value == nullptr || !value->is_array()) return ok = false, kEmpty;
        return *value;
    }
};

bool ReadRows(Reader& r, const Json& saved, State& s) {
    for (const Json& w : r.List(saved, "workspaces")) {
        Workspace ws{r.Text(w, "id"),
                     r.Text(w, "url"),
                     r.Text(w, "name"),
                     r.Int(w, "retentionDays", 1),
                     r.Int(w, "quotaBytes", 0, INT64_MAX),
                     {}};
        for (const Json& role : r.List(w, "roles")) {
            Role parsed{r.Text(role, "name"), {}};
            for (const Json& p : r.List(role, "permissions")) {
                if (!p.is_string() ||
                    std::find(kPermissions.begin(), kPermissions.end(), p.get<std::string>()) == kPermissions.end())
                    return false;
                parsed.permissions.push_back(p.get<std::string>());
            }
            ws.roles.push_back(std::move(parsed));
        }
        if (ws.retentionDays > 90) return false;
        s.workspaces.push_back(std::move(ws));
    }
    for (const Json& u : r.List(saved, "users")) {
        s.users.push_back(User{r.Text(u, "id"), r.Text(u, "workspaceId"), r.Text(u, "email"), r.Text(u, "name"),
                               r.Text(u, "password"), r.Text(u, "role")});
    }
    for (const Json& i : r.List(saved, "items")) {
        Item item{r.Int(i, "pk", 1),
                  r.Text(i, "workspaceId"),
                  r.Text(i, "type"),
                  r.Text(i, "id"),
                  r.Int(i, "parentPk"),
                  r.Text(i, "name"),
                  r.OptionalText(i, "url"),
                  r.OptionalText(i, "ownerId"),
                  r.Int(i, "sizeBytes", 0, kMaxBytes),
                  r.Bool(i, "deployed"),
                  r.Bool(i, "cleanupDeleteImages"),
                  r.Int(i, "trashEvent"),
                  r.Int(i, "trainedOnPk")};
        if (!s.items.emplace(item.pk, item).second) return false;
    }
    for (const Json& e : r.List(saved, "events")) {
        DeletionEvent event{r.Int(e, "pk", 1), r.Text(e, "workspaceId"),     r.Int(e, "rootPk", 1),
                            r.Int(e, "at"),    r.OptionalText(e, "actorId"), r.Text(e, "via")};
        if (!s.events.emplace(event.pk, event).second) return false;
    }
    for (const Json& im : r.List(saved, "images")) {
        if (!im.is_array() || im.size() != 4 || !im[0].is_number_integer() || !im[1].is_string() ||
            !im[2].is_string() || !im[3].is_number_integer())
            return false;
        const Image image{im[0].get<int64_t>(), im[1].get<std::string>(), im[2].get<std::string>(),
                          im[3].get<int64_t>()};
        if (image.pk < 1 || image.sizeBytes < 0 || image.sizeBytes > kMaxBytes ||
            !s.images.emplace(image.pk, image).second)
            return false;
    }
    for (const Json& link : r.List(saved, "imageProjects")) {
        if (!link.is_array() || link.size() != 2 || !link[0].is_number_integer() || !link[1].is_array()) return false;
        std::vector<int64_t>& projects = s.imageProjects[link[0].get<int64_t>()];
        for (const Json& p : link[1]) {
            if (!p.is_number_integer()) return false;
            projects.push_back(p.get<int64_t>());
        }
    }
    for (const Json& j : r.List(saved, "jobs")) {
        s.jobs.push_back(
            TrainingJob{r.Text(j, "workspaceId"), r.Text(j, "id"), r.Int(j, "itemPk", 1), r.Text(j, "status")});
    }
    for (const Json& a : r.List(saved, "audit")) {
        AuditEvent event;
        event.pk = r.Int(a, "pk", 1);
        event.workspaceId = r.Text(a, "workspaceId");
        event.at = r.Int(a, "at");
        event.actorId = r.OptionalText(a, "actorId");
        event.actorName = r.OptionalText(a, "actorName");
        event.action = r.Text(a, "action");
        event.via = r.Text(a, "via");
        event.keyName = r.OptionalText(a, "keyName");
        event.type = r.OptionalText(a, "type");
        event.itemId = r.OptionalText(a, "itemId");
        event.name = r.OptionalText(a, "name");
        event.parentName = r.OptionalText(a, "parentName");
        event.slug = r.OptionalText(a, "slug");
        event.images = r.Int(a, "images", 0, INT64_MAX);
        event.bytes = r.Int(a, "bytes", 0, INT64_MAX);
        event.oldValue = r.OptionalInt(a, "oldValue");
        event.newValue = r.OptionalInt(a, "newValue");
        event.runId = r.Int(a, "runId", 0, INT64_MAX);
        event.runCount = r.Int(a, "runCount", 0, INT64_MAX);
        event.detail = r.Text(a, "detail");
        s.audit.push_back(std::move(event));
        if (s.audit.size() > 1 && s.audit.back().pk <= s.audit[s.audit.size() - 2].pk) return false;
    }
    for (const Json& x : r.List(saved, "sessions")) {
        s.sessions.push_back(
            Session{r.Text(x, "token"), r.Text(x, "userId"), r.Text(x, "csrf"), r.Int(x, "expiresAt", 0, INT64_MAX)});
    }
    return r.ok;
}

// Every reference the handlers follow without looking must lead somewhere.
bool Consistent(const State& s) {
    for (const User& user : s.users) {
        const Workspace* ws = FindWorkspace(s, user.workspaceId);
        if (ws == nullptr || FindRole(*ws, user.role) == nullptr) return false;
    }
    for (const auto& [pk, item] : s.items) {
        if (!IsType(item.type) || FindWorkspace(s, item.workspaceId) == nullptr) return false;
        if (IsChildType(item.type) != (item.parentPk != 0) || IsChildType(item.type) == item.url.has_value())
            return false;
        auto parent = s.items.find(item.parentPk);
        if (item.parentPk != 0 && (parent == s.items.end() || parent->second.type != "project" ||
                                   parent->second.workspaceId != item.workspaceId))
            return false;
        if (item.trashEvent != 0 && s.events.count(item.trashEvent) == 0) return false;
        if (item.trainedOnPk != 0 && s.items.count(item.trainedOnPk) == 0) return false;
    }
    for (const auto& [pk, event] : s.events) {
        if (FindWorkspace(s, event.workspaceId) == nullptr) return false;
    }
    for (const auto& [imagePk, projects] : s.imageProjects) {
        if (s.images.count(imagePk) == 0) return false;
        for (int64_t p : projects) {
            auto project = s.items.find(p);
            if (project == s.items.end() || project->second.type != "project") return false;
        }
    }
    for (const auto& [pk, image] : s.images) {
        if (FindWorkspace(s, image.workspaceId) == nullptr) return false;
    }
    for (const TrainingJob& job : s.jobs) {
        if (s.items.count(job.itemPk) == 0) return false;
    }
    for (const Session& session : s.sessions) {
        if (FindUser(s, session.userId) == nullptr || session.token.empty()) return false;
    }
    return true;
}

}  // namespace

std::string SaveState(const State& s) {
    Json saved{{"format", kFormat}, {"version", kVersion},      {"fixture", s.fixture},
               {"demo", s.demo},    {"bootNonce", s.bootNonce}, {"clockOffsetMs", s.clockOffsetMs},
               {"rng", s.rng}};
    Json& workspaces = saved["workspaces"] = Json::array();
    for (const Workspace& ws : s.workspaces) {
        Json roles = Json::array();
        for (const Role& role : ws.roles) roles.push_back(Json{{"name", role.name}, {"permissions", role.permissions}});
        workspaces.push_back(Json{{"id", ws.id},
                                  {"url", ws.url},
                                  {"name", ws.name},
                                  {"retentionDays", ws.retentionDays},
                                  {"quotaBytes", ws.quotaBytes},
                                  {"roles", std::move(roles)}});
    }
    Json& users = saved["users"] = Json::array();
    for (const User& u : s.users)
        users.push_back(Json{{"id", u.id},
                             {"workspaceId", u.workspaceId},
                             {"email", u.email},
                             {"name", u.name},
                             {"password", u.password},
                             {"role", u.role}});
    Json& items = saved["items"] = Json::array();
    for (const auto& [pk, i] : s.items)
        items.push_back(Json{{"pk", pk},
                             {"workspaceId", i.workspaceId},
                             {"type", i.type},
                             {"id", i.id},
                             {"parentPk", i.parentPk},
                             {"name", i.name},
                             {"url", Opt(i.url)},
                             {"ownerId", Opt(i.ownerId)},
                             {"sizeBytes", i.sizeBytes},
                             {"deployed", i.deployed},
                             {"cleanupDeleteImages", i.cleanupDeleteImages},
                             {"trashEvent", i.trashEvent},
                             {"trainedOnPk", i.trainedOnPk}});
    Json& events = saved["events"] = Json::array();
    for (const auto& [pk, e] : s.events)
        events.push_back(Json{{"pk", pk},
                              {"workspaceId", e.workspaceId},
                              {"rootPk", e.rootPk},
                              {"at", e.at},
                              {"actorId", Opt(e.actorId)},
                              {"via", e.via}});
    Json& images = saved["images"] = Json::array();
    for (const auto& [pk, im] : s.images) images.push_back(Json{pk, im.workspaceId, im.id, im.sizeBytes});
    Json& links = saved["imageProjects"] = Json::array();
    for (const auto& [pk, projects] : s.imageProjects) links.push_back(Json{pk, projects});
    Json& jobs = saved["jobs"] = Json::array();
    for (const TrainingJob& j : s.jobs)
        jobs.push_back(Json{{"workspaceId", j.workspaceId}, {"id", j.id}, {"itemPk", j.itemPk}, {"status", j.status}});
    Json& audit = saved["audit"] = Json::array();
    for (const AuditEvent& a : s.audit)
        audit.push_back(Json{{"pk", a.pk},
                             {"workspaceId", a.workspaceId},
                             {"at", a.at},
                             {"actorId", Opt(a.actorId)},
                             {"actorName", Opt(a.actorName)},
                             {"action", a.action},
                             {"via", a.via},
                             {"keyName", Opt(a.keyName)},
                             {"type", Opt(a.type)},
                             {"itemId", Opt(a.itemId)},
                             {"name", Opt(a.name)},
                             {"parentName", Opt(a.parentName)},
                             {"slug", Opt(a.slug)},
                             {"images", a.images},
                             {"bytes", a.bytes},
                             {"oldValue", OptInt(a.oldValue)},
                             {"newValue", OptInt(a.newValue)},
                             {"runId", a.runId},
                             {"runCount", a.runCount},
                             {"detail", a.detail}});
    Json& sessions = saved["sessions"] = Json::array();
    for (const Session& x : s.sessions)
        sessions.push_back(
            Json{{"token", x.token}, {"userId", x.userId}, {"csrf", x.csrf}, {"expiresAt", x.expiresAt}});
    return Dump(saved);
}

bool LoadState(std::string_view text, State* out) {
    const Json saved = Json::parse(text.begin(), text.end(), nullptr, false);
    if (saved.is_discarded() || !saved.is_object()) return false;
    auto format = saved.find("format");
    auto version = saved.find("version");
    if (format == saved.end() || *format != Json(kFormat) || version == saved.end() || *version != Json(kVersion))
        return false;
    Reader r;
    State s;
    s.fixture = r.Text(saved, "fixture");
    s.bootNonce = r.Text(saved, "bootNonce");
    s.clockOffsetMs = r.Int(saved, "clockOffsetMs", 0, 100 * 366 * kDayMs);
    const Json* rng = r.Field(saved, "rng");
    if (rng == nullptr || !rng->is_number_integer()) return false;
    s.rng = rng->get<uint64_t>();
    const Json* demo = r.Field(saved, "demo");
    if (demo == nullptr || !(demo->is_null() || demo->is_object())) return false;
    s.demo = *demo;
    if (!r.ok || !ReadRows(r, saved, s) || !Consistent(s)) return false;
    *out = std::move(s);
    return true;
}

}  // namespace demo
