// Text helpers: ASCII case folding, URL encoding, UTF-8 validation and repair, display
// sanitising of untrusted names, and counts with thousands separators.
#include "core/text.h"

#include <cstdint>  // uint32_t

namespace trash {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at `pos` (1-4), or 0 if it is ill-formed.
// Follows the table of Unicode 15 §3.9 (no overlongs, no surrogates, nothing above U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t pos, uint32_t& codePoint) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        codePoint = b0;
        return 1;
    }
    size_t length;
    unsigned char low = 0x80, high = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        length = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) low = 0xA0;
        if (b0 == 0xED) high = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) low = 0x90;
        if (b0 == 0xF4) high = 0x8F;
    } else
        return 0;
    if (pos + length > text.size()) return 0;
    const unsigned char b1 = byte(pos + 1);
    if (b1 < low || b1 > high) return 0;
    codePoint = b0 & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(pos + i);
        if (i > 1 && (b < 0x80 || b > 0xBF)) return 0;
        codePoint = (codePoint << 6) | (b & 0x3F);
    }
    return length;
}

bool IsUnsafeToDraw(uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
}  // namespace

std::string ToLowerAscii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

namespace {
unsigned char LowerAscii(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}
}  // namespace

int CompareLowerAscii(std::string_view a, std::string_view b) {
    const size_t n = a.size() < b.size() ? a.size() : b.size();
    for (size_t i = 0; i < n; ++i) {
        const unsigned char x = LowerAscii(a[i]), y = LowerAscii(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : a.size() < b.size() ? -1 : 1;
}

bool ContainsLowerAscii(std::string_view text, std::string_view lowerNeedle) {
    if (lowerNeedle.empty()) return true;
    if (lowerNeedle.size() > text.size()) return false;
    const unsigned char first = static_cast<unsigned char>(lowerNeedle[0]);
    for (size_t at = 0; at + lowerNeedle.size() <= text.size(); ++at) {
        if (LowerAscii(text[at]) != first) continue;
        size_t i = 1;
        while (i < lowerNeedle.size() && LowerAscii(text[at + i]) == static_cast<unsigned char>(lowerNeedle[i])) ++i;
        if (i == lowerNeedle.size()) return true;
    }
    return false;
}

std::string UrlEncode(std::string_view segment) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(segment.size());
    for (char c : segment) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' ||
            b == '_' || b == '~') {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[b >> 4];
            encoded += kHex[b & 0xF];
        }
    }
    return encoded;
}

bool IsValidUtf8(std::string_view text) {
    uint32_t codePoint;
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = Utf8SequenceLength(text, pos, codePoint);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::string RepairUtf8(std::string_view text) {
    std::string repaired;
    repaired.reserve(text.size());
    uint32_t codePoint;
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = Utf8SequenceLength(text, pos, codePoint);
        if (length == 0) {
            repaired += kReplacement;
            ++pos;
        } else {
            repaired.append(text, pos, length);
            pos += length;
        }
    }
    return repaired;
}

std::string SanitizeForDisplay(const std::string& text) {
    std::string safe;
    safe.reserve(text.size());
    uint32_t codePoint;
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = Utf8SequenceLength(text, pos, codePoint);
        if (length == 0 || IsUnsafeToDraw(codePoint)) {
            safe += kReplacement;
            pos += length == 0 ? 1 : length;
        } else {
            safe.append(text, pos, length);
            pos += length;
        }
    }
    return safe;
}

void AppendJsonString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (b < 0x20) {
            out += "\\u00";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string FormatCount(uint64_t count) {
    const std::string digits = std::to_string(count);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string CountOf(uint64_t count, const char* singular, const char* plural) {
    std::string out = FormatCount(count);
    out += ' ';
    out += count == 1 ? singular : plural;
    return out;
}

}  // namespace trash
