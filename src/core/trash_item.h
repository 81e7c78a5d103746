// The domain model of one Trash row: its type, its identity (ItemKey) and its fields, named as in
// the JSON listing (`deletedAt`, `scheduledCleanupAt`, ...). Plain data, no behaviour beyond names.
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // int64_t
#include <string>       // std::string
#include <string_view>  // type names

namespace trash {

// The order here is the order of the groups on the page.
enum class ItemType { Project, Version, Model, Dataset, Workflow, Unknown };
inline constexpr ItemType kAllItemTypes[] = {ItemType::Project, ItemType::Version,  ItemType::Model,
                                             ItemType::Dataset, ItemType::Workflow, ItemType::Unknown};
inline constexpr size_t kItemTypeCount = 6;
static_assert(sizeof(kAllItemTypes) / sizeof(kAllItemTypes[0]) == kItemTypeCount, "every ItemType once");

std::string_view ItemTypeName(ItemType type);         // "project", ...; Unknown → "unknown"
ItemType ItemTypeFromName(std::string_view name);     // anything unrecognised → Unknown
std::string_view ItemTypeDisplayName(ItemType type);  // group title: "Projects", ...; Unknown → "Other"
std::string_view ItemTypeSingular(ItemType type);     // in sentences: "project", ...; Unknown → "item"
std::string_view ItemTypeSection(ItemType type);      // key under "sections": "projects", ...; Unknown → ""
bool IsChildType(ItemType type);                      // version and model live inside a project

struct TrashItem {
    ItemType type = ItemType::Unknown;
    std::string typeName;  // the raw JSON "type", kept so unknown types can still be shown
    std::string id, name, url;
    int64_t deletedAtMs = 0, scheduledCleanupAtMs = 0;  // ms since the Unix epoch, UTC
    std::string deletedBy, deletedByName;
    int64_t sizeBytes = 0;
    bool cleanupDeleteImages = false;  // projects: cleanup also deletes images exclusive to it
    int childCount = 0;                // projects: versions and models that went with it ("+N")
    int64_t exclusiveImageCount = -1;  // projects: images no other project holds; -1 when the server did not say
    std::string parentId, parentName, parentUrl;  // versions and models
    bool parentInTrash = false;
};

bool operator==(const TrashItem& a, const TrashItem& b);  // every field
bool operator!=(const TrashItem& a, const TrashItem& b);

// Identifies an item across listings. Versions are numbered per project, so children are keyed by
// parent + id; for other types parentId is always empty. Unknown types share one key space.
struct ItemKey {
    ItemType type = ItemType::Unknown;
    std::string parentId;
    std::string id;
};
bool operator==(const ItemKey& a, const ItemKey& b);
bool operator!=(const ItemKey& a, const ItemKey& b);
bool operator<(const ItemKey& a, const ItemKey& b);  // for std::set / sorted output
struct ItemKeyHash {
    size_t operator()(const ItemKey& key) const;
};

ItemKey KeyOf(const TrashItem& item);
// The key of a child's parent project (type Project, id = parentId).
ItemKey ParentKeyOf(const TrashItem& item);

// The one rule for naming an item to a person (rows, menus, toasts, the clipboard): its name, else
// its id ("augmented-416"); with the parent for versions and models when asked:
// "My Other Project / augmented-416". Not sanitised: SanitizeForDisplay before drawing.
std::string DisplayName(const TrashItem& item, bool withParent);
// A version's or model's project as a person reads it: its name, else its url; "" for others.
std::string ParentLabel(const TrashItem& item);

}  // namespace trash
