// The contract scenarios' pattern language (contract_match.h), the rules of
// tests/server/contract_match.py in C++, so both runners judge answers alike.
#include "contract_match.h"

#include <algorithm>  // std::count_if
#include <regex>      // ${name}

namespace contract {

std::string Short(const OJson& value) {
    const std::string text = value.dump(-1, ' ', false, OJson::error_handler_t::replace);
    return text.size() <= 200 ? text : text.substr(0, 200) + "...";
}

static std::string Kind(const OJson& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return "boolean";
    if (value.is_number()) return "number";
    if (value.is_string()) return "string";
    return value.is_array() ? "array" : "object";
}

static bool IsOperator(const OJson& pattern) {
    return pattern.is_object() && pattern.size() == 1 && pattern.begin().key().rfind('$', 0) == 0;
}

static size_t CodePoints(const std::string& text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

static std::string Escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

static Mismatch MatchOperator(const OJson& pattern, const OJson& value, const Saved& saved,
                              const std::string& pointer) {
    const std::string op = pattern.begin().key();
    const OJson& arg = pattern.begin().value();
    auto fail = [&pointer](std::string message) { return Mismatch{pointer, std::move(message)}; };
    auto number = [&]() -> std::optional<double> {
        return value.is_number() ? std::optional<double>(value.get<double>()) : std::nullopt;
    };
    if (op == "$len") {
        const size_t length = value.is_array()    ? value.size()
                              : value.is_string() ? CodePoints(value.get<std::string>())
                                                  : 0;
        if (!(value.is_array() || value.is_string()) || OJson(length) != arg)
            return fail("expected length " + Short(arg) + ", got " + Short(value));
    } else if (op == "$gte" || op == "$lte") {
        if (!number()) return fail("expected a number, got " + Short(value));
        const double bound = arg.is_number() ? arg.get<double>() : 0;
        if (op == "$gte" ? *number() < bound : *number() > bound)
            return fail("expected " + std::string(op == "$gte" ? ">= " : "<= ") + Short(arg) + ", got " + Short(value));
    } else if (op == "$type") {
        if (!arg.is_string() || Kind(value) != arg.get<std::string>())
            return fail("expected a " + Short(arg) + ", got " + Short(value));
    } else if (op == "$contains" || op == "$each") {
        if (!value.is_array()) return fail("expected an array, got " + Short(value));
        bool any = false;
        for (size_t i = 0; i < value.size(); ++i) {
            Mismatch inner = Match(arg, value[i], saved, pointer + "/" + std::to_string(i));
            if (op == "$each" && inner) return inner;
            any = any || !inner;
        }
        if (op == "$contains" && !any) return fail("no element matches " + Short(arg) + " in " + Short(value));
    } else if (op == "$saved") {
        auto it = arg.is_string() ? saved.find(arg.get<std::string>()) : saved.end();
        if (it == saved.end()) return fail("nothing saved as " + Short(arg));
        return Match(it->second, value, saved, pointer);
    } else if (op == "$prefix") {
        if (!value.is_string() || !arg.is_string() || value.get<std::string>().rfind(arg.get<std::string>(), 0) != 0)
            return fail("expected a string starting with " + Short(arg) + ", got " + Short(value));
    } else if (op == "$absent") {
        return fail("$absent is only valid as an object member");
    } else {
        return fail("unknown operator " + op + " in the scenario");
    }
    return {};
}

// The README's expect.json rules, as tests/server/contract_match.py has them.
Mismatch Match(const OJson& pattern, const OJson& value, const Saved& saved, const std::string& pointer) {
    if (IsOperator(pattern)) return MatchOperator(pattern, value, saved, pointer);
    if (pattern.is_object()) {
        if (!value.is_object()) return {pointer, "expected an object, got " + Short(value)};
        for (const auto& [key, sub] : pattern.items()) {
            const std::string here = pointer + "/" + Escape(key);
            const bool present = value.contains(key);
            if (sub == OJson{{"$absent", true}}) {
                if (present) return {here, "expected no such key, got " + Short(value[key])};
            } else if (!present) {
                return {here, "missing"};
            } else if (Mismatch inner = Match(sub, value[key], saved, here)) {
                return inner;
            }
        }
        return {};
    }
    if (pattern.is_array()) {
        if (!value.is_array()) return {pointer, "expected an array, got " + Short(value)};
        if (value.size() != pattern.size())
            return {pointer, "expected " + std::to_string(pattern.size()) + " elements, got " +
                                 std::to_string(value.size()) + ": " + Short(value)};
        for (size_t i = 0; i < pattern.size(); ++i) {
            if (Mismatch inner = Match(pattern[i], value[i], saved, pointer + "/" + std::to_string(i))) return inner;
        }
        return {};
    }
    if (Kind(pattern) != Kind(value) || pattern != value)
        return {pointer, "expected " + Short(pattern) + ", got " + Short(value)};
    return {};
}

std::optional<OJson> ResolvePointer(const OJson& document, const std::string& pointer) {
    const OJson* value = &document;
    size_t start = pointer.empty() ? std::string::npos : 1;
    while (start != std::string::npos && start <= pointer.size()) {
        const size_t end = pointer.find('/', start);
        std::string token = pointer.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? std::string::npos : end + 1;
        token = std::regex_replace(std::regex_replace(token, std::regex("~1"), "/"), std::regex("~0"), "~");
        const bool digits = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
        if (value->is_array() && digits && std::stoull(token) < value->size())
            value = &(*value)[std::stoull(token)];
        else if (value->is_object() && value->contains(token))
            value = &(*value)[token];
        else
            return std::nullopt;
    }
    return *value;
}

OJson Substitute(const OJson& value, const Saved& saved, std::string* error) {
    if (value.is_string()) {
        static const std::regex kName("\\$\\{([^}]+)\\}");
        const std::string text = value.get<std::string>();
        std::string out;
        auto last = text.cbegin();
        for (std::sregex_iterator it(text.begin(), text.end(), kName), end; it != end; ++it) {
            out.append(last, (*it)[0].first);
            auto found = saved.find((*it)[1].str());
            if (found == saved.end())
                *error = "nothing saved as '" + (*it)[1].str() + "'";
            else
                out += found->second.is_string() ? found->second.get<std::string>() : found->second.dump();
            last = (*it)[0].second;
        }
        out.append(last, text.cend());
        return out;
    }
    OJson out = value;
    if (value.is_array() || value.is_object()) {
        for (auto& element : out) element = Substitute(element, saved, error);
    }
    return out;
}

}  // namespace contract
