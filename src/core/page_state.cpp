// The page reducer, part one: driving (Start, Apply, Tick), the intent handlers and helpers.
// Responses are handled in page_responses.cpp. Every handler returns the requests to send.
//
// Index: [SECTION] Driving, [SECTION] Dialogs, [SECTION] Trash actions, [SECTION] Session and
//        navigation, [SECTION] Projects page, [SECTION] Clipboard, [SECTION] Helpers
#include "core/page_state.h"

#include <algorithm>  // std::min, std::find_if

#include "core/clipboard.h"     // ClipboardText, CopiedMessage
#include "core/consequences.h"  // DeleteConsequences
#include "core/countdown.h"     // kNever, FormatBytes
#include "core/hash_set.h"      // projects of an Undo
#include "core/permissions.h"   // DeleteBlockedReason
#include "core/text.h"          // Concat

namespace trash {

namespace {
constexpr size_t kDialogNames = 10;
}  // namespace

PageState::PageState(PageConfig config) : config_(config) {}

// [SECTION] Driving

Requests PageState::Start(int64_t nowMs) {
    nowMs_ = nowMs;
    view_.SetNow(nowMs);
    sessionLoad_ = {LoadStatus::Loading, {}};
    // Demo info rides along: the sign-in screen lists its users, and an in-browser demo's banner
    // shows on every screen.
    return {Send(requests::WhoAmI(), RequestKind::WhoAmI), Send(requests::DemoInfo(), RequestKind::DemoInfo)};
}

Requests PageState::Apply(const Intent& intent) {
    return std::visit([this](const auto& value) { return Handle(value); }, intent);
}

Requests PageState::Tick(int64_t nowMs) {
    nowMs_ = nowMs;
    view_.SetNow(nowMs);
    toasts_.erase(
        std::remove_if(toasts_.begin(), toasts_.end(), [&](const Toast& t) { return t.expiresAtMs <= nowMs; }),
        toasts_.end());
    Requests sent = DueRetentionPreview();
    if (session_ && screen_ == Screen::Trash && trashLoad_.status != LoadStatus::Idle && nowMs >= nextRefreshAtMs_)
        for (PendingRequest& request : Reload(true)) sent.push_back(std::move(request));
    return sent;
}

int64_t PageState::NextWakeMs() const {
    int64_t next = std::min(view_.NextFilterChangeMs(), retention_.previewDueAtMs());
    for (const Toast& toast : toasts_) next = std::min(next, toast.expiresAtMs);
    if (session_ && screen_ == Screen::Trash && trashLoad_.status != LoadStatus::Idle)
        next = std::min(next, nextRefreshAtMs_);
    return next;
}

bool PageState::HasRequestInFlight(RequestKind kind) const {
    return std::any_of(inFlight_.begin(), inFlight_.end(),
                       [&](const auto& entry) { return entry.second.kind == kind; });
}

bool PageState::CanConfirmEmpty(std::string_view typedName) const {
    return session_ && !typedName.empty() && typedName == session_->workspace.name;
}

// Each part is decided where its text arrives: answers in OnResponse, searches as they are set.
bool PageState::needsLatinExtension() const {
    return latinExtensionInAnswers_ || view_.queryNeedsLatinExtension() || activity_.queryNeedsLatinExtension();
}

// [SECTION] Dialogs

Requests PageState::Handle(const intent::OpenDialog& intent) {
    if (!session_) return {};
    Dialog dialog;
    dialog.kind = intent.kind;
    switch (intent.kind) {
    case DialogKind::None: break;
    case DialogKind::ConfirmRetention:  // opened by Save, from the preview (page_settings.cpp)
        return {};
    case DialogKind::ConfirmRestoreAll:
    case DialogKind::ConfirmEmptyTrash:
    case DialogKind::ConfirmDeletePermanently: {
        if (intent.kind != DialogKind::ConfirmRestoreAll)
            if (std::optional<std::string> reason = DeleteBlockedReason(*session_)) {
                ShowToast(ToastKind::Error, *reason);
                return {};
            }
        dialog.keys = intent.kind == DialogKind::ConfirmDeletePermanently ? intent.keys : view_.AllVisibleKeys();
        const std::vector<TrashItem> items = ItemsFor(dialog.keys);
        std::vector<const TrashItem*> chosen;
        for (const TrashItem& item : items) {
            if (dialog.names.size() < kDialogNames)
                dialog.names.push_back(Concat(item.name, " (", ItemTypeSingular(item.type), ")"));
            dialog.bytes += item.sizeBytes;
            ++dialog.count;
            chosen.push_back(&item);
        }
        if (intent.kind == DialogKind::ConfirmDeletePermanently) dialog.consequences = DeleteConsequences(chosen);
        if (dialog.count == 0) return {};
        break;
    }
    case DialogKind::ConfirmDeleteProject: {
        const auto project = std::find_if(projects_.begin(), projects_.end(),
                                          [&](const Project& p) { return p.url == intent.projectUrl; });
        if (project == projects_.end()) return {};
        if (std::optional<std::string> reason =
                DeleteProjectBlockedReason(*session_, project->ownerId, project->ownerName)) {
            ShowToast(ToastKind::Error, *reason);
            return {};
        }
        dialog.projectUrl = project->url;
        dialog.names.push_back(project->name);
        dialog.count = 1;
        dialog.bytes = project->sizeBytes;
        break;
    }
    }
    dialog_ = std::move(dialog);
    return {};
}

Requests PageState::Handle(const intent::CloseDialog&) {
    dialog_ = Dialog{};
    return {};
}

// [SECTION] Trash actions

Requests PageState::Handle(const intent::Restore& intent) { return StartRemoval(RequestKind::Restore, intent.keys); }

Requests PageState::Handle(const intent::RestoreParentFirst& intent) {
    const TrashItem* child = view_.Find(intent.child);
    if (child == nullptr || !IsChildType(child->type) || child->parentId.empty()) return {};
    const ItemKey parent = ParentKeyOf(*child);
    if (view_.Find(parent) == nullptr) {
        ShowToast(ToastKind::Error,
                  Concat("The project \"", child->parentName, "\" is not in Trash any more: refresh"));
        return {};
    }
    return StartRemoval(RequestKind::Restore, {parent});
}

Requests PageState::Handle(const intent::RestoreAll&) {
    dialog_ = Dialog{};
    return StartRemoval(RequestKind::RestoreAll, view_.AllVisibleKeys());
}

Requests PageState::Handle(const intent::DeletePermanently& intent) {
    if (!session_) return {};
    dialog_ = Dialog{};
    if (std::optional<std::string> reason = DeleteBlockedReason(*session_)) {
        ShowToast(ToastKind::Error, *reason);
        return {};
    }
    return StartRemoval(RequestKind::DeletePermanently, intent.keys);
}

Requests PageState::Handle(const intent::EmptyTrash& intent) {
    if (!CanConfirmEmpty(intent.typedName)) return {};  // the dialog stays open
    dialog_ = Dialog{};
    if (std::optional<std::string> reason = DeleteBlockedReason(*session_)) {
        ShowToast(ToastKind::Error, *reason);
        return {};
    }
    Requests sent = StartRemoval(RequestKind::EmptyTrash, view_.AllVisibleKeys());
    if (sent.empty()) {  // nothing listed here: still ask the server, it is the authority
        const uint64_t batch = nextBatch_++;
        batches_[batch] = NewBatch(RequestKind::EmptyTrash, 1);
        sent.push_back(
            Send(requests::EmptyTrash(workspaceUrl(), intent.typedName), Call(RequestKind::EmptyTrash, batch)));
    }
    return sent;
}

Requests PageState::Handle(const intent::Undo& intent) {
    const auto toast =
        std::find_if(toasts_.begin(), toasts_.end(), [&](const Toast& t) { return t.id == intent.toastId; });
    if (toast == toasts_.end() || !toast->undoable() || !session_) return {};
    if (!toast->undoRestore.empty()) {  // a Move to Trash taken back: restore what it moved
        std::vector<TrashItem> moved = std::move(toast->undoRestore);
        toasts_.erase(toast);
        std::vector<ItemKey> keys;
        for (const TrashItem& item : moved) keys.push_back(KeyOf(item));
        const uint64_t batch = nextBatch_++;
        batches_[batch] = NewBatch(RequestKind::Restore, 1);
        return {Send(requests::RestoreItems(workspaceUrl(), keys),
                     Call(RequestKind::Restore, batch, nextOp_++, std::move(moved)))};
    }
    std::vector<TrashItem> items = std::move(toast->undoItems);
    toasts_.erase(toast);

    // A child restored together with its project goes back with the project.
    HashSet<std::string> projects;
    for (const TrashItem& item : items)
        if (item.type == ItemType::Project) projects.insert(item.id);
    const uint64_t batch = nextBatch_++;
    Requests sent;
    for (const TrashItem& item : items) {
        if (IsChildType(item.type) && projects.count(item.parentId)) continue;
        if (std::optional<Request> request = requests::MoveToTrash(workspaceUrl(), item))
            sent.push_back(Send(*request, Call(RequestKind::UndoMove, batch, 0, {item})));
    }
    if (!sent.empty()) batches_[batch] = NewBatch(RequestKind::UndoMove, sent.size());
    return sent;
}

Requests PageState::Handle(const intent::DismissToast& intent) {
    toasts_.erase(
        std::remove_if(toasts_.begin(), toasts_.end(), [&](const Toast& t) { return t.id == intent.toastId; }),
        toasts_.end());
    return {};
}

// [SECTION] Session and navigation

Requests PageState::Handle(const intent::SignIn& intent) {
    if (signingIn_) return {};
    signingIn_ = true;
    signInError_.clear();
    return {Send(requests::SignIn(intent.email, intent.password), RequestKind::SignIn)};
}

Requests PageState::Handle(const intent::SignOut&) {
    if (!session_) return {};
    Requests sent = {Send(requests::SignOut(), RequestKind::SignOut)};
    SignedOut("");
    return sent;
}

Requests PageState::Handle(const intent::Navigate& intent) {
    if (!session_ || (screen_ == Screen::Forbidden && intent.screen == Screen::Trash)) return {};
    if (intent.screen == Screen::SignIn || intent.screen == Screen::Forbidden) return {};
    dialog_ = Dialog{};
    screen_ = intent.screen;
    if (screen_ == Screen::Retention) retention_.Load(session_->workspace.retentionDays, false);
    return LoadScreenData();
}

Requests PageState::Handle(const intent::Retry&) {
    if (!session_) {
        if (sessionLoad_.status == LoadStatus::Error) return Start(nowMs_);
        return {};
    }
    return Reload(false);
}

Requests PageState::Handle(const intent::Refresh&) { return session_ ? Reload(true) : Requests{}; }

Requests PageState::Handle(const intent::FocusGained&) { return session_ ? Reload(true) : Requests{}; }

// [SECTION] Projects page

Requests PageState::Handle(const intent::DeleteProject& intent) {
    dialog_ = Dialog{};
    const auto project =
        std::find_if(projects_.begin(), projects_.end(), [&](const Project& p) { return p.url == intent.projectUrl; });
    if (!session_ || project == projects_.end()) return {};
    if (std::optional<std::string> reason =
            DeleteProjectBlockedReason(*session_, project->ownerId, project->ownerName)) {
        ShowToast(ToastKind::Error, *reason);
        return {};
    }
    InFlight call = Call(RequestKind::DeleteProject);
    call.project = *project;
    call.projectIndex = static_cast<size_t>(project - projects_.begin());
    projects_.erase(project);  // optimistic: gone from the list at once
    return {Send(requests::DeleteProject(workspaceUrl(), intent.projectUrl, intent.deleteImages), std::move(call))};
}

// [SECTION] Clipboard

Requests PageState::Handle(const intent::Copy& intent) {
    const std::vector<TrashItem> items = ItemsFor(intent.keys);
    if (items.empty()) return {};
    clipboardText_ = ClipboardText(items, intent.field);
    ShowToast(ToastKind::Success, CopiedMessage(items, intent.field));
    return {};
}

std::optional<std::string> PageState::TakeClipboardText() {
    std::optional<std::string> text = std::move(clipboardText_);
    clipboardText_.reset();
    return text;
}

// [SECTION] In-browser demo

Requests PageState::Handle(const intent::Demo& intent) {
    if (!demo_.browser || HasRequestInFlight(RequestKind::Demo)) return {};
    InFlight call = Call(RequestKind::Demo);
    call.demo = intent;
    switch (intent.action) {
    case DemoAction::AdvanceClock:
        if (intent.days < 1) return {};
        return {Send(requests::DemoAdvanceClock(intent.days), std::move(call))};
    case DemoAction::RunCleanup: return {Send(requests::DemoRunCleanup(), std::move(call))};
    case DemoAction::Reset: return {Send(requests::DemoReset(), std::move(call))};
    }
    return {};
}

// [SECTION] Helpers

PageState::InFlight PageState::Call(RequestKind kind, uint64_t batch) {
    InFlight call;
    call.kind = kind;
    call.batch = batch;
    return call;
}

PageState::InFlight PageState::Call(RequestKind kind, uint64_t batch, OpId op, std::vector<TrashItem> items) {
    InFlight call = Call(kind, batch);
    call.op = op;
    call.items = std::move(items);
    return call;
}

PageState::Batch PageState::NewBatch(RequestKind kind, size_t outstanding) {
    Batch batch;
    batch.kind = kind;
    batch.outstanding = outstanding;
    return batch;
}

PendingRequest PageState::Send(Request request, InFlight call) {
    const uint64_t tag = nextTag_++;
    if (call.kind == RequestKind::ListTrash) call.mutationsAtSend = mutations_;
    PendingRequest pending{tag, call.kind, std::move(request), session_ ? session_->csrfToken : std::string()};
    inFlight_[tag] = std::move(call);
    return pending;
}

PendingRequest PageState::Send(Request request, RequestKind kind) { return Send(std::move(request), Call(kind)); }

// Hides the items at once and sends the requests, in chunks the server accepts.
Requests PageState::StartRemoval(RequestKind kind, std::vector<ItemKey> keys) {
    if (!session_) return {};
    // Unknown types cannot be named in a request; the server restores or empties them with "all".
    const bool perItem = kind == RequestKind::Restore || kind == RequestKind::DeletePermanently;
    std::vector<ItemKey> present;
    for (ItemKey& key : keys)
        if (view_.Find(key) != nullptr && !view_.IsHidden(key) && !(perItem && key.type == ItemType::Unknown))
            present.push_back(std::move(key));
    if (present.empty()) return {};

    const uint64_t batch = nextBatch_++;
    Requests sent;
    // Restore All and Empty Trash are one request for everything; the others are chunked.
    const size_t chunk =
        kind == RequestKind::RestoreAll || kind == RequestKind::EmptyTrash ? present.size() : requests::kMaxBatch;
    for (size_t begin = 0; begin < present.size(); begin += chunk) {
        std::vector<ItemKey> part(
            present.begin() + static_cast<std::ptrdiff_t>(begin),
            present.begin() + static_cast<std::ptrdiff_t>(std::min(present.size(), begin + chunk)));
        InFlight call = Call(kind, batch, nextOp_++, ItemsFor(part));
        Request request = kind == RequestKind::Restore      ? requests::RestoreItems(workspaceUrl(), part)
                          : kind == RequestKind::RestoreAll ? requests::RestoreAll(workspaceUrl())
                          : kind == RequestKind::DeletePermanently
                              ? requests::DeletePermanently(workspaceUrl(), part)
                              : requests::EmptyTrash(workspaceUrl(), session_->workspace.name);
        view_.BeginRemove(call.op, std::move(part));
        sent.push_back(Send(std::move(request), std::move(call)));
    }
    batches_[batch] = NewBatch(kind, sent.size());
    return sent;
}

Requests PageState::LoadScreenData() {
    if (!session_) return {};
    if (screen_ == Screen::Trash && !HasRequestInFlight(RequestKind::ListTrash)) {
        if (trashLoad_.status != LoadStatus::Loaded) trashLoad_ = {LoadStatus::Loading, {}};
        // Nothing shown yet: the first screen's rows first (100,000 items take seconds to send
        // and parse), then the whole listing.
        if (trashLoad_.status != LoadStatus::Loaded && !partial_ && config_.firstPageRows > 0) {
            InFlight call = Call(RequestKind::ListTrash);
            call.firstPage = true;
            return {Send(requests::ListTrashFirstPage(workspaceUrl(), view_.sort(), config_.firstPageRows),
                         std::move(call))};
        }
        return {SendWholeListing()};
    }
    if (screen_ == Screen::Activity) return LoadActivity(false);
    // Without view_trash the Projects page says "no access" as the Trash does: nothing to load.
    if (screen_ == Screen::Projects && !HasRequestInFlight(RequestKind::ListProjects) &&
        !MissingPermissionToView(*session_)) {
        if (projectsLoad_.status != LoadStatus::Loaded) projectsLoad_ = {LoadStatus::Loading, {}};
        return {Send(requests::ListProjects(workspaceUrl()), RequestKind::ListProjects)};
    }
    return {};
}

PendingRequest PageState::SendWholeListing() {
    // A refresh names what is shown, so an unchanged Trash costs no parsing.
    const std::string since = trashLoad_.status == LoadStatus::Loaded ? listingVersion_ : std::string();
    return Send(requests::ListTrash(workspaceUrl(), since), RequestKind::ListTrash);
}

Requests PageState::Reload(bool onlyIfIdle) {
    if (onlyIfIdle && (HasRequestInFlight(RequestKind::ListTrash) || HasRequestInFlight(RequestKind::ListProjects)))
        return {};
    nextRefreshAtMs_ = nowMs_ + config_.refreshIntervalMs;
    return LoadScreenData();
}

Toast& PageState::ShowToast(ToastKind kind, std::string message) {
    // The same message again replaces the one shown (and starts its time afresh): never two alike.
    toasts_.erase(std::remove_if(toasts_.begin(), toasts_.end(),
                                 [&](const Toast& t) { return t.kind == kind && t.message == message; }),
                  toasts_.end());
    const int64_t lifetime = kind == ToastKind::Error ? config_.errorToastMs : config_.toastMs;
    Toast toast;
    toast.id = nextToastId_++;
    toast.kind = kind;
    toast.message = std::move(message);
    toast.expiresAtMs = nowMs_ + lifetime;
    toasts_.push_back(std::move(toast));
    if (toasts_.size() > config_.maxToasts) toasts_.erase(toasts_.begin());
    return toasts_.back();
}

Requests PageState::SetSession(Session session) {
    const bool wasSignedIn = session_.has_value();
    session_ = std::move(session);
    sessionLoad_ = {LoadStatus::Loaded, {}};
    signInError_.clear();
    retention_.Load(session_->workspace.retentionDays, false);
    if (MissingPermissionToView(*session_)) {
        screen_ = Screen::Forbidden;
        return {};
    }
    if (wasSignedIn && screen_ != Screen::Forbidden) return {};  // a storage refresh: stay where we are
    screen_ = Screen::Trash;
    nextRefreshAtMs_ = nowMs_ + config_.refreshIntervalMs;
    return LoadScreenData();
}

void PageState::SignedOut(std::string message) {
    for (auto& [tag, call] : inFlight_)
        if (call.op != 0) view_.RollBack(call.op);
    inFlight_.clear();
    batches_.clear();
    session_.reset();
    screen_ = Screen::SignIn;
    sessionLoad_ = trashLoad_ = projectsLoad_ = LoadState{};
    listingVersion_.clear();
    partial_.reset();
    signInError_ = std::move(message);
    signingIn_ = false;
    toasts_.clear();
    dialog_ = Dialog{};
    projects_.clear();
    view_.SetItems({});
    view_.ClearSelection();
    activity_ = ActivityView{};
    activityLoad_ = LoadState{};
    retention_ = RetentionForm{};
    download_.reset();
}

std::vector<TrashItem> PageState::ItemsFor(const std::vector<ItemKey>& keys) const {
    std::vector<TrashItem> items;
    items.reserve(keys.size());
    for (const ItemKey& key : keys)
        if (const TrashItem* item = view_.Find(key)) items.push_back(*item);
    return items;
}

const std::string& PageState::workspaceUrl() const {
    static const std::string kNone;
    return session_ ? session_->workspace.url : kNone;
}

}  // namespace trash
