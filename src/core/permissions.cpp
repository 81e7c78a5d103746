// Permission checks for the Trash page, mirroring the server's rules (src/server/trash_server/auth.py) so that
// buttons are disabled, with a reason, before a request could be refused.
#include "core/permissions.h"

#include <algorithm>  // std::find
#include <utility>    // std::pair

#include "core/text.h"  // Concat

namespace trash {

bool HasPermission(const Session& session, std::string_view permission) {
    const std::vector<std::string>& granted = session.role.permissions;
    return std::find(granted.begin(), granted.end(), permission) != granted.end();
}

std::string_view PermissionWords(std::string_view permission) {
    static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
        {permission::kViewTrash, "View Trash"},
        {permission::kTrashDataset, "Move projects and datasets to Trash"},
        {permission::kRestoreDataset, "Restore projects and datasets"},
        {permission::kTrashVersion, "Move versions to Trash"},
        {permission::kRestoreVersion, "Restore versions"},
        {permission::kTrashModel, "Move models to Trash"},
        {permission::kRestoreModel, "Restore models"},
        {permission::kTrashWorkflow, "Move workflows to Trash"},
        {permission::kRestoreWorkflow, "Restore workflows"},
        {permission::kDeletePermanently, "Delete permanently"},
    };
    for (const auto& [id, words] : kWords)
        if (id == permission) return words;
    return permission;
}

std::string PermissionPhrase(std::string_view permission) {
    return Concat("the \"", PermissionWords(permission), "\" permission");
}

std::string LacksPermission(std::string_view permission) {
    return Concat("Your role lacks ", PermissionPhrase(permission));
}

std::string_view TrashPermissionFor(ItemType type) {
    switch (type) {
    case ItemType::Project:
    case ItemType::Dataset: return permission::kTrashDataset;
    case ItemType::Version: return permission::kTrashVersion;
    case ItemType::Model: return permission::kTrashModel;
    case ItemType::Workflow: return permission::kTrashWorkflow;
    case ItemType::Unknown: break;
    }
    return {};
}

std::string_view RestorePermissionFor(ItemType type) {
    switch (type) {
    case ItemType::Project:
    case ItemType::Dataset: return permission::kRestoreDataset;
    case ItemType::Version: return permission::kRestoreVersion;
    case ItemType::Model: return permission::kRestoreModel;
    case ItemType::Workflow: return permission::kRestoreWorkflow;
    case ItemType::Unknown: break;
    }
    return {};
}

namespace {
std::optional<std::string> Missing(const Session& session, std::string_view permission) {
    if (permission.empty() || HasPermission(session, permission)) return std::nullopt;
    return std::string(permission);
}
std::string Lacks(const std::string& permission) { return LacksPermission(permission); }
}  // namespace

std::optional<std::string> MissingPermissionToRestore(const Session& session, const TrashItem& item) {
    return Missing(session, RestorePermissionFor(item.type));
}

std::optional<std::string> MissingPermissionToTrash(const Session& session, ItemType type) {
    return Missing(session, TrashPermissionFor(type));
}

std::optional<std::string> MissingPermissionToDelete(const Session& session) {
    return Missing(session, permission::kDeletePermanently);
}

std::optional<std::string> MissingPermissionToView(const Session& session) {
    return Missing(session, permission::kViewTrash);
}

std::optional<std::string> MissingPermissionToViewActivity(const Session& session) {
    return Missing(session, permission::kViewActivity);
}

std::optional<std::string> RestoreBlockedReason(const Session& session, const TrashItem& item) {
    if (item.type == ItemType::Unknown) return Concat("This page cannot restore \"", item.typeName, "\" items");
    if (std::optional<std::string> missing = MissingPermissionToRestore(session, item)) return Lacks(*missing);
    if (IsChildType(item.type) && item.parentInTrash)
        return Concat("Restore the project \"", item.parentName, "\" first: this ", ItemTypeSingular(item.type),
                      "'s project is in Trash");
    return std::nullopt;
}

std::optional<std::string> DeleteBlockedReason(const Session& session) {
    if (std::optional<std::string> missing = MissingPermissionToDelete(session)) return Lacks(*missing);
    return std::nullopt;
}

std::optional<std::string> DeleteProjectBlockedReason(const Session& session, std::string_view ownerId,
                                                      std::string_view ownerName) {
    if (std::optional<std::string> missing = MissingPermissionToTrash(session, ItemType::Project))
        return Lacks(*missing);
    if (ownerId != session.user.id)
        return Concat("Only the owner, ", ownerName.empty() ? "someone else" : ownerName, ", can delete this project");
    return std::nullopt;
}

std::vector<ItemKey> RestorableKeys(const Session& session, const std::vector<const TrashItem*>& items) {
    std::vector<ItemKey> keys;
    for (const TrashItem* item : items)
        if (!RestoreBlockedReason(session, *item)) keys.push_back(KeyOf(*item));
    return keys;
}

}  // namespace trash
