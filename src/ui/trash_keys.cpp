// The Trash screen's keyboard shortcuts (see the README's table): search, cursor moves and
// ranges, select all, restore, delete, copy and paste, the row menu. Part of TrashScreen (see
// trash_screen.h).
#include <imgui.h>

#include <algorithm>  // std::min
#include <string>     // pasted text
#include <vector>     // keys

#include "core/clipboard.h"    // CopyTargets
#include "core/permissions.h"  // RestorableKeys, DeleteBlockedReason
#include "ui/trash_screen.h"
#include "ui/widgets.h"  // TextFieldActive

namespace ui {
namespace {

constexpr int kKeyF = 70, kKeyR = 82, kKeySlash = 191;  // DOM keyCodes outside io.KeyMap
constexpr int kKeyContextMenu = 93, kKeyF10 = 121;

bool Pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }
bool PressedRaw(int code) { return code >= 0 && code < 512 && ImGui::IsKeyPressed(code, false); }

}  // namespace

void TrashScreen::HandleKeys(Frame& frame, bool rowsShown) {
  const ImGuiIO& io = ImGui::GetIO();
  // The innermost thing open takes the keys. The row menu counts until its own Draw has seen this
  // frame: ImGui's keyboard navigation closes a popup on Esc before any screen draws, and that Esc
  // must not also clear the selection or the search.
  if (frame.dialogOpen || TextFieldActive() || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) ||
      table_.menu().open())
    return;
  trash::TrashView& tv = frame.list;
  const bool command = io.KeyCtrl || io.KeySuper;
  if (PressedRaw(kKeySlash) || (command && PressedRaw(kKeyF))) {
    focusSearch_ = true;
    return;
  }
  // Esc on the list: clears the selection, else the search (the Esc that left the search is spent).
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !escapeLeftSearch_) {
    if (rowsShown && selection_.count > 0) {
      tv.ClearSelection();
      table_.showFocusRing = false;  // done with these rows: the ring returns with the next move
    } else if (!tv.filters().query.empty()) {
      query_[0] = 0;
      tv.SetQuery("");
    }
  }
  if (!rowsShown) return;
  // Ctrl/Cmd+C copies the selected rows' names (the cursor row's without a selection); pasting
  // with no field active searches for the first line of what was pasted.
  if (command && Pressed(ImGuiKey_C)) {
    std::vector<trash::ItemKey> keys = trash::CopyTargets(tv);
    if (!keys.empty()) frame.Emit(trash::intent::Copy{trash::CopyField::Name, std::move(keys)});
  }
  if (command && Pressed(ImGuiKey_V)) {
    const char* pasted = ImGui::GetClipboardText();
    std::string text = pasted ? pasted : "";
    text = text.substr(0, std::min(text.find_first_of("\r\n"), sizeof query_ - 1));
    if (!text.empty()) {
      text.copy(query_, text.size());
      query_[text.size()] = 0;
      tv.SetQuery(query_);
      focusSearch_ = true;
      return;
    }
  }
  if (PressedRaw(kKeyContextMenu) || (io.KeyShift && PressedRaw(kKeyF10))) {
    if (tv.focusedRow()) {
      table_.OpenMenuForFocus();
      table_.ScrollToFocus();
      table_.showFocusRing = true;
    }
    return;
  }
  struct Move {
    ImGuiKey key;
    trash::FocusMove move;
  };
  const Move moves[] = {{ImGuiKey_UpArrow, trash::FocusMove::Up},    {ImGuiKey_DownArrow, trash::FocusMove::Down},
                        {ImGuiKey_PageUp, trash::FocusMove::PageUp}, {ImGuiKey_PageDown, trash::FocusMove::PageDown},
                        {ImGuiKey_Home, trash::FocusMove::Home},     {ImGuiKey_End, trash::FocusMove::End}};
  for (const Move& m : moves) {
    if (Pressed(m.key)) {
      if (io.KeyShift) {  // Shift: the selection runs from the anchor to the cursor
        tv.ExtendFocus(m.move, table_.pageRows());
      } else {
        tv.MoveFocus(m.move, table_.pageRows());
      }
      table_.ScrollToFocus();
      table_.showFocusRing = true;
    }
  }
  const std::optional<trash::ItemKey> focused = tv.focused();
  if (Pressed(ImGuiKey_Space) && focused) {
    if (io.KeyShift)
      tv.SelectToFocus();
    else
      tv.SetSelected(*focused, !tv.IsSelected(*focused));
  }
  if (command && Pressed(ImGuiKey_A) && !frame.page.partialListing()) {  // "all" waits for the whole listing
    tv.SelectAllVisible();
  }
  const trash::Session& session = *frame.page.session();
  // What an action key acts on: the selection, else the focused row.
  auto targets = [&]() -> std::vector<const trash::TrashItem*> {
    if (tv.selectionCount() > 0) return tv.selectedItems();
    if (focused)
      if (const trash::TrashItem* item = tv.Find(*focused)) return {item};
    return {};
  };
  if ((Pressed(ImGuiKey_Enter) || (!command && PressedRaw(kKeyR)))) {
    std::vector<trash::ItemKey> keys = trash::RestorableKeys(session, targets());
    if (!keys.empty()) frame.Emit(trash::intent::Restore{std::move(keys)});
  }
  if (Pressed(ImGuiKey_Delete) && !trash::DeleteBlockedReason(session)) {
    std::vector<trash::ItemKey> keys;
    for (const trash::TrashItem* item : targets()) keys.push_back(trash::KeyOf(*item));
    if (!keys.empty())
      frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, std::move(keys), {}});
  }
}

}  // namespace ui
