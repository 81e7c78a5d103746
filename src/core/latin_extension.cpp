// The Latin extension test (latin_extension.h): in UTF-8, U+00A0-U+017F are the two-byte
// sequences led by C2 (continued by A0-BF), C3, C4 or C5, so no decoding is needed; in a JSON
// answer they may also be escaped, \u00a0 to \u017f.
#include "core/latin_extension.h"

#include <algorithm>  // std::min
#include <string>     // the piece buffer

namespace trash {
namespace {

// Where a scan stands at the end of a piece: after a C2 lead byte, or inside a JSON \u escape
// (`escape` is 1 after the backslash, 2 + the hex digits read after the u).
struct ScanState {
    bool afterC2 = false;
    int escape = 0;
    unsigned escaped = 0;
};

int HexValue(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<unsigned char>(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// True at the last hex digit of an escape in the block. "\\u00e9" is a backslash and text: the
// second backslash ends the first escape.
bool EscapeStep(unsigned char b, ScanState& state) {
    if (state.escape == 0) {
        state.escape = b == '\\' ? 1 : 0;
        return false;
    }
    if (state.escape == 1) {
        state.escape = b == 'u' ? 2 : 0;
        state.escaped = 0;
        return false;
    }
    const int digit = HexValue(b);
    if (digit < 0) {
        state.escape = b == '\\' ? 1 : 0;
        return false;
    }
    state.escaped = state.escaped * 16 + unsigned(digit);
    if (++state.escape < 6) return false;
    state.escape = 0;
    return state.escaped >= kLatinExtensionFirst && state.escaped <= kLatinExtensionLast;
}

// Scans bytes for the UTF-8 sequences above, and (in JSON) for their \u escapes.
bool ScanBytes(std::string_view bytes, ScanState& state, bool json) {
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (state.afterC2 && b >= 0xA0 && b <= 0xBF) return true;
        state.afterC2 = b == 0xC2;
        if (b >= 0xC3 && b <= 0xC5) return true;
        if (json && (state.escape || b == '\\') && EscapeStep(b, state)) return true;
    }
    return false;
}

}  // namespace

bool NeedsLatinExtension(std::string_view utf8) {
    ScanState state;
    return ScanBytes(utf8, state, false);
}

bool AnswerNeedsLatinExtension(const ResponseBody& body) {
    ScanState state;
    if (!body.inPieces()) return ScanBytes(body.text(), state, true);
    constexpr size_t kPiece = 64 * 1024;  // as the listing parser reads
    std::string piece;
    for (size_t at = 0; at < body.size(); at += kPiece) {
        piece.resize(std::min(kPiece, body.size() - at));
        body.Read(at, piece.size(), piece.data());
        if (ScanBytes(piece, state, true)) return true;
    }
    return false;
}

}  // namespace trash
