// The Trash list on a narrow (phone) page, part of TrashTable (see trash_table.h): a list header
// (select all, count and size) and two-line rows instead of seven squeezed columns. Line one: the
// checkbox, the type icon, the name (with its project for versions and models) and the time
// left; line two: size and who deleted it, then Restore and Delete as finger-sized buttons. The
// rows live in the page's scrolling content, so one drag scrolls the page and the list; group
// headers are shorter than item rows, so the rows in view are found by arithmetic on the groups
// instead of ImGuiListClipper (which needs one height), and 100,000 rows still cost a screenful.
#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentWindow: the visible band of the scrolling content

#include <algorithm>  // std::max, std::min
#include <string>     // labels
#include <vector>     // the parts of line two

#include "core/countdown.h"  // FormatBytes
#include "core/text.h"       // FormatCount, CountOf, Concat
#include "ui/layout.h"       // kTouchTargetCss
#include "ui/row_parts.h"    // RowId, TypeIcon, UrgencyColor, ActionButton, DeleteButton
#include "ui/theme.h"        // palette, fonts, icons, Dpr
#include "ui/trash_table.h"
#include "ui/widgets.h"  // Button, Checkbox, RegisterRect

namespace ui {
namespace {

constexpr float kItemRowCss = 78;  // 12 + a text line + 6 + a 40 px button line + 6
constexpr float kGroupRowCss = 44;
constexpr float kListHeaderCss = 48;

// A transparent hit area over a whole row, submitted first so the row's buttons keep their taps.
bool RowHit(const char* id, const ImVec2& a, const ImVec2& b, bool* hovered) {
  ImGui::SetCursorScreenPos(a);
  ImGui::PushStyleColor(ImGuiCol_Header, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, 0u);
  const bool clicked =
      ImGui::Selectable(id, false, ImGuiSelectableFlags_AllowItemOverlap | ImGuiSelectableFlags_NoPadWithHalfSpacing,
                        ImVec2(b.x - a.x, b.y - a.y));
  ImGui::PopStyleColor(3);
  *hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
  return clicked;
}

// A two-line row's Restore: "Restore project first" for a version or model whose project is in Trash.
const trash::RowAction& NarrowRestore(const trash::RowFacts& facts) {
  return *facts.action(facts.parentFirst ? trash::RowActionKind::RestoreParentFirst : trash::RowActionKind::Restore);
}

// Restore (its icon and label, or the link's label), Delete permanently and "⋮" side by side
// (TrashTable::DrawNarrowActions).
float NarrowActionsWidth(const trash::RowFacts& facts) {
  const float d = Dpr();
  const bool link = facts.parentFirst;
  const std::string_view label = NarrowRestore(facts).label;
  const float restoreW = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2 * (link ? 2 * d : 8 * d) +
                         (link ? 0 : ImGui::CalcTextSize(icon::kUndo).x + ImGui::CalcTextSize("  ").x);
  return restoreW + 4 * d + 2 * kTouchTargetCss * d;
}

// Sort orders a phone offers (it has no column headers to click); the address may hold others.
struct SortChoice {
  const char* label;
  trash::SortSpec spec;
};
constexpr SortChoice kSortChoices[] = {
    {"Recently deleted", {trash::SortColumn::DeletedAt, false}},
    {"Expiring soonest", {trash::SortColumn::TimeLeft, true}},
    {"Name", {trash::SortColumn::Name, true}},
    {"Largest first", {trash::SortColumn::Size, false}},
    {"Deleted by", {trash::SortColumn::DeletedBy, true}},
};

// The sort button (right-aligned at `right`, its top at `y`) and the menu it opens; returns the
// button's left edge.
float SortMenu(trash::TrashView& tv, float right, float y) {
  const float d = Dpr();
  const trash::SortSpec now = tv.sort();
  const char* current = "Custom order";
  for (const SortChoice& c : kSortChoices)
    if (c.spec.column == now.column && c.spec.ascending == now.ascending) current = c.label;
  ButtonOptions sort;
  sort.kind = ButtonKind::Ghost;
  sort.small = true;
  sort.icon = icon::kSort;
  sort.id = "list/sort";
  sort.tooltip = "Sort the list";
  const float w =
      ImGui::CalcTextSize(current).x + ImGui::CalcTextSize(icon::kSort).x + ImGui::CalcTextSize("  ").x + 16 * d;
  ImGui::SetCursorScreenPos(ImVec2(right - w, y));
  if (Button(current, sort)) ImGui::OpenPopup("##sort-menu");
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6 * d, 6 * d));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2 * d));
  if (ImGui::BeginPopup("##sort-menu")) {
    for (const SortChoice& c : kSortChoices) {
      const bool on = c.spec.column == now.column && c.spec.ascending == now.ascending;
      ButtonOptions o;
      o.kind = ButtonKind::Ghost;
      o.width = 200 * d;
      o.icon = on ? icon::kCheck : nullptr;
      const std::string id = trash::Concat("sort/", c.label);
      o.id = id.c_str();
      ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
      if (Button(c.label, o)) {
        tv.SetSort(c.spec);
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopStyleVar();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  return right - w;
}

// Text at a point, cut with an ellipsis at maxWidth; returns the width drawn.
float TextAt(const ImVec2& pos, const std::string& text, ImU32 color, float maxWidth) {
  ImGui::SetCursorScreenPos(pos);
  EllipsisText(text.c_str(), color, std::max(0.f, maxWidth));
  return std::min(ImGui::CalcTextSize(text.c_str()).x, std::max(0.f, maxWidth));
}

}  // namespace

// Where a phone's group band puts its parts, in its own row or pinned.
TrashTable::GroupBandPlaces TrashTable::NarrowGroupPlaces(float left, float right) {
  const float d = Dpr();
  GroupBandPlaces at;
  at.chevronX = left + 16 * d;
  at.iconX = left + 48 * d;
  at.titleX = left + 72 * d;
  at.sizeRight = right - 12 * d;
  return at;
}

void TrashTable::DrawNarrow(Frame& frame, size_t selected) {
  if (MouseUsedThisFrame()) showFocusRing = false;
  facts_.Trim();
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::View& view = tv.view();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  DrawNarrowHeader(frame, selected, origin, width);

  const float headerH = kListHeaderCss * d;
  const float listTop = origin.y + headerH;
  const RowHeights heights{kGroupRowCss * d, kItemRowCss * d};
  const float total = view.rows.empty() ? 0 : heights.Top(view, view.rows.size());
  const std::optional<size_t> focusRow = tv.focusedRow();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float visibleTop = window->InnerClipRect.Min.y, visibleBottom = window->InnerClipRect.Max.y;
  pageRows_ = std::max<size_t>(1, size_t(std::max(0.f, (visibleBottom - visibleTop) / (kItemRowCss * d) - 1)));
  if (scrollToFocus_ && focusRow) {  // keep the keyboard cursor in view by scrolling the page
    const float top = listTop + heights.Top(view, *focusRow);
    const float bottom = top + kItemRowCss * d;
    if (top < visibleTop)
      ImGui::SetScrollY(ImGui::GetScrollY() - (visibleTop - top));
    else if (bottom > visibleBottom)
      ImGui::SetScrollY(ImGui::GetScrollY() + (bottom - visibleBottom));
  }
  scrollToFocus_ = false;
  // The list's surface, cut to the visible band (its rounded ends only where they show).
  const float bgTop = std::max(listTop, visibleTop - 16 * d),
              bgBottom = std::min(listTop + total, visibleBottom + 16 * d);
  if (bgBottom > bgTop) {
    dl->AddRectFilled(ImVec2(origin.x, bgTop), ImVec2(origin.x + width, bgBottom), p.surface, 10 * d,
                      ImDrawFlags_RoundCornersBottom);
  }
  dl->AddRect(origin, ImVec2(origin.x + width, listTop + total), p.border, 10 * d, 0, d);
  // The grid for assistive technology: every row of the view counts, drawn or not (no header row:
  // each row reads as its name, then its parts).
  RegisterRect("trash/grid", "grid", "Trash items", ImVec2(origin.x, listTop),
               ImVec2(origin.x + width, listTop + total))
      .count = int(view.rows.size());
  PinNarrowGroup(frame, heights, origin, width, listTop);
  // Only the rows in view are drawn.
  const size_t first = heights.At(view, std::max(0.f, visibleTop - listTop));
  for (size_t i = first; i < view.rows.size(); ++i) {
    const float y = listTop + heights.Top(view, i);
    if (y > visibleBottom) break;
    ImGui::PushID(int(i));
    const bool focused = focusRow && *focusRow == i;
    if (view.rows[i].isHeader) {
      DrawNarrowGroup(frame, i, ImVec2(origin.x, y), ImVec2(origin.x + width, y + kGroupRowCss * d));
    } else {
      DrawNarrowItem(frame, i, ImVec2(origin.x, y), ImVec2(origin.x + width, y + kItemRowCss * d), focused);
      if (menuForFocus_ && focused && !menu_.open())  // the context-menu key
        OpenMenuForFocusRow(tv.items()[view.rows[i].itemIndex], ImVec2(origin.x + width, y + kItemRowCss * d));
    }
    ImGui::PopID();
  }
  menuForFocus_ = false;
  DrawStickyGroup(frame);
  // The whole list's height, so the page scrolls over all of it.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, headerH + total + 8 * d));
}

// The group whose rows fill the top of the page's view, pinned there (trash_table_sticky.cpp).
void TrashTable::PinNarrowGroup(Frame& frame, const RowHeights& heights, ImVec2 origin, float width, float listTop) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float visibleTop = window->InnerClipRect.Min.y;
  const ImVec2 clipMin(origin.x, visibleTop), clipMax(origin.x + width, window->InnerClipRect.Max.y);
  if (!PinGroup(frame.list.view(), heights, visibleTop - listTop, visibleTop, origin.x, origin.x + width)) return;
  stickyPlaces_ = NarrowGroupPlaces(origin.x, origin.x + width);
  stickyList_ = ImGui::GetWindowDrawList();
  StickyClickArea(frame, clipMin, clipMax);
}

// The list header: select all, what the filters match, the sort menu.
void TrashTable::DrawNarrowHeader(Frame& frame, size_t selected, ImVec2 origin, float width) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::View& view = tv.view();
  size_t itemRows = 0;
  for (const trash::GroupSummary& g : view.groups)
    if (!g.collapsed) itemRows += g.count;
  const float headerH = kListHeaderCss * d;
  ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + headerH), p.surfaceAlt, 10 * d,
                                            ImDrawFlags_RoundCornersTop);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + 4 * d, origin.y + (headerH - ImGui::GetFrameHeight()) * 0.5f));
  bool all = itemRows > 0 && selected >= itemRows;
  const bool mixed = selected > 0 && !all;
  if (Checkbox("##select-all", "Select all", &all, itemRows > 0, nullptr, mixed)) {
    if (all)
      tv.SelectAllVisible();
    else
      tv.ClearSelection();
  }
  const std::string label = trash::Concat(trash::CountOf(view.matchCount, "item", "items"), " \xc2\xb7 ",
                                          trash::FormatBytes(view.matchBytes));
  const float lineH = ImGui::GetTextLineHeight();
  const float sortX = SortMenu(tv, origin.x + width - 4 * d, origin.y + (headerH - ImGui::GetFrameHeight()) * 0.5f);
  TextAt(ImVec2(origin.x + 48 * d, origin.y + (headerH - lineH) * 0.5f), label, p.textMuted, sortX - origin.x - 56 * d);
  RegisterLastItem("list/summary", "status", label.c_str());
}

void TrashTable::DrawNarrowGroup(Frame& frame, size_t rowIndex, ImVec2 a, ImVec2 b) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::ViewRow& row = tv.view().rows[rowIndex];
  const bool collapsed = tv.IsGroupCollapsed(row.group);
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : tv.view().groups)
    if (g.type == row.group) group = &g;
  bool hovered = false;
  if (RowHit("##group", a, b, &hovered)) tv.SetGroupCollapsed(row.group, !collapsed);
  const std::string title(trash::ItemTypeDisplayName(row.group));
  const std::string label = group ? trash::Concat(title, ", ", trash::CountOf(group->count, "item", "items")) : title;
  RegisterRect(trash::Concat("group-row/", trash::ItemTypeName(row.group)).c_str(), "grouprow", label.c_str(), a, b)
      .index = int(rowIndex) + 1;
  RegisterRect(trash::Concat("group/", trash::ItemTypeName(row.group)).c_str(), "button", title.c_str(), a, b,
               collapsed ? "collapsed" : "expanded", collapsed ? "Show these items" : "Hide these items");
  if (!group) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  DrawGroupBand(dl, ImVec2(a.x + d, a.y), ImVec2(b.x - d, b.y), *group, hovered, NarrowGroupPlaces(a.x, b.x));
  dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, a.y), p.border, d);
}

// An item row: a tap selects it (alone), like a click on the desktop table; two lines of text
// beside its checkbox, the actions at the end of line two.
void TrashTable::DrawNarrowItem(Frame& frame, size_t rowIndex, ImVec2 a, ImVec2 b, bool focused) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const Row row = RowAt(frame, rowIndex, focused);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool hovered = false;
  const bool clicked = RowHit("##row", a, b, &hovered);
  OnRowPointer(frame, row.facts.key, clicked, hovered, {});
  if (row.selected || hovered)
    dl->AddRectFilled(ImVec2(a.x + d, a.y), ImVec2(b.x - d, b.y), row.selected ? p.selection : p.rowHover);
  dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, a.y), WithAlpha(p.border, 0.7f), d);
  const bool ring = row.focused && showFocusRing && !frame.dialogOpen;
  if (ring) dl->AddRect(ImVec2(a.x + d, a.y + d), ImVec2(b.x - d, b.y - d), p.accent, 4 * d, 0, 2 * d);
  RegisterRect(row.id.c_str(), "row", row.facts.label.c_str(), a, b, RowState(row.selected, row.focused, ring)).index =
      int(rowIndex) + 1;
  ImGui::SetCursorScreenPos(ImVec2(a.x + 4 * d, (a.y + b.y - ImGui::GetFrameHeight()) * 0.5f));
  RowCheckbox(frame, row);

  // Drawn (and so registered) in reading order: line one, then line two left to right, so the
  // actions' places are worked out before the text that ends where they start.
  DrawNarrowLineOne(row, a, b);
  const float buttonH = ImGui::GetFrameHeight();
  const float line2 = b.y - 6 * d - buttonH;
  const float right = b.x - 4 * d;  // the actions' right edge
  const float actionsX = row.facts.actions.empty() ? right : right - NarrowActionsWidth(row.facts);
  DrawNarrowLineTwo(frame, row, a, line2 + (buttonH - ImGui::GetTextLineHeight()) * 0.5f, actionsX - 10 * d);
  if (!row.facts.actions.empty()) DrawNarrowActions(frame, row, actionsX, right, line2);
}

// Line one: icon, name (after its project), and the time left at the end.
void TrashTable::DrawNarrowLineOne(const Row& row, ImVec2 a, ImVec2 b) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::RowFacts& f = row.facts;
  const float x0 = a.x + 48 * d, right = b.x - 12 * d, line1 = a.y + 12 * d;
  const trash::TimeLeft& left = f.timeLeft;
  const bool normal = left.urgency == trash::Urgency::Normal;
  ImGui::PushFont(normal ? CurrentFonts().body : CurrentFonts().strong);
  const std::string leftText = normal ? left.label : trash::Concat(icon::kClock, " ", left.label);
  const float leftW = ImGui::CalcTextSize(leftText.c_str()).x;
  ImGui::SetCursorScreenPos(ImVec2(right - leftW, line1));
  TextColored(UrgencyColor(left.urgency), leftText.c_str());
  ImGui::PopFont();
  RegisterTimeLeft(row.id, f);
  ImGui::GetWindowDrawList()->AddText(ImVec2(x0, line1), p.textMuted, TypeIcon(row.item.type));
  float x = x0 + 22 * d;
  const float nameRoom = right - leftW - 10 * d - x;
  if (!f.parent.empty()) {  // the project keeps at most half the room
    const std::string prefix = trash::Concat(f.parent, " / ");
    const float nameW = ImGui::CalcTextSize(f.name.c_str()).x;
    x += TextAt(ImVec2(x, line1), prefix, p.textMuted, std::max(nameRoom * 0.5f, nameRoom - nameW));
  }
  ImGui::PushFont(CurrentFonts().strong);
  TextAt(ImVec2(x, line1), f.name, p.text, right - leftW - 10 * d - x);
  ImGui::PopFont();
}

// The actions between `left` and `right` (NarrowActionsWidth apart): Restore (or "Restore project
// first" for a version or model whose project is in Trash), then Delete permanently and "⋮" at the end.
void TrashTable::DrawNarrowActions(Frame& frame, const Row& row, float left, float right, float y) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const float iconW = kTouchTargetCss * d;
  const trash::RowAction& restore = NarrowRestore(row.facts);
  const bool link = row.facts.parentFirst;
  ButtonOptions options;
  options.small = !link;
  options.kind = link ? ButtonKind::Link : ButtonKind::Secondary;
  options.icon = link ? nullptr : icon::kUndo;
  ImGui::SetCursorScreenPos(ImVec2(left, y));
  if (ActionButton(restore, row.id, options)) frame.Emit(restore.intent);
  ImGui::SetCursorScreenPos(ImVec2(right - 2 * iconW, y));
  ButtonOptions square;
  square.width = iconW;
  const trash::RowAction* del = row.facts.action(trash::RowActionKind::DeletePermanently);
  if (DeleteButton(trash::Concat(row.id, "/delete"), del->reason, square)) frame.Emit(del->intent);
  ImGui::SetCursorScreenPos(ImVec2(right - iconW, y));
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  MoreButton(frame, row, iconW);  // a long press opens the menu too
  ImGui::PopStyleColor();
}

// Line two, left of the actions: the amber indicator, then "+N · size · deleted by · when".
void TrashTable::DrawNarrowLineTwo(Frame& frame, const Row& row, ImVec2 a, float textY, float room) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::RowFacts& f = row.facts;
  float x = a.x + 48 * d;
  if (f.deletesImages && x < room) {
    ImGui::SetCursorScreenPos(ImVec2(x, textY));
    TextColored(p.amber, icon::kWarning);
    RegisterImagesIndicator(row.id, f);
    x += ImGui::GetItemRectSize().x + 6 * d;
  }
  // The parts, most useful first; the line keeps as many whole parts as fit, never a cut word.
  std::vector<std::string> parts;
  if (f.childCount > 0) parts.push_back(f.childPill);
  parts.push_back(f.size);
  parts.push_back(f.deletedAgo);
  frame.WakeAt(f.deletedAgoChangesMs);
  if (!f.deletedBy.empty()) parts.push_back(f.deletedBy);
  std::string detail;
  for (const std::string& part : parts) {
    const std::string longer = detail.empty() ? part : trash::Concat(detail, " \xc2\xb7 ", part);
    if (!detail.empty() && x + ImGui::CalcTextSize(longer.c_str()).x > room) break;
    detail = longer;
  }
  if (x < room) {
    TextAt(ImVec2(x, textY), detail, p.textMuted, room - x);
    RegisterLastItem(trash::Concat(row.id, "/details").c_str(), "text", detail.c_str(), "", f.childNote.c_str());
  }
}

}  // namespace ui
