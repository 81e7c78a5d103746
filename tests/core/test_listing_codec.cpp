// Tests of the Trash listing codec: the golden Roboflow example, every rule of ParseTrashListing
// (exact error messages), hostile input, and the 100,000-item benchmark.
#include <catch2/catch.hpp>

#include <iostream>

#include "core/listing_codec.h"
#include "core/text.h"
#include "test_support.h"

using namespace trash;
using trash::test::ReadFixture;

namespace {
const std::string kItemFields =
    R"("id":"x1","name":"n","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z")";

std::string OneItem(const std::string& extra) {
    return R"({"items":[{"type":"project",)" + kItemFields + extra + "}]}";
}

std::string ErrorOf(const std::string& json) {
    const ParseResult<TrashListing> result = ParseTrashListing(json);
    REQUIRE_FALSE(result.ok());
    return result.error();
}
}  // namespace

TEST_CASE("The Roboflow reference example parses field by field", "[listing_codec]") {
    const ParseResult<TrashListing> result = ParseTrashListing(ReadFixture("roboflow_trash_listing.json"));
    REQUIRE(result.ok());
    const std::vector<TrashItem>& items = result.value().items;
    REQUIRE(items.size() == 2);  // from "items" only: the sections repeat them

    const TrashItem& project = items[0];
    CHECK(project.type == ItemType::Project);
    CHECK(project.typeName == "project");
    CHECK(project.id == "d_abc123");
    CHECK(project.name == "My Detector");
    CHECK(project.url == "my-detector");
    CHECK(project.deletedAtMs == *ParseIsoTime("2026-04-20T17:05:33.000Z"));
    CHECK(project.scheduledCleanupAtMs == project.deletedAtMs + 30 * kDayMs);
    CHECK(project.deletedBy == "uid-of-user");
    CHECK(project.deletedByName == "Alice");
    CHECK(project.sizeBytes == 0);
    CHECK_FALSE(project.cleanupDeleteImages);
    CHECK(project.childCount == 0);
    CHECK(project.parentId.empty());
    CHECK_FALSE(project.parentInTrash);

    const TrashItem& version = items[1];
    CHECK(version.type == ItemType::Version);
    CHECK(version.id == "3");
    CHECK(version.name == "augmented-416");
    CHECK(version.url.empty());
    CHECK(version.parentId == "d_xyz789");
    CHECK(version.parentName == "My Other Project");
    CHECK(version.parentUrl == "my-other-project");
    CHECK_FALSE(version.parentInTrash);
    CHECK(FormatIsoTime(version.deletedAtMs) == "2026-04-21T12:14:02.000Z");
    CHECK(FormatIsoTime(version.scheduledCleanupAtMs) == "2026-05-21T12:14:02.000Z");
    CHECK(version.deletedBy.empty());
    CHECK(version.deletedByName.empty());
    CHECK(KeyOf(version) == ItemKey{ItemType::Version, "d_xyz789", "3"});

    CHECK(result.value().nextCursor.empty());
    CHECK(result.value().warnings.empty());
}

TEST_CASE("Every type and optional field of a full listing parses", "[listing_codec]") {
    const ParseResult<TrashListing> result = ParseTrashListing(ReadFixture("trash_listing_full.json"));
    REQUIRE(result.ok());
    const std::vector<TrashItem>& items = result.value().items;
    REQUIRE(items.size() == 5);
    CHECK(items[0].sizeBytes == 1288490188);
    CHECK(items[0].cleanupDeleteImages);
    CHECK(items[0].childCount == 3);
    CHECK(items[1].parentInTrash);
    CHECK(items[2].type == ItemType::Model);
    CHECK(items[3].type == ItemType::Dataset);
    CHECK(items[4].type == ItemType::Workflow);
    CHECK(items[4].url == "slow-webhooks");
}

TEST_CASE("Items are gathered from sections when items is absent", "[listing_codec]") {
    const std::string json = R"({"sections":{"projects":[{"type":"project",)" + kItemFields +
                             R"(}],"versions":[],"workflows":[{"type":"workflow",)" + kItemFields + "}]}}";
    const ParseResult<TrashListing> result = ParseTrashListing(json);
    REQUIRE(result.ok());
    REQUIRE(result.value().items.size() == 2);
    CHECK(result.value().items[0].type == ItemType::Project);
    CHECK(result.value().items[1].type == ItemType::Workflow);

    SECTION("and checked like items") {
        CHECK(ErrorOf(R"({"sections":{"versions":[{"type":"version"}]}})") == "sections.versions[0].id is missing");
    }
    SECTION("but sections after items are only syntax-checked") {
        const ParseResult<TrashListing> r =
            ParseTrashListing(R"({"items":[],"sections":{"projects":[{"no":"fields"}],"odd":7}})");
        REQUIRE(r.ok());
        CHECK(r.value().items.empty());
    }
}

TEST_CASE("Unknown fields are skipped at any depth and unknown types are kept", "[listing_codec]") {
    const std::string json = R"({"version":2,"meta":{"a":[1,{"b":[[],{}]},null],"items":"not these"},)"
                             R"("items":[{"type":"pipeline","extra":{"deep":{"items":[1,2,{"id":"no"}]}},)" +
                             kItemFields +
                             R"(,"tags":["a","b"],"score":1.5e3,"flag":true,"nothing":null}],)"
                             R"("nextCursor":"abc=="})";
    const ParseResult<TrashListing> result = ParseTrashListing(json);
    REQUIRE(result.ok());
    REQUIRE(result.value().items.size() == 1);
    const TrashItem& item = result.value().items[0];
    CHECK(item.type == ItemType::Unknown);
    CHECK(item.typeName == "pipeline");
    CHECK(item.id == "x1");
    CHECK(result.value().nextCursor == "abc==");
}

TEST_CASE("A project's exclusive image count is read, and unknown when absent or null", "[listing_codec]") {
    CHECK(ParseTrashListing(OneItem(R"(,"exclusiveImageCount":240)")).value().items[0].exclusiveImageCount == 240);
    CHECK(ParseTrashListing(OneItem(R"(,"exclusiveImageCount":null)")).value().items[0].exclusiveImageCount == -1);
    CHECK(ParseTrashListing(OneItem("")).value().items[0].exclusiveImageCount == -1);
    CHECK(ParseTrashListing(OneItem(R"(,"exclusiveImageCount":-3)")).value().items[0].exclusiveImageCount == 0);
    CHECK_FALSE(ParseTrashListing(OneItem(R"(,"exclusiveImageCount":"many")")).ok());
}

TEST_CASE("Numbers may be integers or floats, and nulls count as absent", "[listing_codec]") {
    const ParseResult<TrashListing> result =
        ParseTrashListing(OneItem(R"(,"sizeBytes":1.5e3,"childCount":4.0,"url":null,"cleanupDeleteImages":null)"));
    REQUIRE(result.ok());
    CHECK(result.value().items[0].sizeBytes == 1500);
    CHECK(result.value().items[0].childCount == 4);
    CHECK(result.value().items[0].url.empty());

    SECTION("an integer id is read as its decimal text") {
        const ParseResult<TrashListing> r = ParseTrashListing(
            R"({"items":[{"type":"version","id":3,"parentId":"p","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33Z"}]})");
        REQUIRE(r.ok());
        CHECK(r.value().items[0].id == "3");
    }
}

TEST_CASE("Malformed listings fail with a message that says where", "[listing_codec]") {
    SECTION("truncated JSON") {
        const std::string json = ReadFixture("roboflow_trash_listing.json");
        CHECK(ErrorOf(json.substr(0, 200)) ==
              "Malformed JSON at byte 201: syntax error while parsing object separator - unexpected end of input; "
              "expected ':'");
        CHECK(ErrorOf(json.substr(0, json.size() - 3)) ==
              "Malformed JSON at byte " + std::to_string(json.size() - 2) +
                  ": syntax error while parsing object - unexpected end of input; expected '}'");
    }
    SECTION("empty body") {
        CHECK(ErrorOf("") ==
              "Malformed JSON at byte 1: syntax error while parsing value - unexpected end of input; expected '[', "
              "'{', or a literal");
    }
    SECTION("trailing garbage") {
        CHECK(ErrorOf(R"({"items":[]} x)") ==
              "Malformed JSON at byte 14: syntax error while parsing value - invalid literal; expected end of input");
    }
    SECTION("top-level array") { CHECK(ErrorOf("[]") == "Expected an object at the top level"); }
    SECTION("top-level string") { CHECK(ErrorOf(R"("items")") == "Expected an object at the top level"); }
    SECTION("items not an array") { CHECK(ErrorOf(R"({"items":{}})") == "items must be an array"); }
    SECTION("an item that is not an object") {
        CHECK(ErrorOf(R"({"items":[{"type":"project",)" + kItemFields + "},7]}") == "items[1] must be an object");
    }
    SECTION("sections not an object") { CHECK(ErrorOf(R"({"sections":[]})") == "sections must be an object"); }
    SECTION("neither items nor sections") {
        CHECK(ErrorOf(R"({"error":"nope"})") == "The listing has neither \"items\" nor \"sections\"");
    }
    SECTION("sizeBytes as a string") {
        CHECK(ErrorOf(OneItem(R"(,"sizeBytes":"12")")) == "items[0].sizeBytes must be a number");
    }
    SECTION("sizeBytes as an object") {
        CHECK(ErrorOf(OneItem(R"(,"sizeBytes":{"v":1})")) == "items[0].sizeBytes must be a number");
    }
    SECTION("name as an array") { CHECK(ErrorOf(OneItem(R"(,"name":["a"])")) == "items[0].name must be a string"); }
    SECTION("boolean as a string") {
        CHECK(ErrorOf(OneItem(R"(,"cleanupDeleteImages":"yes")")) ==
              "items[0].cleanupDeleteImages must be true or false");
    }
    SECTION("deletedAt as a number") {
        CHECK(ErrorOf(R"({"items":[{"type":"project","id":"a","deletedAt":1700000000000}]})") ==
              "items[0].deletedAt must be an ISO 8601 time string");
    }
    SECTION("a timestamp that is not ISO 8601") {
        const std::string json = R"({"items":[)" + OneItem("").substr(10, std::string::npos);
        CHECK(
            ErrorOf(
                R"({"items":[{"type":"dataset","id":"a","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"},)"
                R"({"type":"dataset","id":"b","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"},)"
                R"({"type":"dataset","id":"c","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"},)"
                R"({"type":"dataset","id":"d","deletedAt":"yesterday"}]})") ==
            "items[3].deletedAt is not an ISO 8601 time: \"yesterday\"");
    }
    SECTION("a long bad timestamp is shortened in the message") {
        CHECK(ErrorOf(R"({"items":[{"type":"project","id":"a","scheduledCleanupAt":")" + std::string(100, '9') +
                      R"("}]})") ==
              "items[0].scheduledCleanupAt is not an ISO 8601 time: \"" + std::string(40, '9') + "...\"");
    }
    SECTION("missing required fields") {
        CHECK(
            ErrorOf(
                R"({"items":[{"id":"a","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"}]})") ==
            "items[0].type is missing");
        CHECK(
            ErrorOf(
                R"({"items":[{"type":"project","deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"}]})") ==
            "items[0].id is missing");
        CHECK(
            ErrorOf(
                R"({"items":[{"type":"project","id":null,"deletedAt":"2026-04-20T17:05:33.000Z","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"}]})") ==
            "items[0].id is missing");
        CHECK(ErrorOf(R"({"items":[{"type":"project","id":"a","scheduledCleanupAt":"2026-05-20T17:05:33.000Z"}]})") ==
              "items[0].deletedAt is missing");
        CHECK(ErrorOf(R"({"items":[{"type":"project","id":"a","deletedAt":"2026-05-20T17:05:33.000Z"}]})") ==
              "items[0].scheduledCleanupAt is missing");
    }
    SECTION("an unescaped control character in a string") {
        CHECK(ErrorOf("{\"items\":[{\"name\":\"a\x01\"}]}") ==
              "Malformed JSON at byte 21: syntax error while parsing value - invalid string: control character U+0001 "
              "(SOH) must be escaped to \\u0001");
    }
    SECTION("a lone surrogate escape") {
        CHECK(ErrorOf(R"({"items":[{"name":"\ud800"}]})")
                  .rfind("Malformed JSON at byte 26: syntax error while parsing value - invalid string: surrogate "
                         "U+D800..U+DBFF must be followed by U+DC00..U+DFFF",
                         0) == 0);
    }
}

TEST_CASE("Hostile names are kept byte for byte and never crash the codec", "[listing_codec]") {
    SECTION("quotes, backslashes, escaped controls, RTL override and emoji") {
        const std::string hostile = "a\"b\\c\x01\n\t\xE2\x80\xAEgnp.exe \xF0\x9F\x98\x80 </script>";
        TrashItem item = test::MakeItem(ItemType::Dataset, "ds", hostile);
        const ParseResult<TrashListing> result = ParseTrashListing(EncodeTrashListing({item}));
        REQUIRE(result.ok());
        CHECK(result.value().items[0].name == hostile);
        CHECK(SanitizeForDisplay(hostile) ==
              "a\"b\\c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDgnp.exe \xF0\x9F\x98\x80 </script>");
    }
    SECTION("a 10 KB name") {
        const std::string longName(10 * 1024, 'n');
        const ParseResult<TrashListing> result = ParseTrashListing(OneItem(R"(,"name":")" + longName + "\""));
        REQUIRE(result.ok());
        CHECK(result.value().items[0].name == longName);
    }
    SECTION("invalid UTF-8 is replaced with U+FFFD, with a warning") {
        const ParseResult<TrashListing> result = ParseTrashListing(OneItem(",\"deletedByName\":\"Al\xFF\xC3(ce\""));
        REQUIRE(result.ok());
        CHECK(result.value().items[0].deletedByName == "Al\xEF\xBF\xBD\xEF\xBF\xBD(ce");
        REQUIRE(result.value().warnings.size() == 1);
        CHECK(result.value().warnings[0] == "Invalid UTF-8 in the listing was replaced with \xEF\xBF\xBD");
    }
    SECTION("deep nesting in an unknown field") {
        const std::string deep = std::string(10000, '[') + std::string(10000, ']');
        const ParseResult<TrashListing> result = ParseTrashListing(OneItem(",\"junk\":" + deep));
        REQUIRE(result.ok());
        CHECK(result.value().items.size() == 1);
    }
}

TEST_CASE("The hostile-names fixture parses and sanitises for drawing", "[listing_codec]") {
    const ParseResult<TrashListing> result = ParseTrashListing(ReadFixture("trash_listing_hostile.json"));
    REQUIRE(result.ok());
    const std::vector<TrashItem>& items = result.value().items;
    REQUIRE(items.size() == 6);
    CHECK(items[0].name == "invoice\xE2\x80\xAEgnp.exe");
    CHECK(SanitizeForDisplay(items[0].name) == "invoice\xEF\xBF\xBDgnp.exe");
    CHECK(items[1].name ==
          "line1\nline2\ttab\x01"
          "bell\x7F");
    CHECK(items[2].name.size() == 10240);
    CHECK(items[3].name == "<script>alert(1)</script> & \"quotes\" \\ backslash");
    CHECK(items[4].name ==
          "\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9");
    CHECK(items[5].type == ItemType::Unknown);
    CHECK(items[5].typeName == "pipeline");
    for (const TrashItem& item : items) CHECK(IsValidUtf8(item.name));
}

TEST_CASE("Encoding and parsing a listing round-trips every field", "[listing_codec]") {
    std::vector<TrashItem> items = test::GenerateItems(50);
    items[0].cleanupDeleteImages = true;
    items[0].childCount = 4;
    items[1].parentInTrash = true;
    const ParseResult<TrashListing> result = ParseTrashListing(EncodeTrashListing(items, true, "next-page"));
    REQUIRE(result.ok());
    REQUIRE(result.value().items.size() == items.size());
    CHECK(result.value().nextCursor == "next-page");
    for (size_t i = 0; i < items.size(); ++i) {
        const TrashItem& a = items[i];
        const TrashItem& b = result.value().items[i];
        INFO("item " << i);
        CHECK((a.type == b.type && a.typeName == b.typeName && a.id == b.id && a.name == b.name && a.url == b.url &&
               a.deletedAtMs == b.deletedAtMs && a.scheduledCleanupAtMs == b.scheduledCleanupAtMs &&
               a.deletedBy == b.deletedBy && a.deletedByName == b.deletedByName && a.sizeBytes == b.sizeBytes &&
               a.cleanupDeleteImages == b.cleanupDeleteImages && a.childCount == b.childCount &&
               a.parentId == b.parentId && a.parentName == b.parentName && a.parentUrl == b.parentUrl &&
               a.parentInTrash == b.parentInTrash));
    }
}

TEST_CASE("A 100,000-item listing parses (benchmark)", "[listing_codec][benchmark]") {
    const std::vector<TrashItem> items = test::GenerateItems(100'000);
    for (bool withSections : {false, true}) {
        const std::string json = EncodeTrashListing(items, withSections);
        ParseResult<TrashListing> result = ParseError{"not run"};
        const double ms = test::MillisecondsOf([&] { result = ParseTrashListing(json); });
        std::cout << "[benchmark] ParseTrashListing: 100,000 items " << (withSections ? "with" : "without")
                  << " sections, " << json.size() / (1000 * 1000) << " MB: " << ms << " ms\n";
        REQUIRE(result.ok());
        REQUIRE(result.value().items.size() == 100'000);
        CHECK(result.value().items.front().id == "id0");
        CHECK(result.value().items.front().name == items.front().name);
        CHECK(result.value().items.back().id == "id99999");
        CHECK(result.value().items.back().deletedAtMs == items.back().deletedAtMs);
    }
}

TEST_CASE("An unchanged answer carries no items, only the version", "[listing_codec]") {
    const ParseResult<TrashListing> unchanged = ParseTrashListing(R"({"unchanged":true,"version":"b1.w1.42"})");
    REQUIRE(unchanged.ok());
    CHECK(unchanged.value().unchanged);
    CHECK(unchanged.value().version == "b1.w1.42");
    CHECK(unchanged.value().items.empty());

    const ParseResult<TrashListing> full = ParseTrashListing(R"({"items":[],"version":"v2"})");
    REQUIRE(full.ok());
    CHECK_FALSE(full.value().unchanged);
    CHECK(full.value().version == "v2");

    CHECK(ParseTrashListing(R"({"unchanged":"yes"})").error() == "unchanged must be true or false");
    CHECK(ParseTrashListing(R"({"version":{"api":7},"items":[]})").value().version.empty());  // not ours: ignored
    CHECK(ParseTrashListing(R"({"unchanged":false})").error() == "The listing has neither \"items\" nor \"sections\"");
}
