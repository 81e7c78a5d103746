// Seeding from a workspace fixture (README, "Workspace fixture format"), as serve.py's seed.py
// does: rows get their primary keys in the same order, and Trash entries are replayed oldest
// first through the real soft delete, so deletion events and the audit trail match serve.py's.
#include "demo/demo_state.h"

#include "core/iso_time.h"  // ParseIsoTime

#include <algorithm>  // std::stable_sort
#include <cstdio>     // std::snprintf

namespace demo {

namespace {

const std::vector<std::string> kReservedProjectSlugs = {"trash", "projects", "audit", "workflows", "datasets"};
const std::vector<std::string> kReservedWorkspaceSlugs = {"api", "assets", "static", "web", "build", "index.html"};
const std::vector<std::string> kJobStatuses = {"queued", "running", "succeeded", "failed", "cancelled"};

bool Contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Seeding stops at the first fixture error; its message names the offending place.
struct Seeder {
    State& state;
    int64_t now;
    std::string error;
    std::string wid;
    std::map<std::string, std::string> users;  // this workspace's user ids -> names
    std::map<std::string, int64_t> projects;   // this workspace's project ids -> pks

    bool Fail(std::string message) {
        if (error.empty()) error = std::move(message);
        return false;
    }

    const std::string* Text(const Json& obj, const char* key) {
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(key);
        return it != obj.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
    }

    bool NeedText(const Json& obj, const char* key, const std::string& where, std::string* out) {
        const std::string* value = Text(obj, key);
        if (value == nullptr) return Fail(where + ": " + key + " is required (str)");
        *out = *value;
        return true;
    }

    const Json* List(const Json& obj, const char* key) {
        static const Json kEmpty = Json::array();
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(key);
        if (it == obj.end()) return &kEmpty;
        return it->is_array() ? &*it : nullptr;
    }

    bool Integer(const Json& obj, const char* key, int64_t fallback, int64_t low, int64_t high, int64_t* out) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            *out = fallback;
            return true;
        }
        if (!it->is_number_integer()) return false;
        // nlohmann keeps non-negative integers as unsigned.
        if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) return false;
        const int64_t value = it->get<int64_t>();
        if (value < low || value > high) return false;
        *out = value;
        return true;
    }

    bool Workspace(const Json& ws);
    bool Roles(const Json& ws, demo::Workspace& out);
    bool Users(const Json& ws);
    int64_t Insert(const std::string& kind, const Json& entry, int64_t parentPk, const OptText& inheritedOwner);
    bool Top(const std::string& kind, const Json& entry);
    bool DeletedAt(const Json& entry, int64_t* at);
    bool Images(const Json& group);
};

bool Seeder::Roles(const Json& ws, demo::Workspace& out) {
    const Json* roles = List(ws, "roles");
    if (roles == nullptr || !ws.contains("roles")) return Fail(wid + ": roles is required (list)");
    for (const Json& role : *roles) {
        std::string name;
        if (!NeedText(role, "name", wid + " role", &name)) return false;
        Role parsed{name, {}};
        auto it = role.find("permissions");
        if (it != role.end() && it->is_string() && *it == "all") {
            parsed.permissions = kPermissions;
        } else if (it == role.end() || it->is_array()) {
            const Json listed = it == role.end() ? Json::array() : *it;
            for (const Json& p : listed) {
                if (!p.is_string() || !Contains(kPermissions, p.get<std::string>()))
                    return Fail(wid + " role " + name + ": unknown permissions");
            }
            for (const std::string& p : kPermissions) {
                if (std::find(listed.begin(), listed.end(), Json(p)) != listed.end()) parsed.permissions.push_back(p);
            }
        } else {
            return Fail(wid + " role " + name + ": permissions must be \"all\" or a list");
        }
        out.roles.push_back(std::move(parsed));
    }
    return true;
}

bool Seeder::Users(const Json& ws) {
    const Json* list = List(ws, "users");
    if (list == nullptr) return Fail(wid + ": users must be a list");
    const demo::Workspace& workspace = state.workspaces.back();
    for (const Json& entry : *list) {
        User user;
        user.workspaceId = wid;
        if (!NeedText(entry, "id", wid + " user", &user.id)) return false;
        const std::string* role = Text(entry, "role");
        if (role == nullptr || FindRole(workspace, *role) == nullptr)
            return Fail(wid + " user " + user.id + ": unknown role");
        user.role = *role;
        if (!NeedText(entry, "password", user.id, &user.password) || !NeedText(entry, "email", user.id, &user.email) ||
            !NeedText(entry, "name", user.id, &user.name))
            return false;
        for (const User& other : state.users) {
            if (other.id == user.id || LowerAscii(other.email) == LowerAscii(user.email))
                return Fail(user.id + ": the id or email is taken");
        }
        users[user.id] = user.name;
        if (state.demo.is_object()) {
            state.demo["users"].push_back(Json{{"email", user.email},
                                               {"name", user.name},
                                               {"role", user.role},
                                               {"password", user.password},
                                               {"workspace", workspace.url}});
        }
        state.users.push_back(std::move(user));
    }
    return true;
}

int64_t Seeder::Insert(const std::string& kind, const Json& entry, int64_t parentPk, const OptText& inheritedOwner) {
    const std::string idText = Text(entry, "id") ? *Text(entry, "id") : "None";
    const std::string where = kind + " " + idText;
    Item item;
    item.workspaceId = wid;
    item.type = kind;
    item.parentPk = parentPk;
    if (!entry.is_object()) return Fail(where + ": must be an object"), 0;
    if (!Integer(entry, "sizeBytes", 0, 0, INT64_MAX, &item.sizeBytes))
        return Fail(where + ": sizeBytes must be a non-negative integer"), 0;
    if (!IsChildType(kind)) {
        const std::string* url = Text(entry, "url");
        if (url == nullptr) return Fail(where + ": url is required"), 0;
        if (kind == "project" && Contains(kReservedProjectSlugs, *url))
            return Fail(where + ": the url " + PyRepr(*url) + " is reserved"), 0;
        item.url = *url;
    }
    item.ownerId = inheritedOwner;
    if (entry.contains("owner")) {
        const std::string* owner = Text(entry, "owner");
        if (owner == nullptr && !entry["owner"].is_null()) return Fail(where + ": unknown owner"), 0;
        item.ownerId = owner ? OptText(*owner) : std::nullopt;
    }
    if (item.ownerId && users.count(*item.ownerId) == 0) return Fail(where + ": unknown owner " + *item.ownerId), 0;
    if (!NeedText(entry, "id", kind, &item.id) || !NeedText(entry, "name", where, &item.name)) return 0;
    for (const auto& [pk, other] : state.items) {
        if (other.workspaceId == wid && other.type == kind && other.parentPk == parentPk && other.id == item.id)
            return Fail(where + ": the id is taken"), 0;
    }
    auto deployed = entry.find("deployed");
    item.deployed = deployed != entry.end() && deployed->is_boolean() && deployed->get<bool>();
    item.pk = state.items.empty() ? 1 : state.items.rbegin()->first + 1;
    const Json* jobs = List(entry, "trainingJobs");
    if (jobs == nullptr) return Fail(where + ": trainingJobs must be a list"), 0;
    for (const Json& job : *jobs) {
        const std::string* status = Text(job, "status");
        const std::string* jobId = Text(job, "id");
        if (status == nullptr || !Contains(kJobStatuses, *status))
            return Fail(where + ": training job status must be one of queued, running, succeeded, failed, cancelled"),
                   0;
        if (jobId == nullptr) return Fail(where + " job: id is required (str)"), 0;
        state.jobs.push_back(TrainingJob{wid, *jobId, item.pk, *status});
    }
    const int64_t pk = item.pk;
    state.items.emplace(pk, std::move(item));
    return pk;
}

bool Seeder::DeletedAt(const Json& entry, int64_t* at) {
    const Json& trash = entry["trash"];
    if (trash.contains("deletedAt")) {
        const std::string* text = Text(trash, "deletedAt");
        const auto parsed = text ? trash::ParseIsoTime(*text) : std::nullopt;
        if (!parsed) return Fail(*Text(entry, "id") + ": trash.deletedAt is not an ISO 8601 time");
        *at = *parsed;
        return true;
    }
    auto days = trash.find("deletedDaysAgo");
    if (days == trash.end() || !days->is_number() || days->get<double>() < 0 || days->get<double>() > 1e6)
        return Fail(*Text(entry, "id") + ": trash needs deletedDaysAgo (a number >= 0) or deletedAt");
    // serve.py: now - int(days * DAY_MS), the product exact for integers and a double otherwise.
    *at = days->is_number_integer() ? now - days->get<int64_t>() * kDayMs
                                    : now - static_cast<int64_t>(days->get<double>() * static_cast<double>(kDayMs));
    return true;
}

bool Seeder::Top(const std::string& kind, const Json& entry) {
    const int64_t pk = Insert(kind, entry, 0, std::nullopt);
    if (pk == 0) return false;
    std::vector<std::pair<const Json*, int64_t>> pending = {{&entry, pk}};
    if (kind == "project") {
        projects[state.items[pk].id] = pk;
        const OptText owner = state.items[pk].ownerId;
        std::map<std::string, int64_t> versions;
        const Json* versionList = List(entry, "versions");
        const Json* modelList = List(entry, "models");
        if (versionList == nullptr || modelList == nullptr)
            return Fail("project " + state.items[pk].id + ": bad children");
        for (const Json& version : *versionList) {
            const int64_t vpk = Insert("version", version, pk, owner);
            if (vpk == 0) return false;
            versions[state.items[vpk].id] = vpk;
            pending.emplace_back(&version, vpk);
        }
        for (const Json& model : *modelList) {
            const int64_t mpk = Insert("model", model, pk, owner);
            if (mpk == 0) return false;
            auto trained = model.find("trainedOn");
            if (trained != model.end() && !trained->is_null()) {
                if (!trained->is_string() || versions.count(trained->get<std::string>()) == 0)
                    return Fail("model " + state.items[mpk].id + ": trainedOn is not a version of its project");
                state.items[mpk].trainedOnPk = versions[trained->get<std::string>()];
            }
            pending.emplace_back(&model, mpk);
        }
    }
    std::vector<std::pair<int64_t, std::pair<const Json*, int64_t>>> trashes;
    for (const auto& [e, p] : pending) {
        if (!e->contains("trash")) continue;
        if (!(*e)["trash"].is_object()) return Fail(state.items[p].id + ": trash must be an object");
        int64_t at = 0;
        if (!DeletedAt(*e, &at)) return false;
        trashes.push_back({at, {e, p}});
    }
    std::stable_sort(trashes.begin(), trashes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [at, ref] : trashes) {
        const Json& trash = (*ref.first)["trash"];
        const std::string* by = Text(trash, "by");
        if (trash.contains("by") && !trash["by"].is_null() && (by == nullptr || users.count(*by) == 0))
            return Fail(state.items[ref.second].id + ": trash.by is not a user");
        Actor actor{by ? OptText(*by) : std::nullopt, by ? users[*by] : "API key", by ? "web" : "api"};
        if (const std::string* via = Text(trash, "via"))
            actor.via = *via == "ui" ? "web" : *via;  // "ui": before issue 14
        auto flag = trash.find("deleteImages");
        const bool deleteImages = flag != trash.end() && flag->is_boolean() && flag->get<bool>();
        SoftDelete(state, state.items[ref.second], actor, at, deleteImages);
    }
    return true;
}

bool Seeder::Images(const Json& group) {
    std::string prefix;
    if (!NeedText(group, "prefix", "image group", &prefix)) return false;
    const Json* listed = List(group, "projects");
    if (listed == nullptr || !group.contains("projects")) return Fail(prefix + ": projects is required (list)");
    std::vector<int64_t> pks;
    for (const Json& p : *listed) {
        if (!p.is_string() || projects.count(p.get<std::string>()) == 0)
            return Fail("image group " + prefix + ": unknown project");
        pks.push_back(projects[p.get<std::string>()]);
    }
    int64_t count = 0, each = 0;
    if (!group.contains("count") || !Integer(group, "count", 0, 0, 10000000, &count))
        return Fail(prefix + ": count is required (int)");
    if (!Integer(group, "bytesEach", 0, 0, INT64_MAX, &each)) return Fail(prefix + ": bytesEach must be an integer");
    for (int64_t n = 0; n < count; ++n) {
        char id[32];
        std::snprintf(id, sizeof id, "-%05lld", static_cast<long long>(n + 1));
        const int64_t pk = state.images.empty() ? 1 : state.images.rbegin()->first + 1;
        state.images.emplace(pk, Image{pk, wid, prefix + id, each});
        std::vector<int64_t>& users_of = state.imageProjects[pk];
        for (int64_t project : pks) {
            if (std::find(users_of.begin(), users_of.end(), project) == users_of.end()) users_of.push_back(project);
        }
    }
    return true;
}

bool Seeder::Workspace(const Json& ws) {
    demo::Workspace out;
    if (!NeedText(ws, "id", "workspace", &out.id)) return false;
    wid = out.id;
    users.clear();
    projects.clear();
    if (!NeedText(ws, "url", wid, &out.url) || !NeedText(ws, "name", wid, &out.name)) return false;
    if (Contains(kReservedWorkspaceSlugs, out.url)) return Fail(wid + ": the url " + PyRepr(out.url) + " is reserved");
    for (const demo::Workspace& other : state.workspaces) {
        if (other.id == out.id || other.url == out.url) return Fail(wid + ": the id or url is taken");
    }
    if (!Integer(ws, "retentionDays", 30, 1, 90, &out.retentionDays))
        return Fail(wid + ": retentionDays must be an integer from 1 to 90");
    if (!Integer(ws, "quotaBytes", 0, 0, INT64_MAX, &out.quotaBytes))
        return Fail(wid + ": quotaBytes must be a non-negative integer");
    if (!Roles(ws, out)) return false;
    state.workspaces.push_back(std::move(out));
    if (state.demo.is_object() && state.demo["workspace"].is_null()) {  // the sign-in screen names it, by its name
        state.demo["workspace"] = state.workspaces.back().url;
        state.demo["workspaceName"] = state.workspaces.back().name;
    }
    if (!Users(ws)) return false;
    // Trashed items first: an active item may since have taken a trashed one's slug.
    for (const char* plural : {"projects", "datasets", "workflows"}) {
        const std::string kind = std::string(plural).substr(0, std::string(plural).size() - 1);
        const Json* entries = List(ws, plural);
        if (entries == nullptr) return Fail(wid + ": " + plural + " must be a list");
        std::vector<const Json*> order;
        for (const Json& e : *entries) order.push_back(&e);
        std::stable_sort(order.begin(), order.end(), [](const Json* a, const Json* b) {
            return (a->is_object() && a->contains("trash")) > (b->is_object() && b->contains("trash"));
        });
        for (const Json* entry : order) {
            if (!Top(kind, *entry)) return false;
        }
    }
    const Json* groups = List(ws, "imageGroups");
    if (groups == nullptr) return Fail(wid + ": imageGroups must be a list");
    for (const Json& group : *groups) {
        if (!Images(group)) return false;
    }
    return true;
}

}  // namespace

bool SeedState(State& state, const std::string& fixtureText, int64_t nowMs, std::string* error) {
    const Json fixture = Json::parse(fixtureText, nullptr, false);
    auto fail = [&](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    if (fixture.is_discarded() || !fixture.is_object()) return fail("fixture: not a JSON object");
    auto format = fixture.find("format");
    if (format == fixture.end() || !format->is_number_integer() || format->get<int64_t>() != 1)
        return fail("fixture: format must be 1");
    auto workspaces = fixture.find("workspaces");
    if (workspaces == fixture.end() || !workspaces->is_array()) return fail("fixture: workspaces is required (list)");
    State fresh;
    fresh.fixture = fixtureText;
    // A reseed at the same millisecond must still get a new boot nonce, or a listing version from
    // before a Reset could match the new Trash's.
    fresh.rng = static_cast<uint64_t>(nowMs) ^ 0x5DEECE66DULL ^ (state.rng == 0 ? 0 : NextRandom(state));
    auto demoFlag = fixture.find("demo");
    if (demoFlag != fixture.end() && demoFlag->is_boolean() && demoFlag->get<bool>())
        fresh.demo = Json{
            {"workspace", nullptr}, {"workspaceName", nullptr}, {"users", Json::array()}, {"apiKeys", Json::array()}};
    Seeder seeder{fresh, nowMs, "", "", {}, {}};
    for (const Json& ws : *workspaces) {
        if (!ws.is_object()) return fail("fixture: each workspace must be an object");
        if (!seeder.Workspace(ws)) return fail(seeder.error);
    }
    fresh.bootNonce = RandomToken(fresh, 8);
    fresh.storage = state.storage;
    fresh.notice = state.notice;
    state = std::move(fresh);
    return true;
}

}  // namespace demo
