// Small helpers of the demo backend: its PRNG (session tokens, CSRF tokens), timestamps, JSON
// text that never aborts, Python-like text helpers for serve.py's messages, and look-ups.
#include "demo/demo_state.h"

#include "core/iso_time.h"  // FormatIsoTime

#include <algorithm>  // std::find_if

namespace demo {

const std::vector<std::string> kPermissions = {
    "view_trash",    "trash_dataset",  "restore_dataset",  "trash_version",      "restore_version", "trash_model",
    "restore_model", "trash_workflow", "restore_workflow", "delete_permanently", "view_activity"};
const std::vector<std::string> kTypes = {"project", "version", "model", "dataset", "workflow"};

// splitmix64: tiny, and good enough for tokens that never leave the browser.
uint64_t NextRandom(State& state) {
    uint64_t z = (state.rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string RandomToken(State& state, size_t length) {
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string token;
    token.reserve(length);
    while (token.size() < length) token += kAlphabet[NextRandom(state) % 64];
    return token;
}

namespace {
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

std::string Base64Url(const std::string& bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kBase64[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += kBase64[(buffer << (6 - bits)) & 63];
    return out;
}

bool FromBase64Url(const std::string& text, std::string* bytes) {
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const char* at = std::find(kBase64, kBase64 + 64, c);
        if (at == kBase64 + 64) return false;
        buffer = (buffer << 6) | static_cast<uint32_t>(at - kBase64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *bytes += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return text.size() % 4 != 1;
}

std::string Iso(int64_t ms) { return trash::FormatIsoTime(ms); }

std::string Dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// SQLite's lower() without ICU: ASCII letters only.
std::string LowerAscii(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// The first codePoints characters (Python's text[:n]) of UTF-8 text.
std::string Utf8Prefix(const std::string& text, size_t codePoints) {
    size_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == codePoints) return text.substr(0, i);
            ++count;
        }
    }
    return text;
}

std::string PyRepr(const std::string& text) {
    const bool useDouble = text.find('\'') != std::string::npos && text.find('"') == std::string::npos;
    const char quote = useDouble ? '"' : '\'';
    std::string out(1, quote);
    for (char c : text) {
        if (c == '\\' || c == quote) out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\t') {
            out += "\\t";
            continue;
        }
        if (c == '\r') {
            out += "\\r";
            continue;
        }
        out += c;
    }
    return out + quote;
}

bool IsChildType(const std::string& type) { return type == "version" || type == "model"; }

bool IsType(const std::string& type) { return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end(); }

const Workspace* FindWorkspace(const State& state, const std::string& id) {
    for (const Workspace& ws : state.workspaces) {
        if (ws.id == id) return &ws;
    }
    return nullptr;
}

Workspace* FindWorkspace(State& state, const std::string& id) {
    return const_cast<Workspace*>(FindWorkspace(static_cast<const State&>(state), id));
}

const User* FindUser(const State& state, const std::string& id) {
    for (const User& user : state.users) {
        if (user.id == id) return &user;
    }
    return nullptr;
}

const Role* FindRole(const Workspace& ws, const std::string& name) {
    for (const Role& role : ws.roles) {
        if (role.name == name) return &role;
    }
    return nullptr;
}

}  // namespace demo
