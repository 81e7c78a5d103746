// The Latin extension test (latin_extension.h): in UTF-8, U+00A0-U+017F are the two-byte
// sequences led by C2 (continued by A0-BF), C3, C4 or C5, so no decoding is needed.
#include "core/latin_extension.h"

#include <algorithm>  // std::min
#include <string>     // the piece buffer

namespace trash {
namespace {

// Scans bytes for the sequences above; `afterC2` carries a C2 that ended the previous piece.
bool ScanBytes(std::string_view bytes, bool& afterC2) {
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (afterC2 && b >= 0xA0 && b <= 0xBF) return true;
        afterC2 = b == 0xC2;
        if (b >= 0xC3 && b <= 0xC5) return true;
    }
    return false;
}

}  // namespace

bool NeedsLatinExtension(std::string_view utf8) {
    bool afterC2 = false;
    return ScanBytes(utf8, afterC2);
}

bool AnswerNeedsLatinExtension(const ResponseBody& body) {
    if (!body.inPieces()) return NeedsLatinExtension(body.text());
    constexpr size_t kPiece = 64 * 1024;  // as the listing parser reads
    std::string piece;
    bool afterC2 = false;
    for (size_t at = 0; at < body.size(); at += kPiece) {
        piece.resize(std::min(kPiece, body.size() - at));
        body.Read(at, piece.size(), piece.data());
        if (ScanBytes(piece, afterC2)) return true;
    }
    return false;
}

}  // namespace trash
