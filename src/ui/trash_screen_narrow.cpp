// The Trash screen's bulk-action line on a narrow (phone) page, part of TrashScreen (see
// trash_screen.h): Restore All and Empty Trash; with a selection, its size and Restore, Delete
// permanently and Clear as finger-sized buttons. Where the title line has room (a phone held
// sideways, 200% zoom) they end that line at their own widths; else they share a line of their
// own. The item count sits in the list's own header on a phone, and Refresh beside the search.
#include <imgui.h>

#include <string>  // labels
#include <vector>  // keys

#include "core/permissions.h"  // RestoreBlockedReason, DeleteBlockedReason
#include "ui/layout.h"         // kTouchTargetCss
#include "ui/row_parts.h"      // DeleteButton
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/trash_screen.h"
#include "ui/widgets.h"  // Button, IconButton

namespace ui {

namespace {
float RestoreWidth() {
  return ImGui::CalcTextSize("Restore").x + ImGui::CalcTextSize(icon::kUndo).x + ImGui::CalcTextSize("  ").x +
         16 * Dpr();
}
}  // namespace

float TrashScreen::NarrowActionsWidth(Frame&) const {
  const float d = Dpr();
  if (selection_.count > 0) {
    ImGui::PushFont(CurrentFonts().strong);  // the selection's label is drawn in it
    const float labelW = ImGui::CalcTextSize(selection_.label.c_str()).x;
    ImGui::PopFont();
    return 12 * d + labelW + 12 * d + RestoreWidth() + 4 * d + 2 * kTouchTargetCss * d + 4 * d;
  }
  return ButtonWidth("Restore All", icon::kUndo) + 8 * d + ButtonWidth("Empty Trash", icon::kTrash);
}

void TrashScreen::DrawActionBarNarrow(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::Session& session = *frame.page.session();
  const auto deleteBlocked = trash::DeleteBlockedReason(session);
  const bool inTitle = narrowActionsInline_;
  const float width = inTitle ? NarrowActionsWidth(frame) : ImGui::GetContentRegionAvail().x;
  const size_t count = selection_.count;
  const ImVec2 a = ImGui::GetCursorScreenPos();
  if (count > 0) {
    const float iconW = kTouchTargetCss * d;
    const float barH = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + width, a.y + barH), p.selection, 8 * d);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 12 * d, a.y));
    DrawSelectionLabel();
    // Right to left: Clear, Delete permanently (icons), Restore.
    ImGui::SetCursorScreenPos(ImVec2(a.x + width - 4 * d - iconW * 2 - 4 * d - RestoreWidth(), a.y));
    ButtonOptions restore;
    restore.kind = ButtonKind::Primary;
    restore.small = true;
    restore.icon = icon::kUndo;
    restore.enabled = selection_.restorable > 0;
    restore.tooltip = selection_.restorable < count ? selection_.firstBlockedReason.c_str() : nullptr;
    restore.id = "selection/restore";
    if (Button("Restore", restore))
      frame.Emit(trash::intent::Restore{trash::RestorableKeys(session, tv.selectedItems())});
    ImGui::SameLine(0, 4 * d);
    ButtonOptions square;
    square.width = iconW;
    if (DeleteButton("selection/delete", deleteBlocked.value_or(""), square))
      frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, tv.selectedKeys(), {}});
    ImGui::SameLine(0, 0);
    ButtonOptions clear;
    clear.kind = ButtonKind::Ghost;
    clear.width = iconW;
    clear.id = "selection/clear";
    clear.tooltip = "Clear the selection";
    if (IconButton(icon::kClose, "Clear", clear)) {
      tv.ClearSelection();
    }
  } else {
    DrawBulkActions(frame, inTitle ? 0 : (width - 8 * d) * 0.5f);  // two halves of the bar
  }
  if (inTitle) return;
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + ImGui::GetFrameHeight()));
  ImGui::Dummy(ImVec2(0, 0));  // the style's item spacing below
}

}  // namespace ui
