// The pattern language of tests/contract scenarios (README there, "expect"), as
// tests/server/contract_match.py has it: matching an answer against a pattern and naming where it
// differs, JSON pointers for "save", and ${name} substitution.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace contract {

using OJson = nlohmann::ordered_json;
using Saved = std::map<std::string, OJson>;

// Where and how an answer differs from its pattern; empty when it matches.
struct Mismatch {
    std::string pointer, message;
    explicit operator bool() const { return !message.empty(); }
    std::string Text() const { return (pointer.empty() ? "/" : pointer) + ": " + message; }
};

std::string Short(const OJson& value);
Mismatch Match(const OJson& pattern, const OJson& value, const Saved& saved, const std::string& pointer = "");
std::optional<OJson> ResolvePointer(const OJson& document, const std::string& pointer);
// ${name} in strings (recursively) replaced by the saved value; *error names a missing one.
OJson Substitute(const OJson& value, const Saved& saved, std::string* error);

}  // namespace contract
