// Decoders for the small JSON responses of the API (session, errors, restore/delete results,
// projects, demo info), read with nlohmann's SAX parser and never throwing: untrusted bodies
// come back as ParseError, and any error body becomes one message a person can read.
#pragma once

#include <cstdint>      // int64_t
#include <optional>     // the browser demo
#include <string>       // std::string
#include <string_view>  // bodies
#include <vector>       // lists

#include "core/project.h"     // Project
#include "core/result.h"      // ParseResult
#include "core/session.h"     // Session
#include "core/trash_item.h"  // ItemKey, ItemType

namespace trash {

// [SECTION] Session ("who am I", also the answer to sign-in)
ParseResult<Session> ParseSession(std::string_view body);

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
// An action's "listingVersion": {"before", "after"}: the listing's version on the server before
// and after it. A page still holding `before` applies the answer to its rows and takes `after`.
// Absent when the action changed the listing beyond its items (or from an older server).
struct ListingVersionChange {
    std::string before, after;
};
// {"restored":[{type,id,parentId?,url?}],"failed":[{type,id,parentId?,status,error}],
// "listingVersion"?}, or the single-item form {"restored":true,"type","id","parentId"?}.
struct RestoreResult {
    std::vector<RestoredItem> restored;
    std::vector<FailedItem> failed;
    std::optional<ListingVersionChange> listingVersion;
};
ParseResult<RestoreResult> ParseRestoreResult(std::string_view body);

// {"deleted":[{type,id,parentId?}...] | N, "freedBytes", "imagesDeleted", "listingVersion"?} for
// both permanent delete and Empty Trash; `deleted` is empty when the server sent a count.
struct PurgeResult {
    std::vector<ItemKey> deleted;
    int64_t deletedCount = 0;
    int64_t freedBytes = 0;
    int64_t imagesDeleted = 0;
    std::optional<ListingVersionChange> listingVersion;
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
    bool kept = true;    // "storage": "local" (kept across reloads) or "memory" (lost on reload)
    std::string notice;  // shown in the banner: "Saved demo data could not be read, ..."
    int64_t clockOffsetMs = 0;
};
struct DemoInfo {
    std::string workspace;      // its url
    std::string workspaceName;  // what people call it ("" from an older server: show the url)
    std::vector<DemoUser> users;
    std::vector<DemoApiKey> apiKeys;
    std::optional<BrowserDemo> browser;
};
ParseResult<DemoInfo> ParseDemoInfo(std::string_view body);

}  // namespace trash
