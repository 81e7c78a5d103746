// Helpers shared by the core tests: reading fixtures, building items tersely, and generating
// large listings for the 100,000-item benchmarks.
#pragma once

#include <chrono>   // benchmarks
#include <cstdint>  // int64_t
#include <fstream>  // fixtures
#include <sstream>  // fixtures
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/trash_item.h"

namespace trash::test {

inline std::string ReadFixture(const std::string& name) {
    std::ifstream in(std::string(TRASH_FIXTURES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// 2026-11-28T12:00:00.000Z, the "now" of most tests.
inline const int64_t kNow = *ParseIsoTime("2026-11-28T12:00:00.000Z");

inline TrashItem MakeItem(ItemType type, std::string id, std::string name, int64_t deletedAtMs = kNow - kDayMs,
                          int64_t sizeBytes = 1000) {
    TrashItem item;
    item.type = type;
    item.typeName = std::string(ItemTypeName(type));
    item.id = std::move(id);
    item.name = std::move(name);
    item.deletedAtMs = deletedAtMs;
    item.scheduledCleanupAtMs = deletedAtMs + 30 * kDayMs;
    item.deletedBy = "u_alice";
    item.deletedByName = "Alice";
    item.sizeBytes = sizeBytes;
    return item;
}

inline TrashItem MakeChild(ItemType type, std::string id, std::string name, std::string parentId,
                           std::string parentName, bool parentInTrash = false) {
    TrashItem item = MakeItem(type, std::move(id), std::move(name));
    item.parentId = std::move(parentId);
    item.parentName = std::move(parentName);
    item.parentUrl = "url-" + item.parentId;
    item.parentInTrash = parentInTrash;
    return item;
}

// n items of every type in turn, with varied names, dates, sizes and deleters.
inline std::vector<TrashItem> GenerateItems(size_t n) {
    static const ItemType kTypes[] = {ItemType::Project, ItemType::Version, ItemType::Model, ItemType::Dataset,
                                      ItemType::Workflow};
    static const char* const kWords[] = {"traffic", "Lights", "street", "Scenes", "yolo", "coco", "pets", "drones"};
    static const char* const kPeople[] = {"Alice", "Bob", "Carol", "Dan"};
    std::vector<TrashItem> items;
    items.reserve(n);
    uint64_t seed = 12345;
    for (size_t i = 0; i < n; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const ItemType type = kTypes[i % 5];
        std::string name =
            std::string(kWords[(seed >> 33) % 8]) + "-" + kWords[(seed >> 40) % 8] + "-" + std::to_string(i);
        TrashItem item =
            MakeItem(type, "id" + std::to_string(i), name, kNow - static_cast<int64_t>((seed >> 20) % (30 * kDayMs)),
                     static_cast<int64_t>((seed >> 11) % 5'000'000'000ULL));
        item.deletedByName = kPeople[(seed >> 50) % 4];
        item.deletedBy = "u_" + item.deletedByName;
        if (IsChildType(type)) {
            item.parentId = "p" + std::to_string(i / 7);
            item.parentName = "Parent " + std::to_string(i / 7);
            item.parentUrl = "parent-" + std::to_string(i / 7);
        } else {
            item.url = "url-" + std::to_string(i);
        }
        items.push_back(std::move(item));
    }
    return items;
}

template <typename F>
double MillisecondsOf(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace trash::test
