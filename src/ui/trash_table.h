// The Trash table: group header rows per type (click to collapse) and item rows with select,
// name, deleted by, deleted, time left, size and actions; sortable headers; only the rows in view
// are drawn (placed by arithmetic in the page's own Grid), so a 100,000-item Trash costs the same
// per frame as a short one.
#pragma once

#include <cstddef>   // size_t
#include <cstdint>   // int64_t
#include <optional>  // the focused row
#include <string>    // row ids

#include <imgui.h>  // ImVec2

#include "core/row_facts.h"           // RowFacts
#include "core/trash_item.h"          // TrashItem, ItemType
#include "ui/frame.h"                 // Frame
#include "ui/grid.h"                  // Grid: the wide table's columns and rows
#include "ui/layout.h"                // Layout
#include "ui/row_menu.h"              // RowMenu
#include "ui/trash_table_geometry.h"  // RowHeights

namespace ui {

// The wide table's columns, in order: trash_table.cpp sets them up, trash_table_sticky.cpp places
// the pinned group header by them.
namespace table_column {
enum Column { kSelect, kName, kDeletedBy, kDeletedAt, kTimeLeft, kExpires, kSize, kActions, kColumnCount };
}  // namespace table_column

class TrashTable {
 public:
  void Draw(Frame& frame, float height, size_t selectedCount);
  // The narrow (phone) list: two-line rows inline in the page's scrolling content
  // (trash_table_narrow.cpp).
  void DrawNarrow(Frame& frame, size_t selectedCount);
  // Keyboard: scroll the focused row into view on the next Draw.
  void ScrollToFocus() { scrollToFocus_ = true; }
  // The context-menu key or Shift+F10: the cursor row's menu opens under its "⋮" on the next Draw.
  void OpenMenuForFocus() { menuForFocus_ = true; }
  // Draws the row menu when open (after the table, over the page).
  void DrawMenu(Frame& frame);
  const RowMenu& menu() const { return menu_; }
  size_t pageRows() const { return pageRows_; }
  bool showFocusRing = false;  // the ring shows once the keyboard moves the cursor, until the next click

  // How the wide table's columns fit this frame (see FitColumns in trash_table.cpp).
  struct Fit {
    float actions = 0;         // the actions column's width, device px
    float firstWidth = 0;      // the slot of Restore / "Restore project first" in it
    bool labelDelete = false;  // Delete permanently shows its label, not only the icon
    bool expires = false;      // the Expires column shows
  };

 private:
  // One item row being drawn: the item, its facts (core/row_facts.h) and its registry id.
  struct Row {
    const trash::TrashItem& item;
    const trash::RowFacts& facts;  // kept in facts_ from frame to frame
    std::string id;
    size_t index = 0;  // in the view's rows
    bool selected = false, focused = false;
  };
  Row RowAt(Frame& frame, size_t rowIndex, bool focused);

  // The wide table (trash_table.cpp).
  Fit FitColumns(Frame& frame, const Layout& layout, float tableWidth);
  bool AnyParentFirst(const trash::TrashView& tv);
  void DrawColumnHeaders(Frame& frame, float rowH, size_t selectedCount);
  void KeepFocusInView(const trash::View& view, std::optional<size_t> focusRow, const RowHeights& heights,
                       float headerH);
  float DrawRows(Frame& frame, const RowHeights& heights, std::optional<size_t> focusRow);
  void DrawHeaderRow(Frame& frame, size_t rowIndex, const RowHeights& heights);
  void DrawItemRow(Frame& frame, size_t rowIndex, bool focused);
  void DrawSelectCell(Frame& frame, const Row& row);
  void DrawNameCell(const Row& row);
  void DrawDetailCells(Frame& frame, const Row& row);
  void DrawActionsCell(Frame& frame, const Row& row);
  // trash_table_sticky.cpp: a group's band, and the group whose rows fill the list's top, pinned there.
  struct GroupBandPlaces {  // screen x of its parts
    float chevronX = 0, iconX = 0;
    float titleX = 0;     // 0: after the icon
    float sizeRight = 0;  // 0: no size
    bool counts = true;
  };
  static void DrawGroupBand(ImDrawList* dl, const ImVec2& a, const ImVec2& b, const trash::GroupSummary& group,
                            bool hovered, const GroupBandPlaces& at);
  bool PinGroup(const trash::View& view, const RowHeights& heights, float scrollY, float pinY, float left, float right);
  void StickyClickArea(Frame& frame, const ImVec2& clipMin, const ImVec2& clipMax);
  void PlaceStickyGroup(Frame& frame, const RowHeights& heights, float headerBottom);
  void DrawStickyGroup(Frame& frame);

  // Shared by both layouts.
  void OnRowPointer(Frame& frame, const trash::ItemKey& key, bool clicked, bool hovered, trash::ClickModifiers mods);
  void RowCheckbox(Frame& frame, const Row& row);
  void MoreButton(Frame& frame, const Row& row, float width);
  void OpenMenuForFocusRow(const trash::TrashItem& item, ImVec2 fallbackAnchor);

  // The phone list (trash_table_narrow.cpp).
  void DrawNarrowHeader(Frame& frame, size_t selectedCount, ImVec2 origin, float width);
  void DrawNarrowGroup(Frame& frame, size_t rowIndex, ImVec2 min, ImVec2 max);
  void DrawNarrowItem(Frame& frame, size_t rowIndex, ImVec2 min, ImVec2 max, bool focused);
  void DrawNarrowLineOne(const Row& row, ImVec2 min, ImVec2 max);
  void DrawNarrowActions(Frame& frame, const Row& row, float left, float right, float y);
  void DrawNarrowLineTwo(Frame& frame, const Row& row, ImVec2 min, float textY, float room);
  static GroupBandPlaces NarrowGroupPlaces(float left, float right);
  void PinNarrowGroup(Frame& frame, const RowHeights& heights, ImVec2 origin, float width, float listTop);

  RowMenu menu_;
  trash::RowFactsCache facts_;  // the drawn rows' facts: a scrolled frame words only new rows
  bool menuForFocus_ = false;
  bool scrollToFocus_ = false;
  size_t pageRows_ = 10;
  Grid grid_;
  std::optional<trash::SortSpec> clickedSort_;  // a column title was clicked: its sort reaches the view next frame
  // The group header pinned at the list's top while its group scrolls.
  struct StickyGroup {
    bool shown = false;
    trash::ItemType group = trash::ItemType::Unknown;
    float groupTop = 0;  // its own header's y in the list
    ImVec2 min, max;     // its rectangle, pushed up by the next group's header
  };
  StickyGroup sticky_;
  ImVec2 stickyClipMin_, stickyClipMax_;  // the rows' area: the pinned header is cut to it
  GroupBandPlaces stickyPlaces_;
  ImDrawList* stickyList_ = nullptr;
  float pendingScrollY_ = -1;  // a click on it scrolls its group's header back to the top
  Fit fit_;
  uint64_t parentFirstGeneration_ = 0;  // the view generation anyParentFirst_ was counted for
  bool anyParentFirst_ = false;
};

}  // namespace ui
