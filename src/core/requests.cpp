// Request builders: method, path and JSON body of every call the page makes, with path segments
// URL-encoded and the CSRF requirement marked on state-changing session requests. The bodies are
// a few fixed shapes, written straight into a string (no JSON DOM, no serializer in the wasm).
#include "core/requests.h"

#include "core/text.h"  // UrlEncode, AppendJsonString, RepairUtf8, Concat

namespace trash {

namespace {

std::string Segment(std::string_view text) { return "/" + UrlEncode(text); }

// Bodies may carry user-typed text: invalid UTF-8 is replaced, never sent.
void AppendText(std::string& out, std::string_view text) { AppendJsonString(out, RepairUtf8(text)); }

// "items":[{"type":"version","id":"3","parentId":"d_1"},...]
void AppendKeys(std::string& out, const std::vector<ItemKey>& keys) {
    out += "\"items\":[";
    for (size_t i = 0; i < keys.size(); ++i) {
        const ItemKey& key = keys[i];
        out += i ? ",{\"type\":" : "{\"type\":";
        AppendText(out, ItemTypeName(key.type));
        out += ",\"id\":";
        AppendText(out, key.id);
        if (IsChildType(key.type)) {
            out += ",\"parentId\":";
            AppendText(out, key.parentId);
        }
        out += '}';
    }
    out += ']';
}

Request Get(std::string path) { return Request{"GET", std::move(path), "", false}; }
Request Post(std::string path, std::string body) { return Request{"POST", std::move(path), std::move(body), true}; }
Request Delete(std::string path) { return Request{"DELETE", std::move(path), "", true}; }
}  // namespace

bool operator==(const Request& a, const Request& b) {
    return a.method == b.method && a.path == b.path && a.body == b.body && a.needsCsrf == b.needsCsrf;
}

std::vector<Header> HeadersFor(const Request& request, std::string_view csrfToken) {
    std::vector<Header> headers;
    if (!request.body.empty()) headers.emplace_back("Content-Type", "application/json");
    if (request.needsCsrf && !csrfToken.empty()) headers.emplace_back("X-CSRF-Token", std::string(csrfToken));
    return headers;
}

namespace requests {

Request ListTrash(std::string_view workspaceUrl, std::string_view since) {
    std::string path = Concat(Segment(workspaceUrl), "/trash?sections=0");
    if (!since.empty()) path += Concat("&since=", UrlEncode(since));
    return Get(std::move(path));
}

Request ListTrashFirstPage(std::string_view workspaceUrl, SortSpec sort, size_t limit) {
    return Get(Concat(Segment(workspaceUrl), "/trash?sections=0&sort=", sort.ascending ? "" : "-",
                      kSortColumnNames[size_t(sort.column)].api, "&limit=", std::to_string(limit)));
}

Request RestoreItems(std::string_view workspaceUrl, const std::vector<ItemKey>& keys) {
    std::string body = "{";
    AppendKeys(body, keys);
    body += '}';
    return Post(Concat(Segment(workspaceUrl), "/trash/restore"), std::move(body));
}

Request RestoreAll(std::string_view workspaceUrl) {
    return Post(Concat(Segment(workspaceUrl), "/trash/restore"), "{\"all\":true}");
}

Request DeletePermanently(std::string_view workspaceUrl, const std::vector<ItemKey>& keys) {
    std::string body = "{";
    AppendKeys(body, keys);
    body += ",\"confirm\":true}";
    return Post(Concat(Segment(workspaceUrl), "/trash/delete"), std::move(body));
}

Request EmptyTrash(std::string_view workspaceUrl, std::string_view typedName) {
    std::string body = "{\"confirm\":";
    AppendText(body, typedName);
    body += '}';
    return Post(Concat(Segment(workspaceUrl), "/trash/empty"), std::move(body));
}

Request SignIn(std::string_view email, std::string_view password) {
    std::string body = "{\"email\":";
    AppendText(body, email);
    body += ",\"password\":";
    AppendText(body, password);
    body += '}';
    // No CSRF token exists before signing in; the cookie is SameSite=Strict.
    Request request = Post("/api/session", std::move(body));
    request.needsCsrf = false;
    return request;
}

Request SignOut() { return Delete("/api/session"); }

Request WhoAmI() { return Get("/api/session"); }

Request ListProjects(std::string_view workspaceUrl) { return Get(Concat(Segment(workspaceUrl), "/projects")); }

Request DeleteProject(std::string_view workspaceUrl, std::string_view projectUrl, bool deleteImages) {
    return Delete(Concat(Segment(workspaceUrl), Segment(projectUrl), deleteImages ? "?deleteImages=true" : ""));
}

Request DemoInfo() { return Get("/api/demo"); }

Request DemoAdvanceClock(int days) {
    return Post("/api/demo/clock", Concat("{\"advanceDays\":", std::to_string(days), "}"));
}
Request DemoRunCleanup() { return Post("/api/demo/cleanup", "{}"); }
Request DemoReset() { return Post("/api/demo/reset", "{}"); }

namespace {
// The filters' query parameters, each "&name=value".
std::string ActivityParams(const ActivityFilters& filters) {
    std::string out;
    const auto add = [&](std::string_view name, std::string_view value) {
        if (value.empty()) return;
        out += '&';
        out += name;
        out += '=';
        out += UrlEncode(value);
    };
    std::string actions;
    for (size_t i = 0; i < kAuditActionCount; ++i) {
        if (!filters.actions[i]) continue;
        if (!actions.empty()) actions += ',';
        actions += AuditActionName(kAuditActions[i]);
    }
    add("action", actions);
    add("actor", filters.actor);
    add("type", filters.type);
    add("q", filters.query);
    add("from", ApiTimeOf(filters.from, false).value_or(""));
    add("to", ApiTimeOf(filters.to, true).value_or(""));
    add("item", filters.item);
    return out;
}

Request RetentionChange(int days, int expectedDays, bool dryRun) {
    std::string body =
        Concat("{\"retentionDays\":", std::to_string(days), ",\"expectedRetentionDays\":", std::to_string(expectedDays),
               dryRun ? ",\"dryRun\":true}" : "}");
    return Request{"PATCH", "/api/workspace", std::move(body), true};
}
}  // namespace

Request ListActivity(std::string_view workspaceUrl, const ActivityFilters& filters, std::string_view cursor,
                     size_t limit) {
    std::string path = Concat(Segment(workspaceUrl), "/audit?limit=", std::to_string(limit));
    if (!cursor.empty()) path += Concat("&cursor=", UrlEncode(cursor));
    path += ActivityParams(filters);
    return Get(std::move(path));
}

Request ListActivityRun(std::string_view workspaceUrl, std::string_view runId, std::string_view cursor, size_t limit) {
    std::string path = Concat(Segment(workspaceUrl), "/audit?run=", UrlEncode(runId), "&limit=", std::to_string(limit));
    if (!cursor.empty()) path += Concat("&cursor=", UrlEncode(cursor));
    return Get(std::move(path));
}

Request ExportActivity(std::string_view workspaceUrl, const ActivityFilters& filters) {
    return Get(Concat(Segment(workspaceUrl), "/audit?format=csv", ActivityParams(filters)));
}

Request PreviewRetention(int days, int expectedDays) { return RetentionChange(days, expectedDays, true); }
Request SaveRetention(int days, int expectedDays) { return RetentionChange(days, expectedDays, false); }

std::optional<Request> MoveToTrash(std::string_view workspaceUrl, const TrashItem& item) {
    const std::string ws = Segment(workspaceUrl);
    std::string path;
    switch (item.type) {
    case ItemType::Project:
        if (item.url.empty()) return std::nullopt;
        path = Concat(ws, Segment(item.url));
        break;
    case ItemType::Version:
        if (item.parentUrl.empty()) return std::nullopt;
        path = Concat(ws, Segment(item.parentUrl), Segment(item.id));
        break;
    case ItemType::Model:
        if (item.parentUrl.empty()) return std::nullopt;
        path = Concat(ws, Segment(item.parentUrl), "/models", Segment(item.id));
        break;
    case ItemType::Dataset:
        if (item.url.empty()) return std::nullopt;
        path = Concat(ws, "/datasets", Segment(item.url));
        break;
    case ItemType::Workflow:
        if (item.url.empty()) return std::nullopt;
        path = Concat(ws, "/workflows", Segment(item.url));
        break;
    case ItemType::Unknown: return std::nullopt;
    }
    return Delete(std::move(path));
}

}  // namespace requests
}  // namespace trash
