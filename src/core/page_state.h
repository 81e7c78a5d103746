// The page above the list: which screen shows, the signed-in session, load states, toasts, modal
// dialogs and refresh timing. A reducer: Apply(intent) and OnResponse(tag, status, body) update
// the state and return the requests to send, so click → request → response → state is testable
// natively with no network. The platform layer performs each PendingRequest (with
// HeadersFor(pending.request, pending.csrfToken)) and calls OnResponse with its tag.
#pragma once

#include <cstdint>      // int64_t, uint64_t
#include <map>          // in-flight requests
#include <optional>     // session
#include <string>       // messages
#include <string_view>  // bodies
#include <vector>       // toasts, requests

#include "core/activity.h"        // ActivityView
#include "core/api_codec.h"       // Session, Project, DemoInfo
#include "core/intents.h"         // Intent, Screen, DialogKind
#include "core/requests.h"        // Request
#include "core/response_body.h"   // ResponseBody
#include "core/retention_form.h"  // RetentionForm
#include "core/trash_view.h"      // TrashView

namespace trash {

struct PageConfig {
    int64_t refreshIntervalMs = 30'000;
    int64_t toastMs = 5'000;
    int64_t undoToastMs = 10'000;
    int64_t errorToastMs = 10'000;
    size_t maxToasts = 4;
    size_t maxUndoItems = 50;  // beyond this a restore offers no Undo (one request per item)
    // A first visit asks for this many rows first (in the list's sort) and shows them while the
    // whole listing follows; 0 asks for the whole listing at once.
    size_t firstPageRows = 200;
};

// While a large Trash loads: the rows of a first page are shown, the whole listing is on its way.
struct PartialListing {
    size_t shown = 0;  // rows of the first page
    size_t total = 0;  // rows in the whole Trash, as the server counted them
};

enum class LoadStatus { Idle, Loading, Loaded, Error };

// Whether the server answers. Unreachable from a request that got no answer (or a gateway's 502,
// 503, 504) until one gets any answer; the page shows it for as long as it lasts, with when the
// Trash shown was last loaded, instead of toasts that vanish while the data goes stale.
struct Connection {
    bool unreachable = false;
    int64_t lastLoadedMs = 0;  // the last listing that arrived (0: none yet)
};
struct LoadState {
    LoadStatus status = LoadStatus::Idle;
    std::string error;  // the message shown with Retry
};

enum class ToastKind { Success, Error, Info };
struct Toast {
    uint64_t id = 0;
    ToastKind kind = ToastKind::Info;
    std::string message;
    int64_t expiresAtMs = 0;
    std::vector<TrashItem> undoItems;    // non-empty: the toast offers Undo (move these back to Trash)
    std::vector<TrashItem> undoRestore;  // non-empty: the toast offers Undo (restore these: a Move to Trash taken back)
    std::string linkLabel;               // a way on to what the action touched: "View in Trash", "View project"
    Screen linkScreen = Screen::Trash;   // where that link goes
    bool undoable() const { return !undoItems.empty() || !undoRestore.empty(); }
};

struct Dialog {
    DialogKind kind = DialogKind::None;
    std::vector<ItemKey> keys;       // what the action covers
    std::vector<std::string> names;  // the first few, for the list: "My Detector (project)"
    size_t count = 0;                // how many in all ("and 41 more")
    int64_t bytes = 0;               // storage it frees
    std::string consequences;        // ConfirmDeletePermanently: what its projects take with them ("" for none)
    std::string projectUrl;          // ConfirmDeleteProject
};

enum class RequestKind {
    WhoAmI,
    SignIn,
    SignOut,
    DemoInfo,
    ListTrash,
    Restore,
    RestoreAll,
    DeletePermanently,
    EmptyTrash,
    ListProjects,
    DeleteProject,
    UndoMove,
    Demo,
    ListActivity,
    ListActivityRun,
    ExportActivity,
    PreviewRetention,
    SaveRetention
};

// A file the page asks the browser to save (Export CSV): the platform hands it to the user.
struct Download {
    std::string fileName;  // "activity-acme-robotics.csv"
    std::string mimeType;  // "text/csv"
    std::string bytes;
};

// A request to perform; answer it with OnResponse(tag, status, body). Status 0 means the server
// could not be reached. Send it with HeadersFor(request, csrfToken): the token is captured when
// the request is made, because sign-out clears the session before its request is sent.
struct PendingRequest {
    uint64_t tag = 0;
    RequestKind kind = RequestKind::WhoAmI;
    Request request;
    std::string csrfToken;
};
using Requests = std::vector<PendingRequest>;

class PageState {
public:
    explicit PageState(PageConfig config = {});

    // [SECTION] Driving it
    Requests Start(int64_t nowMs);  // asks who-am-I: the session cookie may still be valid
    Requests Apply(const Intent& intent);
    Requests OnResponse(uint64_t tag, int status, const ResponseBody& body);
    Requests Tick(int64_t nowMs);  // sets the clock, expires toasts, refreshes every 30 s
    // The next time anything time-driven changes here (toast expiry, refresh, the expiring
    // filter); the screen adds the countdowns of the rows it shows.
    int64_t NextWakeMs() const;

    // [SECTION] What the screens read
    Screen screen() const { return screen_; }
    const std::optional<Session>& session() const { return session_; }
    const LoadState& sessionLoad() const { return sessionLoad_; }  // Loading while who-am-I runs
    const LoadState& trashLoad() const { return trashLoad_; }      // Loading until the whole listing is in
    // Set while only a first page is shown (trashLoad() is still Loading): counts, Restore All,
    // Empty Trash and select-all wait for the whole listing.
    const std::optional<PartialListing>& partialListing() const { return partial_; }
    const LoadState& projectsLoad() const { return projectsLoad_; }
    const std::string& signInError() const { return signInError_; }
    bool signingIn() const { return signingIn_; }
    const std::vector<Toast>& toasts() const { return toasts_; }
    const Dialog& dialog() const { return dialog_; }
    bool CanConfirmEmpty(std::string_view typedName) const;  // typed == the workspace name, exactly
    const std::vector<Project>& projects() const { return projects_; }
    const Connection& connection() const { return connection_; }
    const DemoInfo& demo() const { return demo_; }
    int64_t nowMs() const { return nowMs_; }
    int64_t nextRefreshAtMs() const { return nextRefreshAtMs_; }
    bool HasRequestInFlight(RequestKind kind) const;
    bool busy() const { return !batches_.empty(); }  // an action awaits the server
    // Text a Copy asked to put on the clipboard, once: the app hands it to the platform.
    std::optional<std::string> TakeClipboardText();
    TrashView& view() { return view_; }
    const TrashView& view() const { return view_; }
    // Settings → Activity and Retention.
    const ActivityView& activity() const { return activity_; }
    const LoadState& activityLoad() const { return activityLoad_; }  // Loading while a page is on its way
    bool exporting() const { return HasRequestInFlight(RequestKind::ExportActivity); }
    const RetentionForm& retention() const { return retention_; }
    // A file an export asked to save, once: the app hands it to the platform.
    std::optional<Download> TakeDownload();
    // Text to show needs the fonts' Latin extension (latin_extension.h): an answer carried some
    // (names, and the dialog titles made of them), or a typed search has some. The platform
    // loads the extension the first time this is true.
    bool needsLatinExtension() const;

private:
    // One user action: one or more requests (chunks of kMaxBatch items, or one move per item
    // for Undo) whose results are gathered into one toast when the last one answers.
    struct Batch {
        RequestKind kind = RequestKind::Restore;
        size_t outstanding = 0;
        std::vector<TrashItem> done;        // restored / deleted / moved back
        std::vector<std::string> failures;  // "\"v3\": The parent project is in Trash..."
        std::string requestError;           // a whole request failed: the server's message
        std::vector<TrashItem> unanswered;  // what the failed requests covered, for the message
        int64_t freedBytes = 0, deletedCount = 0;
        // Each answer's listing versions; `unversioned` when one came without them (or failed),
        // so the listing must be read again.
        std::vector<ListingVersionChange> versions;
        bool unversioned = false;
    };
    struct InFlight {
        RequestKind kind = RequestKind::WhoAmI;
        uint64_t batch = 0;
        OpId op = 0;
        std::vector<TrashItem> items;    // what the request covers (copies, for names and Undo)
        uint64_t mutationsAtSend = 0;    // ListTrash: stale if an action finished meanwhile
        bool firstPage = false;          // ListTrash: the first page of a first visit
        std::optional<Project> project;  // DeleteProject: put back on failure
        size_t projectIndex = 0;
        intent::Demo demo;                // Demo: what the banner asked for
        uint64_t activityGeneration = 0;  // ListActivity*: stale once the filters changed
        std::string runId;                // ListActivityRun
        int days = 0;                     // PreviewRetention, SaveRetention
    };

    // [SECTION] Intent handlers (page_state.cpp)
    Requests Handle(const intent::OpenDialog& intent);
    Requests Handle(const intent::CloseDialog& intent);
    Requests Handle(const intent::Restore& intent);
    Requests Handle(const intent::RestoreParentFirst& intent);
    Requests Handle(const intent::RestoreAll& intent);
    Requests Handle(const intent::DeletePermanently& intent);
    Requests Handle(const intent::EmptyTrash& intent);
    Requests Handle(const intent::Undo& intent);
    Requests Handle(const intent::DismissToast& intent);
    Requests Handle(const intent::SignIn& intent);
    Requests Handle(const intent::SignOut& intent);
    Requests Handle(const intent::Navigate& intent);
    Requests Handle(const intent::Retry& intent);
    Requests Handle(const intent::Refresh& intent);
    Requests Handle(const intent::FocusGained& intent);
    Requests Handle(const intent::DeleteProject& intent);
    Requests Handle(const intent::Copy& intent);
    Requests Handle(const intent::Demo& intent);
    // Settings → Retention and Activity (page_settings.cpp)
    Requests Handle(const intent::EditRetention& intent);
    Requests Handle(const intent::StepRetention& intent);
    Requests Handle(const intent::SaveRetention& intent);
    Requests Handle(const intent::FilterActivity& intent);
    Requests Handle(const intent::LoadMoreActivity& intent);
    Requests Handle(const intent::ToggleActivityRun& intent);
    Requests Handle(const intent::LoadMoreRun& intent);
    Requests Handle(const intent::ExportActivity& intent);
    Requests Handle(const intent::OpenHistory& intent);

    // [SECTION] Response handlers (page_responses.cpp)
    Requests OnSessionResponse(const InFlight& call, int status, std::string_view body);
    Requests OnListTrashResponse(const InFlight& call, int status, const ResponseBody& body);
    Requests OnRemovalResponse(const InFlight& call, int status, std::string_view body);
    Requests OnProjectsResponse(int status, std::string_view body);
    Requests OnDeleteProjectResponse(const InFlight& call, int status, std::string_view body);
    Requests OnUndoMoveResponse(const InFlight& call, int status, std::string_view body);
    Requests OnDemoResponse(const InFlight& call, int status, std::string_view body);
    Requests OnActivityResponse(const InFlight& call, int status, std::string_view body);
    Requests OnActivityRunResponse(const InFlight& call, int status, std::string_view body);
    Requests OnExportResponse(int status, std::string_view body);
    Requests OnRetentionPreviewResponse(const InFlight& call, int status, std::string_view body);
    Requests OnRetentionSaveResponse(const InFlight& call, int status, std::string_view body);
    Requests FinishBatch(uint64_t batchId);

    // [SECTION] An action's outcome applied locally (page_outcome.cpp)
    void ApplyOutcome(const Batch& batch);
    bool AdoptListingVersion(const Batch& batch);
    Requests AfterAction(const Batch& batch);

    // [SECTION] Helpers
    static InFlight Call(RequestKind kind, uint64_t batch = 0);
    static InFlight Call(RequestKind kind, uint64_t batch, OpId op, std::vector<TrashItem> items);
    static Batch NewBatch(RequestKind kind, size_t outstanding);
    PendingRequest Send(Request request, InFlight call);
    PendingRequest Send(Request request, RequestKind kind);  // nothing more to remember than its kind
    Requests StartRemoval(RequestKind kind, std::vector<ItemKey> keys);
    Requests LoadScreenData();
    PendingRequest SendWholeListing();
    Requests Reload(bool onlyIfIdle);
    Requests ReloadAfterChange();
    Requests LoadActivity(bool nextPage);  // the first page (replacing what is shown on arrival) or the next
    Requests DueRetentionPreview();        // the debounced dry run, when typing has paused
    void RetentionChanged(int days);       // the period now in force: session, form, Trash countdowns
    bool AdoptedStaleRetention(int status, std::string_view body);  // a 409 for a stale period: take the server's
    Toast& ShowToast(ToastKind kind, std::string message);          // an Undo is added to the toast it returns
    Requests SetSession(Session session);
    void SignedOut(std::string message);
    std::vector<TrashItem> ItemsFor(const std::vector<ItemKey>& keys) const;
    const std::string& workspaceUrl() const;

    PageConfig config_;
    Screen screen_ = Screen::SignIn;
    std::optional<Session> session_;
    LoadState sessionLoad_, trashLoad_, projectsLoad_;
    std::string signInError_;
    bool signingIn_ = false;
    bool latinExtensionInAnswers_ = false;  // sticky: see needsLatinExtension()
    std::vector<Toast> toasts_;
    Dialog dialog_;
    std::vector<Project> projects_;
    DemoInfo demo_;
    Connection connection_;
    TrashView view_;
    std::optional<std::string> clipboardText_;  // written by Copy, taken by the app
    std::string listingVersion_;                // the server's name for the listing shown (since= on refresh)
    std::optional<PartialListing> partial_;
    int64_t nowMs_ = 0;
    int64_t nextRefreshAtMs_ = 0;
    uint64_t nextTag_ = 1, nextToastId_ = 1, nextBatch_ = 1;
    OpId nextOp_ = 1;
    uint64_t mutations_ = 0;  // actions finished; a listing sent before one is stale
    std::map<uint64_t, InFlight> inFlight_;
    std::map<uint64_t, Batch> batches_;
    ActivityView activity_;
    LoadState activityLoad_;
    uint64_t activityGeneration_ = 0;
    RetentionForm retention_;
    std::optional<Download> download_;
};

}  // namespace trash
