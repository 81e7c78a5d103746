// Decoders for the small JSON responses of the API (session, errors, restore/delete results,
// projects, demo info), read with nlohmann's SAX parser and never throwing: untrusted bodies
// come back as ParseError, and any error body becomes one message a person can read.
#pragma once

#include <cstdint>      // int64_t
#include <optional>     // a session before sign-in, the browser demo
#include <string>       // std::string
#include <string_view>  // bodies
#include <vector>       // lists

#include "core/result.h"      // ParseResult
#include "core/trash_item.h"  // ItemKey, ItemType

namespace trash {

// [SECTION] Session ("who am I", also the answer to sign-in)
struct User {
    std::string id, name, email;
};
struct Role {
    std::string name;
    std::vector<std::string> permissions;
};
// Days an item stays in Trash when the workspace has not said otherwise (a setting of 1-90).
inline constexpr int kDefaultRetentionDays = 30;
struct Workspace {
    std::string id, url, name;
    int retentionDays = kDefaultRetentionDays;
};
struct Storage {
    int64_t usedBytes = 0, trashBytes = 0, quotaBytes = 0;  // quota 0: no quota
};
struct Session {
    User user;
    Role role;
    Workspace workspace;
    Storage storage;
    std::string csrfToken;  // sent as X-CSRF-Token on state-changing requests
};
ParseResult<Session> ParseSession(std::string_view body);
// The signed-in workspace's retention, else the default (before sign-in).
inline int RetentionDaysOf(const std::optional<Session>& session) {
    return session ? session->workspace.retentionDays : kDefaultRetentionDays;
}

// [SECTION] Errors
// The message to show for a failed request: the body's "error" when it is JSON like
// {"error":"..."}, else a sentence for the status ("The server could not be reached" for 0,
// "The server had a problem (HTTP 502)" for an HTML page from a proxy, ...).
std::string ErrorMessageFromResponse(int status, std::string_view body);
bool IsSuccess(int status);  // 2xx

// [SECTION] Restore, permanent delete, Empty Trash results
struct RestoredItem {
    ItemKey key;
    std::string url;  // may differ from before: a taken slug is restored under a new one
};
struct FailedItem {
    ItemKey key;
    int status = 0;
    std::string error;
};
// {"restored":[{type,id,parentId?,url?}],"failed":[{type,id,parentId?,status,error}]}, or the
// single-item form {"restored":true,"type","id","parentId"?}.
struct RestoreResult {
    std::vector<RestoredItem> restored;
    std::vector<FailedItem> failed;
};
ParseResult<RestoreResult> ParseRestoreResult(std::string_view body);

// {"deleted":[{type,id,parentId?}...] | N, "freedBytes", "imagesDeleted"} for both permanent
// delete and Empty Trash; `deleted` is empty when the server sent a count.
struct PurgeResult {
    std::vector<ItemKey> deleted;
    int64_t deletedCount = 0;
    int64_t freedBytes = 0;
    int64_t imagesDeleted = 0;
};
ParseResult<PurgeResult> ParsePurgeResult(std::string_view body);

// The in-browser demo's cleanup run: {"purged", "freedBytes", "imagesDeleted"}.
struct CleanupRun {
    int64_t purged = 0;
    int64_t freedBytes = 0;
    int64_t imagesDeleted = 0;
};
ParseResult<CleanupRun> ParseCleanupRun(std::string_view body);

// [SECTION] Projects page
struct Project {
    std::string id, name, url, ownerId, ownerName;
    int64_t versionCount = 0, modelCount = 0;
    int64_t imageCount = 0, exclusiveImageCount = 0, sizeBytes = 0;
};
ParseResult<std::vector<Project>> ParseProjects(std::string_view body);  // {"projects":[...]}

// [SECTION] Demo info for the sign-in screen
struct DemoUser {
    std::string email, name, role, password;
};
struct DemoApiKey {
    std::string name, key;
    std::vector<std::string> scopes;
};
// An in-browser demo workspace (static hosting) says so, with where it keeps its changes and how
// far time travel has moved its clock; serve.py never sends this.
struct BrowserDemo {
    bool kept = true;     // "storage": "local" (kept across reloads) or "memory" (lost on reload)
    std::string notice;   // shown in the banner: "Saved demo data could not be read, ..."
    int64_t clockOffsetMs = 0;
};
struct DemoInfo {
    std::string workspace;
    std::vector<DemoUser> users;
    std::vector<DemoApiKey> apiKeys;
    std::optional<BrowserDemo> browser;
};
ParseResult<DemoInfo> ParseDemoInfo(std::string_view body);

}  // namespace trash
