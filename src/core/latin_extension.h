// Whether text needs the page's Latin extension: the letters and signs of Latin-1 Supplement and
// Latin Extended-A (U+00A0-U+017F: é, ñ, ß, ł, ő, ...). The web page's fonts carry them in a
// second file, downloaded only once the page has such text to show (web/shell.js, web_fonts.h).
#pragma once

#include <string_view>  // text

#include "core/response_body.h"  // ResponseBody

namespace trash {

inline constexpr unsigned kLatinExtensionFirst = 0x00A0, kLatinExtensionLast = 0x017F;

// True when the UTF-8 text has a code point in [kLatinExtensionFirst, kLatinExtensionLast]. The
// page's own signs in that block (no-break space, ·, ×, ...) count too: the first font file has
// them, so such text only costs the extension's download, never a wrong glyph.
bool NeedsLatinExtension(std::string_view utf8);
// The same over a whole JSON answer, read in pieces: raw UTF-8 (as serve.py and the demo send
// names) or escaped as \u00e9 (as other servers may). The listing's parser decides for listings
// (TrashListing::needsLatinExtension), on the strings it decodes anyway.
bool AnswerNeedsLatinExtension(const ResponseBody& body);

}  // namespace trash
