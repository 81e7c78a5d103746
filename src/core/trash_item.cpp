// Names of the item types and the identity of items (ItemKey): the one place where the JSON
// words ("project", "versions") meet the enum.
#include "core/trash_item.h"

#include <functional>  // std::hash
#include <tuple>       // std::tie

namespace trash {

namespace {
struct TypeNames {
    ItemType type;
    std::string_view name, display, singular, section;
};
constexpr TypeNames kTypeNames[] = {
    {ItemType::Project, "project", "Projects", "project", "projects"},
    {ItemType::Version, "version", "Versions", "version", "versions"},
    {ItemType::Model, "model", "Models", "model", "models"},
    {ItemType::Dataset, "dataset", "Datasets", "dataset", "datasets"},
    {ItemType::Workflow, "workflow", "Workflows", "workflow", "workflows"},
    {ItemType::Unknown, "unknown", "Other", "item", ""},
};
static_assert(sizeof(kTypeNames) / sizeof(kTypeNames[0]) == kItemTypeCount, "one entry per ItemType");
static_assert(kTypeNames[static_cast<size_t>(ItemType::Unknown)].type == ItemType::Unknown, "in ItemType order");
const TypeNames& NamesOf(ItemType type) { return kTypeNames[static_cast<size_t>(type)]; }
}  // namespace

std::string_view ItemTypeName(ItemType type) { return NamesOf(type).name; }
std::string_view ItemTypeDisplayName(ItemType type) { return NamesOf(type).display; }
std::string_view ItemTypeSingular(ItemType type) { return NamesOf(type).singular; }
std::string_view ItemTypeSection(ItemType type) { return NamesOf(type).section; }

ItemType ItemTypeFromName(std::string_view name) {
    for (const TypeNames& names : kTypeNames)
        if (names.type != ItemType::Unknown && names.name == name) return names.type;
    return ItemType::Unknown;
}

bool IsChildType(ItemType type) { return type == ItemType::Version || type == ItemType::Model; }

bool operator==(const TrashItem& a, const TrashItem& b) {
    return std::tie(a.type, a.typeName, a.id, a.name, a.url, a.deletedAtMs, a.scheduledCleanupAtMs, a.deletedBy,
                    a.deletedByName, a.sizeBytes, a.cleanupDeleteImages, a.childCount, a.exclusiveImageCount,
                    a.parentId, a.parentName, a.parentUrl, a.parentInTrash) ==
           std::tie(b.type, b.typeName, b.id, b.name, b.url, b.deletedAtMs, b.scheduledCleanupAtMs, b.deletedBy,
                    b.deletedByName, b.sizeBytes, b.cleanupDeleteImages, b.childCount, b.exclusiveImageCount,
                    b.parentId, b.parentName, b.parentUrl, b.parentInTrash);
}
bool operator!=(const TrashItem& a, const TrashItem& b) { return !(a == b); }

bool operator==(const ItemKey& a, const ItemKey& b) {
    return a.type == b.type && a.id == b.id && a.parentId == b.parentId;
}
bool operator!=(const ItemKey& a, const ItemKey& b) { return !(a == b); }
bool operator<(const ItemKey& a, const ItemKey& b) {
    return std::tie(a.type, a.parentId, a.id) < std::tie(b.type, b.parentId, b.id);
}

size_t ItemKeyHash::operator()(const ItemKey& key) const {
    std::hash<std::string> hash;
    size_t h = hash(key.id);
    h ^= hash(key.parentId) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= static_cast<size_t>(key.type) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

ItemKey KeyOf(const TrashItem& item) {
    return ItemKey{item.type, IsChildType(item.type) ? item.parentId : std::string(), item.id};
}

ItemKey ParentKeyOf(const TrashItem& item) { return ItemKey{ItemType::Project, {}, item.parentId}; }

std::string DisplayName(const TrashItem& item, bool withParent) {
    const std::string& name = item.name.empty() ? item.id : item.name;
    const std::string parent = withParent ? ParentLabel(item) : std::string();
    return parent.empty() ? name : parent + " / " + name;
}

std::string ParentLabel(const TrashItem& item) {
    if (!IsChildType(item.type)) return {};
    return item.parentName.empty() ? item.parentUrl : item.parentName;
}

}  // namespace trash
