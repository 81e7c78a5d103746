// The page reducer, part two: what each response does to the state. Optimistic removals are
// settled here (committed, partly committed or rolled back), results of a multi-request action
// are gathered into one toast; a finished action's outcome is applied to the rows and storage
// (page_outcome.cpp), and reloaded from the server only when the answers cannot vouch for it.
//
// Index: [SECTION] Dispatch, [SECTION] Session, [SECTION] Listing, [SECTION] Trash actions,
//        [SECTION] Finishing an action, [SECTION] Projects page
#include <algorithm>  // std::find_if, std::remove
#include <string_view>

#include "core/countdown.h"        // FormatBytes
#include "core/hash_set.h"         // sent ids
#include "core/latin_extension.h"  // AnswerNeedsLatinExtension
#include "core/listing_codec.h"    // ParseTrashListing
#include "core/page_state.h"
#include "core/text.h"  // FormatCount, CountOf, Concat

namespace trash {

namespace {
// "\"Cats\"" for one item, "3 items" for more.
std::string Describe(const std::vector<TrashItem>& items) {
    return items.size() == 1 ? Concat("\"", DisplayName(items[0], false), "\"")
                             : CountOf(items.size(), "item", "items");
}

// Matches the server's results to what was sent by key (a restore echoes each item's full key,
// parentId included), each sent item at most once. A child reported without parentId (a
// permanent delete's answer) matches the first sent item of its type and id.
// Each reported key's sent item, or kUnmatched. Linear in sent + reported: a 1,000-row restore
// matched its 1,000 results by scanning every sent item for each one.
constexpr size_t kUnmatched = static_cast<size_t>(-1);
std::vector<size_t> MatchEach(const std::vector<TrashItem>& sent, const std::vector<ItemKey>& reported) {
    HashMap<std::string, std::vector<size_t>> byId;  // per id: sent indices, in order
    for (size_t i = 0; i < sent.size(); ++i) byId[sent[i].id].push_back(i);
    std::vector<size_t> matched;
    std::vector<char> used(sent.size(), 0);
    for (const ItemKey& key : reported) {
        matched.push_back(kUnmatched);
        const std::vector<size_t>* candidates = byId.find(key.id);
        if (!candidates) continue;
        for (size_t i : *candidates) {
            const TrashItem& item = sent[i];
            if (used[i] || item.type != key.type) continue;
            if (!key.parentId.empty() && IsChildType(item.type) && item.parentId != key.parentId) continue;
            used[i] = 1;
            matched.back() = i;
            break;
        }
    }
    return matched;
}

std::vector<size_t> Resolve(const std::vector<TrashItem>& sent, const std::vector<ItemKey>& reported) {
    std::vector<size_t> matched = MatchEach(sent, reported);
    matched.erase(std::remove(matched.begin(), matched.end(), kUnmatched), matched.end());
    return matched;
}

// "Couldn't restore \"Dock Door Monitor\": " — the start of the message of an action that failed whole.
std::string FailedAction(RequestKind kind, const std::vector<TrashItem>& items) {
    const char* verb = kind == RequestKind::Restore || kind == RequestKind::RestoreAll ? "restore "
                       : kind == RequestKind::EmptyTrash                               ? "empty the Trash"
                       : kind == RequestKind::UndoMove                                 ? "move back to Trash "
                                                                                       : "delete ";
    if (kind == RequestKind::EmptyTrash || items.empty()) return Concat("Couldn't ", verb, ": ");
    return Concat("Couldn't ", verb, Describe(items), ": ");
}

// No answer at all, or a gateway saying the server behind it does not answer.
bool Unreachable(int status) { return status == 0 || status == 502 || status == 503 || status == 504; }

std::vector<ItemKey> KeysOf(const std::vector<TrashItem>& items, const std::vector<size_t>& indices) {
    std::vector<ItemKey> keys;
    for (size_t i : indices) keys.push_back(KeyOf(items[i]));
    return keys;
}
}  // namespace

// [SECTION] Dispatch

Requests PageState::OnResponse(uint64_t tag, int status, const ResponseBody& body) {
    const auto it = inFlight_.find(tag);
    if (it == inFlight_.end()) return {};  // answered after sign-out, or twice
    const InFlight call = std::move(it->second);
    inFlight_.erase(it);
    connection_.unreachable = Unreachable(status);
    // Every text the server sends the page comes through here, so this one look decides whether
    // the fonts' Latin extension is needed, until some answer says it is. A listing's parser
    // decides for it (OnListTrashResponse): it reads every string of the 30 MB body anyway.
    const bool listing = call.kind == RequestKind::ListTrash && IsSuccess(status);
    if (!latinExtensionInAnswers_ && !listing) latinExtensionInAnswers_ = AnswerNeedsLatinExtension(body);

    const bool expired =
        status == 401 && session_ && call.kind != RequestKind::SignIn && call.kind != RequestKind::SignOut;
    if (expired) {
        SignedOut(ErrorMessageFromResponse(401, body));
        return {Send(requests::DemoInfo(), RequestKind::DemoInfo)};
    }
    switch (call.kind) {
    case RequestKind::WhoAmI:
    case RequestKind::SignIn: return OnSessionResponse(call, status, body);
    case RequestKind::SignOut: return {};
    case RequestKind::DemoInfo:
        if (IsSuccess(status))
            if (ParseResult<DemoInfo> demo = ParseDemoInfo(body); demo.ok()) demo_ = std::move(demo.value());
        return {};
    case RequestKind::ListTrash: return OnListTrashResponse(call, status, body);
    case RequestKind::Restore:
    case RequestKind::RestoreAll:
    case RequestKind::DeletePermanently:
    case RequestKind::EmptyTrash: return OnRemovalResponse(call, status, body);
    case RequestKind::ListProjects: return OnProjectsResponse(status, body);
    case RequestKind::DeleteProject: return OnDeleteProjectResponse(call, status, body);
    case RequestKind::UndoMove: return OnUndoMoveResponse(call, status, body);
    case RequestKind::Demo: return OnDemoResponse(call, status, body);
    case RequestKind::ListActivity: return OnActivityResponse(call, status, body);
    case RequestKind::ListActivityRun: return OnActivityRunResponse(call, status, body);
    case RequestKind::ExportActivity: return OnExportResponse(status, body);
    case RequestKind::PreviewRetention: return OnRetentionPreviewResponse(call, status, body);
    case RequestKind::SaveRetention: return OnRetentionSaveResponse(call, status, body);
    }
    return {};
}

// [SECTION] Session

Requests PageState::OnSessionResponse(const InFlight& call, int status, std::string_view body) {
    const bool signIn = call.kind == RequestKind::SignIn;
    if (signIn) signingIn_ = false;
    if (IsSuccess(status)) {
        ParseResult<Session> session = ParseSession(body);
        if (session.ok()) return SetSession(std::move(session.value()));
        if (signIn)
            signInError_ = session.error();
        else if (!session_)
            sessionLoad_ = {LoadStatus::Error, session.error()};
        return {};
    }
    if (signIn) {
        signInError_ = ErrorMessageFromResponse(status, body);
        return {};
    }
    if (session_) return {};  // a failed storage refresh changes nothing
    if (status == 401) {      // no valid cookie: the sign-in screen, with the demo accounts if any
        sessionLoad_ = LoadState{};
        screen_ = Screen::SignIn;
        return HasRequestInFlight(RequestKind::DemoInfo) ? Requests{}
                                                         : Requests{Send(requests::DemoInfo(), RequestKind::DemoInfo)};
    }
    sessionLoad_ = {LoadStatus::Error, ErrorMessageFromResponse(status, body)};
    return {};
}

// [SECTION] Listing

Requests PageState::OnListTrashResponse(const InFlight& call, int status, const ResponseBody& body) {
    nextRefreshAtMs_ = nowMs_ + config_.refreshIntervalMs;
    if (call.mutationsAtSend != mutations_) return LoadScreenData();  // predates an action: ask again
    std::string error;
    if (status == 403) {
        screen_ = Screen::Forbidden;
        trashLoad_ = {LoadStatus::Error, ErrorMessageFromResponse(status, body)};
        return {};
    }
    if (IsSuccess(status)) {
        ParseResult<TrashListing> listing = ParseTrashListing(body);
        if (listing.ok() && listing.value().needsLatinExtension) latinExtensionInAnswers_ = true;
        if (listing.ok() && listing.value().unchanged && trashLoad_.status == LoadStatus::Loaded) {
            connection_.lastLoadedMs = nowMs_;
            return {};
        }
        if (listing.ok() && !listing.value().unchanged) {
            TrashListing& got = listing.value();
            // A first page with more behind it: shown now, while the whole listing is fetched.
            if (call.firstPage && !got.nextCursor.empty()) {
                partial_ = PartialListing{got.items.size(), std::max(got.total.value_or(0), got.items.size())};
                view_.SetItems(std::move(got.items));
                return {SendWholeListing()};
            }
            listingVersion_ = std::move(listing.value().version);
            partial_.reset();
            view_.SetItems(std::move(listing.value().items));
            connection_.lastLoadedMs = nowMs_;
            const bool refreshed = trashLoad_.status == LoadStatus::Loaded;
            // Repairs are reported once, not on every 30-second refresh.
            if (!refreshed)
                for (std::string& warning : listing.value().warnings) ShowToast(ToastKind::Info, std::move(warning));
            trashLoad_ = {LoadStatus::Loaded, {}};
            // Someone else changed the Trash: the storage figures changed with it.
            if (refreshed && session_ && !HasRequestInFlight(RequestKind::WhoAmI))
                return {Send(requests::WhoAmI(), RequestKind::WhoAmI)};
            return {};
        }
        error = listing.ok() ? "The server sent no items"
                             : Concat("The Trash listing could not be read: ", listing.error());
    } else {
        error = ErrorMessageFromResponse(status, body);
    }
    // A first page alone is not the Trash (Restore All and Empty Trash act on all of it): drop it.
    if (partial_) {
        partial_.reset();
        view_.SetItems({});
    }
    // Keep what is shown when a refresh fails; with nothing shown yet, the error state with Retry.
    // An unreachable server is shown for as long as it lasts (connection()), not as a toast.
    if (trashLoad_.status != LoadStatus::Loaded)
        trashLoad_ = {LoadStatus::Error, error};
    else if (!connection_.unreachable)
        ShowToast(ToastKind::Error, Concat("Couldn't refresh the Trash: ", error));
    return {};
}

// [SECTION] Trash actions

Requests PageState::OnRemovalResponse(const InFlight& call, int status, std::string_view body) {
    const auto batchIt = batches_.find(call.batch);
    if (batchIt == batches_.end()) return {};
    Batch& batch = batchIt->second;

    std::optional<ListingVersionChange> versions;  // what a successful answer says of the listing
    // A failed or unreadable answer puts the rows back and leaves them unanswered.
    const auto fail = [&](std::string error) {
        view_.RollBack(call.op);
        batch.requestError = std::move(error);
        batch.unanswered.insert(batch.unanswered.end(), call.items.begin(), call.items.end());
    };
    if (!IsSuccess(status)) {
        fail(ErrorMessageFromResponse(status, body));
    } else if (call.kind == RequestKind::Restore || call.kind == RequestKind::RestoreAll) {
        ParseResult<RestoreResult> result = ParseRestoreResult(body);
        if (!result.ok()) {
            fail(result.error());
        } else {
            versions = result.value().listingVersion;
            const std::vector<RestoredItem>& answered = result.value().restored;
            std::vector<ItemKey> restoredKeys;
            for (const RestoredItem& r : answered) restoredKeys.push_back(r.key);
            const std::vector<size_t> matched = MatchEach(call.items, restoredKeys);
            std::vector<size_t> restored;
            for (size_t n = 0; n < matched.size(); ++n) {
                if (matched[n] == kUnmatched) continue;
                restored.push_back(matched[n]);
                batch.done.push_back(call.items[matched[n]]);
                // A taken slug was restored under a new one: Undo must use it.
                if (!answered[n].url.empty()) batch.done.back().url = answered[n].url;
            }
            const std::vector<FailedItem>& failures = result.value().failed;
            std::vector<ItemKey> failedKeys;
            for (const FailedItem& failed : failures) failedKeys.push_back(failed.key);
            const std::vector<size_t> named = MatchEach(call.items, failedKeys);
            for (size_t n = 0; n < failures.size(); ++n) {
                const std::string name =
                    named[n] == kUnmatched ? failures[n].key.id : DisplayName(call.items[named[n]], false);
                batch.failures.push_back(Concat("\"", name, "\": ", failures[n].error));
            }
            view_.SettleRemove(call.op, KeysOf(call.items, restored));
        }
    } else {
        ParseResult<PurgeResult> result = ParsePurgeResult(body);
        if (!result.ok()) {
            fail(result.error());
        } else {
            versions = result.value().listingVersion;
            // All or nothing on the server; a count instead of a list means everything sent.
            std::vector<size_t> deleted = Resolve(call.items, result.value().deleted);
            if (result.value().deleted.empty() && result.value().deletedCount > 0)
                for (size_t i = 0; i < call.items.size(); ++i) deleted.push_back(i);
            if (call.kind == RequestKind::EmptyTrash)
                view_.CommitRemove(call.op);
            else
                view_.SettleRemove(call.op, KeysOf(call.items, deleted));
            for (size_t i : deleted) batch.done.push_back(call.items[i]);
            batch.freedBytes += result.value().freedBytes;
            batch.deletedCount += result.value().deletedCount;
        }
    }
    if (versions)
        batch.versions.push_back(std::move(*versions));
    else
        batch.unversioned = true;
    if (--batch.outstanding > 0) return {};
    return FinishBatch(call.batch);
}

Requests PageState::OnUndoMoveResponse(const InFlight& call, int status, std::string_view body) {
    const auto batchIt = batches_.find(call.batch);
    if (batchIt == batches_.end()) return {};
    Batch& batch = batchIt->second;
    if (IsSuccess(status))
        batch.done.push_back(call.items.front());
    else
        batch.failures.push_back(
            Concat("\"", DisplayName(call.items.front(), false), "\": ", ErrorMessageFromResponse(status, body)));
    if (--batch.outstanding > 0) return {};
    return FinishBatch(call.batch);
}

// [SECTION] Finishing an action

Requests PageState::FinishBatch(uint64_t batchId) {
    const auto found = batches_.find(batchId);
    if (found == batches_.end()) return {};
    Batch batch = std::move(found->second);
    batches_.erase(found);
    ++mutations_;

    const auto failuresToast = [&](const char* verb) {
        if (batch.failures.empty()) return;
        if (batch.failures.size() == 1)
            ShowToast(ToastKind::Error, Concat("Couldn't ", verb, " ", batch.failures[0]));
        else
            ShowToast(ToastKind::Error, Concat("Couldn't ", verb, " ", CountOf(batch.failures.size(), "item", "items"),
                                               ". ", batch.failures[0]));
    };
    switch (batch.kind) {
    case RequestKind::Restore:
    case RequestKind::RestoreAll: {
        if (!batch.done.empty()) {
            bool undoable = batch.done.size() <= config_.maxUndoItems;
            for (const TrashItem& item : batch.done) undoable = undoable && requests::MoveToTrash(workspaceUrl(), item);
            Toast& toast = ShowToast(ToastKind::Success, Concat("Restored ", Describe(batch.done)));
            if (undoable) {
                toast.undoItems = batch.done;
                toast.expiresAtMs = nowMs_ + config_.undoToastMs;
            }
            // Projects, versions and models are back in their project: the Projects page shows it.
            size_t projects = 0, children = 0;
            for (const TrashItem& item : batch.done) {
                projects += item.type == ItemType::Project;
                children += IsChildType(item.type);
            }
            if (projects + children > 0) {
                toast.linkLabel = projects > 1 ? "View projects" : "View project";
                toast.linkScreen = Screen::Projects;
            }
        }
        failuresToast("restore");
        break;
    }
    case RequestKind::DeletePermanently:
    case RequestKind::EmptyTrash: {
        if (batch.deletedCount > 0 || !batch.done.empty()) {
            const std::string what =
                batch.kind == RequestKind::EmptyTrash
                    ? Concat("Emptied the Trash: ", CountOf(uint64_t(batch.deletedCount), "item", "items"))
                    : Concat("Permanently deleted ", Describe(batch.done));
            ShowToast(ToastKind::Success, Concat(what, ", freed ", FormatBytes(batch.freedBytes)));
        }
        failuresToast("delete");
        break;
    }
    case RequestKind::UndoMove:
        if (!batch.done.empty()) ShowToast(ToastKind::Info, Concat("Moved ", Describe(batch.done), " back to Trash"));
        failuresToast("move back to Trash");
        break;
    default: break;
    }
    if (!batch.requestError.empty())
        ShowToast(ToastKind::Error, Concat(FailedAction(batch.kind, batch.unanswered), batch.requestError));

    ApplyOutcome(batch);
    return AfterAction(batch);
}

// The server is the authority: reload what the Trash or Projects page shows, and the storage
// figures. An in-browser demo may also have had to stop keeping changes (storage full): its
// banner says so.
Requests PageState::ReloadAfterChange() {
    Requests next = LoadScreenData();
    if (session_) next.push_back(Send(requests::WhoAmI(), RequestKind::WhoAmI));
    if (demo_.browser) next.push_back(Send(requests::DemoInfo(), RequestKind::DemoInfo));
    return next;
}

// [SECTION] Projects page

Requests PageState::OnProjectsResponse(int status, std::string_view body) {
    std::string error;
    if (IsSuccess(status)) {
        ParseResult<std::vector<Project>> projects = ParseProjects(body);
        if (projects.ok()) {
            projects_ = std::move(projects.value());
            projectsLoad_ = {LoadStatus::Loaded, {}};
            return {};
        }
        error = projects.error();
    } else {
        error = ErrorMessageFromResponse(status, body);
    }
    if (projectsLoad_.status == LoadStatus::Loaded)
        ShowToast(ToastKind::Error, Concat("Couldn't refresh the projects: ", error));
    else
        projectsLoad_ = {LoadStatus::Error, error};
    return {};
}

Requests PageState::OnDeleteProjectResponse(const InFlight& call, int status, std::string_view body) {
    if (!call.project) return {};
    if (!IsSuccess(status)) {
        projects_.insert(projects_.begin() + static_cast<std::ptrdiff_t>(std::min(call.projectIndex, projects_.size())),
                         *call.project);
        ShowToast(ToastKind::Error, Concat("Couldn't move \"", call.project->name,
                                           "\" to Trash: ", ErrorMessageFromResponse(status, body)));
        return {};
    }
    ++mutations_;
    // Undo restores it; "View in Trash" goes to where it now is.
    TrashItem moved;
    moved.type = ItemType::Project;
    moved.typeName = std::string(ItemTypeName(ItemType::Project));
    moved.id = call.project->id;
    moved.name = call.project->name;
    moved.url = call.project->url;
    Toast& toast = ShowToast(ToastKind::Success, Concat("Moved \"", call.project->name, "\" to Trash"));
    toast.undoRestore = {std::move(moved)};
    toast.expiresAtMs = nowMs_ + config_.undoToastMs;
    toast.linkLabel = "View in Trash";
    toast.linkScreen = Screen::Trash;
    trashLoad_ = trashLoad_.status == LoadStatus::Loaded ? trashLoad_ : LoadState{};
    return ReloadAfterChange();
}

}  // namespace trash

namespace trash {

// [SECTION] In-browser demo

namespace {
std::string DemoDone(const intent::Demo& demo, std::string_view body) {
    switch (demo.action) {
    case DemoAction::AdvanceClock:
        return Concat("The demo clock moved ", std::to_string(demo.days), demo.days == 1 ? " day" : " days", " ahead");
    case DemoAction::RunCleanup: {
        ParseResult<CleanupRun> run = ParseCleanupRun(body);
        if (!run.ok() || run.value().purged == 0) return "Cleanup ran: nothing was due";
        const CleanupRun& r = run.value();
        std::string text = Concat("Cleanup purged ", CountOf(uint64_t(r.purged), "item", "items"), " and freed ",
                                  FormatBytes(r.freedBytes));
        if (r.imagesDeleted > 0) text += Concat(" (", CountOf(uint64_t(r.imagesDeleted), "image", "images"), ")");
        return text;
    }
    case DemoAction::Reset: return "The demo was reset to its first state";
    }
    return {};
}

const char* DemoFailed(DemoAction action) {
    switch (action) {
    case DemoAction::AdvanceClock: return "Couldn't move the demo clock: ";
    case DemoAction::RunCleanup: return "Couldn't run the cleanup: ";
    case DemoAction::Reset: return "Couldn't reset the demo: ";
    }
    return "";
}
}  // namespace

// The demo's clock, Trash and storage all changed: read them again. A reset signed everyone out.
Requests PageState::OnDemoResponse(const InFlight& call, int status, std::string_view body) {
    if (!IsSuccess(status)) {
        ShowToast(ToastKind::Error, Concat(DemoFailed(call.demo.action), ErrorMessageFromResponse(status, body)));
        return {};
    }
    const std::string message = DemoDone(call.demo, body);
    if (call.demo.action == DemoAction::Reset) {
        if (session_) SignedOut("");  // drops what is in flight: ask for the demo info after it
        sessionLoad_ = LoadState{};
        ShowToast(ToastKind::Info, message);
        return {Send(requests::DemoInfo(), RequestKind::DemoInfo)};
    }
    ShowToast(ToastKind::Success, message);
    ++mutations_;  // a listing already on its way predates this
    nextRefreshAtMs_ = nowMs_ + config_.refreshIntervalMs;
    return ReloadAfterChange();
}

}  // namespace trash
