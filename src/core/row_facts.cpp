// The facts of a Trash row (see row_facts.h): names, countdown and actions with their reasons.
#include "core/row_facts.h"

#include <algorithm>  // std::min

#include "core/consequences.h"  // ExclusiveImagesNote
#include "core/permissions.h"   // RestoreBlockedReason, DeleteBlockedReason, HasPermission
#include "core/text.h"          // SanitizeForDisplay, Concat

namespace trash {
namespace {

RowAction Action(RowActionKind kind, std::string_view id, std::string_view label, std::optional<std::string> blocked,
                 Intent intent) {
    RowAction action;
    action.kind = kind;
    action.id = id;
    action.label = label;
    action.enabled = !blocked;
    action.reason = blocked.value_or("");
    action.intent = std::move(intent);
    return action;
}

std::vector<RowAction> ActionsOf(const TrashItem& item, const RowFacts& facts, const Session& session) {
    const ItemKey& key = facts.key;
    std::vector<RowAction> actions;
    actions.push_back(
        Action(RowActionKind::CopyName, "copy-name", "Copy name", std::nullopt, intent::Copy{CopyField::Name, {key}}));
    actions.push_back(
        Action(RowActionKind::CopyId, "copy-id", "Copy ID", std::nullopt, intent::Copy{CopyField::Id, {key}}));
    std::optional<std::string> noActivity;
    if (std::optional<std::string> missing = MissingPermissionToViewActivity(session))
        noActivity = Concat("Your role lacks ", *missing);
    RowAction history =
        Action(RowActionKind::History, "history", "History", std::move(noActivity), intent::OpenHistory{key});
    history.hint = "Opens Settings \xe2\x86\x92 Activity with everything that happened to this item";
    actions.push_back(std::move(history));
    actions.push_back(Action(RowActionKind::Restore, "restore", "Restore", RestoreBlockedReason(session, item),
                             intent::Restore{{key}}));
    if (facts.parentFirst) {
        const std::string_view permission = RestorePermissionFor(ItemType::Project);
        std::optional<std::string> blocked;
        if (!HasPermission(session, permission)) blocked = LacksPermission(permission);
        RowAction parent = Action(RowActionKind::RestoreParentFirst, "restore-parent", "Restore project first",
                                  std::move(blocked), intent::RestoreParentFirst{key});
        parent.hint = Concat("Restores \"", facts.parent, "\" with everything that went to Trash with it");
        actions.push_back(std::move(parent));
    }
    RowAction del =
        Action(RowActionKind::DeletePermanently, "delete", "Delete permanently", DeleteBlockedReason(session),
               intent::OpenDialog{DialogKind::ConfirmDeletePermanently, {key}, {}});
    del.danger = true;
    actions.push_back(std::move(del));
    return actions;
}

}  // namespace

const RowAction* RowFacts::action(RowActionKind kind) const {
    for (const RowAction& a : actions)
        if (a.kind == kind) return &a;
    return nullptr;
}

RowFacts FactsOf(const TrashItem& item, const Session* session, int64_t nowMs) {
    RowFacts facts;
    facts.key = KeyOf(item);
    facts.name = SanitizeForDisplay(DisplayName(item, false));
    facts.parent = SanitizeForDisplay(ParentLabel(item));
    facts.label = facts.parent.empty() ? facts.name : Concat(facts.parent, " / ", facts.name);
    facts.deletedBy = SanitizeForDisplay(item.deletedByName.empty() ? item.deletedBy : item.deletedByName);
    facts.timeLeft = FormatTimeLeft(nowMs, item.scheduledCleanupAtMs);
    facts.deletedAgo = FormatRelative(nowMs, item.deletedAtMs);
    facts.deletedAgoChangesMs = NextRelativeRedrawMs(nowMs, item.deletedAtMs);
    facts.deletedAtText = Concat("Deleted ", FormatDateTime(item.deletedAtMs));
    facts.purgeTime = FormatPurgeTime(item.scheduledCleanupAtMs);
    facts.expiresDate = FormatDate(item.scheduledCleanupAtMs);
    facts.size = FormatBytes(item.sizeBytes);
    const bool project = item.type == ItemType::Project;
    facts.childCount = project ? item.childCount : 0;
    if (facts.childCount > 0) {
        facts.childPill = Concat("+", FormatCount(uint64_t(facts.childCount)));
        facts.childNote =
            Concat(CountOf(uint64_t(facts.childCount), "version or model", "versions and models"),
                   " went to Trash with this project and ", facts.childCount == 1 ? "comes" : "come", " back with it");
    }
    facts.deletesImages = project && item.cleanupDeleteImages;
    if (facts.deletesImages) facts.imagesNote = ExclusiveImagesNote(item);
    if (item.type == ItemType::Unknown) facts.unknownType = SanitizeForDisplay(item.typeName);
    facts.parentFirst = IsChildType(item.type) && item.parentInTrash;
    if (session) facts.actions = ActionsOf(item, facts, *session);
    return facts;
}

const RowFacts& RowFactsCache::Get(const TrashItem& item, const Session* session, int64_t nowMs) {
    const ItemKey key = KeyOf(item);
    std::unique_ptr<Entry>& slot = entries_[key];
    if (!slot) slot = std::make_unique<Entry>();
    Entry& entry = *slot;
    const bool sameSession =
        entry.signedIn == (session != nullptr) && (!session || entry.permissions == session->role.permissions);
    if (entry.fromMs <= nowMs && nowMs < entry.untilMs && sameSession && entry.item == item) return entry.facts;
    ++builds_;
    entry.item = item;
    entry.signedIn = session != nullptr;
    entry.permissions = session ? session->role.permissions : std::vector<std::string>{};
    entry.facts = FactsOf(item, session, nowMs);
    entry.fromMs = nowMs;
    entry.untilMs = std::min(entry.facts.timeLeft.nextChangeMs, NextRelativeChangeMs(nowMs, item.deletedAtMs));
    return entry.facts;
}

void RowFactsCache::Trim(size_t keep) {
    if (entries_.size() <= keep) return;
    entries_.clear();
}

std::string_view UrgencyName(Urgency urgency) {
    switch (urgency) {
    case Urgency::Red: return "red";
    case Urgency::Amber: return "amber";
    case Urgency::Normal: break;
    }
    return "normal";
}

}  // namespace trash
