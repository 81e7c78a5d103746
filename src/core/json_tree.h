// A small JSON tree for the API's decoders: a body read by nlohmann's SAX parser into nodes
// (nlohmann's DOM, basic_json, is never instantiated: it would cost the page about 20 KB of wasm),
// and a Reader whose every field access checks the value's kind first, so nothing here throws.
// Shared by api_codec.cpp and activity_codec.cpp; not part of the core's public interface.
#pragma once

#include <algorithm>    // std::clamp
#include <cstdint>      // int64_t, uint32_t
#include <limits>       // number clamping
#include <string>       // paths, messages
#include <string_view>  // bodies
#include <vector>       // nodes

#include "core/json_events.h"  // ParseJson, JsonSink
#include "core/result.h"       // ParseResult, ParseError
#include "core/text.h"         // Concat

namespace trash::json_tree {

// One JSON value. Nodes live in one vector (the root first) and are linked by index, so a
// hostile body nested 100,000 deep is neither built nor destroyed by recursion.
struct Node {
    enum Kind : unsigned char { Null, Bool, Integer, Float, String, Object, Array } kind = Null;
    bool boolean = false;
    int64_t integer = 0;  // numbers that fit an integer (larger unsigned ones are clamped)
    double number = 0;    // the other numbers
    std::string text;     // a string's value
    std::string key;      // the member's name, inside an object
    uint32_t first = 0;   // first child of an object or array (0: none; the root is no child)
    uint32_t last = 0;    // last child
    uint32_t next = 0;    // next sibling
    uint32_t size = 0;    // number of children

    bool isNumber() const { return kind == Integer || kind == Float; }
};

// Builds the nodes from the parser's events.
class TreeBuilder final : public JsonSink {
public:
    explicit TreeBuilder(std::vector<Node>& nodes) : nodes_(nodes) {}

    bool OnValue(const JsonValue& value) override {
        Node n;
        switch (value.kind) {
        case JsonValue::ObjectStart: return Open(Node::Object);
        case JsonValue::ArrayStart: return Open(Node::Array);
        case JsonValue::Null: break;
        case JsonValue::Bool: n.kind = Node::Bool; break;
        case JsonValue::Integer: n.kind = Node::Integer; break;
        case JsonValue::Float: n.kind = Node::Float; break;
        case JsonValue::String:
            n.kind = Node::String;
            n.text = std::move(*value.text);
            break;
        }
        n.boolean = value.boolean;
        n.integer = value.integer;
        n.number = value.number;
        return Add(std::move(n));
    }
    bool OnEnd() override {
        open_.pop_back();
        return true;
    }
    bool OnKey(std::string& name) override {
        key_ = std::move(name);
        return true;
    }
    bool OnError(size_t, const nlohmann::detail::exception&) override { return false; }

private:
    bool Add(Node node) {
        const auto index = static_cast<uint32_t>(nodes_.size());
        if (!open_.empty()) {
            Node& parent = nodes_[open_.back()];
            if (parent.kind == Node::Object) node.key = std::move(key_);
            if (parent.size++ == 0)
                parent.first = index;
            else
                nodes_[parent.last].next = index;
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
inline std::vector<Node> ParseTree(std::string_view body) {
    std::vector<Node> nodes;
    TreeBuilder builder(nodes);
    if (!ParseJson(ResponseBody(body), 0, builder)) nodes.clear();
    return nodes;
}

// [SECTION] Checked field access

// A JSON number as int64: floats are truncated, out-of-range values clamped (a cast would be UB).
inline int64_t ToInt64(const Node& value) {
    if (value.kind == Node::Integer) return value.integer;
    constexpr double kLimit = 9.2e18;
    const double d = value.number;
    return d >= kLimit    ? std::numeric_limits<int64_t>::max()
           : d <= -kLimit ? std::numeric_limits<int64_t>::min()
                          : static_cast<int64_t>(d);
}

inline std::string Join(const char* path, const char* name) { return *path ? Concat(path, ".", name) : name; }
inline std::string Index(const char* path, size_t i) { return Concat(path, "[", std::to_string(i), "]"); }

enum class Need { Optional, Required };

// Reads one body. A field that is absent or null takes its default (unless required); a field of
// another kind is an error. Only the first error is kept; reads after it still return defaults,
// so decoders run straight through and check `ok()` once at the end.
// Paths ("workspace", "restored[2]") and fallbacks are C strings: almost all are literals, and a
// std::string parameter cost each of the decoders' hundred calls a temporary (0.5 KB of the gzipped wasm).
class Reader {
public:
    Reader(const char* what, const std::vector<Node>& nodes) : what_(what), nodes_(nodes) {}

    bool ok() const { return error_.empty(); }
    ParseError Error() const { return ParseError{Concat("Unexpected ", what_, ": ", error_)}; }

    void Fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }
    // "path.name problem", e.g. "workspace.name must be a string".
    void Fail(const char* path, const char* name, const char* problem) {
        if (error_.empty()) error_ = Concat(Join(path, name), problem);
    }

    // Calls fn(element, index) for each element of an array (or member of an object).
    template <typename Fn>
    void ForEach(const Node& container, Fn fn) const {
        size_t i = 0;
        for (uint32_t at = container.first; at; at = nodes_[at].next) fn(nodes_[at], i++);
    }

    // `object[name]` when present and not null, else nullptr (recording "is missing" if required).
    // A repeated name counts once, with its last value (as nlohmann's DOM did).
    const Node* Find(const Node& object, const char* path, const char* name, Need need) {
        const Node* found = nullptr;
        if (object.kind == Node::Object)
            ForEach(object, [&](const Node& member, size_t) {
                if (member.key == name) found = &member;
            });
        if (found && found->kind != Node::Null) return found;
        if (need == Need::Required) Fail(path, name, " is missing");
        return nullptr;
    }

    std::string String(const Node& object, const char* path, const char* name, Need need = Need::Optional,
                       const char* fallback = "") {
        const Node* value = Find(object, path, name, need);
        if (!value) return fallback;
        if (value->kind == Node::String) return value->text;
        Fail(path, name, " must be a string");
        return fallback;
    }

    // Ids may arrive as JSON integers; they are kept as their decimal text.
    std::string Id(const Node& object, const char* path, const char* name, Need need) {
        const Node* value = Find(object, path, name, need);
        if (!value) return {};
        if (value->kind == Node::String) return value->text;
        if (value->kind == Node::Integer) return std::to_string(value->integer);
        Fail(path, name, " must be a string");
        return {};
    }

    int64_t Number(const Node& object, const char* path, const char* name, int64_t fallback = 0) {
        const Node* value = Find(object, path, name, Need::Optional);
        if (!value) return fallback;
        if (value->isNumber()) return ToInt64(*value);
        Fail(path, name, " must be a number");
        return fallback;
    }

    const Node* Object(const Node& object, const char* path, const char* name, Need need) {
        return OfKind(object, path, name, need, Node::Object, " must be an object");
    }
    const Node* Array(const Node& object, const char* path, const char* name, Need need) {
        return OfKind(object, path, name, need, Node::Array, " must be an array");
    }

    // An array element that must be an object.
    bool IsObject(const Node& value, const char* path) {
        if (value.kind == Node::Object) return true;
        Fail(Concat(path, " must be an object"));
        return false;
    }

    std::vector<std::string> Strings(const Node& object, const char* path, const char* name) {
        std::vector<std::string> out;
        const Node* array = Array(object, path, name, Need::Optional);
        if (!array) return out;
        ForEach(*array, [&](const Node& value, size_t i) {
            if (value.kind == Node::String)
                out.push_back(value.text);
            else
                Fail(Concat(Index(Join(path, name).c_str(), i), " must be a string"));
        });
        return out;
    }

private:
    const Node* OfKind(const Node& object, const char* path, const char* name, Need need, Node::Kind kind,
                       const char* problem) {
        const Node* value = Find(object, path, name, need);
        if (!value || value->kind == kind) return value;
        Fail(path, name, problem);
        return nullptr;
    }

    const char* what_;
    const std::vector<Node>& nodes_;
    std::string error_;
};

// The body's nodes when its root is an object; else none, and `error` says what the body is.
// Apart from Decode so that each decoder's Decode does not carry its own copy of the messages.
inline std::vector<Node> ParseObjectTree(std::string_view body, const char* what, std::string& error) {
    std::vector<Node> nodes = ParseTree(body);
    if (nodes.empty())
        error = Concat("The ", what, " is not valid JSON");
    else if (nodes[0].kind != Node::Object)
        error = Concat("The ", what, " is not a JSON object");
    if (!error.empty()) nodes.clear();
    return nodes;
}

// The body decoded by `decode(reader, root)`, or a ParseError saying what was expected.
template <typename T, typename Fn>
ParseResult<T> Decode(std::string_view body, const char* what, Fn decode) {
    std::string error;
    const std::vector<Node> nodes = ParseObjectTree(body, what, error);
    if (nodes.empty()) return ParseError{std::move(error)};
    Reader reader(what, nodes);
    T result = decode(reader, nodes[0]);
    if (!reader.ok()) return reader.Error();
    return result;
}

}  // namespace trash::json_tree
