// The Trash table (see trash_table.h). Rows come from the core's cached View; only the rows in view
// are drawn, and their facts (names, countdowns, dates, sizes, actions) are kept from frame to frame
// (RowFactsCache), worded again only when the row's item or a label changes. Row clicks
// and checkboxes change the selection directly (UI state of the TrashView); every action with an
// effect is an intent.
#include "ui/trash_table.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentWindow: the row-wide click area keeps the cursor's extent

#include <algorithm>  // std::max
#include <string>     // labels

#include "core/text.h"     // FormatCount, CountOf, Concat
#include "ui/grid.h"       // Grid, GridColumn, GridTitle, HeaderClickSortsAscending
#include "ui/registry.h"   // CurrentRegistry: where the row's "⋮" was drawn
#include "ui/layout.h"     // CurrentLayout: columns a tablet hides
#include "ui/row_parts.h"  // RowId, TypeIcon, UrgencyColor, ActionButton, DeleteButton
#include "ui/theme.h"      // palette, fonts, icons, Dpr
#include "ui/widgets.h"    // Button, Checkbox, RegisterLastItem

namespace ui {
namespace {

using namespace table_column;

// The table column of a sort column (the select box and Expires are not sortable).
int ColumnOf(trash::SortColumn sort) {
  switch (sort) {
    case trash::SortColumn::Name: return kName;
    case trash::SortColumn::DeletedBy: return kDeletedBy;
    case trash::SortColumn::DeletedAt: return kDeletedAt;
    case trash::SortColumn::TimeLeft: return kTimeLeft;
    case trash::SortColumn::Size: return kSize;
  }
  return kName;
}

// The sort column under a sortable table column, and the way its first click sorts.
trash::SortColumn SortColumnAt(int column) {
  switch (column) {
    case kDeletedBy: return trash::SortColumn::DeletedBy;
    case kDeletedAt: return trash::SortColumn::DeletedAt;
    case kTimeLeft: return trash::SortColumn::TimeLeft;
    case kSize: return trash::SortColumn::Size;
  }
  return trash::SortColumn::Name;
}
bool PrefersAscending(trash::SortColumn column) {
  return column != trash::SortColumn::DeletedAt && column != trash::SortColumn::Size;  // newest and largest first
}

constexpr const char* kTitles[] = {"##select",  "Name",    "Deleted by", "Deleted",
                                   "Time left", "Expires", "Size",       "##actions"};

// The name keeps at least this much (CSS px) before the Delete button gets its label or the
// Expires column shows.
constexpr float kNameRoomCss = 300;

// Row heights: an item row is its buttons' frame and this padding above and below; a group
// header is one line of text and a little air, shorter, so the list shows more items (issue 15:
// at least 12 item rows at 1280×720 with group headers among them).
constexpr float kRowPadCss = 4;
constexpr float kGroupRowCss = 30;

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
bool RowHitArea(Grid& grid, const char* id, bool* hovered) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 cell = ImGui::GetCursorScreenPos();
  const ImVec2 savedMax = window->DC.CursorMaxPos;
  ImGui::SetCursorScreenPos(ImVec2(cell.x, grid.RowMin().y));
  ImGui::PushStyleColor(ImGuiCol_Header, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, 0u);
  grid.PushBackground();  // hovered across every column, not only the one it starts in
  const bool clicked = ImGui::Selectable(id, false,
                                         ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                                             ImGuiSelectableFlags_NoPadWithHalfSpacing,
                                         ImVec2(0, grid.RowMax().y - grid.RowMin().y));
  grid.PopBackground();
  ImGui::PopStyleColor(3);
  *hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
  ImGui::SetCursorScreenPos(cell);
  window->DC.CursorMaxPos = savedMax;
  return clicked;
}

// The widths of the fixed columns but the actions (CSS px); Expires is the last, the optional one.
constexpr float kFixedCss[] = {20, 0, 112, 100, 116, 96, 72};

// The columns; a tablet (medium layout) hides the ones the name needs the room of, and Expires
// shows only where the name keeps its room.
void SetUpColumns(const Layout& layout, const TrashTable::Fit& fit, GridColumn* columns) {
  const float d = Dpr();
  for (int c = kSelect; c < kActions; ++c) columns[c].width = kFixedCss[c] * d;
  columns[kName].stretch = true;
  columns[kActions].width = fit.actions;
  columns[kExpires].enabled = fit.expires;
  columns[kDeletedBy].enabled = layout.wide() || layout.cssWidth >= 1000;
  columns[kDeletedAt].enabled = layout.wide() || layout.cssWidth >= 900;
}

// A column's title in the header row; answers whether it was clicked (Expires does not sort).
bool ColumnTitle(Grid& grid, int column, trash::SortSpec sort) {
  const char* name = kTitles[column];
  GridTitle how;
  how.sortable = column != kExpires;
  how.sorted = ColumnOf(sort.column) == column;
  how.ascending = sort.ascending;
  how.alignRight = column == kSize;  // numbers are right-aligned, so is their title
  const bool clicked = grid.HeaderTitle(column, name, how) && how.sortable;
  SetHandCursorIfHovered();
  const char* sorted = !how.sorted ? "" : sort.ascending ? "ascending" : "descending";
  RegisterLastItem(trash::Concat("header/", name).c_str(), "columnheader", name, sorted, "Sort by this column");
  return clicked;
}

size_t ShownItemRows(const trash::View& view) {
  size_t rows = 0;
  for (const trash::GroupSummary& g : view.groups)
    if (!g.collapsed) rows += g.count;
  return rows;
}

}  // namespace

// [SECTION] Shared by both layouts

TrashTable::Row TrashTable::RowAt(Frame& frame, size_t rowIndex, bool focused) {
  trash::TrashView& tv = frame.list;
  const trash::TrashItem& item = tv.items()[tv.view().rows[rowIndex].itemIndex];
  const trash::Session* session = frame.page.session() ? &*frame.page.session() : nullptr;
  Row row{item, facts_.Get(item, session, frame.nowMs), RowId(item), rowIndex, false, focused};
  row.selected = tv.IsSelected(row.facts.key);
  // The countdown is always computed for a drawn row, so the page wakes when its label changes.
  frame.WakeAt(row.facts.timeLeft.nextChangeMs);
  return row;
}

// A click (or tap) on the row selects it; a right-click (or long press) opens its menu there.
void TrashTable::OnRowPointer(Frame& frame, const trash::ItemKey& key, bool clicked, bool hovered,
                              trash::ClickModifiers mods) {
  trash::TrashView& tv = frame.list;
  if (sticky_.shown && ImGui::IsMouseHoveringRect(sticky_.min, sticky_.max, false))
    hovered = false;  // under the pinned group
  if (clicked) {
    tv.Click(key, mods);
    tv.SetFocus(key);
    showFocusRing = false;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    tv.SetFocus(key);
    showFocusRing = false;
    menu_.Open(key, ImGui::GetIO().MousePos, false, false);
  }
}

void TrashTable::RowCheckbox(Frame& frame, const Row& row) {
  bool checked = row.selected;
  if (Checkbox(trash::Concat(row.id, "/select").c_str(), trash::Concat("Select ", row.facts.name).c_str(), &checked)) {
    trash::TrashView& tv = frame.list;
    tv.SetSelected(row.facts.key, checked);
    tv.SetFocus(row.facts.key);
  }
}

// "⋮": the row menu, for touch and mouse users who would not think of a right-click.
void TrashTable::MoreButton(Frame& frame, const Row& row, float width) {
  ButtonOptions more;
  more.kind = ButtonKind::Ghost;
  more.small = width <= 0;
  more.width = width;
  more.tooltip = "More actions: copy name or ID, restore, delete";
  const std::string moreId = trash::Concat(row.id, "/menu");
  more.id = moreId.c_str();
  if (IconButton(icon::kMore, "More actions", more)) {
    frame.list.SetFocus(row.facts.key);
    menu_.Open(row.facts.key, ImGui::GetItemRectMax(), true, true);
  }
}

// The context-menu key: the cursor row's menu, under its "⋮" when drawn (registered by now).
void TrashTable::OpenMenuForFocusRow(const trash::TrashItem& item, ImVec2 anchor) {
  if (const WidgetInfo* more = CurrentRegistry().FindById(trash::Concat(RowId(item), "/menu")))
    anchor = ImVec2(more->x + more->w, more->y + more->h);
  menu_.Open(trash::KeyOf(item), anchor, true, true);
}

void TrashTable::DrawMenu(Frame& frame) {
  const std::optional<trash::ItemKey> key = menu_.key();
  if (menu_.Draw(frame) && key) {  // closed from the keyboard: the cursor is back on its row
    frame.list.SetFocus(*key);
    showFocusRing = true;
  }
}

// [SECTION] The wide table

// Whether any row of the view offers "Restore project first" (it takes the place of Restore, and
// it is wider); counted again only when the view changes.
bool TrashTable::AnyParentFirst(const trash::TrashView& tv) {
  if (parentFirstGeneration_ == tv.viewGeneration()) return anyParentFirst_;
  parentFirstGeneration_ = tv.viewGeneration();
  anyParentFirst_ = false;
  for (const trash::ViewRow& row : tv.view().rows) {
    if (row.isHeader) continue;
    const trash::TrashItem& item = tv.items()[row.itemIndex];
    if (trash::IsChildType(item.type) && item.parentInTrash) {
      anyParentFirst_ = true;
      break;
    }
  }
  return anyParentFirst_;
}

// The actions column is as wide as the rows shown need: Restore (or the wider "Restore project
// first" when a row offers it), Delete permanently, "⋮". The name gets the rest; where it keeps
// kNameRoomCss, Delete permanently gets its label, then the Expires column shows.
TrashTable::Fit TrashTable::FitColumns(Frame& frame, const Layout& layout, float tableWidth) {
  const float d = Dpr();
  const ImGuiStyle& style = ImGui::GetStyle();
  ButtonOptions small;
  small.small = true;
  ButtonOptions restore = small;
  restore.icon = icon::kUndo;
  float first = ButtonDrawWidth("Restore", restore);
  if (AnyParentFirst(frame.list)) {
    ButtonOptions link;
    link.kind = ButtonKind::Link;
    first = std::max(first, ButtonDrawWidth("Restore project first", link));
  }
  const float gaps = 2 * 2 * d;
  const float more = ButtonDrawWidth(icon::kMore, small);
  auto actions = [&](bool labelled) { return first + DeleteButtonWidth(small, labelled) + more + gaps; };
  float fixed = 0;
  int columns = 2;  // the name and the actions
  for (int c = kSelect; c < kActions; ++c) {
    const bool hidden =
        c == kName || c == kExpires ||
        (!layout.wide() && ((c == kDeletedBy && layout.cssWidth < 1000) || (c == kDeletedAt && layout.cssWidth < 900)));
    if (hidden) continue;
    fixed += kFixedCss[c] * d;
    ++columns;
  }
  const float padding = columns * style.CellPadding.x * 2 + 2 * style.CellPadding.x;  // PadOuterX
  auto nameRoom = [&](float used) { return tableWidth - fixed - padding - used; };
  Fit fit;
  fit.firstWidth = first;
  fit.labelDelete = layout.wide() && nameRoom(actions(true)) >= kNameRoomCss * d;
  fit.expires = fit.labelDelete &&
                nameRoom(actions(true) + kFixedCss[kExpires] * d + style.CellPadding.x * 2) >= kNameRoomCss * d;
  fit.actions = actions(fit.labelDelete);
  return fit;
}

void TrashTable::Draw(Frame& frame, float height, size_t selected) {
  if (MouseUsedThisFrame()) showFocusRing = false;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  if (clickedSort_) tv.SetSort(*clickedSort_);  // last frame's header click, before this frame's rows
  clickedSort_.reset();
  facts_.Trim();
  const trash::View& view = tv.view();

  const Layout layout = CurrentLayout();
  const Fit fit = FitColumns(frame, layout, ImGui::GetContentRegionAvail().x);
  fit_ = fit;
  GridColumn columns[kColumnCount];
  SetUpColumns(layout, fit, columns);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  ImGui::PushStyleColor(ImGuiCol_TableBorderLight, WithAlpha(p.border, 0.7f));
  const bool open = grid_.Begin("##trash", columns, kColumnCount, ImVec2(0, height), kRowPadCss * d);
  ImGui::PopStyleColor(2);
  if (!open) return;

  // The grid for assistive technology: every row of the view counts, drawn or not (+1: the header).
  RegisterRect("trash/grid", "grid", "Trash items", grid_.OuterRect().Min, grid_.OuterRect().Max).count =
      int(view.rows.size()) + 1;
  const RowHeights heights{kGroupRowCss * d, ImGui::GetFrameHeight() + 2 * kRowPadCss * d};
  if (pendingScrollY_ >= 0) ImGui::SetScrollY(pendingScrollY_);
  pendingScrollY_ = -1;
  DrawColumnHeaders(frame, heights.item, selected);
  const float headerH = heights.item;
  PlaceStickyGroup(frame, heights, grid_.RowMin().y + headerH);
  const std::optional<size_t> focusRow = tv.focusedRow();
  KeepFocusInView(view, focusRow, heights, headerH);
  const float bottom = DrawRows(frame, heights, focusRow);
  menuForFocus_ = false;
  grid_.End(bottom);
  DrawStickyGroup(frame);
}

// Only the rows in view are drawn (and the keyboard cursor's, wherever it is, for the mirror and
// the row menu). Group headers are shorter than item rows, so the rows in view come from the
// groups' arithmetic (trash_table_geometry.h), each placed at its own top. Answers the list's
// bottom (screen y): the child scrolls over all of it.
float TrashTable::DrawRows(Frame& frame, const RowHeights& heights, std::optional<size_t> focusRow) {
  trash::TrashView& tv = frame.list;
  const trash::View& view = tv.view();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  grid_.EndRow();                         // the column headers: the rows start under them
  const float listTop = grid_.ListTop();  // row 0's top, scrolled
  const size_t first = heights.At(view, ImGui::GetScrollY());
  const size_t last = std::min(view.rows.size(), heights.At(view, window->InnerClipRect.Max.y - listTop) + 1);
  auto draw = [&](size_t i) {
    const trash::ViewRow& row = view.rows[i];
    const bool focused = focusRow && *focusRow == i;
    grid_.BeginRow(listTop + heights.Top(view, i), heights.Height(view, i));
    ImGui::PushID(int(i));
    if (row.isHeader)
      DrawHeaderRow(frame, i, heights);
    else
      DrawItemRow(frame, i, focused);
    if (menuForFocus_ && focused && !row.isHeader && !menu_.open())
      OpenMenuForFocusRow(tv.items()[row.itemIndex], ImVec2(grid_.WorkRect().Max.x, grid_.RowMax().y));
    ImGui::PopID();
  };
  if (focusRow && *focusRow < first) draw(*focusRow);
  for (size_t i = first; i < last; ++i) draw(i);
  if (focusRow && *focusRow >= last && *focusRow < view.rows.size()) draw(*focusRow);
  grid_.EndRow();
  return listTop + heights.Top(view, view.rows.size());
}

// The header row: the select-all checkbox, then the sortable column titles. A click on a title
// sorts the core's TrashView (the sort's truth: it may come from the address) from the next frame.
void TrashTable::DrawColumnHeaders(Frame& frame, float rowH, size_t selected) {
  trash::TrashView& tv = frame.list;
  grid_.BeginHeaderRow(rowH);
  RegisterRect("trash/header", "headerrow", "Columns", grid_.RowMin(),
               ImVec2(grid_.RowMax().x, grid_.RowMin().y + rowH))
      .index = 1;
  const size_t itemRows = ShownItemRows(tv.view());
  for (int c = 0; c < kColumnCount; ++c) {
    if (!grid_.Cell(c)) continue;
    if (c == kSelect) {
      bool all = itemRows > 0 && selected >= itemRows;
      const bool mixed = selected > 0 && !all;
      const bool partial = frame.page.partialListing().has_value();
      const char* tip = partial ? "Available once the whole Trash has loaded"
                        : all   ? "Clear the selection"
                                : "Select every row shown";
      if (Checkbox("##select-all", "Select all", &all, itemRows > 0 && !partial, tip, mixed)) {
        if (all)
          tv.SelectAllVisible();
        else
          tv.ClearSelection();
      }
    } else if (c == kActions) {  // no title drawn; named for screen readers, whose cells it heads
      const ImVec2 at = ImGui::GetCursorScreenPos();
      RegisterRect("header/actions", "columnheader", "Actions", at,
                   ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetFrameHeight()));
    } else if (ColumnTitle(grid_, c, tv.sort())) {
      const trash::SortSpec now = tv.sort();
      const trash::SortColumn column = SortColumnAt(c);
      clickedSort_ = trash::SortSpec{
          column, HeaderClickSortsAscending(column == now.column, now.ascending, PrefersAscending(column))};
    }
  }
}

// The keyboard cursor: the focused row is scrolled into view after a move.
void TrashTable::KeepFocusInView(const trash::View& view, std::optional<size_t> focusRow, const RowHeights& heights,
                                 float headerH) {
  const float winH = ImGui::GetWindowHeight();
  pageRows_ = std::max<size_t>(1, size_t((winH - headerH) / heights.item));
  if (scrollToFocus_ && focusRow && *focusRow < view.rows.size()) {
    const float top = heights.Top(view, *focusRow), h = heights.Height(view, *focusRow);
    const float sy = ImGui::GetScrollY();
    if (top < sy)
      ImGui::SetScrollY(top);
    else if (headerH + top + h > sy + winH)
      ImGui::SetScrollY(headerH + top + h - winH);
  }
  scrollToFocus_ = false;
}

// A group's header row: the row-wide click area folds it; the band is drawn as the pinned one is.
void TrashTable::DrawHeaderRow(Frame& frame, size_t rowIndex, const RowHeights& heights) {
  trash::TrashView& tv = frame.list;
  const trash::ViewRow& row = tv.view().rows[rowIndex];
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : tv.view().groups)
    if (g.type == row.group) group = &g;
  const bool collapsed = tv.IsGroupCollapsed(row.group);

  grid_.Cell(kSelect);
  bool hovered = false;
  if (RowHitArea(grid_, "##group", &hovered)) tv.SetGroupCollapsed(row.group, !collapsed);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const std::string title(trash::ItemTypeDisplayName(row.group));
  const ImVec2 a = grid_.RowMin(), b(grid_.RowMax().x, a.y + heights.group);
  const std::string label = group ? trash::Concat(title, ", ", trash::CountOf(group->count, "item", "items")) : title;
  RegisterRect(trash::Concat("group-row/", trash::ItemTypeName(row.group)).c_str(), "grouprow", label.c_str(), a, b)
      .index = int(rowIndex) + 2;
  RegisterLastItem(trash::Concat("group/", trash::ItemTypeName(row.group)).c_str(), "button", title.c_str(),
                   collapsed ? "collapsed" : "expanded", collapsed ? "Show these items" : "Hide these items");
  if (!group) return;
  GroupBandPlaces at;
  at.chevronX = grid_.Column(kSelect).workMinX;
  at.iconX = grid_.Column(kName).workMinX;
  at.sizeRight = grid_.Column(kSize).enabled ? grid_.Column(kSize).workMaxX : 0;
  at.counts = !frame.page.partialListing();
  // Under the cells' content, over the row's background, cut to the list's rows.
  grid_.PushBackground();
  DrawGroupBand(ImGui::GetWindowDrawList(), a, b, *group, hovered, at);
  grid_.PopBackground();
}

void TrashTable::DrawItemRow(Frame& frame, size_t rowIndex, bool focused) {
  Row row = RowAt(frame, rowIndex, focused);
  if (!frame.focusRequest.empty() && frame.focusRequest == row.id) {  // the mirror moved focus here
    frame.list.SetFocus(row.facts.key);
    showFocusRing = true;
    row.focused = true;
  }
  DrawSelectCell(frame, row);
  DrawNameCell(row);
  DrawDetailCells(frame, row);
  if (grid_.Cell(kActions)) DrawActionsCell(frame, row);
}

// The select column: the row-wide click area, the row's background and focus ring, its checkbox.
void TrashTable::DrawSelectCell(Frame& frame, const Row& row) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  grid_.Cell(kSelect);
  bool hovered = false;
  const bool clicked = RowHitArea(grid_, "##row", &hovered);
  const ImGuiIO& io = ImGui::GetIO();
  OnRowPointer(frame, row.facts.key, clicked, hovered, {io.KeyCtrl || io.KeySuper, io.KeyShift});
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const ImVec2 rowMin = grid_.RowMin(), rowMax = grid_.RowMax();
  if (row.selected || hovered) grid_.SetRowBackground(row.selected ? p.selection : p.rowHover);
  const bool ring = row.focused && showFocusRing && !frame.dialogOpen;  // a dialog has the keyboard
  if (ring) {  // the keyboard cursor: an accent ring around the row
    grid_.PushBackground();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(rowMin.x + d, rowMin.y + d), ImVec2(rowMax.x - d, rowMax.y - d),
                                        p.accent, 4 * d, 0, 2 * d);
    grid_.PopBackground();
  }
  RegisterRect(row.id.c_str(), "row", row.facts.label.c_str(), rowMin, rowMax,
               RowState(row.selected, row.focused, ring))
      .index = int(row.index) + 2;
  RowCheckbox(frame, row);
}

// The name: type icon, the project for versions and models, "+N", an unknown type, the amber indicator.
void TrashTable::DrawNameCell(const Row& row) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::RowFacts& f = row.facts;
  grid_.Cell(kName);
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, TypeIcon(row.item.type));
  ImGui::SameLine(0, 8 * d);
  float avail = ImGui::GetContentRegionAvail().x;
  float reserve = 0;
  if (!f.childPill.empty()) reserve += ImGui::CalcTextSize(f.childPill.c_str()).x + 22 * d;
  if (f.deletesImages) reserve += ImGui::CalcTextSize(icon::kWarning).x + 10 * d;
  if (!f.unknownType.empty()) reserve += ImGui::CalcTextSize(f.unknownType.c_str()).x + 22 * d;
  bool cut = false;
  if (!f.parent.empty()) {  // the project keeps at most what the name leaves, and at least half; "/" always shows
    const char* slash = " / ";
    const float slashW = ImGui::CalcTextSize(slash).x;
    const float parentW = ImGui::CalcTextSize(f.parent.c_str()).x;
    const float nameW = ImGui::CalcTextSize(f.name.c_str()).x;
    const float room = std::max(0.f, avail - reserve - slashW);
    const float parentRoom = std::min(parentW, std::max(room * 0.5f, room - nameW));
    ImGui::AlignTextToFramePadding();
    cut = EllipsisText(f.parent.c_str(), p.textMuted, parentRoom);
    if (cut) ItemTooltip(f.parent.c_str());
    ImGui::SameLine(0, 0);
    TextColored(p.textMuted, slash);
    ImGui::SameLine(0, 0);
    avail = ImGui::GetContentRegionAvail().x;
  }
  ImGui::AlignTextToFramePadding();
  if (EllipsisText(f.name.c_str(), p.text, std::max(0.f, avail - reserve))) {
    ItemTooltip(f.name.c_str());
    cut = true;
  }
  RegisterLastItem(trash::Concat(row.id, "/name").c_str(), "cell", f.label.c_str()).clipped |= cut;
  if (!f.childPill.empty()) {
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Pill(f.childPill.c_str(), p.surfaceAlt, p.textMuted);
    ItemTooltip(f.childNote.c_str());
    RegisterLastItem(trash::Concat(row.id, "/children").c_str(), "text", f.childPill.c_str(), "", f.childNote.c_str());
  }
  if (!f.unknownType.empty()) {
    ImGui::SameLine(0, 8 * d);
    ImGui::AlignTextToFramePadding();
    Pill(f.unknownType.c_str(), p.surfaceAlt, p.textMuted);
  }
  if (f.deletesImages) {
    ImGui::SameLine(0, 8 * d);
    CellText(icon::kWarning, p.amber);
    RegisterImagesIndicator(row.id, f);
  }
}

// Deleted by, deleted, time left, size (each only when its column shows).
void TrashTable::DrawDetailCells(Frame& frame, const Row& row) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const std::string& by = row.facts.deletedBy;
  if (grid_.Cell(kDeletedBy)) {
    ImGui::AlignTextToFramePadding();
    if (by.empty())
      TextColored(p.textMuted, "\xe2\x80\x94");  // em dash
    else if (EllipsisText(by.c_str(), p.text, ImGui::GetContentRegionAvail().x))
      ItemTooltip(by.c_str());
    RegisterLastItem(trash::Concat(row.id, "/deleted-by").c_str(), "cell", by.empty() ? "Not recorded" : by.c_str());
  }
  if (grid_.Cell(kDeletedAt)) {
    const std::string& at = row.facts.deletedAtText;
    CellText(row.facts.deletedAgo.c_str(), p.textMuted);
    ItemTooltip(at.c_str());
    RegisterLastItem(trash::Concat(row.id, "/deleted-at").c_str(), "cell", row.facts.deletedAgo.c_str(), "",
                     at.c_str());
    frame.WakeAt(row.facts.deletedAgoChangesMs);
  }
  if (grid_.Cell(kTimeLeft)) {
    const trash::TimeLeft& left = row.facts.timeLeft;
    const ImU32 color = UrgencyColor(left.urgency);
    const bool normal = left.urgency == trash::Urgency::Normal;
    ImGui::AlignTextToFramePadding();
    if (!normal) {
      TextColored(color, icon::kClock);
      ImGui::SameLine(0, 6 * d);
    }
    ImGui::PushFont(normal ? CurrentFonts().body : CurrentFonts().strong);
    CellText(left.label.c_str(), color);
    ImGui::PopFont();
    ItemTooltip(row.facts.purgeTime.c_str());
    RegisterTimeLeft(row.id, row.facts);
  }
  if (grid_.Cell(kExpires)) {
    const std::string& date = row.facts.expiresDate;
    CellText(date.c_str(), p.textMuted);
    ItemTooltip(row.facts.purgeTime.c_str());
    RegisterLastItem(trash::Concat(row.id, "/expires").c_str(), "cell", trash::Concat("Expires ", date).c_str());
  }
  if (grid_.Cell(kSize)) {
    const std::string& size = row.facts.size;
    RightAligned(size.c_str(), p.textMuted);
    RegisterLastItem(trash::Concat(row.id, "/size").c_str(), "cell", size.c_str());
  }
}

// "Restore project first" in place of the Restore that cannot work (a version or model whose
// project is in Trash; Restore stays in the row menu, disabled with the reason), else Restore;
// then Delete permanently and "⋮", lined up on every row whatever the first button's width.
void TrashTable::DrawActionsCell(Frame& frame, const Row& row) {
  const trash::RowAction* restore = row.facts.action(trash::RowActionKind::Restore);
  const trash::RowAction* parentFirst = row.facts.action(trash::RowActionKind::RestoreParentFirst);
  const trash::RowAction* del = row.facts.action(trash::RowActionKind::DeletePermanently);
  if (!restore || !del) return;  // no session
  const float d = Dpr();
  const ImVec2 start = ImGui::GetCursorPos();
  if (parentFirst) {
    ButtonOptions link;
    link.kind = ButtonKind::Link;
    // A link is text-tight (3 px above and below): centred on the row's buttons.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y - 3 * d);
    if (ActionButton(*parentFirst, row.id, link)) frame.Emit(parentFirst->intent);
  } else {
    ButtonOptions button;
    button.small = true;
    button.icon = icon::kUndo;
    if (ActionButton(*restore, row.id, button)) frame.Emit(restore->intent);
  }
  ImGui::SameLine(0, 0);
  // On the row's line, not the link's (SameLine would keep the link's lowered y).
  ImGui::SetCursorPos(ImVec2(start.x + fit_.firstWidth + 2 * d, start.y));
  ButtonOptions small;
  small.small = true;
  if (DeleteButton(trash::Concat(row.id, "/delete"), del->reason, small, fit_.labelDelete)) frame.Emit(del->intent);
  ImGui::SameLine(0, 2 * d);
  MoreButton(frame, row, 0);
}

}  // namespace ui
