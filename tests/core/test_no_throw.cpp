// The web build has no exception support (a throw aborts the page), so every decoder must turn
// any body into a value or a ParseError without throwing. This sweep takes a valid body for each
// decoder, replaces every value at every depth with values of every JSON kind, and checks that
// nothing throws (Catch2 reports an escaping exception) and that a wrong kind is named by path.
#include <catch2/catch.hpp>

#include <functional>         // the decoder under test
#include <map>                // kinds per field pattern
#include <nlohmann/json.hpp>  // building the mutated bodies
#include <set>                // kinds a field accepts
#include <string>
#include <vector>

#include "core/activity_codec.h"
#include "core/api_codec.h"
#include "core/listing_codec.h"

using namespace trash;
using json = nlohmann::json;

namespace {

// "/restored/0/id" → "restored[0].id", the path the decoders name in their messages.
std::string Dotted(const json::json_pointer& pointer) {
    std::string out;
    std::string text = pointer.to_string();
    size_t start = 1;
    while (start <= text.size()) {
        size_t end = text.find('/', start);
        if (end == std::string::npos) end = text.size();
        const std::string token = text.substr(start, end - start);
        const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
        out += index ? "[" + token + "]" : (out.empty() ? "" : ".") + token;
        start = end + 1;
    }
    return out;
}

// The path with indices as [*], to look up what kinds a field accepts.
std::string Pattern(const std::string& dotted) {
    std::string out;
    for (size_t i = 0; i < dotted.size(); ++i) {
        if (dotted[i] == '[') {
            out += "[*]";
            i = dotted.find(']', i);
        } else {
            out += dotted[i];
        }
    }
    return out;
}

std::string Kind(const json& value) {
    switch (value.type()) {
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "bool";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "float";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "null";
    }
}

const json kReplacements[] = {
    nullptr,
    true,
    false,
    0,
    -7,
    18446744073709551615ull,
    1.5,
    1e300,
    "",
    "text",
    json::array(),
    json::array({1, "x", nullptr}),
    json::object(),
    json{{"id", 5}, {"url", nullptr}},
};

struct Decoder {
    const char* what;  // as in "Unexpected <what>: ..."
    std::function<bool(const std::string& body, std::string& error)> decode;
    const char* validBody;
    // Kinds each field pattern accepts besides its own; patterns not listed (unknown fields) accept anything.
    std::map<std::string, std::set<std::string>> accepts;
};

template <typename T>
std::function<bool(const std::string&, std::string&)> Wrap(ParseResult<T> (*parse)(std::string_view)) {
    return [parse](const std::string& body, std::string& error) {
        const ParseResult<T> result = parse(body);
        if (!result.ok()) error = result.error();
        return result.ok();
    };
}

const std::set<std::string> kString{"string"}, kNumber{"integer", "float"}, kObject{"object"}, kArray{"array"},
    kId{"string", "integer"};

std::vector<Decoder> Decoders() {
    return {
        {"session",
         Wrap(&ParseSession),
         R"({"user":{"id":"u1","name":"A","email":"a@x"},"role":{"name":"Owner","permissions":["view_trash","restore_dataset"]},
             "workspace":{"id":"w1","url":"acme","name":"Acme","retentionDays":14},
             "storage":{"usedBytes":1,"trashBytes":2.5,"quotaBytes":3},"csrfToken":"t","extra":{"x":[1]}})",
         {{"user", kObject},
          {"user.id", kString},
          {"user.name", kString},
          {"user.email", kString},
          {"role", kObject},
          {"role.name", kString},
          {"role.permissions", kArray},
          {"role.permissions[*]", kString},
          {"workspace", kObject},
          {"workspace.id", kString},
          {"workspace.url", kString},
          {"workspace.name", kString},
          {"workspace.retentionDays", kNumber},
          {"storage", kObject},
          {"storage.usedBytes", kNumber},
          {"storage.trashBytes", kNumber},
          {"storage.quotaBytes", kNumber},
          {"csrfToken", kString}}},
        {"restore result",
         Wrap(&ParseRestoreResult),
         R"({"restored":[{"type":"project","id":"p1","url":"cats-2"},{"type":"version","id":3,"parentId":"p1"}],
             "failed":[{"type":"version","id":"4","parentId":"p1","status":409,"error":"no"}]})",
         {{"restored", {"array", "bool"}},
          {"restored[*]", kObject},
          {"restored[*].type", kString},
          {"restored[*].id", kId},
          {"restored[*].parentId", kId},
          {"restored[*].url", kString},
          {"failed", kArray},
          {"failed[*]", kObject},
          {"failed[*].type", kString},
          {"failed[*].id", kId},
          {"failed[*].parentId", kId},
          {"failed[*].status", kNumber},
          {"failed[*].error", kString}}},
        {"restore result",
         Wrap(&ParseRestoreResult),
         R"({"restored":true,"type":"version","id":"3","parentId":"p1","url":"cats"})",
         {{"restored", {"array", "bool"}}, {"type", kString}, {"id", kId}, {"parentId", kId}, {"url", kString}}},
        {"deletion result",
         Wrap(&ParsePurgeResult),
         R"({"deleted":[{"type":"dataset","id":"d1"},{"type":"model","id":"m1","parentId":"p1"}],"freedBytes":2048,"imagesDeleted":7})",
         {{"deleted", {"array", "integer", "float"}},
          {"deleted[*]", kObject},
          {"deleted[*].type", kString},
          {"deleted[*].id", kId},
          {"deleted[*].parentId", kId},
          {"freedBytes", kNumber},
          {"imagesDeleted", kNumber}}},
        {"projects list",
         Wrap(&ParseProjects),
         R"({"projects":[{"id":"p1","name":"Cats","url":"cats","ownerId":"u1","ownerName":"A","versionCount":3,
             "modelCount":1,"imageCount":1200,"exclusiveImageCount":800,"sizeBytes":123456789}]})",
         {{"projects", kArray},
          {"projects[*]", kObject},
          {"projects[*].id", kString},
          {"projects[*].url", kString},
          {"projects[*].name", kString},
          {"projects[*].ownerId", kString},
          {"projects[*].ownerName", kString},
          {"projects[*].versionCount", kNumber},
          {"projects[*].modelCount", kNumber},
          {"projects[*].imageCount", kNumber},
          {"projects[*].exclusiveImageCount", kNumber},
          {"projects[*].sizeBytes", kNumber}}},
        {"demo info",
         Wrap(&ParseDemoInfo),
         R"({"workspace":"acme","users":[{"email":"a@x","name":"A","role":"Owner","password":"pw"}],
             "apiKeys":[{"key":"k1","name":"ci","scopes":["project:read"]},"bare-key"]})",
         {{"workspace", kString},
          {"users", kArray},
          {"users[*]", kObject},
          {"users[*].email", kString},
          {"users[*].name", kString},
          {"users[*].role", kString},
          {"users[*].password", kString},
          {"apiKeys", kArray},
          {"apiKeys[*]", {"string", "object"}},
          {"apiKeys[*].key", kString},
          {"apiKeys[*].name", kString},
          {"apiKeys[*].scopes", kArray},
          {"apiKeys[*].scopes[*]", kString}}},
        {"activity page",
         Wrap(&ParseAuditPage),
         R"({"events":[{"eventId":"e1","at":"2026-12-01T10:00:00.000Z","actorId":"u1","actorName":"A","action":"restore",
             "via":"api","keyName":"ci","type":"project","id":"p1","name":"Cats","parentName":"P","slug":"cats-2",
             "runId":"r1","runCount":2,"images":3,"bytes":4,"detail":"d","oldValue":30,"newValue":7}],
             "nextCursor":"c","actors":[{"id":"u1","name":"A"}]})",
         {{"events", kArray},
          {"events[*]", kObject},
          {"events[*].eventId", kId},
          {"events[*].at", kString},
          {"events[*].actorId", kString},
          {"events[*].actorName", kString},
          {"events[*].action", kString},
          {"events[*].via", kString},
          {"events[*].keyName", kString},
          {"events[*].type", kString},
          {"events[*].id", kId},
          {"events[*].name", kString},
          {"events[*].parentName", kString},
          {"events[*].slug", kString},
          {"events[*].runId", kId},
          {"events[*].runCount", kNumber},
          {"events[*].images", kNumber},
          {"events[*].bytes", kNumber},
          {"events[*].detail", kString},
          {"events[*].oldValue", kNumber},
          {"events[*].newValue", kNumber},
          {"nextCursor", kString},
          {"actors", kArray},
          {"actors[*]", kObject},
          {"actors[*].id", kId},
          {"actors[*].name", kString}}},
        {"retention preview",
         Wrap(&ParseRetentionPreview),
         R"({"preview":{"retentionDays":7,"currentDays":30,"dueNow":{"count":1,"bytes":2},"sooner":{"count":3,"bytes":4},
             "later":{"count":5,"bytes":6}}})",
         {{"preview", kObject},
          {"preview.retentionDays", kNumber},
          {"preview.currentDays", kNumber},
          {"preview.dueNow", kObject},
          {"preview.dueNow.count", kNumber},
          {"preview.dueNow.bytes", kNumber},
          {"preview.sooner", kObject},
          {"preview.sooner.count", kNumber},
          {"preview.sooner.bytes", kNumber},
          {"preview.later", kObject},
          {"preview.later.count", kNumber},
          {"preview.later.bytes", kNumber}}},
    };
}

}  // namespace

TEST_CASE("No decoder throws on any wrong-typed field, and each names the field", "[no_throw]") {
    for (const Decoder& decoder : Decoders()) {
        const json valid = json::parse(decoder.validBody);
        std::string error;
        INFO(decoder.validBody);
        REQUIRE(decoder.decode(valid.dump(), error));
        const json flat = valid.flatten();
        // Every value's path and every container's path (flatten lists leaves only).
        std::set<std::string> pointers;
        for (const auto& leaf : flat.items())
            for (json::json_pointer p(leaf.key()); !p.empty(); p = p.parent_pointer()) pointers.insert(p.to_string());
        for (const std::string& text : pointers) {
            const json::json_pointer pointer(text);
            const std::string dotted = Dotted(pointer);
            const auto accepts = decoder.accepts.find(Pattern(dotted));
            for (const json& replacement : kReplacements) {
                json body = valid;
                body[pointer] = replacement;
                const std::string kind = Kind(replacement);
                INFO(decoder.what << ": " << dotted << " = " << replacement.dump());
                bool ok = false;
                error.clear();
                CHECK_NOTHROW(ok = decoder.decode(body.dump(), error));
                if (!ok) CHECK(error.rfind(std::string("Unexpected ") + decoder.what + ": ", 0) == 0);
                if (accepts == decoder.accepts.end() || kind == "null" || accepts->second.count(kind)) continue;
                // A kind the field does not take is an error naming the field.
                CHECK_FALSE(ok);
                CHECK(error.rfind(std::string("Unexpected ") + decoder.what + ": " + dotted + " must be", 0) == 0);
            }
        }
    }
}

TEST_CASE("Error bodies of any shape never throw", "[no_throw]") {
    for (const json& replacement : kReplacements) {
        INFO(replacement.dump());
        std::string message;
        CHECK_NOTHROW(message = ErrorMessageFromResponse(404, json{{"error", replacement}}.dump()));
        CHECK(message == (replacement == "text" ? "text" : "Not found (HTTP 404)"));
        CHECK_NOTHROW(message = ErrorMessageFromResponse(500, replacement.dump()));
        CHECK(message == "The server had a problem (HTTP 500)");
    }
}

TEST_CASE("Listing fields of any kind never throw", "[no_throw]") {
    const json valid = json::parse(R"({"items":[{"type":"version","id":"v1","name":"v1","url":"u","parentId":"p1",
        "parentName":"P","parentUrl":"p","parentInTrash":false,"deletedAt":"2026-11-20T10:00:00.000Z",
        "scheduledCleanupAt":"2026-12-20T10:00:00.000Z","deletedBy":"u1","deletedByName":"A","sizeBytes":5,
        "cleanupDeleteImages":true,"childCount":2}],"sections":{"versions":[]},"nextCursor":"c"})");
    REQUIRE(ParseTrashListing(valid.dump()).ok());
    const json flat = valid.flatten();
    std::set<std::string> pointers;
    for (const auto& leaf : flat.items())
        for (json::json_pointer p(leaf.key()); !p.empty(); p = p.parent_pointer()) pointers.insert(p.to_string());
    for (const std::string& text : pointers)
        for (const json& replacement : kReplacements) {
            json body = valid;
            body[json::json_pointer(text)] = replacement;
            INFO(text << " = " << replacement.dump());
            CHECK_NOTHROW(ParseTrashListing(body.dump()));
        }
}
