// The Retention form's rules (see retention_form.h): parsing the typed days, the preview's timing
// and sentence, and what a save or a conflict leaves in the field.
#include "core/retention_form.h"

#include <algorithm>  // std::clamp
#include <climits>    // INT64_MAX
#include <utility>    // std::move

#include "core/countdown.h"  // FormatBytes
#include "core/text.h"       // Concat

namespace trash {

namespace {
std::string Items(int64_t count) { return Concat(std::to_string(count), count == 1 ? " item" : " items"); }
}  // namespace

RetentionInput ParseRetentionDays(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    RetentionInput input;
    if (text.empty()) {
        input.error = "Enter the number of days, from 1 to 90";
        return input;
    }
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            input.error = "Enter a whole number of days, from 1 to 90";
            return input;
        }
        value = std::min<int64_t>(value * 10 + (c - '0'), 1'000'000);
    }
    if (value < kMinRetentionDays || value > kMaxRetentionDays) {
        input.error = "The period must be from 1 to 90 days";
        return input;
    }
    input.days = static_cast<int>(value);
    return input;
}

std::string PreviewSentence(const RetentionPreview& p) {
    std::string text = Concat("With ", std::to_string(p.retentionDays), p.retentionDays == 1 ? " day, " : " days, ");
    if (p.dueNow.count > 0) {
        text += Concat(Items(p.dueNow.count), " (", FormatBytes(p.dueNow.bytes), ")",
                       p.dueNow.count == 1 ? " becomes" : " become", " due now and ",
                       p.dueNow.count == 1 ? "is" : "are", " purged at the next cleanup");
        if (p.sooner.count > 0)
            text += Concat("; ", std::to_string(p.sooner.count), " more ",
                           p.sooner.count == 1 ? "item expires" : "items expire", " sooner");
    } else if (p.sooner.count > 0) {
        text += Concat("nothing becomes due now; ", Items(p.sooner.count), p.sooner.count == 1 ? " expires" : " expire",
                       " sooner");
    } else if (p.later.count > 0) {
        text += Concat(Items(p.later.count), " in Trash ", p.later.count == 1 ? "stays" : "stay", " longer");
    } else {
        text += "nothing in Trash changes";
    }
    return text;
}

std::string RetentionBlockedReason(std::string_view roleName) {
    return roleName == "Owner" ? std::string()
                               : std::string("Only the workspace Owner can change the retention period");
}

void RetentionForm::Load(int savedDays, bool force) {
    savedDays_ = savedDays;
    if (dirty_ && !force) return;
    text_ = std::to_string(savedDays);
    input_ = ParseRetentionDays(text_);
    dirty_ = false;
    previewDueAtMs_ = INT64_MAX;
    preview_.reset();
    previewError_.clear();
}

void RetentionForm::Edit(std::string text, int64_t nowMs) {
    text_ = std::move(text);
    input_ = ParseRetentionDays(text_);
    dirty_ = true;
    notice_.clear();
    saveError_.clear();
    previewError_.clear();
    const bool wanted = input_.days && *input_.days != savedDays_ && !CurrentPreview();
    previewDueAtMs_ = wanted ? nowMs + kRetentionPreviewDelayMs : INT64_MAX;
}

void RetentionForm::Step(int delta, int64_t nowMs) {
    const int from = input_.days.value_or(savedDays_);
    Edit(std::to_string(std::clamp(from + delta, kMinRetentionDays, kMaxRetentionDays)), nowMs);
}

std::optional<int> RetentionForm::TakeDuePreview(int64_t nowMs) {
    if (nowMs < previewDueAtMs_ || !input_.days) return std::nullopt;
    previewDueAtMs_ = INT64_MAX;
    previewLoading_ = true;
    return input_.days;
}

void RetentionForm::PreviewArrived(RetentionPreview preview) {
    previewLoading_ = false;
    preview_ = preview;
}

void RetentionForm::PreviewFailed(int days, std::string error) {
    previewLoading_ = false;
    if (input_.days == days) previewError_ = std::move(error);
}

const RetentionPreview* RetentionForm::CurrentPreview() const {
    return preview_ && input_.days && preview_->retentionDays == *input_.days && preview_->currentDays == savedDays_
               ? &*preview_
               : nullptr;
}

bool RetentionForm::CanSave() const {
    return input_.days && *input_.days != savedDays_ && CurrentPreview() && !saving_;
}

bool RetentionForm::NeedsConfirmation() const {
    const RetentionPreview* preview = CurrentPreview();
    return preview && preview->dueNow.count > 0;
}

void RetentionForm::SaveDone(int savedDays) {
    saving_ = false;
    Load(savedDays, true);
    notice_ =
        Concat("Saved: items now stay in Trash for ", std::to_string(savedDays), savedDays == 1 ? " day" : " days");
}

void RetentionForm::Conflict(int days) {
    saving_ = false;
    previewLoading_ = false;
    Load(days, true);
    notice_ = Concat("The retention period was changed by someone else: it is now ", std::to_string(days),
                     days == 1 ? " day" : " days", ". Review it and try again.");
}

void RetentionForm::SaveFailed(std::string error) {
    saving_ = false;
    saveError_ = std::move(error);
}

}  // namespace trash
