// The grid (see grid.h). It follows what ImGui 1.86's BeginTable, TableNextRow, TableSetColumnIndex,
// TableHeader and EndTable did with ScrollY, BordersInnerH, BordersOuter, PadOuterX and a frozen
// header row: the same places, clip rectangles and draw order (backgrounds and borders, then the
// background channel, then the cells), so the page looks the same without imgui_tables.cpp.
#include "ui/grid.h"

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::floor

#include "ui/theme.h"  // palette, fonts: the titles' look

namespace ui {
namespace {

// Draw channels: the rows' backgrounds and borders, what goes over them under the content, then
// one channel per column for the header row's cells and one per column for the other rows' (as
// ImGui's tables do with a frozen row): a column's cells share one clip rectangle, so each column
// is one draw command for all its rows rather than one per cell, and the header cells and the
// columns below them each come one after another, where the renderer can merge them into one draw
// (render/draw_batches.h). Cells never overlap (each is cut to its own cell, the rows below the
// header row), so drawing them in that order looks the same.
enum Channel {
  kBackground,
  kOverBackground,
  kHeaderCells,
  kRowCells = kHeaderCells + kGridMaxColumns,
  kChannelCount = kRowCells + kGridMaxColumns
};

int ContentChannel(int column, bool headerRow) { return (headerRow ? kHeaderCells : kRowCells) + std::max(column, 0); }

constexpr float kBorder = 1;  // the tables' TABLE_BORDER_SIZE

}  // namespace

void PlaceGridColumns(const GridColumn* columns, int count, float left, float width, float cellPadX, float minWidth,
                      GridColumnPlace* places) {
  int shown = 0;
  float fixed = 0;
  for (int c = 0; c < count; ++c) {
    if (!columns[c].enabled) continue;
    ++shown;
    if (!columns[c].stretch) fixed += std::max(std::floor(columns[c].width), minWidth);
  }
  // The outer border and padding at both ends, a cell padding each side of every column between.
  const float spacing = 2 * (kBorder + cellPadX) + 2 * cellPadX * float(std::max(0, shown - 1));
  const float stretched = std::floor(std::max(width - spacing - fixed, minWidth) + 0.01f);
  float x = left + kBorder;  // the first column's cell starts after the border (its padding inside)
  for (int c = 0; c < count; ++c) {
    GridColumnPlace& place = places[c];
    place.enabled = columns[c].enabled;
    if (!place.enabled) {
      place.minX = place.maxX = place.workMinX = place.workMaxX = x;
      continue;
    }
    const float w = columns[c].stretch ? stretched : std::max(std::floor(columns[c].width), minWidth);
    place.minX = x;
    place.maxX = x + w + 2 * cellPadX;
    place.workMinX = place.minX + cellPadX;
    place.workMaxX = place.maxX - cellPadX;
    x = place.maxX;
  }
}

bool HeaderClickSortsAscending(bool sortedHere, bool ascendingNow, bool prefersAscending) {
  return sortedHere ? !ascendingNow : prefersAscending;
}

bool Grid::Begin(const char* id, const GridColumn* columns, int count, ImVec2 size, float cellPadY) {
  IM_ASSERT(count > 0 && count <= kGridMaxColumns);
  ImGuiWindow* outer = ImGui::GetCurrentWindow();
  if (outer->SkipItems) return false;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  size = ImGui::CalcItemSize(size, std::max(avail.x, 1.f), std::max(avail.y, 1.f));
  const ImRect outerRect(outer->DC.CursorPos, ImVec2(outer->DC.CursorPos.x + size.x, outer->DC.CursorPos.y + size.y));
  if (ImGui::IsClippedEx(outerRect, 0)) {
    ImGui::ItemSize(outerRect);
    return false;
  }
  bg0DrawClip_ = outer->ClipRect;
  borderStrong_ = ImGui::GetColorU32(ImGuiCol_TableBorderStrong);
  borderLight_ = ImGui::GetColorU32(ImGuiCol_TableBorderLight);
  headerBg_ = ImGui::GetColorU32(ImGuiCol_TableHeaderBg);
  ImGui::BeginChildEx(id, outer->GetID(id), size, false, ImGuiWindowFlags_None);
  window_ = ImGui::GetCurrentWindow();
  ImGuiWindow* w = window_;
  outerRect_ = w->Rect();
  workRect_ = w->WorkRect;
  innerClip_ = w->ClipRect;
  innerClip_.ClipWith(workRect_);
  innerClip_.Max.y = w->ClipRect.Max.y;
  bgClip_ = innerClip_;
  bg2DrawClip_ = w->ClipRect;
  frozen_ = w->Scroll.y != 0;  // unscrolled, the header row is simply the first
  count_ = count;
  cellPadY_ = cellPadY;
  const ImGuiStyle& style = ImGui::GetStyle();
  PlaceGridColumns(columns, count, workRect_.Min.x, workRect_.GetWidth(), style.CellPadding.x,
                   std::max(1.f, style.FramePadding.x), places_);
  for (int c = 0; c < count; ++c) {
    clipMinX_[c] = std::max(places_[c].minX, innerClip_.Min.x);
    clipMaxX_[c] = std::min(places_[c].maxX, innerClip_.Max.x);
  }
  backupCursorMaxPos_ = w->DC.CursorMaxPos;
  backupWorkRect_ = w->WorkRect;
  backupParentWorkRect_ = w->ParentWorkRect;
  backupContentMaxX_ = w->ContentRegionRect.Max.x;
  backupColumnsOffsetX_ = w->DC.ColumnsOffset.x;
  backupItemWidth_ = w->DC.ItemWidth;
  backupSkipItems_ = w->SkipItems;
  w->DC.PrevLineSize = w->DC.CurrLineSize = ImVec2(0, 0);
  w->ParentWorkRect = workRect_;  // what a row-wide Selectable spans
  inRow_ = headerRow_ = afterHeader_ = false;
  column_ = -1;
  rowY1_ = rowY2_ = listTop_ = workRect_.Min.y;
  splitter_.Clear();
  splitter_.Split(w->DrawList, kChannelCount);
  splitter_.SetCurrentChannel(w->DrawList, kRowCells);
  w->DrawList->PushClipRect(w->ClipRect.Min, w->ClipRect.Max, false);
  return true;
}

// The clip rectangle of what is drawn next into the current channel (a cell after another in the
// same channel needs its own draw command: hence _OnChangedClipRect).
void Grid::SetClip(const ImRect& clip) {
  window_->ClipRect = clip;
  window_->DrawList->_CmdHeader.ClipRect = clip.ToVec4();
  window_->DrawList->_OnChangedClipRect();
}

void Grid::BeginHeaderRow(float height) {
  BeginRow(frozen_ ? outerRect_.Min.y : workRect_.Min.y, height);
  headerRow_ = true;
  rowBg_ = headerBg_;
}

void Grid::BeginRow(float top, float height) {
  if (inRow_) EndRow();
  ImGuiWindow* w = window_;
  inRow_ = true;
  column_ = -1;
  rowY1_ = top;
  rowY2_ = std::max(top + 2 * cellPadY_, top + height);
  rowMinHeight_ = height;
  rowBg_ = 0;
  rowTextBaseline_ = 0;
  for (int c = 0; c < count_; ++c) cellBg_[c] = 0;
  w->DC.CursorPos.y = top;
  w->DC.PrevLineTextBaseOffset = 0;
  w->DC.CursorMaxPos.y = top;
  w->SkipItems = true;  // until a cell
}

bool Grid::Cell(int column) {
  if (column_ != -1) EndCell();
  ImGuiWindow* w = window_;
  const GridColumnPlace& place = places_[column];
  column_ = column;
  w->DC.CursorPos = ImVec2(place.workMinX, rowY1_ + cellPadY_);
  w->DC.CursorMaxPos.x = w->DC.CursorPos.x;
  w->DC.ColumnsOffset.x = place.workMinX - w->Pos.x - w->DC.Indent.x;
  w->DC.CurrLineTextBaseOffset = rowTextBaseline_;
  w->WorkRect.Min = w->DC.CursorPos;
  w->WorkRect.Max.x = w->ContentRegionRect.Max.x = place.workMaxX;
  w->DC.ItemWidth = std::floor((place.workMaxX - place.workMinX) * 0.65f);
  w->SkipItems = !place.enabled;
  if (!place.enabled) {  // what it "draws" is nothing: no last item either
    w->DC.CursorPos.y = std::max(w->DC.CursorPos.y, rowY2_);
    GImGui->LastItemData.ID = 0;
    GImGui->LastItemData.StatusFlags = 0;
  }
  const float top = headerRow_ || !frozen_ ? innerClip_.Min.y : bg2DrawClip_.Min.y;
  splitter_.SetCurrentChannel(w->DrawList, ContentChannel(column, headerRow_));
  SetClip(ImRect(clipMinX_[column], std::max(top, innerClip_.Min.y), clipMaxX_[column], innerClip_.Max.y));
  return place.enabled && clipMaxX_[column] > clipMinX_[column];
}

// Unlike a table's, a row keeps its height whatever its cells hold, so every row sits where the
// list's arithmetic puts it (a taller cell would push the rows after it off their places).
void Grid::EndCell() {
  rowTextBaseline_ = std::max(rowTextBaseline_, window_->DC.PrevLineTextBaseOffset);
  column_ = -1;
}

void Grid::PushBackground() {
  backupClip_ = window_->ClipRect;
  splitter_.SetCurrentChannel(window_->DrawList, kOverBackground);
  SetClip(bg2DrawClip_);
}

void Grid::PopBackground() {
  splitter_.SetCurrentChannel(window_->DrawList, ContentChannel(column_, headerRow_));
  SetClip(backupClip_);
}

ImRect Grid::CellBgRect(int column) const {
  float x1 = places_[column].minX, x2 = places_[column].maxX;
  bool first = true, last = true;
  for (int c = 0; c < count_; ++c) {
    if (!places_[c].enabled) continue;
    if (c < column) first = false;
    if (c > column) last = false;
  }
  const float spacing = ImGui::GetStyle().CellPadding.x;
  if (first) x1 -= spacing;
  if (last) x2 += spacing;
  return ImRect(x1, rowY1_, x2, rowY2_);
}

// The row's background, the hairline over it and, under the header, the strong line (as TableEndRow).
void Grid::EndRow() {
  if (!inRow_) return;
  if (column_ != -1) EndCell();
  ImGuiWindow* w = window_;
  ImDrawList* dl = w->DrawList;
  w->DC.CursorPos.y = rowY2_;
  if (rowY2_ >= innerClip_.Min.y && rowY1_ <= innerClip_.Max.y) {
    splitter_.SetCurrentChannel(dl, kBackground);
    dl->_CmdHeader.ClipRect = bg0DrawClip_.ToVec4();
    dl->_OnChangedClipRect();
    ImRect row(workRect_.Min.x, rowY1_, workRect_.Max.x, rowY2_);
    row.ClipWith(bgClip_);
    if (rowBg_ && row.Min.y < row.Max.y) dl->AddRectFilled(row.Min, row.Max, rowBg_);
    for (int c = 0; c < count_; ++c) {
      if (!cellBg_[c]) continue;
      ImRect cell = CellBgRect(c);
      cell.ClipWith(bgClip_);
      cell.Min.x = std::max(cell.Min.x, clipMinX_[c]);
      cell.Max.x = std::min(cell.Max.x, places_[c].maxX);
      dl->AddRectFilled(cell.Min, cell.Max, cellBg_[c]);
    }
    const ImU32 line = headerRow_ ? 0 : afterHeader_ ? borderStrong_ : borderLight_;
    if (line && rowY1_ >= bgClip_.Min.y && rowY1_ < bgClip_.Max.y)
      dl->AddLine(ImVec2(innerClip_.Min.x, rowY1_), ImVec2(innerClip_.Max.x, rowY1_), line, kBorder);
    if (headerRow_ && frozen_ && rowY2_ >= bgClip_.Min.y && rowY2_ < bgClip_.Max.y)
      dl->AddLine(ImVec2(innerClip_.Min.x, rowY2_), ImVec2(innerClip_.Max.x, rowY2_), borderStrong_, kBorder);
  }
  afterHeader_ = headerRow_;
  if (headerRow_ && frozen_) {  // the rows scroll under the header: cut them below it
    const float y0 = std::max(rowY2_ + 1, w->InnerClipRect.Min.y);
    bgClip_.Min.y = bg2DrawClip_.Min.y = std::min(y0, w->InnerClipRect.Max.y);
    bgClip_.Max.y = bg2DrawClip_.Max.y = w->InnerClipRect.Max.y;
    const float height = rowY2_ - rowY1_;
    rowY2_ = w->DC.CursorPos.y = workRect_.Min.y + rowY2_ - outerRect_.Min.y;
    rowY1_ = rowY2_ - height;
  }
  if (headerRow_) listTop_ = rowY2_;
  headerRow_ = inRow_ = false;
}

bool Grid::HeaderTitle(int column, const char* title, const GridTitle& how) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* w = window_;
  if (w->SkipItems) return false;
  const Palette& p = CurrentPalette();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  ImGui::PushFont(CurrentFonts().strong);
  const char* end = ImGui::FindRenderedTextEnd(title);
  ImVec2 size = ImGui::CalcTextSize(title, end, true);
  if (how.alignRight) {  // room left for the sort arrow
    const float wanted = size.x + ImGui::GetFontSize() + style.ItemInnerSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, ImGui::GetContentRegionAvail().x - wanted));
  }
  const ImVec2 at = w->DC.CursorPos;
  const ImRect cell = CellBgRect(column);
  const float height = std::max(size.y, rowMinHeight_ - cellPadY_ * 2);
  const float arrowRoom = how.sortable ? std::floor(g.FontSize * 0.65f + style.FramePadding.x) : 0.f;
  const ImGuiID id = w->GetID(title);
  const ImRect bb(cell.Min.x, cell.Min.y, cell.Max.x,
                  std::max(cell.Max.y, cell.Min.y + height + style.CellPadding.y * 2));
  ImGui::ItemSize(ImVec2(0, height));
  bool pressed = false;
  if (ImGui::ItemAdd(bb, id)) {
    bool hovered = false, held = false;
    pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held, ImGuiButtonFlags_AllowItemOverlap);
    if (g.ActiveId != id) ImGui::SetItemAllowOverlap();
    if (held || hovered) cellBg_[column] = ImGui::GetColorU32(held ? ImGuiCol_HeaderActive : ImGuiCol_HeaderHovered);
    ImGui::RenderNavHighlight(bb, id, ImGuiNavHighlightFlags_TypeThin | ImGuiNavHighlightFlags_NoRounding);
    w->DC.CursorPos.y -= style.ItemSpacing.y * 0.5f;
    const float ellipsisMax = cell.Max.x - arrowRoom;
    ImGui::RenderTextEllipsis(w->DrawList, at, ImVec2(ellipsisMax, at.y + height + style.FramePadding.y), ellipsisMax,
                              ellipsisMax, title, end, &size);
    if (size.x > ellipsisMax - at.x && hovered && g.HoveredIdNotActiveTimer > g.TooltipSlowDelay)
      ImGui::SetTooltip("%.*s", int(end - title), title);
  }
  const float titleW = ImGui::CalcTextSize(title, end, true).x;
  ImGui::PopFont();
  ImGui::PopStyleColor();
  if (how.sorted) {  // right after the title: a short title in a wide column keeps its arrow near
    const float top = ImGui::GetItemRectMin().y, itemH = ImGui::GetItemRectSize().y, font = ImGui::GetFontSize();
    ImGui::RenderArrow(w->DrawList, ImVec2(at.x + titleW + style.ItemInnerSpacing.x, top + (itemH - font) * 0.5f),
                       p.textMuted, how.ascending ? ImGuiDir_Up : ImGuiDir_Down, 0.7f);
  }
  return pressed;
}

void Grid::End(float contentBottom) {
  if (inRow_) EndRow();
  ImGuiWindow* w = window_;
  ImDrawList* dl = w->DrawList;
  w->DC.CursorPos.y = contentBottom;
  w->DC.CursorMaxPos = backupCursorMaxPos_;
  w->DC.CursorMaxPos.y = contentBottom;  // the child scrolls over every row, drawn or not
  dl->PopClipRect();
  w->ClipRect = dl->_ClipRectStack.back();
  splitter_.SetCurrentChannel(dl, kBackground);
  dl->PushClipRect(bg0DrawClip_.Min, bg0DrawClip_.Max, false);
  dl->AddRect(outerRect_.Min, outerRect_.Max, borderStrong_, 0, 0, kBorder);
  if (contentBottom < outerRect_.Max.y && contentBottom >= bgClip_.Min.y && contentBottom < bgClip_.Max.y)
    dl->AddLine(ImVec2(innerClip_.Min.x, contentBottom), ImVec2(innerClip_.Max.x, contentBottom), borderLight_,
                kBorder);
  dl->PopClipRect();
  splitter_.Merge(dl);
  w->WorkRect = backupWorkRect_;
  w->ParentWorkRect = backupParentWorkRect_;
  w->ContentRegionRect.Max.x = backupContentMaxX_;
  w->DC.ColumnsOffset.x = backupColumnsOffsetX_;
  w->DC.ItemWidth = backupItemWidth_;
  w->SkipItems = backupSkipItems_;
  ImGui::EndChild();
  window_ = nullptr;
}

}  // namespace ui
