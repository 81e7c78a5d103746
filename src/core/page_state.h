// The page above the list: which screen shows, the signed-in session, load states, toasts, modal
// dialogs and refresh timing. A reducer: Apply(intent) and OnResponse(tag, status, body) update
// the state and return the requests to send, so click → request → response → state is testable
// natively with no network. The platform layer performs each PendingRequest and calls OnResponse.
#pragma once

#include <cstdint>   // int64_t, uint64_t
#include <map>       // in-flight requests
#include <optional>  // session
#include <string>    // messages
#include <vector>    // toasts, requests

#include "core/api_codec.h"   // Session, Project, DemoInfo
#include "core/intents.h"     // Intent, Screen, DialogKind
#include "core/requests.h"    // Request
#include "core/trash_view.h"  // TrashView

namespace trash {

struct PageConfig {
    int64_t refreshIntervalMs = 30'000;
    int64_t toastMs = 5'000;
    int64_t undoToastMs = 10'000;
    int64_t errorToastMs = 10'000;
    size_t maxToasts = 4;
    size_t maxUndoItems = 50;  // beyond this a restore offers no Undo (one request per item)
};

enum class LoadStatus { Idle, Loading, Loaded, Error };
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
    std::vector<TrashItem> undoItems;  // non-empty: the toast offers Undo (move these back to Trash)
};

struct Dialog {
    DialogKind kind = DialogKind::None;
    std::vector<ItemKey> keys;      // what the action covers
    std::vector<std::string> names; // what it lists ("My Detector (project)")
    int64_t bytes = 0;              // storage it frees
    std::string projectUrl;         // ConfirmDeleteProject
};

enum class RequestKind { WhoAmI, SignIn, SignOut, DemoInfo, ListTrash, Restore, RestoreAll,
                         DeletePermanently, EmptyTrash, ListProjects, DeleteProject, UndoMove };

// A request to perform; answer it with OnResponse(tag, status, body).
struct PendingRequest {
    uint64_t tag = 0;
    RequestKind kind = RequestKind::WhoAmI;
    Request request;
};

class PageState {
public:
    explicit PageState(PageConfig config = {});

    // [SECTION] Driving it
    std::vector<PendingRequest> Start(int64_t nowMs);  // asks who-am-I (the cookie may be valid)
    std::vector<PendingRequest> Apply(const Intent& intent);
    std::vector<PendingRequest> OnResponse(uint64_t tag, int status, std::string_view body);
    std::vector<PendingRequest> Tick(int64_t nowMs);  // expires toasts, periodic refresh
    // The next time anything time-driven changes (toast expiry, refresh, the expiring filter);
    // the countdown labels of visible rows are the screen's to add.
    int64_t NextWakeMs() const;

    // [SECTION] What the screens read
    Screen screen() const { return screen_; }
    const std::optional<Session>& session() const { return session_; }
    const LoadState& trashLoad() const { return trashLoad_; }
    const LoadState& projectsLoad() const { return projectsLoad_; }
    const std::string& signInError() const { return signInError_; }
    bool signingIn() const { return signingIn_; }
    const std::vector<Toast>& toasts() const { return toasts_; }
    const Dialog& dialog() const { return dialog_; }
    bool CanConfirmEmpty(std::string_view typedName) const;  // typed == workspace name
    const std::vector<Project>& projects() const { return projects_; }
    const DemoInfo& demo() const { return demo_; }
    int64_t nowMs() const { return nowMs_; }
    int64_t nextRefreshAtMs() const { return nextRefreshAtMs_; }
    bool HasRequestInFlight(RequestKind kind) const;
    TrashView& view() { return view_; }
    const TrashView& view() const { return view_; }

private:
    struct InFlight {
        RequestKind kind = RequestKind::WhoAmI;
        OpId op = 0;
        std::vector<TrashItem> items;  // what an optimistic op removed (names for toasts)
    };

    PendingRequest Send(RequestKind kind, Request request, OpId op = 0, std::vector<TrashItem> items = {});
    void ShowToast(ToastKind kind, std::string message, std::vector<TrashItem> undoItems = {});
    void SetSession(Session session);
    void SignedOut(std::string message);
    std::vector<PendingRequest> LoadScreenData();
    std::vector<PendingRequest> StartRemoval(RequestKind kind, std::vector<ItemKey> keys, Request request);
    std::vector<TrashItem> ItemsFor(const std::vector<ItemKey>& keys) const;
    // Per-intent and per-response handlers live in page_state.cpp / page_responses.cpp.
    friend struct PageIntentHandler;
    friend struct PageResponseHandler;

    PageConfig config_;
    Screen screen_ = Screen::SignIn;
    std::optional<Session> session_;
    LoadState trashLoad_, projectsLoad_;
    std::string signInError_;
    bool signingIn_ = false;
    std::vector<Toast> toasts_;
    Dialog dialog_;
    std::vector<Project> projects_;
    DemoInfo demo_;
    TrashView view_;
    int64_t nowMs_ = 0;
    int64_t nextRefreshAtMs_ = 0;
    uint64_t nextTag_ = 1;
    uint64_t nextToastId_ = 1;
    OpId nextOp_ = 1;
    std::map<uint64_t, InFlight> inFlight_;
    std::map<uint64_t, size_t> undoBatches_;  // undo toast id → moves still in flight
};

}  // namespace trash
