// Decoders for the API's small responses. Bodies are parsed into a DOM without exceptions
// (json::parse(..., nullptr, false)); field access goes through `.at()`/`.value()` inside one
// try block per decoder, so a wrong type anywhere becomes a ParseError, never a crash.
#include "core/api_codec.h"

#include <nlohmann/json.hpp>  // DOM parsing of small bodies

namespace trash {

namespace {
using json = nlohmann::json;

// The body as a DOM, or a ParseError saying what was expected.
ParseResult<json> ParseObject(std::string_view body, const char* what) {
    json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_discarded()) return ParseError{std::string("The ") + what + " is not valid JSON"};
    if (!value.is_object()) return ParseError{std::string("The ") + what + " is not a JSON object"};
    return value;
}

std::string StringOr(const json& object, const char* name, std::string fallback = {}) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int64_t NumberOr(const json& object, const char* name, int64_t fallback = 0) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_number()) return fallback;
    return it->is_number_float() ? static_cast<int64_t>(it->get<double>()) : it->get<int64_t>();
}

// A body of the wrong shape that nlohmann would not itself reject (or would describe poorly).
struct ShapeError {
    std::string message;
};

const json& ArrayAt(const json& object, const char* name) {
    const json& value = object.at(name);
    if (!value.is_array()) throw ShapeError{std::string(name) + " must be an array"};
    return value;
}

// {"type","id","parentId"?}; ids may arrive as numbers.
ItemKey KeyFrom(const json& object) {
    if (!object.is_object()) throw ShapeError{"each item must be an object"};
    ItemKey key;
    key.type = ItemTypeFromName(StringOr(object, "type"));
    const json& id = object.at("id");
    key.id = id.is_string() ? id.get<std::string>() : id.dump();
    if (IsChildType(key.type)) key.parentId = StringOr(object, "parentId");
    return key;
}

template <typename T, typename Fn>
ParseResult<T> Decode(std::string_view body, const char* what, Fn decode) {
    ParseResult<json> parsed = ParseObject(body, what);
    if (!parsed.ok()) return ParseError{parsed.error()};
    try {
        return decode(parsed.value());
    } catch (const json::exception& ex) {
        // ex.what() is "[json.exception.type_error.302] type must be string, but is number".
        std::string why = ex.what();
        const size_t bracket = why.find("] ");
        return ParseError{std::string("Unexpected ") + what + ": " + (bracket == std::string::npos ? why : why.substr(bracket + 2))};
    } catch (const ShapeError& ex) {
        return ParseError{std::string("Unexpected ") + what + ": " + ex.message};
    }
}
}  // namespace

// [SECTION] Session

void from_json(const json& j, User& user) {
    j.at("id").get_to(user.id);
    user.name = j.value("name", "");
    user.email = j.value("email", "");
}
void from_json(const json& j, Role& role) {
    role.name = j.value("name", "");
    role.permissions = j.value("permissions", std::vector<std::string>{});
}
void from_json(const json& j, Workspace& workspace) {
    j.at("url").get_to(workspace.url);
    workspace.id = j.value("id", "");
    workspace.name = j.value("name", workspace.url);
    workspace.retentionDays = j.value("retentionDays", 30);
}
void from_json(const json& j, Storage& storage) {
    storage.usedBytes = NumberOr(j, "usedBytes");
    storage.trashBytes = NumberOr(j, "trashBytes");
    storage.quotaBytes = NumberOr(j, "quotaBytes");
}

ParseResult<Session> ParseSession(std::string_view body) {
    return Decode<Session>(body, "session", [](const json& j) {
        Session session;
        j.at("user").get_to(session.user);
        j.at("workspace").get_to(session.workspace);
        if (j.contains("role") && j["role"].is_object()) j["role"].get_to(session.role);
        if (j.contains("storage") && j["storage"].is_object()) j["storage"].get_to(session.storage);
        session.csrfToken = j.value("csrfToken", "");
        return session;
    });
}

// [SECTION] Errors

bool IsSuccess(int status) { return status >= 200 && status < 300; }

std::string ErrorMessageFromResponse(int status, std::string_view body) {
    if (status == 0) return "The server could not be reached";
    const json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (!value.is_discarded() && value.is_object()) {
        const auto error = value.find("error");
        if (error != value.end() && error->is_string() && !error->get<std::string>().empty()) return error->get<std::string>();
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
    if (status >= 500) return "The server had a problem (HTTP " + std::to_string(status) + ")";
    if (IsSuccess(status)) return "The server sent a response the page could not read";
    return "The request failed (HTTP " + std::to_string(status) + ")";
}

// [SECTION] Restore, permanent delete, Empty Trash results

ParseResult<RestoreResult> ParseRestoreResult(std::string_view body) {
    return Decode<RestoreResult>(body, "restore result", [](const json& j) {
        RestoreResult result;
        const json& restored = j.at("restored");
        if (restored.is_boolean()) {  // the single-item form
            if (restored.get<bool>()) result.restored.push_back({KeyFrom(j), StringOr(j, "url")});
            return result;
        }
        for (const json& item : ArrayAt(j, "restored")) result.restored.push_back({KeyFrom(item), StringOr(item, "url")});
        if (j.contains("failed"))
            for (const json& item : ArrayAt(j, "failed"))
                result.failed.push_back({KeyFrom(item), static_cast<int>(NumberOr(item, "status")),
                                         StringOr(item, "error", "Could not be restored")});
        return result;
    });
}

ParseResult<PurgeResult> ParsePurgeResult(std::string_view body) {
    return Decode<PurgeResult>(body, "deletion result", [](const json& j) {
        PurgeResult result;
        const json& deleted = j.at("deleted");
        if (deleted.is_number()) {
            result.deletedCount = NumberOr(j, "deleted");
        } else {
            for (const json& item : ArrayAt(j, "deleted")) result.deleted.push_back(KeyFrom(item));
            result.deletedCount = static_cast<int64_t>(result.deleted.size());
        }
        result.freedBytes = NumberOr(j, "freedBytes");
        result.imagesDeleted = NumberOr(j, "imagesDeleted");
        return result;
    });
}

// [SECTION] Projects page

void from_json(const json& j, Project& project) {
    j.at("id").get_to(project.id);
    j.at("url").get_to(project.url);
    project.name = j.value("name", project.url);
    project.ownerId = StringOr(j, "ownerId");
    project.ownerName = StringOr(j, "ownerName");
    project.versionCount = NumberOr(j, "versionCount");
    project.modelCount = NumberOr(j, "modelCount");
    project.imageCount = NumberOr(j, "imageCount");
    project.exclusiveImageCount = NumberOr(j, "exclusiveImageCount");
    project.sizeBytes = NumberOr(j, "sizeBytes");
}

ParseResult<std::vector<Project>> ParseProjects(std::string_view body) {
    return Decode<std::vector<Project>>(body, "projects list",
                                        [](const json& j) { return j.at("projects").get<std::vector<Project>>(); });
}

// [SECTION] Demo info

void from_json(const json& j, DemoUser& user) {
    j.at("email").get_to(user.email);
    user.name = j.value("name", "");
    user.role = j.value("role", "");
    user.password = j.value("password", "");
}
void from_json(const json& j, DemoApiKey& key) {
    if (j.is_string()) {
        key.key = j.get<std::string>();
        return;
    }
    j.at("key").get_to(key.key);
    key.name = j.value("name", "");
    key.scopes = j.value("scopes", std::vector<std::string>{});
}

ParseResult<DemoInfo> ParseDemoInfo(std::string_view body) {
    return Decode<DemoInfo>(body, "demo info", [](const json& j) {
        DemoInfo demo;
        demo.workspace = StringOr(j, "workspace");
        demo.users = j.value("users", std::vector<DemoUser>{});
        demo.apiKeys = j.value("apiKeys", std::vector<DemoApiKey>{});
        return demo;
    });
}

}  // namespace trash
