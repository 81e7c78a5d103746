// Decoders for the API's small responses. A body is read into a small tree by nlohmann's SAX
// parser (nlohmann's DOM, basic_json, is never instantiated: it would cost the page about 20 KB of
// wasm for bodies of a few hundred bytes), and every field is read through a Reader that checks the
// value's kind first: the web build has no exception support, so nothing here may throw. The first
// wrong field becomes a ParseError naming its path ("user.id must be a string").
#include "core/api_codec.h"

#include <algorithm>          // std::clamp
#include <cstdint>            // int64_t, uint32_t
#include <limits>             // number clamping
#include <nlohmann/json.hpp>  // nlohmann::json::sax_parse

namespace trash {

namespace {
using json = nlohmann::json;

// [SECTION] A parsed body

// One JSON value. Nodes live in one vector (the root first) and are linked by index, so a
// hostile body nested 100,000 deep is neither built nor destroyed by recursion.
struct Node {
    enum Kind : unsigned char { Null, Bool, Integer, Float, String, Object, Array } kind = Null;
    bool boolean = false;
    int64_t integer = 0;    // numbers that fit an integer (larger unsigned ones are clamped)
    double number = 0;      // the other numbers
    std::string text;       // a string's value
    std::string key;        // the member's name, inside an object
    uint32_t first = 0;     // first child of an object or array (0: none; the root is no child)
    uint32_t last = 0;      // last child
    uint32_t next = 0;      // next sibling
    uint32_t size = 0;      // number of children

    bool isNumber() const { return kind == Integer || kind == Float; }
};

// Builds the nodes from nlohmann's SAX events (its signatures are checked at compile time).
class TreeBuilder {
public:
    explicit TreeBuilder(std::vector<Node>& nodes) : nodes_(nodes) {}

    bool null() { return Add(Node{}); }
    bool boolean(bool v) { Node n; n.kind = Node::Bool; n.boolean = v; return Add(std::move(n)); }
    bool number_integer(json::number_integer_t v) { Node n; n.kind = Node::Integer; n.integer = v; return Add(std::move(n)); }
    bool number_unsigned(json::number_unsigned_t v) {
        Node n;
        n.kind = Node::Integer;
        n.integer = v > static_cast<json::number_unsigned_t>(std::numeric_limits<int64_t>::max())
                        ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(v);
        return Add(std::move(n));
    }
    bool number_float(json::number_float_t v, const json::string_t&) { Node n; n.kind = Node::Float; n.number = v; return Add(std::move(n)); }
    bool string(json::string_t& v) { Node n; n.kind = Node::String; n.text = std::move(v); return Add(std::move(n)); }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) { return Open(Node::Object); }
    bool start_array(std::size_t) { return Open(Node::Array); }
    bool end_object() { open_.pop_back(); return true; }
    bool end_array() { open_.pop_back(); return true; }
    bool key(json::string_t& name) { key_ = std::move(name); return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    bool Add(Node node) {
        const auto index = static_cast<uint32_t>(nodes_.size());
        if (!open_.empty()) {
            Node& parent = nodes_[open_.back()];
            if (parent.kind == Node::Object) node.key = std::move(key_);
            if (parent.size++ == 0) parent.first = index;
            else nodes_[parent.last].next = index;
            parent.last = index;
        }
        nodes_.push_back(std::move(node));
        return true;
    }
    bool Open(Node::Kind kind) {
        Node node;
        node.kind = kind;
        Add(std::move(node));
        open_.push_back(static_cast<uint32_t>(nodes_.size() - 1));
        return true;
    }

    std::vector<Node>& nodes_;
    std::vector<uint32_t> open_;  // the containers being filled, innermost last
    std::string key_;
};

// The body's nodes (the root is nodes[0]), or an empty vector when it is not valid JSON.
std::vector<Node> ParseTree(std::string_view body) {
    std::vector<Node> nodes;
    TreeBuilder builder(nodes);
    if (!json::sax_parse(body.begin(), body.end(), &builder)) nodes.clear();
    return nodes;
}

// [SECTION] Checked field access

// A JSON number as int64: floats are truncated, out-of-range values clamped (a cast would be UB).
int64_t ToInt64(const Node& value) {
    if (value.kind == Node::Integer) return value.integer;
    constexpr double kLimit = 9.2e18;
    const double d = value.number;
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
    Reader(const char* what, const std::vector<Node>& nodes) : what_(what), nodes_(nodes) {}

    bool ok() const { return error_.empty(); }
    ParseError Error() const { return ParseError{std::string("Unexpected ") + what_ + ": " + error_}; }

    void Fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }

    // Calls fn(element, index) for each element of an array (or member of an object).
    template <typename Fn>
    void ForEach(const Node& container, Fn fn) const {
        size_t i = 0;
        for (uint32_t at = container.first; at; at = nodes_[at].next) fn(nodes_[at], i++);
    }

    // `object[name]` when present and not null, else nullptr (recording "is missing" if required).
    // A repeated name counts once, with its last value (as nlohmann's DOM did).
    const Node* Find(const Node& object, const std::string& path, const char* name, Need need) {
        const Node* found = nullptr;
        if (object.kind == Node::Object)
            ForEach(object, [&](const Node& member, size_t) {
                if (member.key == name) found = &member;
            });
        if (found && found->kind != Node::Null) return found;
        if (need == Need::Required) Fail(Join(path, name) + " is missing");
        return nullptr;
    }

    std::string String(const Node& object, const std::string& path, const char* name, Need need = Need::Optional,
                       std::string fallback = {}) {
        const Node* value = Find(object, path, name, need);
        if (!value) return fallback;
        if (value->kind == Node::String) return value->text;
        Fail(Join(path, name) + " must be a string");
        return fallback;
    }

    // Ids may arrive as JSON integers; they are kept as their decimal text.
    std::string Id(const Node& object, const std::string& path, const char* name, Need need) {
        const Node* value = Find(object, path, name, need);
        if (!value) return {};
        if (value->kind == Node::String) return value->text;
        if (value->kind == Node::Integer) return std::to_string(value->integer);
        Fail(Join(path, name) + " must be a string");
        return {};
    }

    int64_t Number(const Node& object, const std::string& path, const char* name, int64_t fallback = 0) {
        const Node* value = Find(object, path, name, Need::Optional);
        if (!value) return fallback;
        if (value->isNumber()) return ToInt64(*value);
        Fail(Join(path, name) + " must be a number");
        return fallback;
    }

    const Node* Object(const Node& object, const std::string& path, const char* name, Need need) {
        return OfKind(object, path, name, need, Node::Object, " must be an object");
    }
    const Node* Array(const Node& object, const std::string& path, const char* name, Need need) {
        return OfKind(object, path, name, need, Node::Array, " must be an array");
    }

    // An array element that must be an object.
    bool IsObject(const Node& value, const std::string& path) {
        if (value.kind == Node::Object) return true;
        Fail(path + " must be an object");
        return false;
    }

    std::vector<std::string> Strings(const Node& object, const std::string& path, const char* name) {
        std::vector<std::string> out;
        const Node* array = Array(object, path, name, Need::Optional);
        if (!array) return out;
        ForEach(*array, [&](const Node& value, size_t i) {
            if (value.kind == Node::String) out.push_back(value.text);
            else Fail(Index(Join(path, name), i) + " must be a string");
        });
        return out;
    }

private:
    const Node* OfKind(const Node& object, const std::string& path, const char* name, Need need, Node::Kind kind,
                       const char* problem) {
        const Node* value = Find(object, path, name, need);
        if (!value || value->kind == kind) return value;
        Fail(Join(path, name) + problem);
        return nullptr;
    }

    const char* what_;
    const std::vector<Node>& nodes_;
    std::string error_;
};

// The body decoded by `decode(reader, root)`, or a ParseError saying what was expected.
template <typename T, typename Fn>
ParseResult<T> Decode(std::string_view body, const char* what, Fn decode) {
    const std::vector<Node> nodes = ParseTree(body);
    if (nodes.empty()) return ParseError{std::string("The ") + what + " is not valid JSON"};
    if (nodes[0].kind != Node::Object) return ParseError{std::string("The ") + what + " is not a JSON object"};
    Reader reader(what, nodes);
    T result = decode(reader, nodes[0]);
    if (!reader.ok()) return reader.Error();
    return result;
}

// {"type","id","parentId"?} at `path`; ids may arrive as numbers.
ItemKey KeyFrom(Reader& r, const Node& object, const std::string& path) {
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
            w.name = r.String(*workspace, "workspace", "name", Need::Optional, w.url);
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
    if (status >= 500) return "The server had a problem (HTTP " + std::to_string(status) + ")";
    if (IsSuccess(status)) return "The server sent a response the page could not read";
    return "The request failed (HTTP " + std::to_string(status) + ")";
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
                const std::string path = Index("restored", i);
                if (r.IsObject(item, path)) result.restored.push_back({KeyFrom(r, item, path), r.String(item, path, "url")});
            });
        } else if (restored) {
            r.Fail("restored must be an array or true/false");
        }
        if (const Node* failed = r.Array(j, "", "failed", Need::Optional))
            r.ForEach(*failed, [&](const Node& item, size_t i) {
                const std::string path = Index("failed", i);
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
                const std::string path = Index("deleted", i);
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
            const std::string path = Index("projects", i);
            if (!r.IsObject(item, path)) return;
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
                const std::string path = Index("users", i);
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
                const std::string path = Index("apiKeys", i);
                DemoApiKey key;
                if (item.kind == Node::String) {  // a bare key
                    key.key = item.text;
                } else if (item.kind == Node::Object) {
                    key.key = r.String(item, path, "key", Need::Required);
                    key.name = r.String(item, path, "name");
                    key.scopes = r.Strings(item, path, "scopes");
                } else {
                    r.Fail(path + " must be a string or an object");
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
