// The page reducer, part three: Settings → Retention (the debounced dry run, Save with its
// confirmation, a 409 from someone else's change) and Settings → Activity (filters, pages by
// cursor, a run's members, the CSV export, a Trash row's history). Same rules as the other parts:
// every handler returns the requests to send, answers that arrive too late are dropped.
//
// Index: [SECTION] Retention, [SECTION] Activity, [SECTION] Responses
#include <utility>  // std::move

#include "core/activity_codec.h"  // ParseAuditPage, ParseRetentionPreview, ConflictRetentionDays
#include "core/api_codec.h"       // ParseSession, ErrorMessageFromResponse
#include "core/iso_time.h"        // kDayMs, FormatIsoTime
#include "core/page_state.h"
#include "core/permissions.h"  // MissingPermissionToViewActivity
#include "core/text.h"         // Concat

namespace trash {

// [SECTION] Retention

Requests PageState::Handle(const intent::EditRetention& intent) {
    retention_.Edit(intent.text, nowMs_);
    return {};
}

Requests PageState::Handle(const intent::StepRetention& intent) {
    retention_.Step(intent.delta, nowMs_);
    return {};
}

Requests PageState::Handle(const intent::SaveRetention& intent) {
    if (!session_ || !retention_.CanSave()) return {};
    if (!RetentionBlockedReason(session_->role.name).empty()) return {};
    if (retention_.NeedsConfirmation() && !intent.confirmed) {
        Dialog dialog;
        dialog.kind = DialogKind::ConfirmRetention;
        const RetentionPreview& preview = *retention_.CurrentPreview();
        dialog.count = static_cast<size_t>(preview.dueNow.count);
        dialog.bytes = preview.dueNow.bytes;
        dialog_ = std::move(dialog);
        return {};
    }
    dialog_ = Dialog{};
    const int days = *retention_.input().days;
    retention_.SaveStarted();
    InFlight call = Call(RequestKind::SaveRetention);
    call.days = days;
    return {Send(requests::SaveRetention(days, retention_.savedDays()), std::move(call))};
}

Requests PageState::DueRetentionPreview() {
    if (!session_ || screen_ != Screen::Retention) return {};
    const std::optional<int> days = retention_.TakeDuePreview(nowMs_);
    if (!days) return {};
    InFlight call = Call(RequestKind::PreviewRetention);
    call.days = *days;
    return {Send(requests::PreviewRetention(*days, retention_.savedDays()), std::move(call))};
}

// The period in force changed (saved here or by someone else): the form shows it, and every
// countdown in the Trash follows at once (each item's purge is its deletion plus the period; the
// next listing, asked for in full, is the authority).
void PageState::RetentionChanged(int days) {
    if (session_) session_->workspace.retentionDays = days;
    std::vector<TrashItem> items = view_.items();
    for (TrashItem& item : items) item.scheduledCleanupAtMs = item.deletedAtMs + days * kDayMs;
    view_.SetItems(std::move(items));
    listingVersion_.clear();
    if (trashLoad_.status == LoadStatus::Loaded) nextRefreshAtMs_ = nowMs_;
}

// [SECTION] Activity

Requests PageState::Handle(const intent::FilterActivity& intent) {
    if (!activity_.SetFilters(intent.filters)) return {};
    ++activityGeneration_;
    activityLoad_ = LoadState{};
    return screen_ == Screen::Activity ? LoadActivity(false) : Requests{};
}

Requests PageState::Handle(const intent::LoadMoreActivity&) {
    if (screen_ != Screen::Activity || !activity_.hasMore()) return {};
    return LoadActivity(true);
}

Requests PageState::Handle(const intent::ToggleActivityRun& intent) {
    if (!session_ || !activity_.ToggleRun(intent.runId)) return {};
    return Handle(intent::LoadMoreRun{intent.runId});
}

Requests PageState::Handle(const intent::LoadMoreRun& intent) {
    const ActivityRun* run = activity_.run(intent.runId);
    if (!session_ || !run || run->loading || (run->loaded && run->nextCursor.empty() && run->error.empty())) return {};
    const std::string cursor = run->nextCursor;
    activity_.RunLoading(intent.runId);
    InFlight call = Call(RequestKind::ListActivityRun);
    call.activityGeneration = activityGeneration_;
    call.runId = intent.runId;
    return {Send(requests::ListActivityRun(workspaceUrl(), intent.runId, cursor), std::move(call))};
}

Requests PageState::Handle(const intent::ExportActivity&) {
    if (!session_ || MissingPermissionToViewActivity(*session_) || exporting()) return {};
    return {Send(requests::ExportActivity(workspaceUrl(), activity_.filters()), RequestKind::ExportActivity)};
}

Requests PageState::Handle(const intent::OpenHistory& intent) {
    if (!session_) return {};
    ActivityFilters filters;
    filters.item = intent.key.id;
    filters.type = std::string(ItemTypeName(intent.key.type));
    if (activity_.SetFilters(std::move(filters))) ++activityGeneration_;
    activityLoad_ = LoadState{};
    return Handle(intent::Navigate{Screen::Activity});
}

Requests PageState::LoadActivity(bool nextPage) {
    if (!session_ || MissingPermissionToViewActivity(*session_)) return {};
    if (HasRequestInFlight(RequestKind::ListActivity)) {
        if (nextPage) return {};
        ++activityGeneration_;  // a fresh first page wins over whatever is on its way
    }
    activityLoad_ = {LoadStatus::Loading, {}};
    InFlight call = Call(RequestKind::ListActivity);
    call.activityGeneration = activityGeneration_;
    call.firstPage = !nextPage;
    const std::string cursor = nextPage ? activity_.nextCursor() : std::string();
    return {Send(requests::ListActivity(workspaceUrl(), activity_.filters(), cursor), std::move(call))};
}

std::optional<Download> PageState::TakeDownload() {
    std::optional<Download> download = std::move(download_);
    download_.reset();
    return download;
}

// [SECTION] Responses

Requests PageState::OnActivityResponse(const InFlight& call, int status, std::string_view body) {
    if (call.activityGeneration != activityGeneration_) return {};  // the filters changed meanwhile
    if (!IsSuccess(status)) {
        activityLoad_ = {LoadStatus::Error, ErrorMessageFromResponse(status, body)};
        return {};
    }
    ParseResult<AuditPage> page = ParseAuditPage(body);
    if (!page.ok()) {
        activityLoad_ = {LoadStatus::Error, Concat("The activity could not be read: ", page.error())};
        return {};
    }
    activity_.AppendPage(std::move(page.value()), call.firstPage);
    activityLoad_ = {LoadStatus::Loaded, {}};
    return {};
}

Requests PageState::OnActivityRunResponse(const InFlight& call, int status, std::string_view body) {
    if (call.activityGeneration != activityGeneration_) return {};
    if (!IsSuccess(status)) {
        activity_.RunFailed(call.runId, ErrorMessageFromResponse(status, body));
        return {};
    }
    ParseResult<AuditPage> page = ParseAuditPage(body);
    if (!page.ok())
        activity_.RunFailed(call.runId, page.error());
    else
        activity_.AppendRunPage(call.runId, std::move(page.value()));
    return {};
}

Requests PageState::OnExportResponse(int status, std::string_view body) {
    if (!IsSuccess(status)) {
        ShowToast(ToastKind::Error, Concat("Couldn't export the activity: ", ErrorMessageFromResponse(status, body)));
        return {};
    }
    // The server's own name for it: activity-<workspace>-<YYYY-MM-DD>.csv.
    const std::string day = FormatIsoTime(nowMs_).substr(0, 10);
    download_ = Download{Concat("activity-", workspaceUrl(), "-", day, ".csv"), "text/csv", std::string(body)};
    ShowToast(ToastKind::Success, "Exported the activity as a CSV file");
    return {};
}

// A 409 naming the period in force: the form was written against a stale one (someone else saved
// meanwhile). Both the dry run and Save take it, so the form shows the period that holds.
bool PageState::AdoptedStaleRetention(int status, std::string_view body) {
    if (status != 409) return false;
    const std::optional<int> days = ConflictRetentionDays(body);
    if (!days) return false;
    retention_.Conflict(*days);
    RetentionChanged(*days);
    return true;
}

Requests PageState::OnRetentionPreviewResponse(const InFlight& call, int status, std::string_view body) {
    if (AdoptedStaleRetention(status, body)) return {};
    if (!IsSuccess(status)) {
        retention_.PreviewFailed(call.days, ErrorMessageFromResponse(status, body));
        return {};
    }
    ParseResult<RetentionPreview> preview = ParseRetentionPreview(body);
    if (preview.ok())
        retention_.PreviewArrived(preview.value());
    else
        retention_.PreviewFailed(call.days, preview.error());
    return {};
}

Requests PageState::OnRetentionSaveResponse(const InFlight& call, int status, std::string_view body) {
    if (AdoptedStaleRetention(status, body)) return {};
    if (!IsSuccess(status)) {
        retention_.SaveFailed(ErrorMessageFromResponse(status, body));
        return {};
    }
    ParseResult<Session> session = ParseSession(body);
    const int days = session.ok() ? session.value().workspace.retentionDays : call.days;
    if (session.ok() && session_) session_->storage = session.value().storage;
    retention_.SaveDone(days);
    RetentionChanged(days);
    ShowToast(ToastKind::Success,
              Concat("Items now stay in Trash for ", std::to_string(days), days == 1 ? " day" : " days"));
    ++mutations_;
    return {};
}

}  // namespace trash
