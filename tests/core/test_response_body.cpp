// Tests of a response body read in pieces (the web platform keeps answers in JS): the listing
// parses to the same items, or fails with the same message, wherever the 64 KB pieces split the
// text, and it is read a piece at a time, each byte once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "core/listing_codec.h"
#include "core/response_body.h"
#include "test_support.h"

using namespace trash;

namespace {
constexpr size_t kPieceBytes = 64 * 1024;  // what ParseTrashListing reads at a time

struct ReadLog {
    size_t calls = 0, bytes = 0, largest = 0;
};

// The body as the web platform hands it: a size and a reader, here over `text`.
ResponseBody InPieces(const std::string& text, ReadLog* log = nullptr) {
    return ResponseBody(text.size(), [&text, log](size_t offset, size_t length, char* out) {
        REQUIRE(offset + length <= text.size());
        text.copy(out, length, offset);
        if (log) {
            ++log->calls;
            log->bytes += length;
            log->largest = std::max(log->largest, length);
        }
    });
}

// Items whose text has escapes, non-ASCII and long numbers to split.
std::vector<TrashItem> AwkwardItems(size_t n) {
    std::vector<TrashItem> items = test::GenerateItems(n);
    for (size_t i = 0; i < items.size(); ++i) {
        items[i].name = "Caf\xC3\xA9 \"quoted\" back\\slash\ttab " + std::to_string(i) + " \xE2\x9C\x93";
        items[i].sizeBytes = 4'000'000'000'123 + static_cast<int64_t>(i);
    }
    return items;
}
}  // namespace

TEST_CASE("A listing read in pieces parses to the same items wherever a piece ends", "[response_body]") {
    const std::string listing = EncodeTrashListing(AwkwardItems(400), false);
    REQUIRE(listing.size() > kPieceBytes + 1000);
    const std::vector<TrashItem> expected = ParseTrashListing(listing).value().items;
    // Leading whitespace moves the 64 KB boundary across every byte of one item: inside names,
    // escapes (\", \\, \t), multi-byte UTF-8, keys, times and numbers.
    const size_t itemBytes = listing.size() / 400 + 50;
    for (size_t pad = 0; pad < itemBytes; ++pad) {
        const std::string text = std::string(pad, ' ') + listing;
        const ParseResult<TrashListing> result = ParseTrashListing(InPieces(text));
        INFO("boundary shifted by " << pad);
        REQUIRE(result.ok());
        REQUIRE(result.value().items == expected);
    }
}

TEST_CASE("A body in pieces is read a piece at a time, each byte once", "[response_body]") {
    const std::string listing = EncodeTrashListing(test::GenerateItems(3000), false);
    REQUIRE(listing.size() > 5 * kPieceBytes);
    ReadLog log;
    const ParseResult<TrashListing> result = ParseTrashListing(InPieces(listing, &log));
    REQUIRE(result.ok());
    CHECK(result.value().items.size() == 3000);
    CHECK(log.largest == kPieceBytes);
    CHECK(log.bytes == listing.size());
    CHECK(log.calls == (listing.size() + kPieceBytes - 1) / kPieceBytes);
}

TEST_CASE("A malformed body in pieces fails with the same message as in one buffer", "[response_body]") {
    const std::string listing = EncodeTrashListing(AwkwardItems(400), false);
    // Breaks around the first boundary: a raw control character, a cut-off literal, a stray brace.
    for (size_t at = kPieceBytes - 6; at <= kPieceBytes + 6; ++at) {
        for (const std::string& breakage : {std::string("\x01"), std::string("tru"), std::string("}")}) {
            std::string text = listing;
            text.replace(at, breakage.size(), breakage);
            const ParseResult<TrashListing> whole = ParseTrashListing(text);
            const ParseResult<TrashListing> pieces = ParseTrashListing(InPieces(text));
            INFO("broken at byte " << at << " with " << breakage);
            REQUIRE(pieces.ok() == whole.ok());  // "}" inside a name is still a valid listing
            if (breakage == "\x01") REQUIRE_FALSE(pieces.ok());
            if (pieces.ok()) {
                CHECK(pieces.value().items == whole.value().items);
                continue;
            }
            CHECK(pieces.error() == whole.error());
            CHECK(pieces.error().find("at byte ") != std::string::npos);
        }
    }
    // Cut off in the middle of the second piece.
    const std::string cut = listing.substr(0, kPieceBytes + 100);
    CHECK(ParseTrashListing(InPieces(cut)).error() == ParseTrashListing(cut).error());
}

TEST_CASE("Invalid UTF-8 in a body in pieces is repaired as in one buffer", "[response_body]") {
    std::string listing = EncodeTrashListing(AwkwardItems(400), false);
    const size_t name = listing.find("Caf", kPieceBytes - 10);
    REQUIRE(name != std::string::npos);
    listing[name + 1] = '\xFF';
    const ParseResult<TrashListing> whole = ParseTrashListing(listing);
    const ParseResult<TrashListing> pieces = ParseTrashListing(InPieces(listing));
    REQUIRE(whole.ok());
    REQUIRE(pieces.ok());
    CHECK(pieces.value().items == whole.value().items);
    CHECK(pieces.value().warnings == whole.value().warnings);
    CHECK(pieces.value().warnings.size() == 1);
}

TEST_CASE("A body in pieces reads as text for the small answers", "[response_body]") {
    const std::string error = R"({"error":"Not allowed"})";
    ReadLog log;
    const ResponseBody body = InPieces(error, &log);
    CHECK(body.inPieces());
    CHECK(body.size() == error.size());
    CHECK(body.text() == error);
    CHECK(std::string_view(body) == error);
    CHECK(log.calls == 1);  // copied in once, then kept

    const ResponseBody inPlace(error);
    CHECK_FALSE(inPlace.inPieces());
    char out[5] = {};
    inPlace.Read(2, 5, out);
    CHECK(std::string(out, 5) == "error");
    CHECK(ResponseBody(size_t(0), [](size_t, size_t, char*) {}).text().empty());
}

TEST_CASE("A 100,000-item listing parses in pieces (benchmark)", "[response_body][benchmark]") {
    const std::string json = EncodeTrashListing(test::GenerateItems(100'000), false);
    ParseResult<TrashListing> whole = ParseError{"not run"}, pieces = ParseError{"not run"};
    const double wholeMs = test::MillisecondsOf([&] { whole = ParseTrashListing(json); });
    const double piecesMs = test::MillisecondsOf([&] { pieces = ParseTrashListing(InPieces(json)); });
    std::cout << "[benchmark] ParseTrashListing: 100,000 items, " << json.size() / (1000 * 1000) << " MB: one buffer "
              << wholeMs << " ms, in 64 KB pieces " << piecesMs << " ms\n";
    REQUIRE(pieces.ok());
    CHECK(pieces.value().items.size() == 100'000);
}
