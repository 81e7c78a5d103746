// Small text helpers shared by the core: ASCII case folding for search, URL encoding of path
// segments, making untrusted names safe to draw (control and bidi-override characters), counts as
// people read them ("100,013", "1 item", "1,000 items"), and joining a sentence from its parts.
#pragma once

#include <cstdint>      // uint64_t
#include <string>       // std::string
#include <string_view>  // inputs

namespace trash {

// Lowercases ASCII letters only; UTF-8 sequences pass through unchanged, so search is
// case-insensitive for ASCII and exact for other scripts.
std::string ToLowerAscii(std::string_view text);
// The same folding without a copy (the Trash view keeps no lowercased copy of 100,000 names):
// CompareLowerAscii orders as ToLowerAscii(a).compare(ToLowerAscii(b)) does (<0, 0, >0);
// ContainsLowerAscii finds an already lowercased needle in text whatever text's ASCII case.
int CompareLowerAscii(std::string_view a, std::string_view b);
bool ContainsLowerAscii(std::string_view text, std::string_view lowerNeedle);
// Percent-encodes everything except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string UrlEncode(std::string_view segment);
// Replaces C0/C1 controls, DEL and bidirectional overrides/isolates (U+202A-202E, U+2066-2069)
// with U+FFFD, so a hostile name cannot break a row or reorder the text around it.
// Invalid UTF-8 bytes are replaced too.
std::string SanitizeForDisplay(const std::string& text);
// True when every byte sequence is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);
// Replaces each ill-formed UTF-8 sequence with U+FFFD.
std::string RepairUtf8(std::string_view text);
// Appends `text` as a JSON string literal (quotes, backslashes and control characters escaped;
// the bytes are passed through, so repair untrusted text first).
void AppendJsonString(std::string& out, std::string_view text);

// Every count the page shows goes through these, so each has its thousands separators:
// FormatCount(100013) is "100,013"; CountOf(1, "item", "items") is "1 item", CountOf(1000, ...)
// "1,000 items".
std::string FormatCount(uint64_t count);
std::string CountOf(uint64_t count, const char* singular, const char* plural);

// One string from its parts (C strings, std::strings, string_views), appended in order:
// Concat("Moved ", name, " back to Trash"). A chain of `+` makes and destroys a string at every
// step (about 1,100 destructor calls in the wasm); this builds the result once. Always inlined, so
// each call is a copy of its first part and the appends of the others, not a function per list of
// part types.
template <typename First, typename... Rest>
[[gnu::always_inline]] inline std::string Concat(const First& first, const Rest&... rest) {
    std::string out(first);
    (out.append(rest), ...);
    return out;
}

}  // namespace trash
