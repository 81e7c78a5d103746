// The HTTP requests the page sends, as plain data built from domain values: the platform layer
// only has to perform them. Paths are relative to the origin; segments are URL-encoded.
#pragma once

#include <cstddef>      // size_t
#include <optional>     // routes that may not exist
#include <string>       // std::string
#include <string_view>  // inputs
#include <utility>      // std::pair
#include <vector>       // keys, headers

#include "core/activity.h"    // ActivityFilters
#include "core/trash_item.h"  // ItemKey, TrashItem
#include "core/trash_view.h"  // SortSpec

namespace trash {

struct Request {
    std::string method;      // "GET", "POST", "DELETE"
    std::string path;        // "/my-workspace/trash?sections=0"
    std::string body;        // JSON, or empty
    bool needsCsrf = false;  // state-changing request of the web session
};
bool operator==(const Request& a, const Request& b);

using Header = std::pair<std::string, std::string>;
// Content-Type for a JSON body and X-CSRF-Token when the request needs it.
std::vector<Header> HeadersFor(const Request& request, std::string_view csrfToken);

namespace requests {

// GET /<ws>/trash?sections=0[&since=VERSION]: with the version of what is shown, the server
// answers {"unchanged":true} when nothing changed.
Request ListTrash(std::string_view workspaceUrl, std::string_view since = {});
// GET /<ws>/trash?sections=0&sort=-deletedAt&limit=N: the first N rows in the list's sort, so
// a large Trash shows its first screen before the whole listing arrives. Within each type group
// the list shows rows in this same order, so every group starts with the right rows.
Request ListTrashFirstPage(std::string_view workspaceUrl, SortSpec sort, size_t limit);
// The batch routes take at most kMaxBatch items (the server's limit); callers split larger sets.
inline constexpr size_t kMaxBatch = 10000;
Request RestoreItems(std::string_view workspaceUrl, const std::vector<ItemKey>& keys);
Request RestoreAll(std::string_view workspaceUrl);  // {"all":true}
Request DeletePermanently(std::string_view workspaceUrl, const std::vector<ItemKey>& keys);
Request EmptyTrash(std::string_view workspaceUrl, std::string_view typedName);
Request SignIn(std::string_view email, std::string_view password);
Request SignOut();
Request WhoAmI();
Request ListProjects(std::string_view workspaceUrl);
Request DeleteProject(std::string_view workspaceUrl, std::string_view projectUrl, bool deleteImages);
Request DemoInfo();
// The in-browser demo's own routes: POST /api/demo/clock {"advanceDays":N}, /api/demo/cleanup,
// /api/demo/reset (serve.py has none of them).
Request DemoAdvanceClock(int days);
Request DemoRunCleanup();
Request DemoReset();
// Settings → Activity: GET /<ws>/audit?limit=N[&cursor][&action=a,b][&actor][&type][&q][&from][&to][&item]
// (a typed date the API cannot read is left out; the field says why), one run's members
// (?run=ID&limit=N[&cursor]), and the same filters as a CSV file (?format=csv).
inline constexpr size_t kActivityPageRows = 200;
Request ListActivity(std::string_view workspaceUrl, const ActivityFilters& filters, std::string_view cursor,
                     size_t limit = kActivityPageRows);
Request ListActivityRun(std::string_view workspaceUrl, std::string_view runId, std::string_view cursor,
                        size_t limit = kActivityPageRows);
Request ExportActivity(std::string_view workspaceUrl, const ActivityFilters& filters);
// Settings → Retention: PATCH /api/workspace {"retentionDays":N,"expectedRetentionDays":M[,"dryRun":true]};
// the dry run answers a preview, the save who-am-I; 409 when the period is no longer M.
Request PreviewRetention(int days, int expectedDays);
Request SaveRetention(int days, int expectedDays);
// Moves an item back to Trash (Undo after a restore) through the ordinary delete routes:
// DELETE /<ws>/<project url>, /<ws>/<parent url>/<version id>, /<ws>/<parent url>/models/<id>,
// /<ws>/datasets/<url>, /<ws>/workflows/<url>. nullopt when the item lacks the url it needs
// or its type is unknown.
std::optional<Request> MoveToTrash(std::string_view workspaceUrl, const TrashItem& item);

}  // namespace requests
}  // namespace trash
