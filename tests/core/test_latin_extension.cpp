// Tests of the Latin extension decision (latin_extension.h): which text needs the fonts' second
// file, over strings and bodies read in pieces, and the page reducer's one look at every answer
// and at the typed searches (issue 10: an ASCII workspace never downloads it).
#include <catch2/catch.hpp>

#include <algorithm>  // std::min

#include "core/latin_extension.h"
#include "core/listing_codec.h"  // EncodeTrashListing
#include "core/page_state.h"
#include "test_support.h"

using namespace trash;

namespace {

// A body kept "elsewhere" and read in pieces, as the web platform lends its answers.
ResponseBody InPieces(const std::string& text) {
    return ResponseBody(text.size(), [&text](size_t offset, size_t length, char* out) {
        std::copy_n(text.data() + offset, length, out);
    });
}

std::string SessionJson(const std::string& workspaceName) {
    return R"({"user":{"id":"u_alice","name":"Alice","email":"alice@acme.test"},"role":{"name":"Owner",)"
           R"("permissions":["view_trash"]},"workspace":{"id":"w1","url":"acme","name":")" +
           workspaceName +
           R"(","retentionDays":30},"storage":{"usedBytes":0,"trashBytes":0,"quotaBytes":0},)"
           R"("csrfToken":"tok"})";
}

std::string ListingJson(const std::string& name) {
    return EncodeTrashListing({test::MakeItem(ItemType::Dataset, "d1", name)}, false);
}

// A page signed in to `workspaceName`, its Trash answered with one item named `itemName`.
PageState SignedInPage(const std::string& workspaceName, const std::string& itemName) {
    PageState page;
    const Requests start = page.Start(test::kNow);
    const Requests next = page.OnResponse(start.at(0).tag, 200, SessionJson(workspaceName));
    for (const PendingRequest& request : next)
        if (request.kind == RequestKind::ListTrash) page.OnResponse(request.tag, 200, ListingJson(itemName));
    return page;
}

}  // namespace

TEST_CASE("Latin-1 Supplement and Latin Extended-A letters need the extension", "[latin_extension]") {
    CHECK(NeedsLatinExtension("Jos\xc3\xa9"));  // é, U+00E9
    CHECK(
        NeedsLatinExtension("\xc5\x81\xc3\xb3"
                            "d\xc5\xba"));  // Łódź
    CHECK(
        NeedsLatinExtension("Stra\xc3\x9f"
                            "e"));                // ß
    CHECK(NeedsLatinExtension("\xc2\xa1Hola!"));  // ¡, U+00A1: the block's first letter-like sign
    CHECK(NeedsLatinExtension("\xc5\xbf"));       // ſ, U+017F: the block's last
    CHECK(NeedsLatinExtension("\xc2\xa0"));       // the block's first code point counts too
}

TEST_CASE("ASCII, other scripts and the page's wider punctuation do not", "[latin_extension]") {
    CHECK_FALSE(NeedsLatinExtension(""));
    CHECK_FALSE(NeedsLatinExtension("traffic-lights v2 (final) #3"));
    CHECK_FALSE(NeedsLatinExtension("\xc2\x85"));                              // U+0085, a C1 control: below the block
    CHECK_FALSE(NeedsLatinExtension("\xc6\x80"));                              // ƀ, U+0180: Latin Extended-B
    CHECK_FALSE(NeedsLatinExtension("\xe2\x80\x9cq\xe2\x80\x9d"));             // “q”: the first file has these
    CHECK_FALSE(NeedsLatinExtension("\xd0\x96\xe6\x97\xa5\xf0\x9f\x98\x80"));  // Ж, 日, 😀: no Inter file has them
    CHECK_FALSE(NeedsLatinExtension("\xe1\xb8\xbe"));  // Ḿ, U+1E3E: continuation bytes alone never count
}

TEST_CASE("A body read in pieces is looked at whole, a letter split across two pieces included", "[latin_extension]") {
    std::string text(64 * 1024 - 1, 'a');
    CHECK_FALSE(AnswerNeedsLatinExtension(InPieces(text + "a")));
    const std::string split = text + "\xc2\xa9";  // ©: C2 ends the first 64 KB piece, A9 starts the next
    CHECK(AnswerNeedsLatinExtension(InPieces(split)));
    const std::string late = std::string(300 * 1024, 'b') + "Jos\xc3\xa9";
    CHECK(AnswerNeedsLatinExtension(InPieces(late)));
    CHECK(AnswerNeedsLatinExtension(ResponseBody(late)));
}

TEST_CASE("Escaped letters in a JSON answer count; an escaped backslash before text does not", "[latin_extension]") {
    CHECK(AnswerNeedsLatinExtension(ResponseBody(R"({"name":"caf\u00E9"})")));
    CHECK(AnswerNeedsLatinExtension(ResponseBody(R"({"name":"\u017f"})")));
    CHECK_FALSE(AnswerNeedsLatinExtension(ResponseBody(R"({"name":"\u0180 \u009f \u2019"})")));
    CHECK_FALSE(AnswerNeedsLatinExtension(ResponseBody(R"({"name":"C:\\u00e9"})")));  // text "C:\u00e9"
    CHECK_FALSE(AnswerNeedsLatinExtension(ResponseBody(R"({"name":"\u00"})")));
    CHECK_FALSE(NeedsLatinExtension("\\u00e9"));  // typed text is not JSON
    // An escape across two pieces of a read body.
    const std::string split = std::string(64 * 1024 - 3, ' ') + R"("\u00e9")";
    CHECK(AnswerNeedsLatinExtension(InPieces(split)));
}

TEST_CASE("The page needs the extension once an answer has such a name, and stays so", "[latin_extension]") {
    CHECK_FALSE(SignedInPage("Acme Robotics", "traffic-lights").needsLatinExtension());
    CHECK(SignedInPage("Acme Robotics",
                       "\xc5\x81\xc3\xb3"
                       "d\xc5\xba scans")
              .needsLatinExtension());
    CHECK(SignedInPage("Jos\xc3\xa9's lab", "traffic-lights").needsLatinExtension());

    PageState page = SignedInPage("Jos\xc3\xa9's lab", "traffic-lights");
    page.Apply(intent::Refresh{});  // later ASCII answers do not take it back
    CHECK(page.needsLatinExtension());
}

TEST_CASE("A typed search with such a letter needs the extension", "[latin_extension]") {
    PageState page = SignedInPage("Acme Robotics", "traffic-lights");
    page.view().SetQuery("caf");
    CHECK_FALSE(page.needsLatinExtension());
    page.view().SetQuery("caf\xc3\xa9");
    CHECK(page.needsLatinExtension());
}

TEST_CASE("A typed Activity search with such a letter needs the extension", "[latin_extension]") {
    PageState page = SignedInPage("Acme Robotics", "traffic-lights");
    ActivityFilters filters;
    filters.query = "stra";
    page.Apply(intent::FilterActivity{filters});
    CHECK_FALSE(page.needsLatinExtension());
    filters.query =
        "stra\xc3\x9f"
        "e";
    page.Apply(intent::FilterActivity{filters});
    CHECK(page.needsLatinExtension());
}

TEST_CASE("The listing parser decides for a listing, from the strings it decodes", "[latin_extension]") {
    // \u escapes are decoded first: "\u00e9" is é although the body's bytes are ASCII.
    const std::string escaped = R"({"items":[{"type":"dataset","id":"d1","name":"caf\u00e9",)"
                                R"("deletedAt":"2026-12-01T00:00:00Z","scheduledCleanupAt":"2026-12-31T00:00:00Z"}]})";
    REQUIRE(ParseTrashListing(ResponseBody(escaped)).ok());
    CHECK(ParseTrashListing(ResponseBody(escaped)).value().needsLatinExtension);
    CHECK(AnswerNeedsLatinExtension(ResponseBody(escaped)));

    const std::string ascii = ListingJson("traffic-lights");
    CHECK_FALSE(ParseTrashListing(InPieces(ascii)).value().needsLatinExtension);
    const std::string accented = ListingJson("Jos\xc3\xa9");
    CHECK(ParseTrashListing(InPieces(accented)).value().needsLatinExtension);
}

TEST_CASE("An answer to no request in flight is not looked at", "[latin_extension]") {
    PageState page = SignedInPage("Acme Robotics", "traffic-lights");
    page.OnResponse(999999, 200, ListingJson("Jos\xc3\xa9"));
    CHECK_FALSE(page.needsLatinExtension());
}
