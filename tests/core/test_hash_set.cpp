// Tests of core/hash_set.h, the small open-addressing set that stands in for std::unordered_set
// (checked against std::set through inserts and erases that collide, wrap and regrow) and the map
// built on it (checked against std::map).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/hash_set.h"

using namespace trash;

namespace {
// Every key lands in one of four home slots: long runs that wrap around the table's end.
struct CollidingHash {
    size_t operator()(int key) const { return static_cast<size_t>(key % 4) + 13; }
};

template <class Set>
std::set<int> Contents(const Set& set) {
    return std::set<int>(set.begin(), set.end());
}
}  // namespace

TEST_CASE("A hash set inserts each key once and finds it", "[hash_set]") {
    HashSet<std::string> set;
    CHECK(set.empty());
    CHECK_FALSE(set.find("a"));
    CHECK(set.erase("a") == 0);
    CHECK(set.insert("a"));
    CHECK_FALSE(set.insert("a"));
    CHECK(set.insert("b"));
    CHECK(set.size() == 2);
    REQUIRE(set.find("b"));
    CHECK(set.find("b") - set.begin() == 1);  // insertion order while nothing is erased
    CHECK(set.count("a") == 1);
    CHECK(set.count("c") == 0);
    set.clear();
    CHECK(set.empty());
    CHECK(set.count("a") == 0);
    CHECK(set.insert("a"));
}

TEST_CASE("A hash set erases from colliding runs and keeps the rest findable", "[hash_set]") {
    HashSet<int, CollidingHash> set;
    std::set<int> model;
    for (int round = 0; round < 3; ++round) {
        for (int key = 0; key < 300; ++key) CHECK(set.insert(key * 7 + round) == model.insert(key * 7 + round).second);
        for (int key = 0; key < 600; key += 3) CHECK(set.erase(key) == model.erase(key));
        REQUIRE(set.size() == model.size());
        CHECK(Contents(set) == model);
        for (int key = 0; key < 2200; ++key) CHECK(set.count(key) == model.count(key));
    }
}

TEST_CASE("A hash set keeps the keys a predicate spares", "[hash_set]") {
    const std::vector<int> keys{1, 2, 3, 4, 5, 6};
    HashSet<int> set(keys.begin(), keys.end());
    set.EraseIf([](int key) { return key % 2 == 0; });
    CHECK(Contents(set) == std::set<int>{1, 3, 5});
    CHECK(set.count(4) == 0);
    CHECK(set.insert(4));
    CHECK(set.count(4) == 1);
}

TEST_CASE("A hash set places a key where it is or at the end", "[hash_set]") {
    HashSet<std::string> set;
    CHECK(set.Place("a") == std::pair<size_t, bool>{0, true});
    CHECK(set.Place("b") == std::pair<size_t, bool>{1, true});
    CHECK(set.Place("a") == std::pair<size_t, bool>{0, false});
    CHECK(set.size() == 2);
}

TEST_CASE("A hash map keeps each key's value through collisions and regrowth", "[hash_set]") {
    HashMap<int, std::vector<int>, CollidingHash> map;
    std::map<int, std::vector<int>> model;
    for (int i = 0; i < 900; ++i) {
        const int key = (i * 37) % 301;  // every key comes back, in a scrambled order
        map[key].push_back(i);
        model[key].push_back(i);
    }
    REQUIRE(map.size() == model.size());
    for (const auto& [key, values] : model) {
        REQUIRE(map.find(key));
        CHECK(*map.find(key) == values);
    }
    CHECK_FALSE(map.find(301));
    CHECK(map[301].empty());  // a new key gets a default value
    CHECK(map.size() == model.size() + 1);
    map.clear();
    CHECK(map.size() == 0);
    CHECK_FALSE(map.find(0));
}
