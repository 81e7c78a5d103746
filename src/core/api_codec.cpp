// Decoders for the API's small responses. A body is read into a small tree (json_tree.h) and every
// field through a Reader that checks the value's kind first: the web build has no exception
// support, so nothing here may throw. The first wrong field becomes a ParseError naming its path
// ("user.id must be a string").
#include "core/api_codec.h"

#include <algorithm>  // std::clamp
#include <cstdint>    // int64_t
#include <limits>     // number clamping

#include "core/json_tree.h"  // ParseTree, Reader, Decode
#include "core/text.h"       // Concat

namespace trash {

namespace {
using namespace json_tree;

// {"type","id","parentId"?} at `path`; ids may arrive as numbers.
ItemKey KeyFrom(Reader& r, const Node& object, const char* path) {
    ItemKey key;
    key.type = ItemTypeFromName(r.String(object, path, "type"));
    key.id = r.Id(object, path, "id", Need::Required);
    if (IsChildType(key.type)) key.parentId = r.Id(object, path, "parentId", Need::Optional);
    return key;
}
}  // namespace

// [SECTION] Session

ParseResult<Session> ParseSession(std::string_view body) {
    return Decode<Session>(body, "session", [](Reader& r, const Node& j) {
        Session session;
        if (const Node* user = r.Object(j, "", "user", Need::Required)) {
            session.user.id = r.String(*user, "user", "id", Need::Required);
            session.user.name = r.String(*user, "user", "name");
            session.user.email = r.String(*user, "user", "email");
        }
        if (const Node* role = r.Object(j, "", "role", Need::Optional)) {
            session.role.name = r.String(*role, "role", "name");
            session.role.permissions = r.Strings(*role, "role", "permissions");
        }
        if (const Node* workspace = r.Object(j, "", "workspace", Need::Required)) {
            Workspace& w = session.workspace;
            w.url = r.String(*workspace, "workspace", "url", Need::Required);
            w.id = r.String(*workspace, "workspace", "id");
            w.name = r.String(*workspace, "workspace", "name", Need::Optional, w.url.c_str());
            const int64_t days = r.Number(*workspace, "workspace", "retentionDays", w.retentionDays);
            w.retentionDays = static_cast<int>(
                std::clamp<int64_t>(days, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        }
        if (const Node* storage = r.Object(j, "", "storage", Need::Optional)) {
            session.storage.usedBytes = r.Number(*storage, "storage", "usedBytes");
            session.storage.trashBytes = r.Number(*storage, "storage", "trashBytes");
            session.storage.quotaBytes = r.Number(*storage, "storage", "quotaBytes");
        }
        session.csrfToken = r.String(j, "", "csrfToken");
        return session;
    });
}

// [SECTION] Errors

bool IsSuccess(int status) { return status >= 200 && status < 300; }

std::string ErrorMessageFromResponse(int status, std::string_view body) {
    if (status == 0) return "The server could not be reached";
    const std::vector<Node> nodes = ParseTree(body);
    if (!nodes.empty()) {  // empty for an invalid body
        Reader reader("error", nodes);
        const Node* error = reader.Find(nodes[0], "", "error", Need::Optional);
        if (error && error->kind == Node::String && !error->text.empty()) return error->text;
    }
    switch (status) {
    case 400: return "The server rejected the request (HTTP 400)";
    case 401: return "Your session has expired: sign in again";
    case 403: return "You are not allowed to do that (HTTP 403)";
    case 404: return "Not found (HTTP 404)";
    case 409: return "The request conflicts with the current state (HTTP 409)";
    case 413: return "The request is too large (HTTP 413)";
    default: break;
    }
    if (status >= 500) return Concat("The server had a problem (HTTP ", std::to_string(status), ")");
    if (IsSuccess(status)) return "The server sent a response the page could not read";
    return Concat("The request failed (HTTP ", std::to_string(status), ")");
}

// [SECTION] Restore, permanent delete, Empty Trash results

namespace {
std::optional<ListingVersionChange> ReadListingVersion(Reader& r, const Node& j) {
    const Node* change = r.Object(j, "", "listingVersion", Need::Optional);
    if (!change) return std::nullopt;
    ListingVersionChange versions{r.String(*change, "listingVersion", "before"),
                                  r.String(*change, "listingVersion", "after")};
    if (versions.before.empty() || versions.after.empty()) return std::nullopt;
    return versions;
}
}  // namespace

ParseResult<RestoreResult> ParseRestoreResult(std::string_view body) {
    return Decode<RestoreResult>(body, "restore result", [](Reader& r, const Node& j) {
        RestoreResult result;
        const Node* restored = r.Find(j, "", "restored", Need::Required);
        if (restored && restored->kind == Node::Bool) {  // the single-item form
            if (restored->boolean) result.restored.push_back({KeyFrom(r, j, ""), r.String(j, "", "url")});
            return result;
        }
        if (restored && restored->kind == Node::Array) {
            r.ForEach(*restored, [&](const Node& item, size_t i) {
                const std::string where = Index("restored", i);
                const char* path = where.c_str();
                if (r.IsObject(item, path))
                    result.restored.push_back({KeyFrom(r, item, path), r.String(item, path, "url")});
            });
        } else if (restored) {
            r.Fail("restored must be an array or true/false");
        }
        if (const Node* failed = r.Array(j, "", "failed", Need::Optional))
            r.ForEach(*failed, [&](const Node& item, size_t i) {
                const std::string where = Index("failed", i);
                const char* path = where.c_str();
                if (!r.IsObject(item, path)) return;
                result.failed.push_back({KeyFrom(r, item, path), static_cast<int>(r.Number(item, path, "status")),
                                         r.String(item, path, "error", Need::Optional, "Could not be restored")});
            });
        result.listingVersion = ReadListingVersion(r, j);
        return result;
    });
}

ParseResult<PurgeResult> ParsePurgeResult(std::string_view body) {
    return Decode<PurgeResult>(body, "deletion result", [](Reader& r, const Node& j) {
        PurgeResult result;
        const Node* deleted = r.Find(j, "", "deleted", Need::Required);
        if (deleted && deleted->isNumber()) {
            result.deletedCount = ToInt64(*deleted);
        } else if (deleted && deleted->kind == Node::Array) {
            r.ForEach(*deleted, [&](const Node& item, size_t i) {
                const std::string where = Index("deleted", i);
                const char* path = where.c_str();
                if (r.IsObject(item, path)) result.deleted.push_back(KeyFrom(r, item, path));
            });
            result.deletedCount = static_cast<int64_t>(result.deleted.size());
        } else if (deleted) {
            r.Fail("deleted must be an array or a count");
        }
        result.freedBytes = r.Number(j, "", "freedBytes");
        result.imagesDeleted = r.Number(j, "", "imagesDeleted");
        result.listingVersion = ReadListingVersion(r, j);
        return result;
    });
}

// [SECTION] Projects page

ParseResult<std::vector<Project>> ParseProjects(std::string_view body) {
    return Decode<std::vector<Project>>(body, "projects list", [](Reader& r, const Node& j) {
        std::vector<Project> projects;
        const Node* list = r.Array(j, "", "projects", Need::Required);
        if (!list) return projects;
        projects.reserve(list->size);
        r.ForEach(*list, [&](const Node& item, size_t i) {
            const std::string where = Index("projects", i);
            const char* path = where.c_str();
            if (!r.IsObject(item, path)) return;
            Project p;
            p.id = r.String(item, path, "id", Need::Required);
            p.url = r.String(item, path, "url", Need::Required);
            p.name = r.String(item, path, "name", Need::Optional, p.url.c_str());
            p.ownerId = r.String(item, path, "ownerId");
            p.ownerName = r.String(item, path, "ownerName");
            p.versionCount = r.Number(item, path, "versionCount");
            p.modelCount = r.Number(item, path, "modelCount");
            p.imageCount = r.Number(item, path, "imageCount");
            p.exclusiveImageCount = r.Number(item, path, "exclusiveImageCount");
            p.sizeBytes = r.Number(item, path, "sizeBytes");
            projects.push_back(std::move(p));
        });
        return projects;
    });
}

// [SECTION] Demo info

ParseResult<CleanupRun> ParseCleanupRun(std::string_view body) {
    return Decode<CleanupRun>(body, "cleanup result", [](Reader& r, const Node& j) {
        CleanupRun run;
        run.purged = r.Number(j, "", "purged");
        run.freedBytes = r.Number(j, "", "freedBytes");
        run.imagesDeleted = r.Number(j, "", "imagesDeleted");
        return run;
    });
}

ParseResult<DemoInfo> ParseDemoInfo(std::string_view body) {
    return Decode<DemoInfo>(body, "demo info", [](Reader& r, const Node& j) {
        DemoInfo demo;
        demo.workspace = r.String(j, "", "workspace");
        demo.workspaceName = r.String(j, "", "workspaceName");
        if (const Node* users = r.Array(j, "", "users", Need::Optional))
            r.ForEach(*users, [&](const Node& item, size_t i) {
                const std::string where = Index("users", i);
                const char* path = where.c_str();
                if (!r.IsObject(item, path)) return;
                DemoUser user;
                user.email = r.String(item, path, "email", Need::Required);
                user.name = r.String(item, path, "name");
                user.role = r.String(item, path, "role");
                user.password = r.String(item, path, "password");
                demo.users.push_back(std::move(user));
            });
        if (const Node* keys = r.Array(j, "", "apiKeys", Need::Optional))
            r.ForEach(*keys, [&](const Node& item, size_t i) {
                const std::string where = Index("apiKeys", i);
                const char* path = where.c_str();
                DemoApiKey key;
                if (item.kind == Node::String) {  // a bare key
                    key.key = item.text;
                } else if (item.kind == Node::Object) {
                    key.key = r.String(item, path, "key", Need::Required);
                    key.name = r.String(item, path, "name");
                    key.scopes = r.Strings(item, path, "scopes");
                } else {
                    r.Fail(Concat(path, " must be a string or an object"));
                    return;
                }
                demo.apiKeys.push_back(std::move(key));
            });
        if (const Node* browser = r.Object(j, "", "browser", Need::Optional)) {
            BrowserDemo in;
            in.kept = r.String(*browser, "browser", "storage") != "memory";
            in.notice = r.String(*browser, "browser", "notice");
            in.clockOffsetMs = r.Number(*browser, "browser", "clockOffsetMs");
            demo.browser = std::move(in);
        }
        return demo;
    });
}

}  // namespace trash
