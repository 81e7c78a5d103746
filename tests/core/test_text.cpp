// Tests of the text helpers and the item model's names and keys.
#include <catch2/catch.hpp>

#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "core/trash_item.h"

using namespace trash;

TEST_CASE("Type names match the JSON words and the group titles", "[trash_item]") {
    CHECK(ItemTypeName(ItemType::Project) == "project");
    CHECK(ItemTypeName(ItemType::Workflow) == "workflow");
    CHECK(ItemTypeFromName("model") == ItemType::Model);
    CHECK(ItemTypeFromName("Model") == ItemType::Unknown);
    CHECK(ItemTypeFromName("unknown") == ItemType::Unknown);
    CHECK(ItemTypeDisplayName(ItemType::Dataset) == "Datasets");
    CHECK(ItemTypeDisplayName(ItemType::Unknown) == "Other");
    CHECK(ItemTypeSection(ItemType::Version) == "versions");
    for (ItemType type : kAllItemTypes)
        if (type != ItemType::Unknown) CHECK(ItemTypeFromName(ItemTypeName(type)) == type);
}

TEST_CASE("Item keys identify versions by parent and number", "[trash_item]") {
    TrashItem a;
    a.type = ItemType::Version;
    a.id = "3";
    a.parentId = "p1";
    TrashItem b = a;
    b.parentId = "p2";
    CHECK(KeyOf(a) != KeyOf(b));
    TrashItem project;
    project.type = ItemType::Project;
    project.id = "p1";
    project.parentId = "ignored";
    CHECK(KeyOf(project) == ItemKey{ItemType::Project, "", "p1"});
    CHECK(ParentKeyOf(a) == KeyOf(project));

    std::unordered_set<ItemKey, ItemKeyHash> set{KeyOf(a), KeyOf(b), KeyOf(project), KeyOf(a)};
    CHECK(set.size() == 3);
    CHECK(DisplayName(a, false) == "3");  // a nameless item is named by its id
    a.parentUrl = "cats";
    CHECK(DisplayName(a, true) == "cats / 3");  // a parent without a name by its url
    a.name = "v3";
    a.parentName = "Cats";
    CHECK(DisplayName(a, true) == "Cats / v3");
    CHECK(ParentLabel(a) == "Cats");
    CHECK(ParentLabel(project).empty());
    CHECK(DisplayName(project, true) == "p1");
}

TEST_CASE("Text helpers", "[text]") {
    CHECK(ToLowerAscii("Traffic LIGHTS Ä") == "traffic lights Ä");
    CHECK(UrlEncode("my detector/ü?&") == "my%20detector%2F%C3%BC%3F%26");
    CHECK(UrlEncode("a-b_c.d~e") == "a-b_c.d~e");
    CHECK(IsValidUtf8("plain \xC3\xA9 \xF0\x9F\x98\x80"));
    CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
    CHECK(RepairUtf8("a\xE2\x82z") == "a\xEF\xBF\xBD\xEF\xBF\xBDz");
    CHECK(SanitizeForDisplay("x\xE2\x81\xA6y\x7Fz\xC2\x85") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD");
}

// Issue 15, item 11: every count the page shows has thousands separators ("All 100,013").
TEST_CASE("Counts are formatted with thousands separators", "[text]") {
    CHECK(FormatCount(0) == "0");
    CHECK(FormatCount(7) == "7");
    CHECK(FormatCount(999) == "999");
    CHECK(FormatCount(1000) == "1,000");
    CHECK(FormatCount(100013) == "100,013");
    CHECK(FormatCount(1234567) == "1,234,567");
    CHECK(FormatCount(18446744073709551615ull) == "18,446,744,073,709,551,615");
    CHECK(CountOf(1, "item", "items") == "1 item");
    CHECK(CountOf(0, "item", "items") == "0 items");
    CHECK(CountOf(1000, "item", "items") == "1,000 items");
}

TEST_CASE("Case folding without a copy matches folding a copy", "[text]") {
    const std::vector<std::string> words = {"",    "a",           "A",           "Apple", "apple",  "apples", "Zebra",
                                            "zeb", "caf\xC3\xA9", "CAF\xC3\x89", "[x]",   "_under", "Ab-1",   "aB-2"};
    for (const std::string& a : words)
        for (const std::string& b : words) {
            const int expected = ToLowerAscii(a).compare(ToLowerAscii(b));
            INFO(a << " vs " << b);
            CHECK((CompareLowerAscii(a, b) < 0) == (expected < 0));
            CHECK((CompareLowerAscii(a, b) == 0) == (expected == 0));
        }
    CHECK(ContainsLowerAscii("Traffic Lights", "lig"));
    CHECK(ContainsLowerAscii("Traffic Lights", "traffic lights"));
    CHECK(ContainsLowerAscii("Traffic Lights", ""));
    CHECK(ContainsLowerAscii("aab", "ab"));  // a false start does not skip the match
    CHECK_FALSE(ContainsLowerAscii("Traffic", "traffics"));
    CHECK_FALSE(ContainsLowerAscii("Traffic", "x"));
    CHECK_FALSE(ContainsLowerAscii("CAF\xC3\x89", "caf\xC3\xA9"));  // only ASCII folds
}
