// The page reducer, part three: a finished action's outcome applied to what the page holds, so a
// restore or permanent deletion costs no re-list of the Trash and no re-read of the session. The
// answers' listing versions say whether the rows held plus the answers are the server's listing;
// when they cannot vouch for it, the page reloads as before.
#include <algorithm>  // std::max

#include "core/page_state.h"

namespace trash {

// The rows the answers named were settled when each answer came; this is what they imply for the
// rest: a restored project's own-row children may be restored now, a deleted project's are gone.
// Storage: a restore takes its rows' sizes out of the Trash (a row's size is what it holds in
// Trash: its children and, when flagged, its exclusive images); a deletion frees what it says.
void PageState::ApplyOutcome(const Batch& batch) {
    const bool restore = batch.kind == RequestKind::Restore || batch.kind == RequestKind::RestoreAll;
    const bool purge = batch.kind == RequestKind::DeletePermanently || batch.kind == RequestKind::EmptyTrash;
    if (!restore && !purge) return;
    std::vector<std::pair<std::string, std::string>> restoredProjects;
    std::vector<std::string> deletedProjects;
    int64_t restoredBytes = 0;
    for (const TrashItem& item : batch.done) {
        if (item.type == ItemType::Project) {
            if (restore)
                restoredProjects.emplace_back(item.id, item.url);
            else
                deletedProjects.push_back(item.id);
        }
        restoredBytes += item.sizeBytes;
    }
    if (restore)
        view_.ParentsRestored(restoredProjects);
    else
        view_.RemoveChildrenOf(deletedProjects);
    if (!session_) return;
    Storage& storage = session_->storage;
    if (restore) {
        storage.trashBytes = std::max<int64_t>(0, storage.trashBytes - restoredBytes);
    } else {
        storage.trashBytes = std::max<int64_t>(0, storage.trashBytes - batch.freedBytes);
        storage.usedBytes = std::max<int64_t>(0, storage.usedBytes - batch.freedBytes);
    }
}

// Takes the server's new listing version when the answers chain from the one shown to it (each
// answer's `before` is the previous one's `after`, in whatever order they arrived): then the
// rows held are the server's listing, and the next refresh answers {"unchanged": true}.
bool PageState::AdoptListingVersion(const Batch& batch) {
    if (batch.unversioned || batch.versions.empty() || trashLoad_.status != LoadStatus::Loaded || partial_ ||
        listingVersion_.empty())
        return false;
    std::string version = listingVersion_;
    std::vector<char> used(batch.versions.size(), 0);
    for (size_t step = 0; step < batch.versions.size(); ++step) {
        size_t next = 0;
        while (next < batch.versions.size() && (used[next] || batch.versions[next].before != version)) ++next;
        if (next == batch.versions.size()) return false;  // someone else changed the Trash meanwhile
        used[next] = 1;
        version = batch.versions[next].after;
    }
    listingVersion_ = std::move(version);
    return true;
}

Requests PageState::AfterAction(const Batch& batch) {
    if (!AdoptListingVersion(batch)) return ReloadAfterChange();
    if (demo_.browser) return {Send(requests::DemoInfo(), RequestKind::DemoInfo)};
    return {};
}

}  // namespace trash
