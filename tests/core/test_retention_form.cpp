// The Retention form's model: what a typed period is (non-numbers, 0, 91, "7.5", empty are refused
// at the field), the debounced preview, its sentence, the confirmation and a 409's outcome.
#include <catch2/catch.hpp>

#include "core/activity_codec.h"
#include "core/retention_form.h"

using namespace trash;

TEST_CASE("A typed retention period is a whole number of days from 1 to 90", "[retention]") {
    CHECK(ParseRetentionDays("7").days == 7);
    CHECK(ParseRetentionDays(" 90 ").days == 90);
    CHECK(ParseRetentionDays("1").days == 1);
    for (const char* bad : {"", "   ", "abc", "7.5", "-3", "1e2", "7 days", "0x10"}) {
        INFO(bad);
        const RetentionInput input = ParseRetentionDays(bad);
        CHECK_FALSE(input.days);
        CHECK_FALSE(input.error.empty());
    }
    CHECK(ParseRetentionDays("0").error == "The period must be from 1 to 90 days");
    CHECK(ParseRetentionDays("91").error == "The period must be from 1 to 90 days");
    CHECK(ParseRetentionDays("99999999999999999999").error == "The period must be from 1 to 90 days");
    CHECK(ParseRetentionDays("7.5").error == "Enter a whole number of days, from 1 to 90");
    CHECK(ParseRetentionDays("").error == "Enter the number of days, from 1 to 90");
}

TEST_CASE("The preview is asked for once typing pauses, for a new valid value only", "[retention]") {
    RetentionForm form;
    form.Load(30, false);
    CHECK(form.text() == "30");
    form.Edit("7", 1000);
    CHECK_FALSE(form.TakeDuePreview(1000 + kRetentionPreviewDelayMs - 1));
    form.Edit("14", 1200);  // still typing: the wait starts again
    CHECK_FALSE(form.TakeDuePreview(1000 + kRetentionPreviewDelayMs));
    CHECK(form.TakeDuePreview(1200 + kRetentionPreviewDelayMs) == 14);
    CHECK_FALSE(form.TakeDuePreview(5000));  // once
    form.Edit("91", 6000);
    CHECK_FALSE(form.TakeDuePreview(9000));
    form.Edit("30", 9000);  // the saved value: nothing to preview
    CHECK_FALSE(form.TakeDuePreview(20000));
}

TEST_CASE("The steps clamp to 1-90 and start from the typed value", "[retention]") {
    RetentionForm form;
    form.Load(1, false);
    form.Step(-1, 0);
    CHECK(form.text() == "1");
    form.Edit("89", 0);
    form.Step(+1, 0);
    form.Step(+1, 0);
    CHECK(form.text() == "90");
    form.Edit("junk", 0);
    form.Step(+1, 0);
    CHECK(form.text() == "2");
}

TEST_CASE("Save waits for the preview of the value typed, and confirms when items become due", "[retention]") {
    RetentionForm form;
    form.Load(30, false);
    form.Edit("7", 0);
    CHECK_FALSE(form.CanSave());
    REQUIRE(form.TakeDuePreview(kRetentionPreviewDelayMs) == 7);
    RetentionPreview preview;
    preview.retentionDays = 7;
    preview.currentDays = 30;
    preview.dueNow = {5, 13'207'024'435};  // 12.3 GB, 1024-based as FormatBytes
    preview.sooner = {3, 100};
    form.PreviewArrived(preview);
    CHECK(form.CanSave());
    CHECK(form.NeedsConfirmation());
    CHECK(
        PreviewSentence(*form.CurrentPreview()) ==
        "With 7 days, 5 items (12.3 GB) become due now and are purged at the next cleanup; 3 more items expire sooner");
    form.Edit("8", 10);  // the preview is for 7: no Save until 8's arrives
    CHECK_FALSE(form.CanSave());
    CHECK(form.CurrentPreview() == nullptr);
}

TEST_CASE("The preview's sentence says what changes", "[retention]") {
    RetentionPreview p;
    p.retentionDays = 14;
    p.currentDays = 30;
    p.sooner = {1, 10};
    CHECK(PreviewSentence(p) == "With 14 days, nothing becomes due now; 1 item expires sooner");
    p = RetentionPreview{};
    p.retentionDays = 60;
    p.later = {4, 10};
    CHECK(PreviewSentence(p) == "With 60 days, 4 items in Trash stay longer");
    p.later = {};
    CHECK(PreviewSentence(p) == "With 60 days, nothing in Trash changes");
}

TEST_CASE("A conflict loads the other person's value and says so", "[retention]") {
    RetentionForm form;
    form.Load(30, false);
    form.Edit("7", 0);
    form.SaveStarted();
    form.Conflict(14);
    CHECK(form.text() == "14");
    CHECK(form.savedDays() == 14);
    CHECK_FALSE(form.saving());
    CHECK(form.notice().find("changed by someone else") != std::string::npos);
    CHECK(ConflictRetentionDays(R"({"error":"changed","retentionDays":14})") == 14);
    CHECK_FALSE(ConflictRetentionDays(R"({"error":"changed"})"));
    CHECK_FALSE(ConflictRetentionDays("<html>"));
}

TEST_CASE("A who-am-I refresh does not overwrite a value being edited", "[retention]") {
    RetentionForm form;
    form.Load(30, false);
    form.Edit("12", 0);
    form.Load(30, false);
    CHECK(form.text() == "12");
    form.Load(20, true);
    CHECK(form.text() == "20");
}

TEST_CASE("Only the Owner may change the period", "[retention]") {
    CHECK(RetentionBlockedReason("Owner").empty());
    CHECK(RetentionBlockedReason("Admin") == "Only the workspace Owner can change the retention period");
    CHECK(RetentionBlockedReason("Viewer") == "Only the workspace Owner can change the retention period");
}

TEST_CASE("The retention preview decodes, and bad bodies are errors", "[retention]") {
    const auto preview = ParseRetentionPreview(
        R"({"preview":{"retentionDays":7,"currentDays":30,"dueNow":{"count":5,"bytes":123},"sooner":{"count":3,"bytes":9},"later":{"count":0,"bytes":0}}})");
    REQUIRE(preview.ok());
    CHECK(preview.value().dueNow.count == 5);
    CHECK(preview.value().dueNow.bytes == 123);
    CHECK(preview.value().sooner.count == 3);
    CHECK_FALSE(ParseRetentionPreview(R"({"preview":{"dueNow":{"count":"five"}}})").ok());
    CHECK_FALSE(ParseRetentionPreview("{}").ok());
}
