// Decodes the `GET /:workspace/trash` listing with nlohmann's SAX interface straight into
// TrashItems (no DOM: 100,000 items are 18 MB, and a DOM costs seconds in wasm). Also encodes a
// listing, for tests, fixtures and a static demo backend.
#pragma once

#include <cstddef>      // size_t
#include <optional>     // total
#include <string>       // cursor, warnings
#include <string_view>  // input
#include <vector>       // items

#include "core/response_body.h"  // ResponseBody
#include "core/result.h"         // ParseResult
#include "core/trash_item.h"     // TrashItem

namespace trash {

struct TrashListing {
    std::vector<TrashItem> items;
    std::string nextCursor;             // empty: this was the last page
    std::optional<size_t> total;        // rows in the whole (filtered) listing, when the server says
    std::string version;                // names this state of the Trash (send it back as since=)
    bool unchanged = false;             // the answer to since=: nothing changed, no items sent
    std::vector<std::string> warnings;  // things repaired on the way (e.g. invalid UTF-8 replaced)
    bool needsLatinExtension = false;   // a string in it has a letter of the fonts' Latin extension
};

// Rules (tests/core/test_listing_codec.cpp pins each one):
// - The top level must be an object. Items come from "items"; "sections" holds the same items
//   grouped, so once "items" has been read (the server sends it first) sections are only
//   syntax-checked. Without "items", items are gathered from every array under "sections", in
//   section order, and checked like items ("sections.versions[0].id is missing").
// - Unknown fields are skipped at any depth; unknown types are kept as ItemType::Unknown.
// - Required per item: type, id, deletedAt, scheduledCleanupAt. A missing or ill-typed required
//   field fails the whole listing with a message naming it ("items[3].id is missing"): a partial
//   list would make Empty Trash and Restore All act on what the user cannot see.
// - Optional fields default to ""/0/false; null counts as absent. Numbers may be integers or
//   floats (floats are truncated).
// - Invalid UTF-8 inside strings is replaced with U+FFFD (and a warning added) rather than
//   rejecting the listing, so one hostile name cannot hide the whole Trash.
// A body kept outside the heap (ResponseBody::inPieces) is read through a 64 KB window, so the
// listing's text never sits in memory whole beside its items (only a body with invalid UTF-8
// is copied in whole, to be repaired). Never throws.
ParseResult<TrashListing> ParseTrashListing(const ResponseBody& json);

// The listing in the server's shape; with `withSections` the items are repeated under "sections".
std::string EncodeTrashListing(const std::vector<TrashItem>& items, bool withSections = true,
                               const std::string& nextCursor = {});

}  // namespace trash
