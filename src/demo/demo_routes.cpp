// The demo's route handlers, one per route of serve.py's routes.py that the page uses (plus the
// Ultralytics-compatible ones, cheap to keep), with the same checks in the same order, so each
// answers serve.py's status and JSON. The dispatcher before them is demo_backend.cpp.
#include "demo/demo_routes.h"

namespace demo {

namespace {

const std::map<std::string, std::string> kTrashPermission = {{"project", "trash_dataset"},
                                                             {"dataset", "trash_dataset"},
                                                             {"version", "trash_version"},
                                                             {"model", "trash_model"},
                                                             {"workflow", "trash_workflow"}};
const std::map<std::string, std::string> kRestorePermission = {{"project", "restore_dataset"},
                                                               {"dataset", "restore_dataset"},
                                                               {"version", "restore_version"},
                                                               {"model", "restore_model"},
                                                               {"workflow", "restore_workflow"}};

Answer Ok(Json body) { return Answer{200, std::move(body), {}}; }

ApiError NotFound(const std::string& kind, const std::string& name) { return ApiError{404, "No " + kind + " " + name}; }

// An item's full key as answers echo it: parentId for versions and models.
Json KeyOf(const ItemRef& ref) {
    Json key{{"type", ref.type}, {"id", ref.id}};
    if (ref.parentId) key["parentId"] = *ref.parentId;
    return key;
}

// The listing's version before and after an action (routes.py's _listing_change): a page that
// still holds `before` applies the answer to its own rows and takes `after`.
Json ListingChange(const Call& call, const std::string& before) {
    return Json{{"before", before}, {"after", ListingVersion(call.state, *call.ws)}};
}

// [SECTION] Moving items to Trash

Answer SoftDeleteAnswer(Call& call, Item& item, bool deleteImages, Json answer) {
    if (item.type == "project" && item.ownerId != OptText(call.user->id)) {
        const User* owner = item.ownerId ? FindUser(call.state, *item.ownerId) : nullptr;
        const std::string name = owner ? owner->name : "someone else";
        return ErrorAnswer(ApiError{403, "Only the project owner (" + name + ") can move this project to Trash",
                                    Json{{"ownerName", name}}});
    }
    SoftDelete(call.state, item, call.actor(), call.now, deleteImages);
    Json body{{"deleted", true}, {"type", item.type}, {"workspace", call.ws->url}};
    for (auto& [key, value] : answer.items()) body[key] = value;
    body["trash"] = true;
    return Ok(std::move(body));
}

Item* ActiveProject(Call& call, ApiError* error) {
    Item* project = FindActiveByUrl(call.state, call.ws->id, "project", call.params["project"]);
    if (project == nullptr) *error = NotFound("project", call.params["project"]);
    return project;
}

Answer DeleteChild(Call& call, const std::string& kind, const std::string& key) {
    if (ApiError error = call.NeedPermission(kTrashPermission.at(kind))) return ErrorAnswer(error);
    ApiError error;
    Item* project = ActiveProject(call, &error);
    if (error) return ErrorAnswer(error);
    Item* child = FindActiveChild(call.state, *project, kind, call.params[key]);
    if (child == nullptr) return ErrorAnswer(NotFound(kind, call.params[key]));
    return SoftDeleteAnswer(call, *child, false,
                            Json{{"project", call.params["project"]}, {"projectId", project->id}, {kind, child->id}});
}

Answer DeleteTop(Call& call, const std::string& kind) {
    if (ApiError error = call.NeedPermission(kTrashPermission.at(kind))) return ErrorAnswer(error);
    Item* item = FindActiveByUrl(call.state, call.ws->id, kind, call.params["url"]);
    if (item == nullptr) return ErrorAnswer(NotFound(kind, call.params["url"]));
    return SoftDeleteAnswer(call, *item, false, Json{{kind, *item->url}, {kind + "Id", item->id}});
}

// [SECTION] Restore

ApiError RestoreOne(Call& call, const ItemRef& ref, Json* result) {
    if (ApiError error = call.NeedPermission(kRestorePermission.at(ref.type))) return error;
    return Restore(call.state, call.ws->id, ref.type, ref.id, ref.parentId ? &*ref.parentId : nullptr, call.actor(),
                   call.now, result);
}

Answer RestoreWith(Call& call, const std::vector<std::string>& idNames) {
    Json body;
    if (ApiError error = ParseBody(call.http.body, &body)) return ErrorAnswer(error);
    if (!body.contains("items") && !body.contains("all")) {
        ItemRef ref;
        Json result;
        if (ApiError error = ReadItemRef(body, idNames, &ref)) return ErrorAnswer(error);
        if (ApiError error = RestoreOne(call, ref, &result)) return ErrorAnswer(error);
        Json answer{{"restored", true}};
        for (auto& [key, value] : result.items()) answer[key] = value;
        return Ok(std::move(answer));
    }
    bool all = false;
    if (ApiError error = GetBool(body, "all", &all)) return ErrorAnswer(error);
    // Issue 11: a batch answers per item, so without view_trash it would name what is in Trash.
    if (ApiError error = call.NeedPermission("view_trash")) return ErrorAnswer(error);
    Json restored = Json::array(), failed = Json::array();
    if (all) {
        const std::string before = ListingVersion(call.state, *call.ws);
        RestoreAll(
            call.state, call.ws->id, call.actor(), call.now,
            [&call](const std::string& kind) { return call.NeedPermission(kRestorePermission.at(kind)); }, &restored,
            &failed);
        return Ok(Json{{"restored", std::move(restored)},
                       {"failed", std::move(failed)},
                       {"listingVersion", ListingChange(call, before)}});
    }
    std::vector<ItemRef> refs;
    if (ApiError error = ReadRefs(body, &refs)) return ErrorAnswer(error);
    const std::string before = ListingVersion(call.state, *call.ws);
    for (const ItemRef& ref : refs) {
        Json result;
        if (ApiError error = RestoreOne(call, ref, &result)) {
            Json row = KeyOf(ref);
            row["status"] = error.status;
            row["error"] = error.message;
            failed.push_back(std::move(row));
        } else {
            restored.push_back(std::move(result));
        }
    }
    return Ok(Json{{"restored", std::move(restored)},
                   {"failed", std::move(failed)},
                   {"listingVersion", ListingChange(call, before)}});
}

// [SECTION] Permanent deletion

ApiError PermanentBody(Call& call, bool confirmed, Json* body) {
    if (ApiError error = call.NeedPermission("delete_permanently")) return error;
    if (ApiError error = ParseBody(call.http.body, body)) return error;
    auto confirm = body->find("confirm");
    if (confirmed && (confirm == body->end() || *confirm != Json(true)))
        return ApiError{400, "confirm must be true to delete permanently"};
    return {};
}

Answer PurgeRefs(Call& call, const std::vector<ItemRef>& refs) {
    const std::string before = ListingVersion(call.state, *call.ws);
    std::vector<int64_t> pks;
    for (const ItemRef& ref : refs) {
        const std::string* parentId = ref.parentId ? &*ref.parentId : nullptr;
        Item* item = FindItem(call.state, call.ws->id, ref.type, ref.id, parentId, true);
        if (item == nullptr)
            return ErrorAnswer(ApiError{404, "No " + Describe(ref.type, ref.id, parentId) + " in Trash"});
        pks.push_back(item->pk);
    }
    const bool exact = PurgeChangesOnly(call.state, pks);
    int64_t freed = 0, images = 0;
    for (const PurgeResult& result : Purge(call.state, pks, call.actor(), call.now)) {
        freed += result.freedBytes;
        images += result.imagesDeleted;
    }
    Json deleted = Json::array();
    for (const ItemRef& ref : refs) deleted.push_back(KeyOf(ref));
    Json answer{{"deleted", std::move(deleted)}, {"freedBytes", freed}, {"imagesDeleted", images}};
    if (exact) answer["listingVersion"] = ListingChange(call, before);
    return Ok(std::move(answer));
}

}  // namespace

Json WhoAmI(const Call& call) {
    Json permissions = Json::array();
    for (const std::string& p : call.role->permissions) permissions.push_back(p);
    return Json{{"user", Json{{"id", call.user->id}, {"name", call.user->name}, {"email", call.user->email}}},
                {"role", Json{{"name", call.role->name}, {"permissions", std::move(permissions)}}},
                {"workspace", Json{{"id", call.ws->id},
                                   {"url", call.ws->url},
                                   {"name", call.ws->name},
                                   {"retentionDays", call.ws->retentionDays}}},
                {"storage", Storage(call.state, *call.ws)},
                {"csrfToken", call.session->csrf}};
}

Answer DeleteProject(Call& call) {
    const auto flag = call.query.find("deleteImages");
    const std::string value = flag == call.query.end() ? "false" : flag->second;
    if (value != "true" && value != "false") return ErrorAnswer(ApiError{400, "deleteImages must be true or false"});
    if (ApiError error = call.NeedPermission("trash_dataset")) return ErrorAnswer(error);
    ApiError error;
    Item* project = ActiveProject(call, &error);
    if (error) return ErrorAnswer(error);
    return SoftDeleteAnswer(call, *project, value == "true",
                            Json{{"project", *project->url}, {"projectId", project->id}});
}

Answer DeleteVersion(Call& call) { return DeleteChild(call, "version", "version"); }
Answer DeleteModel(Call& call) { return DeleteChild(call, "model", "model"); }
Answer DeleteWorkflow(Call& call) { return DeleteTop(call, "workflow"); }
Answer DeleteDataset(Call& call) { return DeleteTop(call, "dataset"); }

Answer ListTrash(Call& call) {
    if (ApiError error = call.NeedPermission("view_trash")) return ErrorAnswer(error);
    Json body;
    if (ApiError error = WorkspaceListing(call.state, *call.ws, call.query, call.now, &body)) return ErrorAnswer(error);
    return Ok(std::move(body));
}

Answer RestoreItems(Call& call) { return RestoreWith(call, {"id"}); }
Answer UltraRestore(Call& call) { return RestoreWith(call, {"id", "itemId"}); }

Answer DeletePermanently(Call& call) {
    Json body;
    std::vector<ItemRef> refs;
    if (ApiError error = PermanentBody(call, true, &body)) return ErrorAnswer(error);
    if (ApiError error = ReadRefs(body, &refs)) return ErrorAnswer(error);
    return PurgeRefs(call, refs);
}

Answer UltraDelete(Call& call) {
    Json body;
    ItemRef ref;
    if (ApiError error = PermanentBody(call, true, &body)) return ErrorAnswer(error);
    if (ApiError error = ReadItemRef(body, {"id", "itemId"}, &ref)) return ErrorAnswer(error);
    return PurgeRefs(call, {ref});
}

Answer EmptyTrash(Call& call) {
    Json body;
    if (ApiError error = PermanentBody(call, false, &body)) return ErrorAnswer(error);
    auto confirm = body.find("confirm");
    if (confirm == body.end() || *confirm != Json(call.ws->name))
        return ErrorAnswer(ApiError{400, "Type the workspace name to confirm"});
    const std::string before = ListingVersion(call.state, *call.ws);
    const std::vector<int64_t> roots = TrashRoots(call.state, call.ws->id);
    int64_t freed = 0, images = 0, runId = 0;
    for (const PurgeResult& result :
         PurgeRun(call.state, call.ws->id, roots, call.actor(), call.now, "empty_trash", &runId)) {
        freed += result.freedBytes;
        images += result.imagesDeleted;
    }
    return Ok(Json{{"deleted", roots.size()},
                   {"freedBytes", freed},
                   {"imagesDeleted", images},
                   {"listingVersion", ListingChange(call, before)}});
}

Answer ListProjects(Call& call) { return Ok(Json{{"projects", ActiveProjects(call.state, call.ws->id)}}); }

// The retention period; with "dryRun" only its preview; with "expectedRetentionDays" a 409 when
// someone else changed it since the caller read it.
Answer PatchWorkspace(Call& call) {
    Json body;
    int64_t days = 0, expected = 0;
    bool dryRun = false;
    if (ApiError error = ParseBody(call.http.body, &body)) return ErrorAnswer(error);
    if (ApiError error = GetInt(body, "retentionDays", 1, 90, &days)) return ErrorAnswer(error);
    if (ApiError error = GetBool(body, "dryRun", &dryRun)) return ErrorAnswer(error);
    auto given = body.find("expectedRetentionDays");
    const bool expecting = given != body.end() && !given->is_null();
    if (expecting) {
        if (ApiError error = GetInt(body, "expectedRetentionDays", 1, 90, &expected)) return ErrorAnswer(error);
    }
    if (call.role->name != "Owner")
        return ErrorAnswer(ApiError{403, "Only the workspace Owner can change the retention period"});
    const int64_t current = call.ws->retentionDays;
    if (expecting && expected != current)
        return ErrorAnswer(
            ApiError{409, "The retention period was changed to " + std::to_string(current) + " days by someone else",
                     Json{{"retentionDays", current}}});
    if (dryRun) return Ok(Json{{"preview", RetentionPreview(call.state, *call.ws, days, call.now)}});
    call.ws->retentionDays = days;
    AuditEvent& event = AddAudit(call.state, call.ws->id, call.actor(), "set_retention", call.now, nullptr,
                                 std::to_string(days) + " days, was " + std::to_string(current));
    event.oldValue = current;
    event.newValue = days;
    return Ok(WhoAmI(call));
}

Answer UltraList(Call& call) {
    if (ApiError error = call.NeedPermission("view_trash")) return ErrorAnswer(error);
    Query query = call.query;
    int64_t page = 1, limit = 50;
    const auto type = query.find("type");
    if (type != query.end() && !IsType(type->second))
        return ErrorAnswer(ApiError{400, "Unknown type \"" + Utf8Prefix(type->second, 40) +
                                             "\"; expected one of project, version, model, dataset, workflow"});
    if (ApiError error = ParseIntParam(query, "page", 1, 1, 1000000000, &page)) return ErrorAnswer(error);
    if (ApiError error = ParseIntParam(query, "limit", 50, 1, 200, &limit)) return ErrorAnswer(error);
    Query listing;
    if (type != query.end()) listing["type"] = type->second;
    listing["sort"] = "-deletedAt";
    listing["sections"] = "0";
    Json all;
    WorkspaceListing(call.state, *call.ws, listing, call.now, &all);
    Json items = Json::array();
    const int64_t begin = (page - 1) * limit;
    for (int64_t i = begin; i < begin + limit && i < static_cast<int64_t>(all["items"].size()); ++i)
        items.push_back(all["items"][static_cast<size_t>(i)]);
    return Ok(Json{{"items", std::move(items)}, {"total", all["total"]}, {"page", page}, {"limit", limit}});
}

}  // namespace demo
