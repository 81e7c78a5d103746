// The Trash screen's header line, part of TrashScreen (see trash_screen.h): "Trash", the storage
// meter beside it, the retention note where there is room, and at the end the list's count with
// Refresh, Restore All and Empty Trash, or with a selection its size and Restore, Delete
// permanently and Clear. What does not fit is shortened first (the note, then the meter's
// text), so the line keeps one height and nothing below it moves. Over the plan, a warning
// with the way out follows.
#include <imgui.h>

#include <algorithm>  // std::max
#include <string>     // labels

#include "core/countdown.h"    // FormatBytes
#include "core/permissions.h"  // RestorableKeys, DeleteBlockedReason
#include "core/text.h"         // CountOf, FormatCount, Concat
#include "ui/layout.h"         // CurrentLayout
#include "ui/registry.h"       // CurrentRegistry: where the meter was drawn
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/trash_screen.h"
#include "ui/widgets.h"  // Button, ButtonWidth, RegisterRect

namespace ui {
namespace {

constexpr const char* kWaiting = "Available once the whole Trash has loaded";
constexpr float kShortScreenCss = 600;  // shorter than this, the over-quota warning folds into the meter

std::string RetentionNote(const Frame& frame) {
  const int days = trash::RetentionDaysOf(frame.page.session());
  return trash::Concat("Items stay here for ", trash::CountOf(uint64_t(days), "day", "days"),
                       ", then they are permanently deleted.");
}

}  // namespace

void TrashScreen::RefreshButton(Frame& frame) {
  const bool loading = frame.page.trashLoad().status == trash::LoadStatus::Loading;
  ButtonOptions refresh;
  refresh.busy = loading;
  refresh.id = "toolbar/refresh";
  refresh.tooltip = loading ? "Loading\xe2\x80\xa6" : "Refresh";
  refresh.width = ImGui::GetFrameHeight();
  if (IconButton(loading ? "" : icon::kRefresh, "Refresh", refresh)) frame.Emit(trash::intent::Refresh{});
}

std::string TrashScreen::CountLabel(Frame& frame) const {
  if (const auto& partial = frame.page.partialListing())
    return trash::Concat("First ", trash::FormatCount(partial->shown), " of ", trash::FormatCount(partial->total),
                         " \xc2\xb7 loading the rest\xe2\x80\xa6");
  const trash::View& view = frame.list.view();
  return trash::Concat(trash::CountOf(view.matchCount, "item", "items"), " \xc2\xb7 ",
                       trash::FormatBytes(view.matchBytes));
}

float TrashScreen::ActionsWidth(Frame& frame, bool withCount) const {
  const float d = Dpr();
  const float refresh = ImGui::GetFrameHeight();
  if (selection_.count > 0) {
    ImGui::PushFont(CurrentFonts().strong);  // the selection's label is drawn in it
    const float labelW = ImGui::CalcTextSize(selection_.label.c_str()).x;
    ImGui::PopFont();
    const float computed = 12 * d + labelW + 16 * d + ButtonWidth("Restore", icon::kUndo) + 8 * d +
                           ButtonWidth("Delete permanently", icon::kTrash) + 8 * d + ButtonWidth("Clear") + 6 * d +
                           8 * d + refresh;
    return std::max(computed, selectionDrawnW_);  // what the last frame measured, if more
  }
  float w =
      refresh + 8 * d + ButtonWidth("Restore All", icon::kUndo) + 8 * d + ButtonWidth("Empty Trash", icon::kTrash);
  if (withCount) w += ImGui::CalcTextSize(CountLabel(frame).c_str()).x + 16 * d;
  return w;
}

void TrashScreen::DrawTitleRow(Frame& frame, bool forbidden) {
  const float d = Dpr();
  const Layout layout = CurrentLayout();
  const float rowH = ImGui::GetFrameHeight();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float avail = ImGui::GetContentRegionAvail().x;
  const std::string note = RetentionNote(frame);

  ImGui::PushFont(CurrentFonts().title);
  const float titleW = ImGui::CalcTextSize("Trash").x;
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + (rowH - ImGui::GetTextLineHeight()) * 0.5f));
  ImGui::TextUnformatted("Trash");
  ImGui::PopFont();
  ItemTooltip(note.c_str());
  const ImVec2 titleMin = ImGui::GetItemRectMin(), titleMax = ImGui::GetItemRectMax();
  const auto& session = frame.page.session();
  if (forbidden || !session) {
    RegisterRect("trash/retention", "text", note.c_str(), titleMin, titleMax);
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + rowH + 8 * d));
    return;
  }
  storage_ = trash::SummarizeStorage(session->storage);
  // A small screen (a phone, 200% zoom) folds the over-quota warning into the meter.
  foldWarning_ = storage_.level == trash::StorageLevel::OverQuota &&
                 (layout.narrow() || ImGui::GetIO().DisplaySize.y < kShortScreenCss * d);
  const std::string warning = trash::Concat(storage_.warning, " (", storage_.overBy, ").");
  const auto& partial = frame.page.partialListing();
  const size_t items = partial ? partial->total : visibleTotal_;
  const std::string inTrash = trash::Concat("In Trash ", trash::FormatBytes(session->storage.trashBytes), " \xc2\xb7 ",
                                            trash::CountOf(items, "item", "items"));

  // What fits, most first: the note, the meter's full line, the count; then shorter forms.
  const float gap = 16 * d;
  const float noteW = ImGui::CalcTextSize(note.c_str()).x;
  const bool narrow = layout.narrow();
  const float actionsFull = narrow ? NarrowActionsWidth(frame) : ActionsWidth(frame, true);
  const float actionsShort = narrow ? actionsFull : ActionsWidth(frame, false);
  struct Choice {
    MeterForm form;
    bool note, count;
  };
  const Choice choices[] = {{MeterForm::Full, true, true},
                            {MeterForm::Full, false, true},
                            {MeterForm::Compact, false, true},
                            {MeterForm::Compact, false, false},
                            {MeterForm::IconOnly, false, false}};
  Choice choice{MeterForm::IconOnly, false, false};
  bool actionsInline = false;
  for (const Choice& c : choices) {
    if (narrow && c.form == MeterForm::Full) continue;  // a phone's line is short: the compact form at most
    const float need = titleW + gap + StorageMeter::Width(storage_, c.form, foldWarning_) + (c.note ? gap + noteW : 0) +
                       gap + (c.count ? actionsFull : actionsShort);
    if (need <= avail) {
      choice = c;
      actionsInline = true;
      break;
    }
  }
  if (!actionsInline && narrow) {  // the actions get their own line; the meter takes what is left
    choice = {MeterForm::IconOnly, false, false};
    if (titleW + gap + StorageMeter::Width(storage_, MeterForm::Compact, foldWarning_) <= avail)
      choice.form = MeterForm::Compact;
  }
  ImGui::SetCursorScreenPos(ImVec2(titleMax.x + gap, a.y));
  if (foldWarning_) {
    meter_.Draw(storage_, inTrash, choice.form, [&] { DrawWayOut(frame, true, true); });
    if (const WidgetInfo* meter = CurrentRegistry().FindById("storage/meter"))  // read where the meter is
      RegisterRect("storage/warning", "alert", warning.c_str(), ImVec2(meter->x, meter->y),
                   ImVec2(meter->x + meter->w, meter->y + meter->h));
  } else {
    meter_.Draw(storage_, inTrash, choice.form);
  }
  if (choice.note) {
    ImGui::SetCursorScreenPos(
        ImVec2(ImGui::GetItemRectMax().x + gap, a.y + (rowH - ImGui::GetTextLineHeight()) * 0.5f));
    TextMuted(note.c_str());
    RegisterLastItem("trash/retention", "text", note.c_str());
  } else {
    RegisterRect("trash/retention", "text", note.c_str(), titleMin, titleMax);
  }
  narrowActionsInline_ = narrow && actionsInline;
  if (narrow) {
    if (actionsInline) {
      ImGui::SetCursorScreenPos(ImVec2(a.x + avail - NarrowActionsWidth(frame), a.y));
      DrawActionBarNarrow(frame);
    }
  } else if (actionsInline) {
    const float w = choice.count ? actionsFull : actionsShort;
    ImGui::SetCursorScreenPos(ImVec2(a.x + avail - w, a.y));
    DrawActions(frame, choice.count);
  } else {  // narrower than every form: the actions wrap onto a line of their own
    ImGui::SetCursorScreenPos(ImVec2(a.x + std::max(0.f, avail - actionsShort), a.y + rowH + 8 * d));
    DrawActions(frame, false);
  }
  ImGui::SetCursorScreenPos(
      ImVec2(a.x, ImGui::GetItemRectMax().y > a.y + rowH + 1 ? ImGui::GetItemRectMax().y + 8 * d : a.y + rowH + 8 * d));
}

void TrashScreen::DrawActions(Frame& frame, bool withCount) {
  if (selection_.count > 0) {
    DrawSelectionActions(frame);
    return;
  }
  const float d = Dpr();
  const auto& partial = frame.page.partialListing();
  const std::string label = CountLabel(frame);
  if (withCount) {
    ImGui::AlignTextToFramePadding();
    TextMuted(label.c_str());
    RegisterLastItem(partial ? "state/loading-rest" : "list/count", "status", label.c_str(), partial ? "busy" : "");
    ImGui::SameLine(0, 16 * d);
  }
  const ImVec2 refreshAt = ImGui::GetCursorScreenPos();
  RefreshButton(frame);
  if (!withCount && partial)  // not drawn, still said
    RegisterRect("state/loading-rest", "status", label.c_str(), refreshAt, ImGui::GetItemRectMax(), "busy");
  ImGui::SameLine(0, 8 * d);
  DrawBulkActions(frame);
}

// Restore All and Empty Trash name what they act on (count, storage): they wait for all of it.
// `buttonWidth` 0 sizes each button to its label (the phone's bar gives each half its width).
void TrashScreen::DrawBulkActions(Frame& frame, float buttonWidth) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const auto deleteBlocked = trash::DeleteBlockedReason(*frame.page.session());
  const auto& partial = frame.page.partialListing();
  const bool any = visibleTotal_ > 0 && !partial;
  ButtonOptions all;
  all.icon = icon::kUndo;
  all.enabled = any;
  all.width = buttonWidth;
  all.tooltip = partial ? kWaiting : any ? "Restore every item in the Trash" : "The Trash is empty";
  all.id = "bulk/restore-all";
  if (Button("Restore All", all)) frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmRestoreAll, {}, {}});
  ImGui::SameLine(0, 8 * d);
  ButtonOptions empty;
  empty.icon = icon::kTrash;
  empty.enabled = any && !deleteBlocked;
  empty.width = buttonWidth;
  empty.tooltip = partial         ? kWaiting
                  : deleteBlocked ? deleteBlocked->c_str()
                  : any           ? "Permanently delete everything in the Trash"
                                  : "The Trash is empty";
  empty.id = "bulk/empty-trash";
  ImGui::PushStyleColor(ImGuiCol_Text, empty.enabled ? p.danger : p.textMuted);
  if (Button("Empty Trash", empty)) frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmEmptyTrash, {}, {}});
  ImGui::PopStyleColor();
}

// The selection's size and what it allows, on a tinted band; Refresh stays where it was.
void TrashScreen::DrawSelectionActions(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::Session& session = *frame.page.session();
  const auto deleteBlocked = trash::DeleteBlockedReason(session);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);  // the band goes under what it holds, sized to what was drawn
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(a.x + 12 * d, a.y));
  DrawSelectionLabel();
  ImGui::SameLine(0, 16 * d);
  ButtonOptions restore;
  restore.kind = ButtonKind::Primary;
  restore.icon = icon::kUndo;
  restore.enabled = selection_.restorable > 0;
  restore.tooltip = selection_.restoreTip.c_str();
  restore.id = "selection/restore";
  if (Button("Restore", restore))
    frame.Emit(trash::intent::Restore{trash::RestorableKeys(session, tv.selectedItems())});
  ImGui::SameLine(0, 8 * d);
  ButtonOptions del;
  del.kind = ButtonKind::Danger;
  del.icon = icon::kTrash;
  del.enabled = !deleteBlocked;
  del.tooltip = deleteBlocked ? deleteBlocked->c_str() : nullptr;
  del.id = "selection/delete";
  if (Button("Delete permanently", del))
    frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, tv.selectedKeys(), {}});
  ImGui::SameLine(0, 8 * d);
  ButtonOptions clear;
  clear.kind = ButtonKind::Ghost;
  clear.id = "selection/clear";
  clear.tooltip = "Clear the selection (Esc)";
  if (Button("Clear", clear)) tv.ClearSelection();
  const float bandEnd = ImGui::GetItemRectMax().x + 6 * d;
  selectionDrawnW_ = bandEnd - a.x + 8 * d + h;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(a.x, a.y - 3 * d), ImVec2(bandEnd, a.y + h + 3 * d), p.selection, 8 * d);
  dl->ChannelsMerge();
  // Refresh ends the line where the layout said it ends, whatever the band measured.
  ImGui::SetCursorScreenPos(ImVec2(std::max(bandEnd + 8 * d, a.x + ActionsWidth(frame, false) - h), a.y));
  RefreshButton(frame);
}

// The way out of the plan's limit: empty the Trash, or find its biggest items to delete. On the
// warning's line, or stacked in the storage meter's popover when the warning is folded there.
void TrashScreen::DrawWayOut(Frame& frame, bool small, bool stacked) {
  const float d = Dpr();
  const bool any = visibleTotal_ > 0 && !frame.page.partialListing();
  const auto deleteBlocked = trash::DeleteBlockedReason(*frame.page.session());
  ButtonOptions empty;
  empty.kind = ButtonKind::Danger;
  empty.small = small;
  empty.icon = icon::kTrash;
  empty.enabled = any && !deleteBlocked;
  empty.tooltip = deleteBlocked ? deleteBlocked->c_str()
                  : any         ? "Permanently delete everything in the Trash"
                                : kWaiting;
  empty.id = "storage/empty-trash";
  const std::string emptyLabel =
      trash::Concat("Empty Trash (frees ", trash::FormatBytes(frame.page.session()->storage.trashBytes), ")");
  if (!stacked) SameLineOrWrap(ButtonWidth(emptyLabel.c_str(), icon::kTrash, small), 12 * d);
  if (Button(emptyLabel.c_str(), empty))
    frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmEmptyTrash, {}, {}});
  ButtonOptions largest;
  largest.small = small;
  largest.icon = icon::kSort;
  largest.id = "storage/largest-first";
  largest.tooltip = "Sort the Trash by size, largest first, to delete what frees the most";
  const float largestW = ButtonWidth("Largest first", icon::kSort, small);
  if (!stacked)
    SameLineOrWrap(largestW, 8 * d);
  else if (ImGui::GetItemRectMax().x + 8 * d + largestW <= ImGui::GetIO().DisplaySize.x - 24 * d)
    ImGui::SameLine(0, 8 * d);  // in the popover: one line where the screen has the room
  if (Button("Largest first", largest)) {
    frame.list.ClearTypeFilter();
    frame.list.SetSort({trash::SortColumn::Size, false});
  }
}

// Over the plan: what is wrong, by how much, and the way out. On a small screen (a phone, 200%
// zoom) it is folded into the storage meter instead (see DrawTitleRow), so the list keeps its room.
void TrashScreen::DrawQuotaWarning(Frame& frame) {
  if (storage_.level != trash::StorageLevel::OverQuota || foldWarning_) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const bool narrow = CurrentLayout().narrow();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const float pad = 10 * d;
  ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad * 0.6f));
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  TextColored(p.red, icon::kWarning);
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(CurrentFonts().strong);
  const std::string text = trash::Concat(storage_.warning, " (", storage_.overBy, ").");
  ImGui::PushTextWrapPos(a.x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + width - pad);
  TextColored(p.red, text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  RegisterLastItem("storage/warning", "alert", text.c_str());
  DrawWayOut(frame, !narrow, false);
  ImGui::EndGroup();
  const ImVec2 b(a.x + width, ImGui::GetItemRectMax().y + pad * 0.6f);
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(a, b, WithAlpha(p.red, 0.08f), 8 * d);
  dl->AddRect(a, b, WithAlpha(p.red, 0.45f), 8 * d, 0, d);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(a.x, b.y + 8 * d));
}

}  // namespace ui
