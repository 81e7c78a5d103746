// The Trash listing (GET /:workspace/trash), ported from serve.py's listing.py: one row per
// deletion event, with type and name filters, the six sorts, cursor paging, sections and the
// listing version that lets an unchanged Trash answer {"unchanged": true}.
#include "demo/demo_state.h"

#include <algorithm>  // std::sort
#include <variant>    // sort keys: number or text

namespace demo {

namespace {

const std::vector<std::string> kSortColumns = {"deletedAt", "scheduledCleanupAt", "name", "sizeBytes",
                                               "type",      "deletedByName"};
const std::vector<std::pair<std::string, std::string>> kSectionNames = {{"project", "projects"},
                                                                        {"version", "versions"},
                                                                        {"workflow", "workflows"},
                                                                        {"model", "models"},
                                                                        {"dataset", "datasets"}};
const std::vector<std::string> kExtensionParams = {"type", "q", "sort", "limit", "cursor", "sections", "since"};
constexpr int64_t kMaxLimit = 100000;

struct Row {
    std::variant<int64_t, std::string> key;
    int64_t pk;
    std::string type;
    Json json;
};

std::string EncodeCursor(int64_t offset, const std::string& sort) {
    return Base64Url("[" + std::to_string(offset) + ", \"" + sort + "\"]");  // Python's json.dumps
}

ApiError DecodeCursor(const std::string& text, const std::string& sort, int64_t* offset) {
    std::string bytes;
    if (FromBase64Url(text, &bytes)) {
        const Json value = Json::parse(bytes, nullptr, false);
        const bool fits =
            !value.is_discarded() && value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
            (!value[0].is_number_unsigned() || value[0].get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX));
        if (fits && value[0].get<int64_t>() >= 0 && value[1] == sort) {
            *offset = value[0].get<int64_t>();
            return {};
        }
    }
    return ApiError{400, "cursor is not valid for this listing"};
}

OptText Param(const Query& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? std::nullopt : OptText(it->second);
}

Row MakeRow(const State& state, const Workspace& ws, const Item& item, const DeletionEvent& event,
            const std::string& sortColumn) {
    const User* actor = event.actorId ? FindUser(state, *event.actorId) : nullptr;
    Json deleter = actor ? Json(actor->name) : event.via == "api" ? Json("API key") : Json();
    int64_t size = item.sizeBytes, childCount = 0;
    if (item.type == "project") {
        for (const auto& [pk, child] : state.items) {
            if (child.parentPk != item.pk || child.trashEvent != item.trashEvent) continue;
            size += child.sizeBytes;
            ++childCount;
        }
        if (item.cleanupDeleteImages) {
            for (const auto& image : ExclusiveImages(state, item.pk)) size += image.second;
        }
    }
    Json json{{"type", item.type},
              {"id", item.id},
              {"name", item.name},
              {"deletedAt", Iso(event.at)},
              {"scheduledCleanupAt", Iso(event.at + ws.retentionDays * kDayMs)},
              {"deletedBy", event.actorId ? Json(*event.actorId) : Json()},
              {"deletedByName", deleter},
              {"sizeBytes", size}};
    if (IsChildType(item.type)) {
        auto parent = state.items.find(item.parentPk);
        const bool found = parent != state.items.end();
        json["parentId"] = found ? Json(parent->second.id) : Json();
        json["parentName"] = found ? Json(parent->second.name) : Json();
        json["parentUrl"] = found && parent->second.url ? Json(*parent->second.url) : Json();
        json["parentInTrash"] = found && parent->second.trashEvent != 0;
    } else {
        json["url"] = item.url ? Json(*item.url) : Json();
        if (item.type == "project") {
            json["cleanupDeleteImages"] = item.cleanupDeleteImages;
            json["childCount"] = childCount;
            json["exclusiveImageCount"] = ExclusiveImages(state, item.pk).size();
        }
    }
    Row row{int64_t{0}, item.pk, item.type, std::move(json)};
    if (sortColumn == "deletedAt" || sortColumn == "scheduledCleanupAt")
        row.key = event.at;
    else if (sortColumn == "name")
        row.key = LowerAscii(item.name);
    else if (sortColumn == "sizeBytes")
        row.key = size;
    else if (sortColumn == "type")
        row.key = item.type;
    else
        row.key = LowerAscii(deleter.is_string() ? deleter.get<std::string>() : "");
    return row;
}

std::vector<Row> Rows(const State& state, const Workspace& ws, const OptText& type, const OptText& needle,
                      const std::string& sortColumn) {
    std::vector<Row> rows;
    const std::string lowNeedle = needle ? LowerAscii(*needle) : "";
    for (const auto& [pk, item] : state.items) {
        if (item.workspaceId != ws.id || item.trashEvent == 0) continue;
        auto event = state.events.find(item.trashEvent);
        if (event == state.events.end() || event->second.rootPk != pk) continue;
        if (type && !type->empty() && item.type != *type) continue;
        if (!lowNeedle.empty() && LowerAscii(item.name).find(lowNeedle) == std::string::npos) continue;
        rows.push_back(MakeRow(state, ws, item, event->second, sortColumn));
    }
    return rows;
}

}  // namespace

ApiError ParseIntParam(const Query& query, const std::string& name, int64_t fallback, int64_t low, int64_t high,
                       int64_t* out) {
    const OptText text = Param(query, name);
    *out = fallback;
    if (!text) return {};
    const ApiError bad{400, name + " must be an integer from " + std::to_string(low) + " to " + std::to_string(high)};
    if (text->empty() || text->size() > 18) return bad;
    int64_t value = 0;
    for (char c : *text) {
        if (c < '0' || c > '9') return bad;
        value = value * 10 + (c - '0');
    }
    if (value < low || value > high) return bad;
    *out = value;
    return {};
}

std::string ListingVersion(const State& state, const Workspace& ws) {
    int64_t last = 0;
    for (const AuditEvent& event : state.audit) {
        if (event.workspaceId == ws.id) last = event.pk;
    }
    return state.bootNonce + "." + ws.id + "." + std::to_string(last);
}

std::vector<TrashRowFigure> TrashRowFigures(const State& state, const Workspace& ws) {
    std::vector<TrashRowFigure> figures;
    for (const Row& row : Rows(state, ws, std::nullopt, std::nullopt, "deletedAt"))
        figures.push_back(TrashRowFigure{std::get<int64_t>(row.key), row.json["sizeBytes"].get<int64_t>()});
    return figures;
}

ApiError WorkspaceListing(const State& state, const Workspace& ws, const Query& query, int64_t /*now*/, Json* out) {
    const std::string version = ListingVersion(state, ws);
    if (Param(query, "since") == version) {
        *out = Json{{"unchanged", true}, {"version", version}};
        return {};
    }
    const OptText type = Param(query, "type");
    if (type && !IsType(*type))
        return ApiError{400, "Unknown type \"" + Utf8Prefix(*type, 40) +
                                 "\"; expected one of project, version, model, dataset, workflow"};
    const std::string sort = Param(query, "sort").value_or("-deletedAt");
    const size_t firstLetter = sort.find_first_not_of('-');  // Python's sort.lstrip("-")
    const std::string column = firstLetter == std::string::npos ? "" : sort.substr(firstLetter);
    if (std::find(kSortColumns.begin(), kSortColumns.end(), column) == kSortColumns.end())
        return ApiError{400,
                        "sort must be one of deletedAt, scheduledCleanupAt, name, sizeBytes, type, deletedByName, "
                        "optionally prefixed with -"};
    const bool paged = query.count("limit") > 0;
    int64_t limit = 0, offset = 0;
    if (ApiError error = ParseIntParam(query, "limit", 0, 1, kMaxLimit, &limit)) return error;
    if (const OptText cursor = Param(query, "cursor")) {
        if (ApiError error = DecodeCursor(*cursor, sort, &offset)) return error;
    }
    std::vector<Row> rows = Rows(state, ws, type, Param(query, "q"), column);
    const bool descending = !sort.empty() && sort[0] == '-';
    std::sort(rows.begin(), rows.end(), [descending](const Row& a, const Row& b) {
        const bool less = a.key != b.key ? a.key < b.key : a.pk < b.pk;
        const bool greater = a.key != b.key ? b.key < a.key : b.pk < a.pk;
        return descending ? greater : less;
    });
    const int64_t total = static_cast<int64_t>(rows.size());
    const int64_t begin = std::min(offset, total);
    const int64_t end = paged ? std::min(total, begin + limit) : total;
    Json items = Json::array();
    Json sections = Json::object();
    for (const auto& [type_, name] : kSectionNames) sections[name] = Json::array();
    for (int64_t i = begin; i < end; ++i) {
        for (const auto& [type_, name] : kSectionNames) {
            if (type_ == rows[i].type) sections[name].push_back(rows[i].json);
        }
        items.push_back(std::move(rows[i].json));
    }
    *out = Json{{"items", std::move(items)}};
    if (Param(query, "sections") != OptText("0")) (*out)["sections"] = std::move(sections);
    bool extended = false;
    for (const std::string& name : kExtensionParams) extended = extended || query.count(name) > 0;
    if (extended) {
        (*out)["total"] = total;
        (*out)["version"] = version;
        if (paged) (*out)["nextCursor"] = end < total ? Json(EncodeCursor(end, sort)) : Json();
    }
    return {};
}

}  // namespace demo
