// The Trash table: group header rows per type (click to collapse) and item rows with select,
// name, deleted by, deleted, time left, size and actions; sortable headers; only the rows in view
// are drawn (ImGuiListClipper), so a 100,000-item Trash costs the same per frame as a short one.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int64_t
#include <string>   // RowId

#include <imgui.h>  // ImVec2

#include "core/trash_item.h"  // TrashItem, ItemType
#include "ui/frame.h"         // Frame
#include "ui/row_menu.h"      // RowMenu

namespace ui {

// The registry id of an item's row ("row/version/d_helmet/7"); its buttons add "/restore", ...
std::string RowId(const trash::TrashItem& item);
const char* TypeIcon(trash::ItemType type);

class TrashTable {
 public:
  void Draw(Frame& frame, float height, size_t selectedCount);
  // The narrow (phone) list: two-line rows inline in the page's scrolling content
  // (trash_rows_compact.cpp).
  void DrawCompact(Frame& frame, size_t selectedCount);
  // Keyboard: scroll the focused row into view on the next Draw.
  void ScrollToFocus() { scrollToFocus_ = true; }
  // The context-menu key or Shift+F10: the cursor row's menu opens under its "⋮" on the next Draw.
  void OpenMenuForFocus() { menuForFocus_ = true; }
  // Draws the row menu when open (after the table, over the page).
  void DrawMenu(Frame& frame);
  const RowMenu& menu() const { return menu_; }
  size_t pageRows() const { return pageRows_; }
  size_t drawnRows() const { return drawnRows_; }  // rows drawn last frame (tests, benchmark)
  uint64_t selectionEpoch = 0;  // bumped on every selection change made here or by the screen
  bool showFocusRing = false;   // the ring shows once the keyboard moves the cursor, until the next click

 private:
  void DrawHeaderRow(Frame& frame, size_t rowIndex);
  void DrawItemRow(Frame& frame, size_t rowIndex, bool focused);
  void DrawCompactGroup(Frame& frame, size_t rowIndex, ImVec2 min, ImVec2 max);
  void DrawCompactItem(Frame& frame, size_t rowIndex, ImVec2 min, ImVec2 max, bool focused);
  float CompactRowY(const trash::View& view, size_t row) const;  // from the list's top, device px
  size_t CompactRowAt(const trash::View& view, float y) const;   // the row at y, or rows.size()

  RowMenu menu_;
  bool menuForFocus_ = false;
  bool scrollToFocus_ = false;
  float rowHeight_ = 0;
  size_t pageRows_ = 10;
  size_t drawnRows_ = 0;
  bool sortShown_ = false;  // the header has shown the view's sort at least once
};

}  // namespace ui
