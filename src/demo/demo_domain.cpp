// The domain rules of design.md section 2 that move items in and out of Trash, ported from
// serve.py's domain.py: finding items, the soft delete with its deletion event, restore with
// the parent rule and slug conflicts, and the audit trail. Permanent deletion is demo_purge.cpp.
#include "demo/demo_state.h"

#include <algorithm>  // std::find, std::sort
#include <set>        // pk sets
#include <tuple>      // std::tie

namespace demo {

namespace {
const std::vector<std::string> kReservedProjectSlugs = {"trash", "projects", "audit", "workflows", "datasets"};

bool Reserved(const std::string& type, const std::string& url) {
    return type == "project" &&
           std::find(kReservedProjectSlugs.begin(), kReservedProjectSlugs.end(), url) != kReservedProjectSlugs.end();
}

Item* ByIdentity(State& state, const std::string& workspaceId, const std::string& type, int64_t parentPk,
                 const std::string& id) {
    for (auto& [pk, item] : state.items) {
        if (item.workspaceId == workspaceId && item.type == type && item.parentPk == parentPk && item.id == id)
            return &item;
    }
    return nullptr;
}

std::string UniqueSlug(State& state, const std::string& workspaceId, const std::string& type, const std::string& url) {
    std::string candidate = url;
    for (int n = 2; FindActiveByUrl(state, workspaceId, type, candidate) || Reserved(type, candidate); ++n)
        candidate = url + "-" + std::to_string(n);
    return candidate;
}
}  // namespace

AuditEvent& AddAudit(State& state, const std::string& workspaceId, const Actor& actor, const std::string& action,
                     int64_t now, const Item* item, std::string detail) {
    OptText parentName;
    if (item != nullptr && item->parentPk != 0) {
        // A version id ("3") means nothing without its project.
        auto parent = state.items.find(item->parentPk);
        const std::string parentId = parent != state.items.end() ? parent->second.id : "None";
        if (parent != state.items.end()) parentName = parent->second.name;
        detail = "project " + parentId + (detail.empty() ? "" : "; " + detail);
    }
    AuditEvent event;
    event.pk = state.audit.empty() ? 1 : state.audit.back().pk + 1;
    event.workspaceId = workspaceId;
    event.at = now;
    event.actorId = actor.id;
    event.actorName = actor.name;
    event.action = action;
    event.via = actor.via;
    if (item != nullptr) {
        event.type = item->type;
        event.itemId = item->id;
        event.name = item->name;
    }
    event.parentName = parentName;
    event.detail = std::move(detail);
    state.audit.push_back(std::move(event));
    return state.audit.back();
}

Item* FindItem(State& state, const std::string& workspaceId, const std::string& type, const std::string& id,
               const std::string* parentId, std::optional<bool> inTrash) {
    int64_t parentPk = 0;
    if (IsChildType(type)) {
        Item* parent = parentId ? ByIdentity(state, workspaceId, "project", 0, *parentId) : nullptr;
        if (parent == nullptr) return nullptr;
        parentPk = parent->pk;
    }
    Item* item = ByIdentity(state, workspaceId, type, parentPk, id);
    if (item == nullptr || (inTrash && (item->trashEvent != 0) != *inTrash)) return nullptr;
    return item;
}

Item* FindActiveByUrl(State& state, const std::string& workspaceId, const std::string& type, const std::string& url) {
    for (auto& [pk, item] : state.items) {
        if (item.workspaceId == workspaceId && item.type == type && item.url == url && item.trashEvent == 0)
            return &item;
    }
    return nullptr;
}

Item* FindActiveChild(State& state, const Item& parent, const std::string& type, const std::string& id) {
    Item* child = ByIdentity(state, parent.workspaceId, type, parent.pk, id);
    return child != nullptr && child->trashEvent == 0 ? child : nullptr;
}

std::string Describe(const std::string& type, const std::string& id, const std::string* parentId) {
    return type + " " + id + (parentId ? " of project " + *parentId : "");
}

void SoftDelete(State& state, Item& item, const Actor& actor, int64_t now, bool deleteImages) {
    DeletionEvent event;
    event.pk = state.events.empty() ? 1 : state.events.rbegin()->first + 1;
    event.workspaceId = item.workspaceId;
    event.rootPk = item.pk;
    event.at = now;
    event.actorId = actor.id;
    event.via = actor.via;
    state.events.emplace(event.pk, event);
    const bool flagged = deleteImages && item.type == "project";
    item.trashEvent = event.pk;
    item.cleanupDeleteImages = flagged;
    int64_t children = 0;
    for (auto& [pk, other] : state.items) {
        if (other.parentPk == item.pk && other.trashEvent == 0) {
            other.trashEvent = event.pk;
            ++children;
        }
    }
    // Whatever went to Trash stops training.
    int64_t cancelled = 0;
    for (TrainingJob& job : state.jobs) {
        auto owner = state.items.find(job.itemPk);
        if ((job.status == "queued" || job.status == "running") && owner != state.items.end() &&
            owner->second.trashEvent == event.pk && job.workspaceId == item.workspaceId) {
            job.status = "cancelled";
            ++cancelled;
        }
    }
    std::string detail;
    auto add = [&detail](const std::string& part) { detail += (detail.empty() ? "" : "; ") + part; };
    if (children) add("with " + std::to_string(children) + " children");
    if (cancelled) add("cancelled " + std::to_string(cancelled) + " training jobs");
    if (flagged) add("exclusive images will be deleted at cleanup");
    AddAudit(state, item.workspaceId, actor, "trash", now, &item, detail);
}

ApiError Restore(State& state, const std::string& workspaceId, const std::string& type, const std::string& id,
                 const std::string* parentId, const Actor& actor, int64_t now, Json* result) {
    Item* item = FindItem(state, workspaceId, type, id, parentId, true);
    if (item == nullptr) return ApiError{404, "No " + Describe(type, id, parentId) + " in Trash"};
    if (IsChildType(type) && state.items[item->parentPk].trashEvent != 0)
        return ApiError{409, "The parent project is in Trash: restore the parent project first"};
    *result = Json{{"type", type}, {"id", id}};  // the full key, so clients match results by key
    if (IsChildType(type) && parentId) (*result)["parentId"] = *parentId;
    const OptText oldUrl = item->url;
    if (item->url) {
        const std::string slug = UniqueSlug(state, workspaceId, type, *item->url);
        item->url = slug;
        (*result)["url"] = slug;
    }
    const int64_t event = item->trashEvent;
    int64_t children = 0;
    for (auto& [pk, other] : state.items) {
        if (other.trashEvent == event && pk != item->pk && other.workspaceId == workspaceId) {
            other.trashEvent = 0;
            ++children;
        }
    }
    item->trashEvent = 0;
    item->cleanupDeleteImages = false;
    state.events.erase(event);
    std::string detail = children ? "with " + std::to_string(children) + " children" : "";
    if (oldUrl && *item->url != *oldUrl)
        detail = (detail.empty() ? "" : detail + "; ") + "slug taken, restored as " + *item->url;
    // serve.py's audit row names the item as it was before the new slug (only url changes).
    AddAudit(state, workspaceId, actor, "restore", now, item, detail).slug = item->url;
    return {};
}

std::vector<int64_t> TrashRoots(const State& state, const std::string& workspaceId) {
    struct Root {
        bool child;
        int64_t at, pk;
    };
    std::vector<Root> roots;
    for (const auto& [pk, item] : state.items) {
        if (item.workspaceId != workspaceId || item.trashEvent == 0) continue;
        auto event = state.events.find(item.trashEvent);
        if (event == state.events.end() || event->second.rootPk != pk) continue;
        roots.push_back({item.parentPk != 0, event->second.at, pk});
    }
    std::sort(roots.begin(), roots.end(), [](const Root& a, const Root& b) {
        return std::tie(a.child, a.at, a.pk) < std::tie(b.child, b.at, b.pk);
    });
    std::vector<int64_t> pks;
    for (const Root& root : roots) pks.push_back(root.pk);
    return pks;
}

void RestoreAll(State& state, const std::string& workspaceId, const Actor& actor, int64_t now,
                const std::function<ApiError(const std::string&)>& refusal, Json* restored, Json* failed) {
    const std::vector<int64_t> roots = TrashRoots(state, workspaceId);
    const std::set<int64_t> inTrash(roots.begin(), roots.end());
    std::set<std::pair<std::string, std::string>> taken;
    for (const auto& [pk, item] : state.items) {
        if (item.workspaceId == workspaceId && item.trashEvent == 0 && item.url) taken.insert({item.type, *item.url});
    }
    std::map<std::string, ApiError> refused;
    std::vector<int64_t> fast, slow;
    std::set<int64_t> comingBack, slowPks;
    auto parentIdOf = [&state](const Item& item) -> OptText {
        if (item.parentPk == 0) return std::nullopt;
        return state.items[item.parentPk].id;
    };
    auto fail = [&](const Item& item, const ApiError& error) {
        Json row{{"type", item.type}, {"id", item.id}};
        if (const OptText parentId = parentIdOf(item)) row["parentId"] = *parentId;
        row["status"] = error.status;
        row["error"] = error.message;
        failed->push_back(std::move(row));
    };
    for (int64_t pk : roots) {  // parents first, as one-by-one restores would go
        const Item& item = state.items[pk];
        if (refused.count(item.type) == 0) refused[item.type] = refusal(item.type);
        if (refused[item.type]) {
            fail(item, refused[item.type]);
        } else if (IsChildType(item.type) && inTrash.count(item.parentPk) && !comingBack.count(item.parentPk)) {
            fail(item, ApiError{409, "The parent project is in Trash: restore the parent project first"});
        } else if ((item.url && (taken.count({item.type, *item.url}) || Reserved(item.type, *item.url))) ||
                   slowPks.count(item.parentPk)) {
            slow.push_back(pk);
            slowPks.insert(pk);
            comingBack.insert(pk);
        } else {
            fast.push_back(pk);
            comingBack.insert(pk);
            if (item.url) taken.insert({item.type, *item.url});
        }
    }
    for (int64_t pk : fast) {
        Item& item = state.items[pk];
        const int64_t event = item.trashEvent;
        int64_t children = 0;
        for (auto& [otherPk, other] : state.items) {
            if (other.trashEvent != event) continue;
            if (otherPk != pk) ++children;
            other.trashEvent = 0;
            other.cleanupDeleteImages = false;
        }
        state.events.erase(event);
        AddAudit(state, workspaceId, actor, "restore", now, &item,
                 children ? "with " + std::to_string(children) + " children" : "")
            .slug = item.url;
        Json row{{"type", item.type}, {"id", item.id}};
        if (const OptText parentId = parentIdOf(item)) row["parentId"] = *parentId;
        if (item.url) row["url"] = *item.url;
        restored->push_back(std::move(row));
    }
    for (int64_t pk : slow) {
        const Item item = state.items[pk];
        const OptText parentId = parentIdOf(item);
        Json row;
        Restore(state, workspaceId, item.type, item.id, parentId ? &*parentId : nullptr, actor, now, &row);
        restored->push_back(std::move(row));
    }
}

}  // namespace demo
