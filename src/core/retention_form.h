// Settings → Retention as a model: the typed period (parsed and range-checked here, with the
// reason shown at the field), the debounced dry-run preview the server computes for it, the
// sentence that preview reads as, whether saving needs a confirmation, and a save's outcome,
// including a 409 when someone else changed the period meanwhile. PageState drives it.
#pragma once

#include <cstdint>      // int64_t
#include <optional>     // a valid value, a preview
#include <string>       // text, messages
#include <string_view>  // input

namespace trash {

inline constexpr int kMinRetentionDays = 1;
inline constexpr int kMaxRetentionDays = 90;
// The preview is asked for once typing pauses this long.
inline constexpr int64_t kRetentionPreviewDelayMs = 400;

// A typed period: the days, or why it cannot be used ("Enter a whole number of days from 1 to 90").
struct RetentionInput {
    std::optional<int> days;
    std::string error;
};
RetentionInput ParseRetentionDays(std::string_view text);

struct RetentionCount {
    int64_t count = 0, bytes = 0;
};
// The server's dry run: what a period would do to what is in Trash now.
struct RetentionPreview {
    int retentionDays = 0, currentDays = 0;
    RetentionCount dueNow;  // past the new period already: purged at the next cleanup
    RetentionCount sooner;  // not due yet, but expiring earlier than today
    RetentionCount later;   // expiring later than today
};
// "With 7 days, 5 items (12.3 GB) become due now and are purged at the next cleanup; 3 more items
// expire sooner".
std::string PreviewSentence(const RetentionPreview& preview);

// Why this role may not change the period ("Only the workspace Owner can change the retention
// period"), or "" when it may. The server allows the Owner role only.
std::string RetentionBlockedReason(std::string_view roleName);

class RetentionForm {
public:
    // The saved period (who-am-I, a save, a 409): the field follows it unless it is being edited.
    void Load(int savedDays, bool force);
    void Edit(std::string text, int64_t nowMs);
    void Step(int delta, int64_t nowMs);  // the − / + buttons: the valid value nearest, moved by delta

    // [SECTION] The preview
    // The days to preview now (typing has paused, the value is valid and new), once.
    std::optional<int> TakeDuePreview(int64_t nowMs);
    int64_t previewDueAtMs() const { return previewDueAtMs_; }
    void PreviewArrived(RetentionPreview preview);
    void PreviewFailed(int days, std::string error);
    bool previewLoading() const { return previewLoading_; }
    // The preview of exactly the value typed, if it has arrived.
    const RetentionPreview* CurrentPreview() const;
    const std::string& previewError() const { return previewError_; }

    // [SECTION] Saving
    bool CanSave() const;            // a valid, new value whose preview is in, and no save running
    bool NeedsConfirmation() const;  // the preview says items become due now
    void SaveStarted() { saving_ = true; }
    void SaveDone(int savedDays);  // the server kept it
    // 409: someone else changed it to `days`; the field shows their value and says so.
    void Conflict(int days);
    void SaveFailed(std::string error);

    const std::string& text() const { return text_; }
    const RetentionInput& input() const { return input_; }
    int savedDays() const { return savedDays_; }
    bool dirty() const { return dirty_; }
    bool saving() const { return saving_; }
    const std::string& notice() const { return notice_; }  // "Changed by someone else: now 14 days"
    const std::string& saveError() const { return saveError_; }

private:
    int savedDays_ = 0;
    std::string text_;
    RetentionInput input_;
    bool dirty_ = false;
    int64_t previewDueAtMs_ = INT64_MAX;
    bool previewLoading_ = false;
    std::optional<RetentionPreview> preview_;
    std::string previewError_;
    bool saving_ = false;
    std::string notice_, saveError_;
};

}  // namespace trash
