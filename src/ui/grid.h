// The page's own column layout for its lists (the Trash table, Projects), in place of Dear ImGui's
// tables: columns of fixed or stretched width placed by arithmetic, a header row frozen at the top
// of a scrolling child, rows with backgrounds and hairlines, one cell at a time. It draws what
// ImGui 1.86's tables drew with the page's flags, so imgui_tables.cpp's code stays out of the wasm.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>  // ImRect, ImGuiWindow; ImDrawListSplitter

namespace ui {

struct GridColumn {
  float width = 0;       // device px; a stretched column ignores it
  bool stretch = false;  // takes what the fixed columns and the padding leave
  bool enabled = true;   // a hidden column takes no room and draws nothing
};

// Where a column sits, screen x: its cell (padding included) and its content.
struct GridColumnPlace {
  float minX = 0, maxX = 0;
  float workMinX = 0, workMaxX = 0;
  bool enabled = false;
};

constexpr int kGridMaxColumns = 8;

// The columns' places in a grid `width` wide from `left`: a 1 px outer border and `cellPadX` at
// each side of the grid and of every column shown; a stretched column gets the rest, at least
// `minWidth`; widths are whole pixels (as ImGui's tables: they floor them).
void PlaceGridColumns(const GridColumn* columns, int count, float left, float width, float cellPadX, float minWidth,
                      GridColumnPlace* places);

// A click on a sortable header: the column already sorted turns around, another starts its own way.
bool HeaderClickSortsAscending(bool sortedHere, bool ascendingNow, bool prefersAscending);

// How a header cell's title reads.
struct GridTitle {
  bool sortable = false;    // room is kept for the arrow
  bool sorted = false;      // the arrow follows the title
  bool ascending = false;   // its direction
  bool alignRight = false;  // over a column of numbers
};

class Grid {
 public:
  // Opens the scrolling child `size` large (0: the room left) and places the columns; false when it
  // is clipped away (then no End).
  bool Begin(const char* id, const GridColumn* columns, int count, ImVec2 size, float cellPadY);
  // Closes it; `contentBottom` (screen y) is the end of the list, drawn or not: the child scrolls to it.
  void End(float contentBottom);

  // The header row: at the child's top whatever the scroll; the rows start under it.
  void BeginHeaderRow(float height);
  // A column title in the header row's current cell: true when clicked (the screen decides the sort).
  bool HeaderTitle(int column, const char* title, const GridTitle& how);

  // A row `height` tall whose top is `top` (screen y; ListTop() + the row's offset in the list).
  void BeginRow(float top, float height);
  // Ends the current row (BeginRow and End end it too).
  void EndRow();
  // Moves the cursor into the column's cell of the current row; false when the column is hidden.
  bool Cell(int column);
  void SetRowBackground(ImU32 color) { rowBg_ = color; }
  // Draws under the cells' content and over the rows' backgrounds, cut to the rows (focus ring,
  // group band, a row-wide click area).
  void PushBackground();
  void PopBackground();

  float ListTop() const { return listTop_; }  // the first row's top, scrolled
  ImVec2 RowMin() const { return ImVec2(workRect_.Min.x, rowY1_); }
  ImVec2 RowMax() const { return ImVec2(workRect_.Max.x, rowY2_); }
  const ImRect& OuterRect() const { return outerRect_; }
  const ImRect& WorkRect() const { return workRect_; }
  const ImRect& InnerClipRect() const { return innerClip_; }
  const GridColumnPlace& Column(int column) const { return places_[column]; }

 private:
  void EndCell();
  ImRect CellBgRect(int column) const;
  void SetClip(const ImRect& clip);

  ImGuiWindow* window_ = nullptr;
  ImDrawListSplitter splitter_;
  int count_ = 0;
  GridColumnPlace places_[kGridMaxColumns];
  float clipMinX_[kGridMaxColumns] = {}, clipMaxX_[kGridMaxColumns] = {};
  ImU32 cellBg_[kGridMaxColumns] = {};
  float cellPadY_ = 0;
  ImU32 borderStrong_ = 0, borderLight_ = 0, headerBg_ = 0;
  ImRect outerRect_, workRect_, innerClip_, bgClip_, bg0DrawClip_, bg2DrawClip_, backupClip_;
  bool frozen_ = false;  // scrolled: the header row stays at the top over the rows
  float listTop_ = 0;
  // The row being drawn.
  bool inRow_ = false, headerRow_ = false, afterHeader_ = false;
  int column_ = -1;
  float rowY1_ = 0, rowY2_ = 0, rowMinHeight_ = 0, rowTextBaseline_ = 0;
  ImU32 rowBg_ = 0;
  // What the child's window had before the cells changed it.
  ImVec2 backupCursorMaxPos_;
  ImRect backupWorkRect_, backupParentWorkRect_;
  float backupContentMaxX_ = 0, backupColumnsOffsetX_ = 0, backupItemWidth_ = 0;
  bool backupSkipItems_ = false;
};

}  // namespace ui
