// The request edges of the demo backend, as serve.py's httpd.py and jsonio.py handle them: the
// target's path and query (urllib's parse_qs), the session cookie, the strict JSON body reader
// and the field readers, each failure a 400 with serve.py's message.
#include "demo/demo_http.h"

#include <algorithm>  // std::stable_sort
#include <cstdio>     // std::snprintf
#include <set>        // the keys of each open object

namespace demo {

Answer ErrorAnswer(const ApiError& error) {
    Json body{{"error", error.message}};
    for (const auto& [key, value] : error.extra.items()) body[key] = value;
    return Answer{error.status, std::move(body), {}};
}

ApiError Call::NeedPermission(const std::string& permission) const {
    if (role != nullptr &&
        std::find(role->permissions.begin(), role->permissions.end(), permission) != role->permissions.end())
        return {};
    return ApiError{403, "Your role lacks the " + permission + " permission"};
}

namespace {
std::string Lower(std::string text) { return LowerAscii(std::move(text)); }

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string PercentDecodeBytes(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
            out += static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Length of the valid UTF-8 sequence at i, or 0.
size_t Utf8Length(const std::string& text, size_t i) {
    const auto byte = [&text](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    size_t length = c < 0x80                   ? 1
                    : (c >= 0xC2 && c <= 0xDF) ? 2
                    : (c >= 0xE0 && c <= 0xEF) ? 3
                    : (c >= 0xF0 && c <= 0xF4) ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    if (length == 3 && ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0))) return 0;
    if (length == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
    return length;
}

// Python's bytes.decode("utf-8", "replace"), one U+FFFD per bad byte.
std::string ReplaceInvalidUtf8(const std::string& bytes) {
    std::string out;
    for (size_t i = 0; i < bytes.size();) {
        const size_t length = Utf8Length(bytes, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(bytes, i, length);
            i += length;
        }
    }
    return out;
}

bool ValidUtf8(const std::string& bytes, size_t* badAt) {
    for (size_t i = 0; i < bytes.size();) {
        const size_t length = Utf8Length(bytes, i);
        if (length == 0) {
            *badAt = i;
            return false;
        }
        i += length;
    }
    return true;
}
}  // namespace

const std::string* HeaderValue(const HttpRequest& request, const std::string& name) {
    for (const Header& header : request.headers) {
        if (Lower(header.first) == Lower(name)) return &header.second;
    }
    return nullptr;
}

void SplitTarget(const std::string& target, std::string* path, std::string* query) {
    const std::string noFragment = target.substr(0, target.find('#'));
    const size_t mark = noFragment.find('?');
    *path = noFragment.substr(0, mark);
    *query = mark == std::string::npos ? "" : noFragment.substr(mark + 1);
}

Query ParseQuery(const std::string& text) {
    Query query;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        std::string piece = text.substr(start, end - start);
        start = end + 1;
        if (piece.empty()) continue;
        const size_t equals = piece.find('=');
        std::string name = piece.substr(0, equals);
        std::string value = equals == std::string::npos ? "" : piece.substr(equals + 1);
        std::replace(name.begin(), name.end(), '+', ' ');
        std::replace(value.begin(), value.end(), '+', ' ');
        query.emplace(ReplaceInvalidUtf8(PercentDecodeBytes(name)), ReplaceInvalidUtf8(PercentDecodeBytes(value)));
    }
    return query;
}

bool PercentDecodeStrict(const std::string& text, std::string* out) {
    *out = PercentDecodeBytes(text);
    size_t badAt = 0;
    return ValidUtf8(*out, &badAt);
}

std::string CookieValue(const HttpRequest& request, const std::string& name) {
    std::string found;
    for (const Header& header : request.headers) {
        if (Lower(header.first) != "cookie") continue;
        const std::string& text = header.second;
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find(';', start);
            if (end == std::string::npos) end = text.size();
            const std::string pair = text.substr(start, end - start);
            start = end + 1;
            const size_t equals = pair.find('=');
            if (equals == std::string::npos) continue;
            const size_t first = pair.find_first_not_of(' ');
            if (pair.substr(first, equals - first) != name) continue;
            std::string value = pair.substr(equals + 1);
            while (!value.empty() && value.back() == ' ') value.pop_back();
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            found = value;  // the last one wins, as in http.cookies
        }
    }
    return found;
}

ApiError ParseBody(const std::string& raw, Json* out) {
    if (raw.empty()) return ApiError{400, "Request body must be a JSON object"};
    size_t badAt = 0;
    if (!ValidUtf8(raw, &badAt)) {
        char message[160];
        std::snprintf(message, sizeof message,
                      "Malformed JSON: 'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                      static_cast<unsigned char>(raw[badAt]), badAt);
        return ApiError{400, message};
    }
    if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return ApiError{400, "Malformed JSON: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"};
    // Python's reader gives up near its recursion limit; nlohmann would build any depth.
    static constexpr int kMaxDepth = 900;
    std::vector<std::set<std::string>> keys;
    std::string duplicate;
    bool tooDeep = false;
    auto check = [&](int depth, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start: keys.emplace_back(); break;
        case Json::parse_event_t::object_end:
            if (!keys.empty()) keys.pop_back();
            break;
        case Json::parse_event_t::key:
            if (!keys.empty() && parsed.is_string() && !keys.back().insert(parsed.get<std::string>()).second &&
                duplicate.empty())
                duplicate = "Malformed JSON: duplicate key " + PyRepr(parsed.get<std::string>());
            break;
        default: break;
        }
        if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) &&
            depth > kMaxDepth)
            tooDeep = true;
        return !tooDeep;
    };
    Json value = Json::parse(raw, check, false);
    if (tooDeep) return ApiError{400, "Malformed JSON: nested too deeply"};
    if (value.is_discarded()) {
        // nlohmann refuses a \ud800 without its pair: issue 11's rule, a 400 in the reader.
        const bool surrogate = raw.find("\\ud") != std::string::npos || raw.find("\\uD") != std::string::npos;
        return ApiError{
            400, surrogate ? "Malformed JSON: a string holds a lone surrogate" : "Malformed JSON: not valid JSON"};
    }
    if (!duplicate.empty()) return ApiError{400, duplicate};
    if (!value.is_object()) return ApiError{400, "Request body must be a JSON object"};
    *out = std::move(value);
    return {};
}

ApiError GetStr(const Json& body, const std::string& name, bool required, OptText* out) {
    auto it = body.find(name);
    *out = std::nullopt;
    if (it == body.end() || it->is_null()) {
        if (required) return ApiError{400, name + " is required"};
        return {};
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty())
        return ApiError{400, name + " must be a non-empty string"};
    if (Utf8Prefix(it->get<std::string>(), 200) != it->get<std::string>()) return ApiError{400, name + " is too long"};
    *out = it->get<std::string>();
    return {};
}

ApiError GetBool(const Json& body, const std::string& name, bool* out) {
    auto it = body.find(name);
    *out = false;
    if (it == body.end()) return {};
    if (!it->is_boolean()) return ApiError{400, name + " must be true or false"};
    *out = it->get<bool>();
    return {};
}

ApiError GetInt(const Json& body, const std::string& name, int64_t low, int64_t high, int64_t* out) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_number_integer()) return ApiError{400, name + " must be an integer"};
    // nlohmann keeps non-negative integers as unsigned; past INT64_MAX is out of any range here.
    const bool huge = it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX);
    const int64_t value = huge ? 0 : it->get<int64_t>();
    if (huge || value < low || value > high)
        return ApiError{400, name + " must be between " + std::to_string(low) + " and " + std::to_string(high)};
    *out = value;
    return {};
}

ApiError ReadItemRef(const Json& body, const std::vector<std::string>& idNames, ItemRef* out) {
    if (!body.is_object()) return ApiError{400, "Each item must be a JSON object"};
    auto type = body.find("type");
    if (type == body.end()) return ApiError{400, "type is required"};
    if (!type->is_string()) return ApiError{400, "type must be a string"};
    if (!IsType(type->get<std::string>()))
        return ApiError{400, "Unknown type \"" + Utf8Prefix(type->get<std::string>(), 40) +
                                 "\"; expected one of project, version, model, dataset, workflow"};
    out->type = type->get<std::string>();
    OptText id;
    for (const std::string& name : idNames) {
        if (ApiError error = GetStr(body, name, false, &id)) return error;
        if (id) break;
    }
    if (!id) {
        std::string names;
        for (const std::string& name : idNames) names += (names.empty() ? "" : " or ") + name;
        return ApiError{400, names + " is required"};
    }
    out->id = *id;
    if (ApiError error = GetStr(body, "parentId", false, &out->parentId)) return error;
    if (IsChildType(out->type) && !out->parentId) return ApiError{400, "parentId is required for " + out->type + "s"};
    return {};
}

ApiError ReadRefs(const Json& body, std::vector<ItemRef>* out) {
    static constexpr size_t kMaxBatch = 10000;
    auto items = body.find("items");
    if (items == body.end() || !items->is_array() || items->empty())
        return ApiError{400, "items must be a non-empty array"};
    if (items->size() > kMaxBatch) return ApiError{400, "items may hold at most 10000 entries"};
    for (const Json& item : *items) {
        ItemRef ref;
        if (ApiError error = ReadItemRef(item, {"id"}, &ref)) return error;
        out->push_back(std::move(ref));
    }
    std::stable_sort(out->begin(), out->end(),
                     [](const ItemRef& a, const ItemRef& b) { return !IsChildType(a.type) && IsChildType(b.type); });
    return {};
}

}  // namespace demo
