// The demo backend's state, shaped like serve.py's SQLite tables (items, deletion_events, images,
// project_images, training_jobs, audit_events, sessions), and the internal functions that work on
// it: seeding, the domain rules, the listing, the routes and save/load. Internal to src/demo.
#pragma once

#include "demo/demo_backend.h"

#include <cstdint>     // int64_t
#include <functional>  // std::function
#include <map>         // rows by primary key, in key order as SQLite scans them
#include <optional>    // nullable columns
#include <string>      // std::string
#include <vector>      // std::vector

#include <nlohmann/json.hpp>  // request and answer bodies, fixture, saved state

namespace demo {

// Ordered, so answers keep serve.py's field order.
using Json = nlohmann::ordered_json;
using OptText = std::optional<std::string>;

inline constexpr int64_t kDayMs = 86400LL * 1000;
inline constexpr int64_t kSessionLifetimeMs = 12LL * 3600 * 1000;
inline constexpr size_t kMaxBodyBytes = 1u << 20;

extern const std::vector<std::string> kPermissions;  // serve.py's PERMISSIONS, in its order
extern const std::vector<std::string> kTypes;        // project, version, model, dataset, workflow

struct Role {
    std::string name;
    std::vector<std::string> permissions;  // in kPermissions order
};

struct Workspace {
    std::string id, url, name;
    int64_t retentionDays = 30;
    int64_t quotaBytes = 0;
    std::vector<Role> roles;
};

struct User {
    std::string id, workspaceId, email, name, password;
    std::string role;  // a role name of its workspace
};

struct Item {
    int64_t pk = 0;
    std::string workspaceId, type, id;
    int64_t parentPk = 0;  // 0: none (serve.py's NULL)
    std::string name;
    OptText url, ownerId;
    int64_t sizeBytes = 0;
    bool deployed = false;
    bool cleanupDeleteImages = false;
    int64_t trashEvent = 0;  // 0: active
    int64_t trainedOnPk = 0;
};

struct DeletionEvent {
    int64_t pk = 0;
    std::string workspaceId;
    int64_t rootPk = 0, at = 0;
    OptText actorId;
    std::string via;
};

struct Image {
    int64_t pk = 0;
    std::string workspaceId, id;
    int64_t sizeBytes = 0;
};

struct TrainingJob {
    std::string workspaceId, id;
    int64_t itemPk = 0;
    std::string status;
};

struct AuditEvent {
    int64_t pk = 0;
    std::string workspaceId;
    int64_t at = 0;
    OptText actorId, actorName;
    std::string action, via;
    OptText keyName;  // the API key's name when via is "api" (never in the demo, which has no keys)
    OptText type, itemId, name;
    OptText parentName, slug;
    int64_t images = 0, bytes = 0;
    std::optional<int64_t> oldValue, newValue;
    int64_t runId = 0;     // a run's member: its summary's pk (0: none)
    int64_t runCount = 0;  // a run's summary: its members
    std::string detail;
};

struct Session {
    std::string token, userId, csrf;
    int64_t expiresAt = 0;
};

// Who acts: a user through the web page, or the retention cleanup.
struct Actor {
    OptText id;
    std::string name;
    std::string via;  // "web", "api" or "cleanup"
};

// A failure with serve.py's status and message (status 0: none). extra joins the error body.
struct ApiError {
    int status = 0;
    std::string message;
    Json extra = Json::object();
    explicit operator bool() const { return status != 0; }
};

// Backend::State derives from this (its name is private to Backend).
struct DemoState {
    std::string fixture;  // the text seeded from, so Reset works after a reload
    std::vector<Workspace> workspaces;
    std::vector<User> users;
    std::map<int64_t, Item> items;
    std::map<int64_t, DeletionEvent> events;
    std::map<int64_t, Image> images;
    std::map<int64_t, std::vector<int64_t>> imageProjects;  // image pk -> project pks using it
    std::vector<TrainingJob> jobs;
    std::vector<AuditEvent> audit;
    std::vector<Session> sessions;
    Json demo;              // GET /api/demo's answer; null when the fixture is not a demo
    std::string bootNonce;  // listing versions of one seeding never match another's
    int64_t clockOffsetMs = 0;
    uint64_t rng = 0;
    StorageMode storage = StorageMode::Local;
    std::string notice;
};
using State = DemoState;

// [SECTION] Helpers (demo_util.cpp)
uint64_t NextRandom(State& state);
std::string RandomToken(State& state, size_t length);  // base64url characters
std::string Iso(int64_t ms);
std::string Dump(const Json& value);  // compact, invalid UTF-8 replaced, never aborts
std::string LowerAscii(std::string text);
std::string Utf8Prefix(const std::string& text, size_t codePoints);
std::string PyRepr(const std::string& text);  // Python's repr of a str, for error messages
bool IsChildType(const std::string& type);
bool IsType(const std::string& type);
const Workspace* FindWorkspace(const State& state, const std::string& id);
Workspace* FindWorkspace(State& state, const std::string& id);
const User* FindUser(const State& state, const std::string& id);
const Role* FindRole(const Workspace& ws, const std::string& name);

// [SECTION] Seeding (demo_seed.cpp)
bool SeedState(State& state, const std::string& fixtureText, int64_t nowMs, std::string* error);

std::string Base64Url(const std::string& bytes);                  // unpadded, as Python's urlsafe_b64encode
bool FromBase64Url(const std::string& text, std::string* bytes);  // false: not base64url

// [SECTION] Domain rules (demo_domain.cpp, demo_purge.cpp)
// Appends an audit event (a version's or model's names its project) and answers it, so the caller
// can set the other fields (slug, images, bytes, values, run).
AuditEvent& AddAudit(State& state, const std::string& workspaceId, const Actor& actor, const std::string& action,
                     int64_t now, const Item* item = nullptr, std::string detail = "");
Item* FindItem(State& state, const std::string& workspaceId, const std::string& type, const std::string& id,
               const std::string* parentId, std::optional<bool> inTrash);
Item* FindActiveByUrl(State& state, const std::string& workspaceId, const std::string& type, const std::string& url);
Item* FindActiveChild(State& state, const Item& parent, const std::string& type, const std::string& id);
std::string Describe(const std::string& type, const std::string& id, const std::string* parentId);
void SoftDelete(State& state, Item& item, const Actor& actor, int64_t now, bool deleteImages);
// Restores one item; on success fills *result ({"type","id"[,"url"]}).
ApiError Restore(State& state, const std::string& workspaceId, const std::string& type, const std::string& id,
                 const std::string* parentId, const Actor& actor, int64_t now, Json* result);
// Restore All: serve.py's restore_all, ending where one-by-one restores parents first would.
// refusal(type) is the error a restore of that type would give this caller, or none.
void RestoreAll(State& state, const std::string& workspaceId, const Actor& actor, int64_t now,
                const std::function<ApiError(const std::string&)>& refusal, Json* restored, Json* failed);
std::vector<int64_t> TrashRoots(const State& state, const std::string& workspaceId);
std::vector<std::pair<int64_t, int64_t>> ExclusiveImages(const State& state, int64_t projectPk);  // (pk, bytes)
struct PurgeResult {
    int64_t freedBytes = 0, imagesDeleted = 0;
};
// Each item's audit event is a "delete" ("cleanup" for the cleanup), a member of run runId if not 0.
std::vector<PurgeResult> Purge(State& state, const std::vector<int64_t>& itemPks, const Actor& actor, int64_t now,
                               int64_t runId = 0);
// Purges items as one run (serve.py's purge_run): makes the summary event `action` when *runId is 0,
// else grows it; members carry its pk.
std::vector<PurgeResult> PurgeRun(State& state, const std::string& workspaceId, const std::vector<int64_t>& itemPks,
                                  const Actor& actor, int64_t now, const std::string& action, int64_t* runId);
// Whether purging these Trash rows changes the listing by exactly them and their children
// (domain.py's purge_changes_only).
bool PurgeChangesOnly(const State& state, const std::vector<int64_t>& itemPks);
Json Storage(const State& state, const Workspace& ws);
Json ActiveProjects(const State& state, const std::string& workspaceId);
CleanupResult Cleanup(State& state, int64_t now);

// [SECTION] Listing (demo_listing.cpp)
using Query = std::map<std::string, std::string>;
std::string ListingVersion(const State& state, const Workspace& ws);
// GET /:ws/trash's body, or an error.
ApiError WorkspaceListing(const State& state, const Workspace& ws, const Query& query, int64_t now, Json* out);
ApiError ParseIntParam(const Query& query, const std::string& name, int64_t fallback, int64_t low, int64_t high,
                       int64_t* out);
struct TrashRowFigure {
    int64_t deletedAt = 0, sizeBytes = 0;
};
std::vector<TrashRowFigure> TrashRowFigures(const State& state, const Workspace& ws);  // every row, sized as listed

// [SECTION] Save and load (demo_save.cpp)
std::string SaveState(const State& state);
bool LoadState(std::string_view text, State* out);

}  // namespace demo
