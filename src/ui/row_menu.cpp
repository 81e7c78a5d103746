// The Trash table's row menu (see row_menu.h). Items are drawn by hand at a fixed size, so the
// menu's rectangle is known before it is drawn: it is kept on screen (opening upwards or leftwards
// near an edge) and registered before its items, as the accessibility mirror expects.
#include "ui/row_menu.h"

#include <algorithm>  // std::clamp, std::max
#include <string>     // labels
#include <vector>     // items

#include "core/row_facts.h"  // FactsOf: the row's actions, each enabled or with its reason
#include "ui/theme.h"        // palette, icons, Dpr
#include "ui/widgets.h"      // RegisterRect, ItemTooltip, WithAlpha

namespace ui {
namespace {

constexpr const char* kPopupId = "##row-menu";

const char* IconOf(trash::RowActionKind kind) {
  switch (kind) {
    case trash::RowActionKind::CopyName:
    case trash::RowActionKind::CopyId: return icon::kCopy;
    case trash::RowActionKind::History: return icon::kHistory;
    case trash::RowActionKind::Restore: return icon::kUndo;
    case trash::RowActionKind::RestoreParentFirst: return icon::kLevelUp;
    case trash::RowActionKind::DeletePermanently: break;
  }
  return icon::kTrash;
}

bool Pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

}  // namespace

void RowMenu::Open(const trash::ItemKey& key, const ImVec2& anchor, bool alignRight, bool highlightFirst) {
  key_ = key;
  anchor_ = anchor;
  alignRight_ = alignRight;
  openPending_ = true;
  highlighted_ = highlightFirst ? 0 : -1;
}

void RowMenu::Close() {
  key_.reset();
  openPending_ = false;
  highlighted_ = -1;
}

bool RowMenu::Draw(Frame& frame) {
  if (!key_) return false;
  trash::TrashView& tv = frame.list;
  const trash::TrashItem* item = tv.Find(*key_);
  if (!item || tv.IsHidden(*key_) || !frame.page.session() || frame.dialogOpen) {  // gone meanwhile
    if (!openPending_ && ImGui::IsPopupOpen(kPopupId)) {
      if (ImGui::BeginPopup(kPopupId)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }
    }
    Close();
    return false;
  }
  const trash::RowFacts facts = trash::FactsOf(*item, &*frame.page.session(), frame.nowMs);
  const std::vector<trash::RowAction>& items = facts.actions;
  std::vector<std::string> ids;  // "menu/copy-name", ...
  for (const trash::RowAction& action : items) ids.push_back("menu/" + std::string(action.id));
  const int count = int(items.size());
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const float itemH = ImGui::GetFrameHeight() + 4 * d;
  const ImVec2 pad(6 * d, 6 * d);
  const ImVec2 size(224 * d, itemH * float(count) + pad.y * 2);

  const bool opening = openPending_;
  if (opening) {
    // Kept inside the viewport: leftwards from a right-aligned anchor, upwards near the bottom.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    float x = alignRight_ ? anchor_.x - size.x : anchor_.x;
    float y = anchor_.y;
    if (y + size.y > display.y - 4 * d) y = std::max(4 * d, anchor_.y - size.y - (alignRight_ ? itemH : 0.f));
    anchor_ = ImVec2(std::clamp(x, 4 * d, std::max(4 * d, display.x - size.x - 4 * d)), y);
    ImGui::OpenPopup(kPopupId);
    openPending_ = false;
  }
  ImGui::SetNextWindowPos(anchor_);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, pad);
  const bool visible = ImGui::BeginPopup(kPopupId, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  if (!visible) {  // a click outside closed it, or Esc did (ImGui's keyboard navigation, before this frame's Draw)
    Close();
    return !opening && Pressed(ImGuiKey_Escape);
  }
  RegisterRect("menu", "menu", ("Actions for " + facts.name).c_str(), anchor_,
               ImVec2(anchor_.x + size.x, anchor_.y + size.y));

  // Keys: not on the frame it opened (the key that opened it is still down).
  bool byKeyboard = false;
  int chosen = -1;
  if (!opening) {
    if (Pressed(ImGuiKey_DownArrow)) highlighted_ = highlighted_ < 0 ? 0 : (highlighted_ + 1) % count;
    if (Pressed(ImGuiKey_UpArrow)) highlighted_ = highlighted_ <= 0 ? count - 1 : highlighted_ - 1;
    if (Pressed(ImGuiKey_Home)) highlighted_ = 0;
    if (Pressed(ImGuiKey_End)) highlighted_ = count - 1;
    if ((Pressed(ImGuiKey_Enter) || Pressed(ImGuiKey_Space)) && highlighted_ >= 0) {
      chosen = highlighted_;
      byKeyboard = true;
    }
  }
  // The mirror moved focus onto an item: the highlight follows.
  for (int i = 0; i < count; ++i)
    if (frame.focusRequest == ids[size_t(i)]) highlighted_ = i;

  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));  // items touch: the menu's size is exact
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool mouseMoved = ImGui::GetIO().MouseDelta.x != 0 || ImGui::GetIO().MouseDelta.y != 0;
  for (int i = 0; i < count; ++i) {
    const trash::RowAction& entry = items[size_t(i)];
    const std::string label(entry.label);
    const bool enabled = entry.enabled;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + size.x - pad.x * 2, a.y + itemH);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton(ids[size_t(i)].c_str(), ImVec2(b.x - a.x, itemH));
    ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    if (hovered && mouseMoved) highlighted_ = i;
    if (clicked && enabled) chosen = i;
    if (highlighted_ == i) dl->AddRectFilled(a, b, enabled ? p.rowHover : WithAlpha(p.rowHover, 0.6f), 5 * d);
    const ImU32 color = !enabled ? p.textMuted : entry.danger ? p.danger : p.text;
    const float textY = a.y + (itemH - ImGui::GetTextLineHeight()) * 0.5f;
    dl->AddText(ImVec2(a.x + 10 * d, textY),
                enabled ? (entry.danger ? p.danger : p.textMuted) : WithAlpha(p.textMuted, 0.6f), IconOf(entry.kind));
    dl->AddText(ImVec2(a.x + 34 * d, textY), color, label.c_str());
    if (hovered) ImGui::SetMouseCursor(enabled ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_NotAllowed);
    if (!enabled) ItemTooltip(entry.reason.c_str());
    std::string state = highlighted_ == i ? "focused" : "";
    if (!enabled) state += state.empty() ? "disabled" : " disabled";
    RegisterRect(ids[size_t(i)].c_str(), "menuitem", label.c_str(), a, b, state.c_str(), entry.reason.c_str(), enabled);
  }
  ImGui::PopStyleVar();

  const bool escape = !opening && (Pressed(ImGuiKey_Escape) || Pressed(ImGuiKey_Tab));
  const bool choice = chosen >= 0 && items[size_t(chosen)].enabled;
  if (choice) frame.Emit(items[size_t(chosen)].intent);
  const bool closing = escape || choice;
  if (closing) {
    ImGui::CloseCurrentPopup();
    Close();
  }
  ImGui::EndPopup();
  return closing && (escape || byKeyboard);
}

}  // namespace ui
