// Request builders: method, path and JSON body of every call the page makes, with path segments
// URL-encoded and the CSRF requirement marked on state-changing session requests.
#include "core/requests.h"

#include <nlohmann/json.hpp>  // request bodies

#include "core/text.h"  // UrlEncode

namespace trash {

namespace {
using json = nlohmann::json;

std::string Segment(std::string_view text) { return "/" + UrlEncode(text); }

json KeysJson(const std::vector<ItemKey>& keys) {
    json items = json::array();
    for (const ItemKey& key : keys) {
        json item = {{"type", ItemTypeName(key.type)}, {"id", key.id}};
        if (IsChildType(key.type)) item["parentId"] = key.parentId;
        items.push_back(std::move(item));
    }
    return items;
}

// Bodies may carry user-typed text; replace rather than throw on invalid UTF-8.
std::string Dump(const json& body) { return body.dump(-1, ' ', false, json::error_handler_t::replace); }

Request Post(std::string path, const json& body) { return Request{"POST", std::move(path), Dump(body), true}; }
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
    std::string path = Segment(workspaceUrl) + "/trash?sections=0";
    if (!since.empty()) path += "&since=" + UrlEncode(since);
    return Request{"GET", std::move(path), "", false};
}

Request RestoreItems(std::string_view workspaceUrl, const std::vector<ItemKey>& keys) {
    return Post(Segment(workspaceUrl) + "/trash/restore", json{{"items", KeysJson(keys)}});
}

Request RestoreAll(std::string_view workspaceUrl) {
    return Post(Segment(workspaceUrl) + "/trash/restore", json{{"all", true}});
}

Request DeletePermanently(std::string_view workspaceUrl, const std::vector<ItemKey>& keys) {
    return Post(Segment(workspaceUrl) + "/trash/delete", json{{"items", KeysJson(keys)}, {"confirm", true}});
}

Request EmptyTrash(std::string_view workspaceUrl, std::string_view typedName) {
    return Post(Segment(workspaceUrl) + "/trash/empty", json{{"confirm", std::string(typedName)}});
}

Request SignIn(std::string_view email, std::string_view password) {
    // No CSRF token exists before signing in; the cookie is SameSite=Strict.
    Request request = Post("/api/session", json{{"email", std::string(email)}, {"password", std::string(password)}});
    request.needsCsrf = false;
    return request;
}

Request SignOut() { return Request{"DELETE", "/api/session", "", true}; }

Request WhoAmI() { return Request{"GET", "/api/session", "", false}; }

Request ListProjects(std::string_view workspaceUrl) { return Request{"GET", Segment(workspaceUrl) + "/projects", "", false}; }

Request DeleteProject(std::string_view workspaceUrl, std::string_view projectUrl, bool deleteImages) {
    return Request{"DELETE", Segment(workspaceUrl) + Segment(projectUrl) + (deleteImages ? "?deleteImages=true" : ""), "", true};
}

Request DemoInfo() { return Request{"GET", "/api/demo", "", false}; }

std::optional<Request> MoveToTrash(std::string_view workspaceUrl, const TrashItem& item) {
    const std::string ws = Segment(workspaceUrl);
    std::string path;
    switch (item.type) {
    case ItemType::Project:
        if (item.url.empty()) return std::nullopt;
        path = ws + Segment(item.url);
        break;
    case ItemType::Version:
        if (item.parentUrl.empty()) return std::nullopt;
        path = ws + Segment(item.parentUrl) + Segment(item.id);
        break;
    case ItemType::Model:
        if (item.parentUrl.empty()) return std::nullopt;
        path = ws + Segment(item.parentUrl) + "/models" + Segment(item.id);
        break;
    case ItemType::Dataset:
        if (item.url.empty()) return std::nullopt;
        path = ws + "/datasets" + Segment(item.url);
        break;
    case ItemType::Workflow:
        if (item.url.empty()) return std::nullopt;
        path = ws + "/workflows" + Segment(item.url);
        break;
    case ItemType::Unknown:
        return std::nullopt;
    }
    return Request{"DELETE", path, "", true};
}

}  // namespace requests
}  // namespace trash
