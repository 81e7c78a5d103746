// The Trash table (see trash_table.h). Rows come from the core's cached View; the clipper asks for
// the rows in view and only those build strings (names, countdowns, dates, sizes). Row clicks
// and checkboxes change the selection directly (UI state of the TrashView); every action with an
// effect is an intent.
#include "ui/trash_table.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentTable (row bounds), TablePushBackgroundChannel (focus ring), TableSetColumnSortDirection

#include <algorithm>  // std::max
#include <string>     // labels

#include "core/countdown.h"    // FormatTimeLeft, FormatPurgeTime, FormatRelative, FormatDateTime, FormatBytes
#include "core/permissions.h"  // RestoreBlockedReason, DeleteBlockedReason
#include "core/text.h"         // SanitizeForDisplay
#include "ui/registry.h"       // CurrentRegistry: where the row's "⋮" was drawn
#include "ui/layout.h"         // CurrentLayout: columns a tablet hides
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/widgets.h"        // Button, Checkbox, RegisterLastItem

namespace ui {

const char* TypeIcon(trash::ItemType type) {
  switch (type) {
    case trash::ItemType::Project: return icon::kProject;
    case trash::ItemType::Version: return icon::kVersion;
    case trash::ItemType::Model: return icon::kModel;
    case trash::ItemType::Dataset: return icon::kDataset;
    case trash::ItemType::Workflow: return icon::kWorkflow;
    default: return icon::kInfo;
  }
}

std::string RowId(const trash::TrashItem& item) {
  std::string id = "row/" + item.typeName + "/";
  if (!item.parentId.empty()) id += item.parentId + "/";
  return id + item.id;
}

namespace {

enum Column { kSelect, kName, kDeletedBy, kDeletedAt, kTimeLeft, kSize, kActions, kColumnCount };

// Text vertically centred on the row's frame height (buttons share the line).
void CellText(const char* text, ImU32 color) {
  ImGui::AlignTextToFramePadding();
  TextColored(color, text);
}

void RightAligned(const char* text, ImU32 color) {
  const float w = ImGui::CalcTextSize(text).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::AlignTextToFramePadding();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, avail - w));
  TextColored(color, text);
}

// The row-wide hit area: a Selectable covering the whole row (cell padding included), drawn
// under the row's widgets so buttons and the checkbox keep their own clicks.
bool RowHitArea(const char* id, bool* hovered) {
  ImGuiTable* table = ImGui::GetCurrentTable();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 cell = ImGui::GetCursorScreenPos();
  const ImVec2 savedMax = window->DC.CursorMaxPos;
  ImGui::SetCursorScreenPos(ImVec2(cell.x, table->RowPosY1));
  ImGui::PushStyleColor(ImGuiCol_Header, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, 0u);
  const bool clicked = ImGui::Selectable(id, false,
                                         ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                                             ImGuiSelectableFlags_NoPadWithHalfSpacing,
                                         ImVec2(0, table->RowPosY2 - table->RowPosY1));
  ImGui::PopStyleColor(3);
  *hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
  ImGui::SetCursorScreenPos(cell);
  window->DC.CursorMaxPos = savedMax;
  return clicked;
}

}  // namespace

void TrashTable::Draw(Frame& frame, float height, size_t selected) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::View& view = tv.view();
  const ImGuiStyle& style = ImGui::GetStyle();

  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_PadOuterX | ImGuiTableFlags_NoSavedSettings;
  // A tablet (medium layout) hides the columns the name needs the room of.
  const Layout layout = CurrentLayout();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  ImGui::PushStyleColor(ImGuiCol_TableBorderLight, WithAlpha(p.border, 0.7f));
  const bool open = ImGui::BeginTable("##trash", kColumnCount, layout.wide() ? flags : flags | ImGuiTableFlags_Hideable,
                                      ImVec2(0, height));
  ImGui::PopStyleColor(2);
  drawnRows_ = 0;
  if (!open) return;

  {  // the grid for assistive technology: every row of the view counts, drawn or not (+1: the header)
    const ImRect& outer = ImGui::GetCurrentTable()->OuterRect;
    RegisterRect("trash/grid", "grid", "Trash items", outer.Min, outer.Max).count = int(view.rows.size()) + 1;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, 20 * d);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortAscending, 0,
                          int(trash::SortColumn::Name));
  ImGui::TableSetupColumn("Deleted by", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortAscending,
                          112 * d, int(trash::SortColumn::DeletedBy));
  ImGui::TableSetupColumn("Deleted",
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                              ImGuiTableColumnFlags_PreferSortDescending,
                          100 * d, int(trash::SortColumn::DeletedAt));
  ImGui::TableSetupColumn("Time left", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortAscending,
                          116 * d, int(trash::SortColumn::TimeLeft));
  ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                          72 * d, int(trash::SortColumn::Size));
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                          (layout.wide() ? 244 : 212) * d);
  if (!layout.wide()) {
    ImGui::TableSetColumnEnabled(kDeletedBy, layout.cssWidth >= 1000);
    ImGui::TableSetColumnEnabled(kDeletedAt, layout.cssWidth >= 900);
  }

  // Sorting is cached in the core and the view's sort is the truth (it may come from the address):
  // a header click (dirty specs, after the first frame) changes it, and the header arrow follows it.
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    const trash::SortSpec want = tv.sort();
    if (specs->SpecsDirty && sortShown_ && specs->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
      const trash::SortSpec clicked{trash::SortColumn(s.ColumnUserID), s.SortDirection == ImGuiSortDirection_Ascending};
      if (clicked.column != want.column || clicked.ascending != want.ascending) tv.SetSort(clicked);
    }
    specs->SpecsDirty = false;
    const trash::SortSpec now = tv.sort();
    const bool shown = specs->SpecsCount > 0 && specs->Specs[0].ColumnUserID == ImGuiID(now.column) &&
                       (specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending) == now.ascending;
    if (!shown)  // columns are the select box, then one per SortColumn in order
      ImGui::TableSetColumnSortDirection(int(now.column) + 1,
                                         now.ascending ? ImGuiSortDirection_Ascending : ImGuiSortDirection_Descending, false);
    sortShown_ = true;
  }

  // [SECTION] Header row: the select-all checkbox, then sortable column titles
  const float rowH = ImGui::GetFrameHeight() + style.CellPadding.y * 2;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, rowH);
  {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    RegisterRect("trash/header", "headerrow", "Columns", ImVec2(table->WorkRect.Min.x, table->RowPosY1),
                 ImVec2(table->WorkRect.Max.x, table->RowPosY1 + rowH)).index = 1;
  }
  size_t itemRows = 0;
  for (const trash::GroupSummary& g : view.groups)
    if (!g.collapsed) itemRows += g.count;
  for (int c = 0; c < kColumnCount; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    if (c == kSelect) {
      bool all = itemRows > 0 && selected >= itemRows;
      const bool mixed = selected > 0 && !all;
      const bool partial = frame.page.partialListing().has_value();
      const char* tip = partial ? "Available once the whole Trash has loaded" : all ? "Clear the selection" : "Select every row shown";
      if (Checkbox("##select-all", "Select all", &all, itemRows > 0 && !partial, tip, mixed)) {
        if (all) tv.SelectAllVisible(); else tv.ClearSelection();
        ++selectionEpoch;
      }
      continue;
    }
    if (c == kActions) {  // no title drawn; named for screen readers, whose cells it heads
      const ImVec2 at = ImGui::GetCursorScreenPos();
      RegisterRect("header/actions", "columnheader", "Actions", at,
                   ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetFrameHeight()));
      continue;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::PushFont(CurrentFonts().strong);
    const char* name = ImGui::TableGetColumnName(c);
    if (c == kSize) {  // numbers are right-aligned, so is their title (room left for the sort arrow)
      const float w = ImGui::CalcTextSize(name).x + ImGui::GetFontSize() + style.ItemInnerSpacing.x;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, ImGui::GetContentRegionAvail().x - w));
    }
    ImGui::TableHeader(name);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    SetHandCursorIfHovered();
    const trash::SortSpec sort = tv.sort();
    const char* sorted = int(sort.column) + 1 != c ? "" : sort.ascending ? "ascending" : "descending";
    RegisterLastItem(std::string("header/") + name, "columnheader", name, sorted, "Sort by this column");
  }
  const float headerH = ImGui::GetCurrentTable()->LastFirstRowHeight > 0 ? ImGui::GetCurrentTable()->LastFirstRowHeight : rowH;

  // [SECTION] Keyboard cursor: keep the focused row in view
  const std::optional<size_t> focusRow = tv.focusedRow();
  const float winH = ImGui::GetWindowHeight();
  const float measured = rowHeight_ > 0 ? rowHeight_ : rowH;
  pageRows_ = std::max<size_t>(1, size_t((winH - headerH) / measured));
  if (scrollToFocus_ && focusRow) {
    const float top = float(*focusRow) * measured;
    const float sy = ImGui::GetScrollY();
    if (top < sy)
      ImGui::SetScrollY(top);
    else if (headerH + top + measured > sy + winH)
      ImGui::SetScrollY(headerH + top + measured - winH);
  }
  scrollToFocus_ = false;

  // [SECTION] Rows in view
  ImGuiListClipper clipper;
  clipper.Begin(int(view.rows.size()), rowHeight_ > 0 ? rowHeight_ : -1.f);
  if (focusRow) clipper.ForceDisplayRangeByIndices(int(*focusRow), int(*focusRow) + 1);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const trash::ViewRow& row = view.rows[size_t(i)];
      ImGui::TableNextRow(0, rowH);
      ImGui::PushID(i);
      if (row.isHeader)
        DrawHeaderRow(frame, size_t(i));
      else
        DrawItemRow(frame, size_t(i), focusRow && *focusRow == size_t(i));
      if (menuForFocus_ && focusRow && *focusRow == size_t(i) && !row.isHeader && !menu_.open()) {
        // Under the row's "⋮" when it is drawn (it is registered by now), else under the row.
        const trash::ItemKey key = trash::KeyOf(tv.items()[row.itemIndex]);
        const ImGuiTable* table = ImGui::GetCurrentTable();
        ImVec2 anchor(table->WorkRect.Max.x, table->RowPosY2);
        if (const WidgetInfo* more = CurrentRegistry().FindById(RowId(tv.items()[row.itemIndex]) + "/menu"))
          anchor = ImVec2(more->x + more->w, more->y + more->h);
        menu_.Open(key, anchor, true, true);
      }
      ImGui::PopID();
      ++drawnRows_;
    }
  }
  if (clipper.ItemsHeight > 0) rowHeight_ = clipper.ItemsHeight;
  menuForFocus_ = false;
  ImGui::EndTable();
}

void TrashTable::DrawMenu(Frame& frame) {
  const std::optional<trash::ItemKey> key = menu_.key();
  if (menu_.Draw(frame) && key) {  // closed from the keyboard: the cursor is back on its row
    frame.page.view().SetFocus(*key);
    showFocusRing = true;
  }
}

void TrashTable::DrawHeaderRow(Frame& frame, size_t rowIndex) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::ViewRow& row = tv.view().rows[rowIndex];
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : tv.view().groups)
    if (g.type == row.group) group = &g;
  const bool collapsed = tv.IsGroupCollapsed(row.group);

  ImGui::TableSetColumnIndex(kSelect);
  bool hovered = false;
  if (RowHitArea("##group", &hovered)) tv.SetGroupCollapsed(row.group, !collapsed);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, hovered ? p.border : p.surfaceAlt);
  const std::string title(trash::ItemTypeDisplayName(row.group));
  {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    const std::string count = group ? ", " + std::to_string(group->count) + (group->count == 1 ? " item" : " items") : "";
    RegisterRect("group-row/" + std::string(trash::ItemTypeName(row.group)), "grouprow", title + count,
                 ImVec2(table->WorkRect.Min.x, table->RowPosY1), ImVec2(table->WorkRect.Max.x, table->RowPosY2))
        .index = int(rowIndex) + 2;
  }
  RegisterLastItem("group/" + std::string(trash::ItemTypeName(row.group)), "button", title,
                   collapsed ? "collapsed" : "expanded", collapsed ? "Show these items" : "Hide these items");
  CellText(collapsed ? icon::kChevronRight : icon::kChevronDown, p.textMuted);

  ImGui::TableSetColumnIndex(kName);
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, TypeIcon(row.group));
  ImGui::SameLine(0, 8 * d);
  ImGui::PushFont(CurrentFonts().strong);
  CellText(title.c_str(), p.text);
  ImGui::PopFont();
  if (group && !frame.page.partialListing()) {  // a first page's counts are not the group's
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Pill(std::to_string(group->count).c_str(), p.surface, p.textMuted);
    if (ImGui::TableSetColumnIndex(kSize)) RightAligned(trash::FormatBytes(group->bytes).c_str(), p.textMuted);
  }
}

void TrashTable::DrawItemRow(Frame& frame, size_t rowIndex, bool focused) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::TrashItem& item = tv.items()[tv.view().rows[rowIndex].itemIndex];
  const trash::ItemKey key = trash::KeyOf(item);
  const bool selected = tv.IsSelected(key);
  const std::string rowId = RowId(item);
  if (!frame.focusRequest.empty() && frame.focusRequest == rowId) {  // the mirror moved focus here
    tv.SetFocus(key);
    showFocusRing = true;
    focused = true;
  }
  const std::string name = trash::SanitizeForDisplay(item.name.empty() ? item.id : item.name);
  const std::string parent = trash::SanitizeForDisplay(item.parentName.empty() ? item.parentUrl : item.parentName);
  const bool child = trash::IsChildType(item.type);

  // [SECTION] Select column (and the row-wide click area)
  ImGui::TableSetColumnIndex(kSelect);
  bool hovered = false;
  if (RowHitArea("##row", &hovered)) {
    const ImGuiIO& io = ImGui::GetIO();
    tv.Click(key, {io.KeyCtrl || io.KeySuper, io.KeyShift});
    tv.SetFocus(key);
    ++selectionEpoch;
    showFocusRing = false;
  }
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    tv.SetFocus(key);
    showFocusRing = false;
    menu_.Open(key, ImGui::GetIO().MousePos, false, false);
  }
  ImGuiTable* table = ImGui::GetCurrentTable();
  const ImVec2 rowMin(table->WorkRect.Min.x, table->RowPosY1), rowMax(table->WorkRect.Max.x, table->RowPosY2);
  if (selected || hovered)
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, selected ? p.selection : p.rowHover);
  if (focused && showFocusRing) {  // the keyboard cursor: an accent ring around the row
    ImGui::TablePushBackgroundChannel();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(rowMin.x + d, rowMin.y + d), ImVec2(rowMax.x - d, rowMax.y - d), p.accent,
                                        4 * d, 0, 2 * d);
    ImGui::TablePopBackgroundChannel();
  }
  {
    std::string state = selected ? "selected" : "";
    if (focused) state += state.empty() ? "focused" : " focused";
    RegisterRect(rowId, "row", child && !parent.empty() ? parent + " / " + name : name, rowMin, rowMax, state).index =
        int(rowIndex) + 2;
  }
  bool checked = selected;
  if (Checkbox((rowId + "/select").c_str(), ("Select " + name).c_str(), &checked)) {
    tv.SetSelected(key, checked);
    tv.SetFocus(key);
    ++selectionEpoch;
  }

  // [SECTION] Name: type icon, parent for children, "+N" and the amber indicator for projects
  ImGui::TableSetColumnIndex(kName);
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, TypeIcon(item.type));
  ImGui::SameLine(0, 8 * d);
  float avail = ImGui::GetContentRegionAvail().x;
  float reserve = 0;
  std::string childPill;
  if (item.type == trash::ItemType::Project && item.childCount > 0) {
    childPill = "+" + std::to_string(item.childCount);
    reserve += ImGui::CalcTextSize(childPill.c_str()).x + 22 * d;
  }
  const bool amber = item.type == trash::ItemType::Project && item.cleanupDeleteImages;
  if (amber) reserve += ImGui::CalcTextSize(icon::kWarning).x + 10 * d;
  std::string unknownType;
  if (item.type == trash::ItemType::Unknown) {
    unknownType = trash::SanitizeForDisplay(item.typeName);
    reserve += ImGui::CalcTextSize(unknownType.c_str()).x + 22 * d;
  }
  if (child && !parent.empty()) {
    const std::string prefix = parent + " / ";
    const float prefixW = ImGui::CalcTextSize(prefix.c_str()).x;
    const float nameW = ImGui::CalcTextSize(name.c_str()).x;
    const float room = std::max(0.f, avail - reserve);
    const float prefixRoom = std::min(prefixW, std::max(room * 0.5f, room - nameW));
    ImGui::AlignTextToFramePadding();
    EllipsisText(prefix.c_str(), p.textMuted, prefixRoom);
    ImGui::SameLine(0, 0);
    avail = ImGui::GetContentRegionAvail().x;
  }
  ImGui::AlignTextToFramePadding();
  if (EllipsisText(name.c_str(), p.text, std::max(0.f, avail - reserve))) ItemTooltip(name.c_str());
  RegisterLastItem(rowId + "/name", "cell", child && !parent.empty() ? parent + " / " + name : name);
  if (!childPill.empty()) {
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Pill(childPill.c_str(), p.surfaceAlt, p.textMuted);
    const std::string tip = std::to_string(item.childCount) + " versions and models went to Trash with this project and come back with it";
    ItemTooltip(tip.c_str());
  }
  if (!unknownType.empty()) {
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Pill(unknownType.c_str(), p.surfaceAlt, p.textMuted);
  }
  if (amber) {
    static const char* kAmberTip =
        "Cleanup will also delete the images that belong only to this project. Images shared with other projects "
        "are preserved.";
    ImGui::SameLine(0, 8 * d);
    CellText(icon::kWarning, p.amber);
    ItemTooltip(kAmberTip);
    RegisterLastItem(rowId + "/images", "img", "Also deletes exclusive images", "", kAmberTip);
  }

  // [SECTION] Deleted by, deleted, time left, size
  if (ImGui::TableSetColumnIndex(kDeletedBy)) {
    const std::string by = trash::SanitizeForDisplay(item.deletedByName.empty() ? item.deletedBy : item.deletedByName);
    ImGui::AlignTextToFramePadding();
    if (by.empty())
      TextColored(p.textMuted, "\xe2\x80\x94");  // em dash
    else if (EllipsisText(by.c_str(), p.text, ImGui::GetContentRegionAvail().x))
      ItemTooltip(by.c_str());
    RegisterLastItem(rowId + "/deleted-by", "cell", by.empty() ? "Not recorded" : by);
  }
  if (ImGui::TableSetColumnIndex(kDeletedAt)) {
    const std::string at = "Deleted " + trash::FormatDateTime(item.deletedAtMs);
    CellText(trash::FormatRelative(frame.nowMs, item.deletedAtMs).c_str(), p.textMuted);
    ItemTooltip(at.c_str());
    RegisterLastItem(rowId + "/deleted-at", "cell", trash::FormatRelative(frame.nowMs, item.deletedAtMs), "", at);
  }
  {
    // The countdown is always computed for a drawn row, so the page wakes when its label changes.
    const trash::TimeLeft left = trash::FormatTimeLeft(frame.nowMs, item.scheduledCleanupAtMs);
    frame.WakeAt(left.nextChangeMs);
    if (ImGui::TableSetColumnIndex(kTimeLeft)) {
      const ImU32 color = left.urgency == trash::Urgency::Red ? p.red : left.urgency == trash::Urgency::Amber ? p.amber : p.text;
      const std::string purge = trash::FormatPurgeTime(item.scheduledCleanupAtMs);
      ImGui::AlignTextToFramePadding();
      if (left.urgency != trash::Urgency::Normal) {
        TextColored(color, icon::kClock);
        ImGui::SameLine(0, 6 * d);
      }
      ImGui::PushFont(left.urgency == trash::Urgency::Normal ? CurrentFonts().body : CurrentFonts().strong);
      CellText(left.label.c_str(), color);
      ImGui::PopFont();
      ItemTooltip(purge.c_str());
      const char* urgency = left.urgency == trash::Urgency::Red ? "red" : left.urgency == trash::Urgency::Amber ? "amber" : "normal";
      RegisterLastItem(rowId + "/time-left", "status", left.label, urgency, purge);
    }
  }
  if (ImGui::TableSetColumnIndex(kSize)) {
    RightAligned(trash::FormatBytes(item.sizeBytes).c_str(), p.textMuted);
    RegisterLastItem(rowId + "/size", "cell", trash::FormatBytes(item.sizeBytes));
  }

  // [SECTION] Actions
  if (!ImGui::TableSetColumnIndex(kActions)) return;
  const trash::Session* session = frame.page.session() ? &*frame.page.session() : nullptr;
  if (!session) return;
  const Layout layout = CurrentLayout();
  const std::optional<std::string> restoreBlocked = trash::RestoreBlockedReason(*session, item);
  const std::optional<std::string> deleteBlocked = trash::DeleteBlockedReason(*session);
  // "Restore project first" for a version or model whose project is in Trash; on a tablet it takes
  // the place of the Restore that can't work (the column has no room for both).
  const bool parentFirst = child && item.parentInTrash;
  const bool linkOnly = parentFirst && !layout.wide();
  auto restoreParentLink = [&] {
    const std::optional<std::string> parentBlocked =
        trash::HasPermission(*session, trash::RestorePermissionFor(trash::ItemType::Project))
            ? std::nullopt
            : std::optional<std::string>("Your role lacks " + std::string(trash::RestorePermissionFor(trash::ItemType::Project)));
    ButtonOptions first;
    first.kind = ButtonKind::Link;
    first.enabled = !parentBlocked;
    const std::string firstTip = parentBlocked ? *parentBlocked : "Restores \"" + parent + "\" with everything that went to Trash with it";
    first.tooltip = firstTip.c_str();
    const std::string firstId = rowId + "/restore-parent";
    first.id = firstId.c_str();
    if (Button("Restore project first", first)) frame.Emit(trash::intent::RestoreParentFirst{key});
  };
  if (linkOnly) {
    restoreParentLink();
  } else {
    ButtonOptions restore;
    restore.small = true;
    restore.enabled = !restoreBlocked;
    restore.tooltip = restoreBlocked ? restoreBlocked->c_str() : nullptr;
    restore.icon = icon::kUndo;
    const std::string restoreId = rowId + "/restore";
    restore.id = restoreId.c_str();
    if (Button("Restore", restore)) frame.Emit(trash::intent::Restore{{key}});
  }
  ImGui::SameLine(0, 2 * d);
  ButtonOptions del;
  del.kind = ButtonKind::Ghost;
  del.small = true;
  del.enabled = !deleteBlocked;
  del.tooltip = deleteBlocked ? deleteBlocked->c_str() : "Delete permanently";
  const std::string delId = rowId + "/delete";
  del.id = delId.c_str();
  ImGui::PushStyleColor(ImGuiCol_Text, deleteBlocked ? p.textMuted : p.danger);
  if (IconButton(icon::kTrash, "Delete permanently", del))
    frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, {key}, {}});
  ImGui::PopStyleColor();
  {  // "⋮": the row menu, for touch and mouse users who would not think of a right-click
    ButtonOptions more;
    more.kind = ButtonKind::Ghost;
    more.small = true;
    more.tooltip = "More actions: copy name or ID, restore, delete";
    const std::string moreId = rowId + "/menu";
    more.id = moreId.c_str();
    ImGui::SameLine(0, 2 * d);
    if (IconButton(icon::kMore, "More actions", more)) {
      tv.SetFocus(key);
      menu_.Open(key, ImGui::GetItemRectMax(), true, true);
    }
  }
  if (parentFirst && !linkOnly) {
    ImGui::SameLine(0, 2 * d);
    restoreParentLink();
  }
}

}  // namespace ui
