// Permanent deletion (single, batch, Empty Trash and the retention cleanup), exclusive versus
// shared images judged at deletion time, storage figures and the Projects page, ported from
// serve.py's domain.py and cleanup.py.
#include "demo/demo_state.h"

#include <algorithm>  // std::sort
#include <set>        // pk sets

namespace demo {

std::vector<std::pair<int64_t, int64_t>> ExclusiveImages(const State& state, int64_t projectPk) {
    std::vector<std::pair<int64_t, int64_t>> images;
    for (const auto& [imagePk, projects] : state.imageProjects) {
        if (projects.size() == 1 && projects[0] == projectPk) {
            auto image = state.images.find(imagePk);
            images.emplace_back(imagePk, image != state.images.end() ? image->second.sizeBytes : 0);
        }
    }
    return images;
}

// Not when one went to Trash inside another item's deletion event (its row is the parent's), nor
// when a flagged project left in Trash shares images with them (those images become its own).
bool PurgeChangesOnly(const State& state, const std::vector<int64_t>& itemPks) {
    const std::set<int64_t> chosen(itemPks.begin(), itemPks.end());
    for (int64_t pk : itemPks) {
        const auto item = state.items.find(pk);
        if (item == state.items.end() || item->second.trashEvent == 0) continue;
        const auto event = state.events.find(item->second.trashEvent);
        if (event != state.events.end() && event->second.rootPk != pk && !chosen.count(event->second.rootPk))
            return false;
    }
    for (const auto& [imagePk, projects] : state.imageProjects) {
        const bool shared =
            std::any_of(projects.begin(), projects.end(), [&](int64_t p) { return chosen.count(p) > 0; });
        if (!shared) continue;
        for (int64_t other : projects) {
            const auto project = state.items.find(other);
            if (!chosen.count(other) && project != state.items.end() && project->second.trashEvent != 0 &&
                project->second.cleanupDeleteImages)
                return false;
        }
    }
    return true;
}

namespace {
// Removes items (and, as SQLite's cascades do, their children and image links).
void DeleteItems(State& state, const std::set<int64_t>& pks) {
    std::set<int64_t> gone = pks;
    for (const auto& [pk, item] : state.items) {
        if (gone.count(item.parentPk)) gone.insert(pk);
    }
    for (int64_t pk : gone) state.items.erase(pk);
    for (auto& [pk, item] : state.items) {
        if (gone.count(item.trainedOnPk)) item.trainedOnPk = 0;
    }
    state.jobs.erase(std::remove_if(state.jobs.begin(), state.jobs.end(),
                                    [&gone](const TrainingJob& job) { return gone.count(job.itemPk) > 0; }),
                     state.jobs.end());
    for (auto& [imagePk, projects] : state.imageProjects) {
        projects.erase(
            std::remove_if(projects.begin(), projects.end(), [&gone](int64_t p) { return gone.count(p) > 0; }),
            projects.end());
    }
}
}  // namespace

std::vector<PurgeResult> Purge(State& state, const std::vector<int64_t>& itemPks, const Actor& actor, int64_t now,
                               int64_t runId) {
    const std::set<int64_t> chosen(itemPks.begin(), itemPks.end());
    std::vector<int64_t> roots;
    for (int64_t pk : itemPks) {
        if (!chosen.count(state.items[pk].parentPk) && std::find(roots.begin(), roots.end(), pk) == roots.end())
            roots.push_back(pk);
    }
    struct Before {
        Item item;
        int64_t childBytes = 0, childCount = 0;
        OptText parentId, parentName;
    };
    std::map<int64_t, Before> before;
    std::set<int64_t> events, rootSet(roots.begin(), roots.end()), flagged;
    for (int64_t pk : roots) {
        Before& b = before[pk];
        b.item = state.items[pk];
        if (b.item.parentPk != 0) {
            b.parentId = state.items[b.item.parentPk].id;
            b.parentName = state.items[b.item.parentPk].name;
        }
        if (b.item.type == "project" && b.item.cleanupDeleteImages) flagged.insert(pk);
        events.insert(b.item.trashEvent);
    }
    for (const auto& [pk, item] : state.items) {
        if (!rootSet.count(item.parentPk)) continue;
        before[item.parentPk].childBytes += item.sizeBytes;
        before[item.parentPk].childCount += 1;
        events.insert(item.trashEvent);
    }
    // (project, image, bytes) for the flagged projects, in project then image order.
    std::vector<std::tuple<int64_t, int64_t, int64_t>> candidates;
    for (int64_t project : flagged) {
        for (const auto& [imagePk, projects] : state.imageProjects) {
            if (std::find(projects.begin(), projects.end(), project) != projects.end())
                candidates.emplace_back(project, imagePk, state.images[imagePk].sizeBytes);
        }
    }
    DeleteItems(state, rootSet);
    for (int64_t event : events) {
        bool used = false;
        for (const auto& [pk, item] : state.items) used = used || item.trashEvent == event;
        if (!used) state.events.erase(event);
    }
    std::set<int64_t> unused;
    for (const auto& [project, imagePk, bytes] : candidates) {
        if (state.imageProjects[imagePk].empty()) unused.insert(imagePk);
    }
    for (int64_t imagePk : unused) {
        state.images.erase(imagePk);
        state.imageProjects.erase(imagePk);
    }
    std::map<int64_t, PurgeResult> taken;
    for (const auto& [project, imagePk, bytes] : candidates) {
        if (unused.erase(imagePk)) {  // an image two flagged projects shared counts once
            taken[project].imagesDeleted += 1;
            taken[project].freedBytes += bytes;
        }
    }
    std::vector<PurgeResult> results;
    const std::string action = actor.via == "cleanup" ? "cleanup" : "delete";
    for (int64_t pk : roots) {
        const Before& b = before[pk];
        const PurgeResult images = taken[pk];
        const int64_t freed = b.item.sizeBytes + b.childBytes + images.freedBytes;
        std::string detail = b.parentId ? "project " + *b.parentId + "; " : "";
        detail += "freed " + std::to_string(freed) + " bytes";
        if (b.childCount) detail += "; with " + std::to_string(b.childCount) + " children";
        if (images.imagesDeleted) detail += "; deleted " + std::to_string(images.imagesDeleted) + " exclusive images";
        Item named = b.item;
        named.parentPk = 0;  // the detail already names the project
        AuditEvent& event = AddAudit(state, b.item.workspaceId, actor, action, now, &named, detail);
        event.parentName = b.parentName;
        event.images = images.imagesDeleted;
        event.bytes = freed;
        event.runId = runId;
        results.push_back(PurgeResult{freed, images.imagesDeleted});
    }
    return results;
}

Json Storage(const State& state, const Workspace& ws) {
    int64_t used = 0, trash = 0;
    for (const auto& [pk, item] : state.items) {
        if (item.workspaceId != ws.id) continue;
        used += item.sizeBytes;
        if (item.trashEvent == 0) continue;
        trash += item.sizeBytes;
        if (item.type == "project" && item.cleanupDeleteImages) {
            for (const auto& image : ExclusiveImages(state, pk)) trash += image.second;
        }
    }
    for (const auto& [pk, image] : state.images) {
        if (image.workspaceId == ws.id) used += image.sizeBytes;
    }
    return Json{{"usedBytes", used}, {"trashBytes", trash}, {"quotaBytes", ws.quotaBytes}};
}

Json ActiveProjects(const State& state, const std::string& workspaceId) {
    std::vector<const Item*> rows;
    for (const auto& [pk, item] : state.items) {
        if (item.workspaceId == workspaceId && item.type == "project" && item.trashEvent == 0) rows.push_back(&item);
    }
    std::sort(rows.begin(), rows.end(), [](const Item* a, const Item* b) {  // name COLLATE NOCASE, pk
        const std::string la = LowerAscii(a->name), lb = LowerAscii(b->name);
        return la != lb ? la < lb : a->pk < b->pk;
    });
    Json projects = Json::array();
    for (const Item* p : rows) {
        int64_t size = p->sizeBytes, versions = 0, models = 0, images = 0;
        for (const auto& [pk, child] : state.items) {
            if (child.parentPk != p->pk || child.trashEvent != 0) continue;
            size += child.sizeBytes;
            versions += child.type == "version";
            models += child.type == "model";
        }
        for (const auto& [imagePk, users] : state.imageProjects)
            images += std::count(users.begin(), users.end(), p->pk);
        const User* owner = p->ownerId ? FindUser(state, *p->ownerId) : nullptr;
        projects.push_back(Json{{"id", p->id},
                                {"name", p->name},
                                {"url", p->url ? Json(*p->url) : Json()},
                                {"ownerId", p->ownerId ? Json(*p->ownerId) : Json()},
                                {"ownerName", owner ? Json(owner->name) : Json()},
                                {"versionCount", versions},
                                {"modelCount", models},
                                {"imageCount", images},
                                {"exclusiveImageCount", ExclusiveImages(state, p->pk).size()},
                                {"sizeBytes", size}});
    }
    return projects;
}

namespace {
std::string RunDetail(int64_t count, int64_t freed, int64_t images) {
    return std::to_string(count) + " items, freed " + std::to_string(freed) + " bytes" +
           (images ? ", deleted " + std::to_string(images) + " images" : "");
}

AuditEvent* EventByPk(State& state, int64_t pk) {
    for (AuditEvent& event : state.audit) {
        if (event.pk == pk) return &event;
    }
    return nullptr;
}
}  // namespace

std::vector<PurgeResult> PurgeRun(State& state, const std::string& workspaceId, const std::vector<int64_t>& itemPks,
                                  const Actor& actor, int64_t now, const std::string& action, int64_t* runId) {
    if (*runId == 0) *runId = AddAudit(state, workspaceId, actor, action, now, nullptr, RunDetail(0, 0, 0)).pk;
    std::vector<PurgeResult> results;
    if (!itemPks.empty()) results = Purge(state, itemPks, actor, now, *runId);
    AuditEvent* summary = EventByPk(state, *runId);
    if (summary == nullptr) return results;
    for (const PurgeResult& result : results) {
        summary->runCount += 1;
        summary->images += result.imagesDeleted;
        summary->bytes += result.freedBytes;
    }
    summary->detail = RunDetail(summary->runCount, summary->bytes, summary->images);
    return results;
}

// Oldest first, a batch of at most 1000 deletion events at a time as serve.py's cleanup does; a
// child due with its parent goes with it and is counted there. Each workspace's purges of one run
// are one cleanup summary event with a member per item.
CleanupResult Cleanup(State& state, int64_t now) {
    static constexpr size_t kBatchSize = 1000;
    static const Actor kCleanupActor{std::nullopt, "Retention cleanup", "cleanup"};
    CleanupResult total;
    std::map<std::string, int64_t> runs;  // workspace id -> this run's summary event there
    while (true) {
        std::vector<int64_t> due;
        for (const Workspace& ws : state.workspaces) {
            const int64_t cutoff = now - ws.retentionDays * kDayMs;
            std::vector<const DeletionEvent*> events;
            for (const auto& [pk, event] : state.events) {
                if (event.workspaceId == ws.id && event.at <= cutoff && state.items.count(event.rootPk))
                    events.push_back(&event);
            }
            std::sort(events.begin(), events.end(), [](const DeletionEvent* a, const DeletionEvent* b) {
                return a->at != b->at ? a->at < b->at : a->pk < b->pk;
            });
            for (const DeletionEvent* event : events) {
                if (due.size() < kBatchSize) due.push_back(event->rootPk);
            }
            if (due.size() >= kBatchSize) break;
        }
        if (due.empty()) break;
        const size_t eventsBefore = state.events.size();
        std::vector<std::string> order;  // the batch's workspaces, in the order their rows came
        for (int64_t pk : due) {
            const std::string& ws = state.items[pk].workspaceId;
            if (std::find(order.begin(), order.end(), ws) == order.end()) order.push_back(ws);
        }
        for (const std::string& ws : order) {
            std::vector<int64_t> mine;
            for (int64_t pk : due) {
                if (state.items[pk].workspaceId == ws) mine.push_back(pk);
            }
            for (const PurgeResult& result : PurgeRun(state, ws, mine, kCleanupActor, now, "cleanup", &runs[ws])) {
                total.purged += 1;
                total.freedBytes += result.freedBytes;
                total.imagesDeleted += result.imagesDeleted;
            }
        }
        if (state.events.size() >= eventsBefore) break;  // no progress: never loop forever
    }
    return total;
}

}  // namespace demo
