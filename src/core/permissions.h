// Role permissions as named by the server (src/server/trash_server/auth.py) and what they allow on the Trash page:
// which permission restoring or trashing a type needs, and why an action is unavailable, worded
// for the disabled button's tooltip.
#pragma once

#include <optional>     // nothing missing
#include <string>       // reasons
#include <string_view>  // names
#include <vector>       // restorable keys

#include "core/session.h"     // Session
#include "core/trash_item.h"  // TrashItem, ItemType

namespace trash {
namespace permission {
inline constexpr std::string_view kViewTrash = "view_trash";
inline constexpr std::string_view kTrashDataset = "trash_dataset";
inline constexpr std::string_view kRestoreDataset = "restore_dataset";
inline constexpr std::string_view kTrashVersion = "trash_version";
inline constexpr std::string_view kRestoreVersion = "restore_version";
inline constexpr std::string_view kTrashModel = "trash_model";
inline constexpr std::string_view kRestoreModel = "restore_model";
inline constexpr std::string_view kTrashWorkflow = "trash_workflow";
inline constexpr std::string_view kRestoreWorkflow = "restore_workflow";
inline constexpr std::string_view kDeletePermanently = "delete_permanently";
inline constexpr std::string_view kViewActivity = "view_activity";  // Settings → Activity (Owner, Admin)
}  // namespace permission

bool HasPermission(const Session& session, std::string_view permission);

// A permission as people read it, the one table of them: "delete_permanently" is "Delete
// permanently", "restore_version" "Restore versions". An id this page does not know comes back as is.
std::string_view PermissionWords(std::string_view permission);
// `the "Restore versions" permission`: how a sentence names a permission.
std::string PermissionPhrase(std::string_view permission);

// Projects and datasets share *_dataset. Empty for Unknown (no permission can allow it).
std::string_view TrashPermissionFor(ItemType type);
std::string_view RestorePermissionFor(ItemType type);

// The permission the role lacks for the action, if any: its id ("restore_version").
std::optional<std::string> MissingPermissionToRestore(const Session& session, const TrashItem& item);
std::optional<std::string> MissingPermissionToTrash(const Session& session, ItemType type);
std::optional<std::string> MissingPermissionToDelete(const Session& session);
std::optional<std::string> MissingPermissionToView(const Session& session);
std::optional<std::string> MissingPermissionToViewActivity(const Session& session);

// Why the Restore button of this row is disabled, as a tooltip sentence, or nullopt if it is not:
// "Your role lacks the "Restore versions" permission", "Restore the project \"My Detector\" first: this version's
// project is in Trash", "This page cannot restore \"pipeline\" items".
std::optional<std::string> RestoreBlockedReason(const Session& session, const TrashItem& item);
// The keys of the items this session may restore now (RestoreBlockedReason is nullopt), in order:
// what Restore does with a selection that mixes restorable and blocked rows.
std::vector<ItemKey> RestorableKeys(const Session& session, const std::vector<const TrashItem*>& items);
// "Your role lacks the "Delete permanently" permission", or nullopt.
std::optional<std::string> DeleteBlockedReason(const Session& session);
// Only a project's owner can move it to Trash: "Only the owner, Alice, can delete this project".
// "Your role lacks the "Restore versions" permission": the one wording of a missing permission.
std::string LacksPermission(std::string_view permission);
std::optional<std::string> DeleteProjectBlockedReason(const Session& session, std::string_view ownerId,
                                                      std::string_view ownerName);

}  // namespace trash
