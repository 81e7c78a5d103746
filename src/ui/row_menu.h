// The row menu of the Trash table, opened by the row's "⋮" button, a right-click, or the
// context-menu key / Shift+F10 on the keyboard cursor's row: Copy name, Copy ID, Restore,
// "Restore project first" (a version or model whose project is in Trash) and Delete permanently.
// A popup registered as a menu of menuitems; arrows move the highlight, Enter or Space chooses,
// Esc or Tab closes and gives the keyboard back to the row. Every choice is an intent.
#pragma once

#include <optional>  // the row it is open for

#include <imgui.h>  // ImVec2

#include "core/trash_item.h"  // ItemKey
#include "ui/frame.h"         // Frame

namespace ui {

class RowMenu {
 public:
  // Opens on the next Draw for this row, with its top-right corner at `anchor` (device pixels),
  // or its top-left at the pointer for a right-click. `highlightFirst`: opened from the keyboard
  // or the "⋮" button, so the first item takes the keyboard.
  void Open(const trash::ItemKey& key, const ImVec2& anchor, bool alignRight, bool highlightFirst);
  bool open() const { return key_.has_value(); }
  const std::optional<trash::ItemKey>& key() const { return key_; }

  // Draws the open menu over the page. Returns true on the frame it closed from the keyboard
  // (Esc, Tab, or a choice made with Enter/Space): the row's cursor and focus ring come back.
  bool Draw(Frame& frame);

 private:
  void Close();

  std::optional<trash::ItemKey> key_;
  ImVec2 anchor_;
  bool alignRight_ = false;
  bool openPending_ = false;  // OpenPopup on the next Draw, where BeginPopup finds the same id
  int highlighted_ = -1;      // the item the keyboard is on; -1 for none
};

}  // namespace ui
