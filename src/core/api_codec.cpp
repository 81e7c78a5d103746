// Decoders for the API's small responses. Bodies are parsed into a DOM without exceptions
// (json::parse(..., nullptr, false)), and every field is read through a Reader that checks the
// value's kind before `get`: the web build has no exception support, so nothing here may throw.
// The first wrong field becomes a ParseError naming its path ("user.id must be a string").
#include "core/api_codec.h"

#include <algorithm>          // std::clamp
#include <cstdint>            // int64_t, uint64_t
#include <limits>             // number clamping
#include <nlohmann/json.hpp>  // DOM parsing of small bodies

namespace trash {

namespace {
using json = nlohmann::json;

// [SECTION] Checked field access

// A JSON number as int64: floats are truncated, out-of-range values clamped (a cast would be UB).
int64_t ToInt64(const json& value) {
    if (value.is_number_unsigned()) {
        const uint64_t u = value.get<uint64_t>();
        return u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                                              : static_cast<int64_t>(u);
    }
    if (value.is_number_integer()) return value.get<int64_t>();
    constexpr double kLimit = 9.2e18;
    const double d = value.get<double>();
    return d >= kLimit ? std::numeric_limits<int64_t>::max()
           : d <= -kLimit ? std::numeric_limits<int64_t>::min() : static_cast<int64_t>(d);
}

std::string Join(const std::string& path, const char* name) { return path.empty() ? name : path + "." + name; }
std::string Index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

enum class Need { Optional, Required };

// Reads one body. A field that is absent or null takes its default (unless required); a field of
// another kind is an error. Only the first error is kept; reads after it still return defaults,
// so decoders run straight through and check `ok()` once at the end.
class Reader {
public:
    explicit Reader(const char* what) : what_(what) {}

    bool ok() const { return error_.empty(); }
    ParseError Error() const { return ParseError{std::string("Unexpected ") + what_ + ": " + error_}; }

    void Fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }

    // `object[name]` when present and not null, else nullptr (recording "is missing" if required).
    const json* Find(const json& object, const std::string& path, const char* name, Need need) {
        const auto it = object.find(name);  // end() for non-objects too
        if (it != object.end() && !it->is_null()) return &*it;
        if (need == Need::Required) Fail(Join(path, name) + " is missing");
        return nullptr;
    }

    std::string String(const json& object, const std::string& path, const char* name, Need need = Need::Optional,
                       std::string fallback = {}) {
        const json* value = Find(object, path, name, need);
        if (!value) return fallback;
        if (value->is_string()) return value->get<std::string>();
        Fail(Join(path, name) + " must be a string");
        return fallback;
    }

    // Ids may arrive as JSON integers; they are kept as their decimal text.
    std::string Id(const json& object, const std::string& path, const char* name, Need need) {
        const json* value = Find(object, path, name, need);
        if (!value) return {};
        if (value->is_string()) return value->get<std::string>();
        if (value->is_number_integer()) return std::to_string(ToInt64(*value));
        Fail(Join(path, name) + " must be a string");
        return {};
    }

    int64_t Number(const json& object, const std::string& path, const char* name, int64_t fallback = 0) {
        const json* value = Find(object, path, name, Need::Optional);
        if (!value) return fallback;
        if (value->is_number()) return ToInt64(*value);
        Fail(Join(path, name) + " must be a number");
        return fallback;
    }

    const json* Object(const json& object, const std::string& path, const char* name, Need need) {
        return OfKind(object, path, name, need, json::value_t::object, " must be an object");
    }
    const json* Array(const json& object, const std::string& path, const char* name, Need need) {
        return OfKind(object, path, name, need, json::value_t::array, " must be an array");
    }

    // An array element that must be an object.
    bool IsObject(const json& value, const std::string& path) {
        if (value.is_object()) return true;
        Fail(path + " must be an object");
        return false;
    }

    std::vector<std::string> Strings(const json& object, const std::string& path, const char* name) {
        std::vector<std::string> out;
        const json* array = Array(object, path, name, Need::Optional);
        if (!array) return out;
        for (size_t i = 0; i < array->size(); ++i) {
            const json& value = (*array)[i];
            if (value.is_string()) out.push_back(value.get<std::string>());
            else Fail(Index(Join(path, name), i) + " must be a string");
        }
        return out;
    }

private:
    const json* OfKind(const json& object, const std::string& path, const char* name, Need need, json::value_t kind,
                       const char* problem) {
        const json* value = Find(object, path, name, need);
        if (!value || value->type() == kind) return value;
        Fail(Join(path, name) + problem);
        return nullptr;
    }

    const char* what_;
    std::string error_;
};

// The body as a DOM object, or a ParseError saying what was expected.
template <typename T, typename Fn>
ParseResult<T> Decode(std::string_view body, const char* what, Fn decode) {
    const json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_discarded()) return ParseError{std::string("The ") + what + " is not valid JSON"};
    if (!value.is_object()) return ParseError{std::string("The ") + what + " is not a JSON object"};
    Reader reader(what);
    T result = decode(reader, value);
    if (!reader.ok()) return reader.Error();
    return result;
}

// {"type","id","parentId"?} at `path`; ids may arrive as numbers.
ItemKey KeyFrom(Reader& r, const json& object, const std::string& path) {
    ItemKey key;
    key.type = ItemTypeFromName(r.String(object, path, "type"));
    key.id = r.Id(object, path, "id", Need::Required);
    if (IsChildType(key.type)) key.parentId = r.Id(object, path, "parentId", Need::Optional);
    return key;
}
}  // namespace

// [SECTION] Session

ParseResult<Session> ParseSession(std::string_view body) {
    return Decode<Session>(body, "session", [](Reader& r, const json& j) {
        Session session;
        if (const json* user = r.Object(j, "", "user", Need::Required)) {
            session.user.id = r.String(*user, "user", "id", Need::Required);
            session.user.name = r.String(*user, "user", "name");
            session.user.email = r.String(*user, "user", "email");
        }
        if (const json* role = r.Object(j, "", "role", Need::Optional)) {
            session.role.name = r.String(*role, "role", "name");
            session.role.permissions = r.Strings(*role, "role", "permissions");
        }
        if (const json* workspace = r.Object(j, "", "workspace", Need::Required)) {
            Workspace& w = session.workspace;
            w.url = r.String(*workspace, "workspace", "url", Need::Required);
            w.id = r.String(*workspace, "workspace", "id");
            w.name = r.String(*workspace, "workspace", "name", Need::Optional, w.url);
            const int64_t days = r.Number(*workspace, "workspace", "retentionDays", w.retentionDays);
            w.retentionDays = static_cast<int>(
                std::clamp<int64_t>(days, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        }
        if (const json* storage = r.Object(j, "", "storage", Need::Optional)) {
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
    const json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_object()) {  // false for a discarded (invalid) body too
        const auto error = value.find("error");
        if (error != value.end() && error->is_string() && !error->get_ref<const std::string&>().empty())
            return error->get<std::string>();
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
    return Decode<RestoreResult>(body, "restore result", [](Reader& r, const json& j) {
        RestoreResult result;
        const json* restored = r.Find(j, "", "restored", Need::Required);
        if (restored && restored->is_boolean()) {  // the single-item form
            if (restored->get<bool>()) result.restored.push_back({KeyFrom(r, j, ""), r.String(j, "", "url")});
            return result;
        }
        if (restored && restored->is_array()) {
            for (size_t i = 0; i < restored->size(); ++i) {
                const json& item = (*restored)[i];
                const std::string path = Index("restored", i);
                if (r.IsObject(item, path)) result.restored.push_back({KeyFrom(r, item, path), r.String(item, path, "url")});
            }
        } else if (restored) {
            r.Fail("restored must be an array or true/false");
        }
        if (const json* failed = r.Array(j, "", "failed", Need::Optional))
            for (size_t i = 0; i < failed->size(); ++i) {
                const json& item = (*failed)[i];
                const std::string path = Index("failed", i);
                if (!r.IsObject(item, path)) continue;
                result.failed.push_back({KeyFrom(r, item, path), static_cast<int>(r.Number(item, path, "status")),
                                         r.String(item, path, "error", Need::Optional, "Could not be restored")});
            }
        return result;
    });
}

ParseResult<PurgeResult> ParsePurgeResult(std::string_view body) {
    return Decode<PurgeResult>(body, "deletion result", [](Reader& r, const json& j) {
        PurgeResult result;
        const json* deleted = r.Find(j, "", "deleted", Need::Required);
        if (deleted && deleted->is_number()) {
            result.deletedCount = ToInt64(*deleted);
        } else if (deleted && deleted->is_array()) {
            for (size_t i = 0; i < deleted->size(); ++i) {
                const json& item = (*deleted)[i];
                const std::string path = Index("deleted", i);
                if (r.IsObject(item, path)) result.deleted.push_back(KeyFrom(r, item, path));
            }
            result.deletedCount = static_cast<int64_t>(result.deleted.size());
        } else if (deleted) {
            r.Fail("deleted must be an array or a count");
        }
        result.freedBytes = r.Number(j, "", "freedBytes");
        result.imagesDeleted = r.Number(j, "", "imagesDeleted");
        return result;
    });
}

// [SECTION] Projects page

ParseResult<std::vector<Project>> ParseProjects(std::string_view body) {
    return Decode<std::vector<Project>>(body, "projects list", [](Reader& r, const json& j) {
        std::vector<Project> projects;
        const json* list = r.Array(j, "", "projects", Need::Required);
        if (!list) return projects;
        projects.reserve(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& item = (*list)[i];
            const std::string path = Index("projects", i);
            if (!r.IsObject(item, path)) continue;
            Project p;
            p.id = r.String(item, path, "id", Need::Required);
            p.url = r.String(item, path, "url", Need::Required);
            p.name = r.String(item, path, "name", Need::Optional, p.url);
            p.ownerId = r.String(item, path, "ownerId");
            p.ownerName = r.String(item, path, "ownerName");
            p.versionCount = r.Number(item, path, "versionCount");
            p.modelCount = r.Number(item, path, "modelCount");
            p.imageCount = r.Number(item, path, "imageCount");
            p.exclusiveImageCount = r.Number(item, path, "exclusiveImageCount");
            p.sizeBytes = r.Number(item, path, "sizeBytes");
            projects.push_back(std::move(p));
        }
        return projects;
    });
}

// [SECTION] Demo info

ParseResult<DemoInfo> ParseDemoInfo(std::string_view body) {
    return Decode<DemoInfo>(body, "demo info", [](Reader& r, const json& j) {
        DemoInfo demo;
        demo.workspace = r.String(j, "", "workspace");
        if (const json* users = r.Array(j, "", "users", Need::Optional))
            for (size_t i = 0; i < users->size(); ++i) {
                const json& item = (*users)[i];
                const std::string path = Index("users", i);
                if (!r.IsObject(item, path)) continue;
                DemoUser user;
                user.email = r.String(item, path, "email", Need::Required);
                user.name = r.String(item, path, "name");
                user.role = r.String(item, path, "role");
                user.password = r.String(item, path, "password");
                demo.users.push_back(std::move(user));
            }
        if (const json* keys = r.Array(j, "", "apiKeys", Need::Optional))
            for (size_t i = 0; i < keys->size(); ++i) {
                const json& item = (*keys)[i];
                const std::string path = Index("apiKeys", i);
                DemoApiKey key;
                if (item.is_string()) {  // a bare key
                    key.key = item.get<std::string>();
                } else if (item.is_object()) {
                    key.key = r.String(item, path, "key", Need::Required);
                    key.name = r.String(item, path, "name");
                    key.scopes = r.Strings(item, path, "scopes");
                } else {
                    r.Fail(path + " must be a string or an object");
                    continue;
                }
                demo.apiKeys.push_back(std::move(key));
            }
        return demo;
    });
}

}  // namespace trash
