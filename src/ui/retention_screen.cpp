// The Retention screen (see retention_screen.h). The field's buffer follows the core's text
// (steps, a save, a conflict) unless it is being typed into; each edit is an EditRetention intent,
// so parsing, the preview's timing and Save's enabled state all come from core/retention_form.
#include "ui/retention_screen.h"

#include <imgui.h>

#include <algorithm>  // std::min
#include <cstdio>     // snprintf
#include <cstring>    // strcmp

#include "core/retention_form.h"  // PreviewSentence, RetentionBlockedReason
#include "core/text.h"            // SanitizeForDisplay, Concat
#include "ui/layout.h"            // CurrentLayout
#include "ui/theme.h"             // palette, fonts, icons, Dpr
#include "ui/widgets.h"           // Button, IconButton, cards

namespace ui {
namespace {

// A paragraph wrapped inside the card (a phone's card spans the window: its edge is not the card's).
void Wrapped(const char* id, const std::string& text, ImU32 color, const char* role = "text") {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + CardInnerWidth());
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  RegisterLastItem(id, role, text.c_str());
}

}  // namespace

void RetentionScreen::Draw(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::PushFont(CurrentFonts().title);
  ImGui::TextUnformatted("Retention");
  ImGui::PopFont();
  TextWrappedMuted("How long deleted items stay in Trash before the daily cleanup deletes them permanently.");
  ImGui::Dummy(ImVec2(0, 8 * d));
  const auto& session = frame.page.session();
  const std::string blocked =
      session ? trash::RetentionBlockedReason(session->role.name) : std::string("Not signed in");
  const bool enabled = blocked.empty();

  BeginCard("retention", CurrentLayout().narrow() ? 0 : std::min(640 * d, ImGui::GetContentRegionAvail().x), 20);
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted("Retention period");
  ImGui::PopFont();
  RegisterLastItem("retention/label", "text", "Retention period");
  Wrapped("retention/hint", "Between 1 and 90 days. Changing it moves the purge date of everything already in Trash.",
          p.textMuted);
  ImGui::Dummy(ImVec2(0, 4 * d));
  DrawField(frame, enabled);
  DrawPreview(frame);
  if (!enabled) {
    ImGui::Dummy(ImVec2(0, 2 * d));
    ImGui::AlignTextToFramePadding();
    TextColored(p.textMuted, icon::kLock);
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Wrapped("retention/blocked", blocked, p.textMuted, "status");
  }
  ImGui::Dummy(ImVec2(0, 6 * d));
  DrawSave(frame, enabled, blocked);
  EndCard();
}

// − [ 30 ] + days; Up and Down in the field step too.
void RetentionScreen::DrawField(Frame& frame, bool enabled) {
  const trash::RetentionForm& form = frame.page.retention();
  const float d = Dpr();
  const float h = ImGui::GetFrameHeight();
  const bool typing = TextFieldActive();
  if (form.text() != shown_ && (!typing || !form.dirty())) {
    std::snprintf(text_, sizeof text_, "%s", form.text().c_str());
    shown_ = form.text();
  }
  ButtonOptions step;
  step.width = h;
  step.enabled = enabled && form.input().days.value_or(2) > trash::kMinRetentionDays;
  step.id = "retention/decrease";
  step.tooltip = "One day less";
  if (IconButton(icon::kMinus, "One day less", step)) frame.Emit(trash::intent::StepRetention{-1});
  ImGui::SameLine(0, 6 * d);
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll |
                                    (enabled ? 0 : ImGuiInputTextFlags_ReadOnly);
  if (TextField("##retention-days", "Retention period (days)", "30", text_, sizeof text_, 72 * d, flags)) {
    shown_ = text_;
    frame.Emit(trash::intent::EditRetention{text_});
  }
  if (enabled && ImGui::IsItemActive()) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) frame.Emit(trash::intent::StepRetention{+1});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) frame.Emit(trash::intent::StepRetention{-1});
  }
  ImGui::SameLine(0, 6 * d);
  step.enabled = enabled && form.input().days.value_or(0) < trash::kMaxRetentionDays;
  step.id = "retention/increase";
  step.tooltip = "One day more";
  if (IconButton(icon::kPlus, "One day more", step)) frame.Emit(trash::intent::StepRetention{+1});
  ImGui::SameLine(0, 10 * d);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(form.input().days.value_or(0) == 1 ? "day" : "days");
  if (!form.input().error.empty()) Wrapped("retention/error", form.input().error, CurrentPalette().red, "alert");
}

// The dry run's sentence, "Checking…" while it is on its way, or why it failed.
void RetentionScreen::DrawPreview(Frame& frame) {
  const trash::RetentionForm& form = frame.page.retention();
  const Palette& p = CurrentPalette();
  ImGui::Dummy(ImVec2(0, 4 * Dpr()));
  if (const trash::RetentionPreview* preview = form.CurrentPreview()) {
    Wrapped("retention/preview", trash::PreviewSentence(*preview), preview->dueNow.count > 0 ? p.amber : p.text,
            "status");
  } else if (form.previewLoading() ||
             (form.input().days && *form.input().days != form.savedDays() && form.previewError().empty())) {
    Wrapped("retention/preview", "Checking what this period changes\xe2\x80\xa6", p.textMuted, "status");
  } else if (!form.previewError().empty()) {
    Wrapped("retention/preview", "Couldn't check what this changes: " + trash::SanitizeForDisplay(form.previewError()),
            p.red, "alert");
  } else {
    const int days = form.savedDays();
    Wrapped("retention/preview",
            trash::Concat("Items stay in Trash for ", std::to_string(days), days == 1 ? " day." : " days."),
            p.textMuted, "status");
  }
  if (!form.notice().empty()) Wrapped("retention/notice", form.notice(), p.text, "status");
  if (!form.saveError().empty())
    Wrapped("retention/save-error", "Couldn't save: " + trash::SanitizeForDisplay(form.saveError()), p.red, "alert");
}

void RetentionScreen::DrawSave(Frame& frame, bool enabled, const std::string& blocked) {
  const trash::RetentionForm& form = frame.page.retention();
  ButtonOptions save;
  save.kind = ButtonKind::Primary;
  save.id = "retention/save";
  save.busy = form.saving();
  save.enabled = enabled && form.CanSave();
  const std::string why = !enabled                                 ? blocked
                          : !form.input().days                     ? form.input().error
                          : *form.input().days == form.savedDays() ? std::string("This is the current period")
                          : form.CurrentPreview() == nullptr       ? std::string("Waiting for the preview")
                                                                   : std::string();
  save.tooltip =
      why.empty() ? (form.NeedsConfirmation() ? "Asks you to confirm: items become due now" : nullptr) : why.c_str();
  if (Button("Save", save)) frame.Emit(trash::intent::SaveRetention{false});
}

}  // namespace ui
