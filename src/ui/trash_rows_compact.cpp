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
#include <cstdio>     // snprintf
#include <string>     // labels

#include "core/countdown.h"    // FormatTimeLeft, FormatPurgeTime, FormatRelative, FormatBytes
#include "core/permissions.h"  // RestoreBlockedReason, DeleteBlockedReason
#include "core/text.h"         // SanitizeForDisplay
#include "ui/layout.h"         // kTouchTargetCss
#include "ui/registry.h"       // CurrentRegistry: where a row's "⋮" was drawn
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/trash_table.h"
#include "ui/widgets.h"        // Button, Checkbox, RegisterRect

namespace ui {
namespace {

constexpr float kItemRowCss = 78;    // 12 + a text line + 6 + a 40 px button line + 6
constexpr float kGroupRowCss = 44;
constexpr float kListHeaderCss = 48;

// A transparent hit area over a whole row, submitted first so the row's buttons keep their taps.
bool RowHit(const char* id, ImVec2 a, ImVec2 b, bool* hovered) {
  ImGui::SetCursorScreenPos(a);
  ImGui::PushStyleColor(ImGuiCol_Header, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, 0u);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, 0u);
  const bool clicked = ImGui::Selectable(id, false,
                                         ImGuiSelectableFlags_AllowItemOverlap | ImGuiSelectableFlags_NoPadWithHalfSpacing,
                                         ImVec2(b.x - a.x, b.y - a.y));
  ImGui::PopStyleColor(3);
  *hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
  return clicked;
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
  const float w = ImGui::CalcTextSize(current).x + ImGui::CalcTextSize(icon::kSort).x + ImGui::CalcTextSize("  ").x + 16 * d;
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
      const std::string id = std::string("sort/") + c.label;
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
float TextAt(ImVec2 pos, const std::string& text, ImU32 color, float maxWidth) {
  ImGui::SetCursorScreenPos(pos);
  EllipsisText(text.c_str(), color, std::max(0.f, maxWidth));
  return std::min(ImGui::CalcTextSize(text.c_str()).x, std::max(0.f, maxWidth));
}

}  // namespace

// [SECTION] Geometry: y of a row from the groups (headers and items differ in height)
float TrashTable::CompactRowY(const trash::View& view, size_t row) const {
  const float d = Dpr();
  size_t start = 0, headersBefore = 0;
  for (const trash::GroupSummary& g : view.groups) {
    if (start >= row) break;
    ++headersBefore;
    start += 1 + (g.collapsed ? 0 : g.count);
  }
  return float(headersBefore) * kGroupRowCss * d + float(row - headersBefore) * kItemRowCss * d;
}

size_t TrashTable::CompactRowAt(const trash::View& view, float y) const {
  const float d = Dpr();
  size_t start = 0;
  float top = 0;
  for (const trash::GroupSummary& g : view.groups) {
    const size_t items = g.collapsed ? 0 : g.count;
    const float height = kGroupRowCss * d + float(items) * kItemRowCss * d;
    if (y < top + height) {
      if (y < top + kGroupRowCss * d) return start;
      return start + 1 + std::min(items - 1, size_t((y - top - kGroupRowCss * d) / (kItemRowCss * d)));
    }
    top += height;
    start += 1 + items;
  }
  return view.rows.size();
}

void TrashTable::DrawCompact(Frame& frame, size_t selected) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::View& view = tv.view();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  drawnRows_ = 0;

  // [SECTION] List header: select all, what the filters match
  size_t itemRows = 0;
  for (const trash::GroupSummary& g : view.groups)
    if (!g.collapsed) itemRows += g.count;
  const float headerH = kListHeaderCss * d;
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + headerH), p.surfaceAlt, 10 * d, ImDrawFlags_RoundCornersTop);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + 4 * d, origin.y + (headerH - ImGui::GetFrameHeight()) * 0.5f));
  bool all = itemRows > 0 && selected >= itemRows;
  const bool mixed = selected > 0 && !all;
  if (Checkbox("##select-all", "Select all", &all, itemRows > 0, nullptr, mixed)) {
    if (all) tv.SelectAllVisible(); else tv.ClearSelection();
    ++selectionEpoch;
  }
  char label[96];
  std::snprintf(label, sizeof label, "%zu item%s \xc2\xb7 %s", view.matchCount, view.matchCount == 1 ? "" : "s",
                trash::FormatBytes(view.matchBytes).c_str());
  const float lineH = ImGui::GetTextLineHeight();
  const float sortX = SortMenu(tv, origin.x + width - 4 * d, origin.y + (headerH - ImGui::GetFrameHeight()) * 0.5f);
  TextAt(ImVec2(origin.x + 48 * d, origin.y + (headerH - lineH) * 0.5f), label, p.textMuted, sortX - origin.x - 56 * d);
  RegisterLastItem("list/summary", "status", label);

  // [SECTION] The rows in view
  const float listTop = origin.y + headerH;
  const float total = view.rows.empty() ? 0 : CompactRowY(view, view.rows.size());
  const std::optional<size_t> focusRow = tv.focusedRow();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float visibleTop = window->InnerClipRect.Min.y, visibleBottom = window->InnerClipRect.Max.y;
  pageRows_ = std::max<size_t>(1, size_t(std::max(0.f, (visibleBottom - visibleTop) / (kItemRowCss * d) - 1)));
  if (scrollToFocus_ && focusRow) {  // keep the keyboard cursor in view by scrolling the page
    const float top = listTop + CompactRowY(view, *focusRow);
    const float bottom = top + kItemRowCss * d;
    if (top < visibleTop) ImGui::SetScrollY(ImGui::GetScrollY() - (visibleTop - top));
    else if (bottom > visibleBottom) ImGui::SetScrollY(ImGui::GetScrollY() + (bottom - visibleBottom));
  }
  scrollToFocus_ = false;
  // The list's surface, cut to the visible band (its rounded ends only where they show).
  const float bgTop = std::max(listTop, visibleTop - 16 * d), bgBottom = std::min(listTop + total, visibleBottom + 16 * d);
  if (bgBottom > bgTop) {
    dl->AddRectFilled(ImVec2(origin.x, bgTop), ImVec2(origin.x + width, bgBottom), p.surface, 10 * d,
                      ImDrawFlags_RoundCornersBottom);
  }
  dl->AddRect(origin, ImVec2(origin.x + width, listTop + total), p.border, 10 * d, 0, d);
  // The grid for assistive technology: every row of the view counts, drawn or not (no header row:
  // each row reads as its name, then its parts).
  RegisterRect("trash/grid", "grid", "Trash items", ImVec2(origin.x, listTop), ImVec2(origin.x + width, listTop + total))
      .count = int(view.rows.size());
  const size_t first = CompactRowAt(view, std::max(0.f, visibleTop - listTop));
  for (size_t i = first; i < view.rows.size(); ++i) {
    const float y = listTop + CompactRowY(view, i);
    if (y > visibleBottom) break;
    ImGui::PushID(int(i));
    const ImVec2 a(origin.x, y);
    if (view.rows[i].isHeader) {
      DrawCompactGroup(frame, i, a, ImVec2(origin.x + width, y + kGroupRowCss * d));
    } else {
      DrawCompactItem(frame, i, a, ImVec2(origin.x + width, y + kItemRowCss * d), focusRow && *focusRow == i);
      if (menuForFocus_ && focusRow && *focusRow == i && !menu_.open()) {  // the context-menu key
        const trash::TrashItem& item = tv.items()[view.rows[i].itemIndex];
        ImVec2 anchor(origin.x + width, y + kItemRowCss * d);
        if (const WidgetInfo* more = CurrentRegistry().FindById(RowId(item) + "/menu"))
          anchor = ImVec2(more->x + more->w, more->y + more->h);
        menu_.Open(trash::KeyOf(item), anchor, true, true);
      }
    }
    ImGui::PopID();
    ++drawnRows_;
  }
  menuForFocus_ = false;
  // The whole list's height, so the page scrolls over all of it.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, headerH + total + 8 * d));
}

void TrashTable::DrawCompactGroup(Frame& frame, size_t rowIndex, ImVec2 a, ImVec2 b) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::ViewRow& row = tv.view().rows[rowIndex];
  const bool collapsed = tv.IsGroupCollapsed(row.group);
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : tv.view().groups)
    if (g.type == row.group) group = &g;
  bool hovered = false;
  if (RowHit("##group", a, b, &hovered)) tv.SetGroupCollapsed(row.group, !collapsed);
  const std::string title(trash::ItemTypeDisplayName(row.group));
  const std::string count = group ? ", " + std::to_string(group->count) + (group->count == 1 ? " item" : " items") : "";
  RegisterRect("group-row/" + std::string(trash::ItemTypeName(row.group)), "grouprow", title + count, a, b).index =
      int(rowIndex) + 1;
  RegisterRect("group/" + std::string(trash::ItemTypeName(row.group)), "button", title, a, b,
               collapsed ? "collapsed" : "expanded", collapsed ? "Show these items" : "Hide these items");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(a.x + d, a.y), ImVec2(b.x - d, b.y), hovered ? p.border : p.surfaceAlt);
  dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, a.y), p.border, d);
  const float lineH = ImGui::GetTextLineHeight();
  const float y = (a.y + b.y - lineH) * 0.5f;
  dl->AddText(ImVec2(a.x + 16 * d, y), p.textMuted, collapsed ? icon::kChevronRight : icon::kChevronDown);
  dl->AddText(ImVec2(a.x + 48 * d, y), p.textMuted, TypeIcon(row.group));
  ImGui::PushFont(CurrentFonts().strong);
  dl->AddText(ImVec2(a.x + 72 * d, y), p.text, title.c_str());
  const float titleW = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::PopFont();
  if (!group) return;
  ImGui::SetCursorScreenPos(ImVec2(a.x + 72 * d + titleW + 8 * d, y));
  Pill(std::to_string(group->count).c_str(), p.surface, p.textMuted);
  const std::string bytes = trash::FormatBytes(group->bytes);
  dl->AddText(ImVec2(b.x - 12 * d - ImGui::CalcTextSize(bytes.c_str()).x, y), p.textMuted, bytes.c_str());
}

void TrashTable::DrawCompactItem(Frame& frame, size_t rowIndex, ImVec2 a, ImVec2 b, bool focused) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.page.view();
  const trash::TrashItem& item = tv.items()[tv.view().rows[rowIndex].itemIndex];
  const trash::ItemKey key = trash::KeyOf(item);
  const bool selected = tv.IsSelected(key);
  const std::string rowId = RowId(item);
  const std::string name = trash::SanitizeForDisplay(item.name.empty() ? item.id : item.name);
  const std::string parent = trash::SanitizeForDisplay(item.parentName.empty() ? item.parentUrl : item.parentName);
  const bool child = trash::IsChildType(item.type);
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // [SECTION] The row: a tap selects it (alone), like a click on the desktop table
  bool hovered = false;
  if (RowHit("##row", a, b, &hovered)) {
    tv.Click(key, {});
    tv.SetFocus(key);
    ++selectionEpoch;
    showFocusRing = false;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {  // a long press on a phone
    tv.SetFocus(key);
    showFocusRing = false;
    menu_.Open(key, ImGui::GetIO().MousePos, false, false);
  }
  if (selected || hovered) dl->AddRectFilled(ImVec2(a.x + d, a.y), ImVec2(b.x - d, b.y), selected ? p.selection : p.rowHover);
  dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, a.y), WithAlpha(p.border, 0.7f), d);
  if (focused && showFocusRing)
    dl->AddRect(ImVec2(a.x + d, a.y + d), ImVec2(b.x - d, b.y - d), p.accent, 4 * d, 0, 2 * d);
  {
    std::string state = selected ? "selected" : "";
    if (focused) state += state.empty() ? "focused" : " focused";
    RegisterRect(rowId, "row", child && !parent.empty() ? parent + " / " + name : name, a, b, state).index =
        int(rowIndex) + 1;
  }
  ImGui::SetCursorScreenPos(ImVec2(a.x + 4 * d, (a.y + b.y - ImGui::GetFrameHeight()) * 0.5f));
  bool checked = selected;
  if (Checkbox((rowId + "/select").c_str(), ("Select " + name).c_str(), &checked)) {
    tv.SetSelected(key, checked);
    tv.SetFocus(key);
    ++selectionEpoch;
  }

  // [SECTION] Line one: icon, name (after its project), time left
  const float lineH = ImGui::GetTextLineHeight();
  const float x0 = a.x + 48 * d, right = b.x - 12 * d, line1 = a.y + 12 * d;
  const trash::TimeLeft left = trash::FormatTimeLeft(frame.nowMs, item.scheduledCleanupAtMs);
  frame.WakeAt(left.nextChangeMs);
  const ImU32 urgencyColor = left.urgency == trash::Urgency::Red ? p.red : left.urgency == trash::Urgency::Amber ? p.amber : p.textMuted;
  ImGui::PushFont(left.urgency == trash::Urgency::Normal ? CurrentFonts().body : CurrentFonts().strong);
  std::string leftText = left.urgency == trash::Urgency::Normal ? left.label : std::string(icon::kClock) + " " + left.label;
  const float leftW = ImGui::CalcTextSize(leftText.c_str()).x;
  ImGui::SetCursorScreenPos(ImVec2(right - leftW, line1));
  TextColored(urgencyColor, leftText.c_str());
  ImGui::PopFont();
  const std::string purge = trash::FormatPurgeTime(item.scheduledCleanupAtMs);
  const char* urgency = left.urgency == trash::Urgency::Red ? "red" : left.urgency == trash::Urgency::Amber ? "amber" : "normal";
  RegisterLastItem(rowId + "/time-left", "status", left.label, urgency, purge);
  dl->AddText(ImVec2(x0, line1), p.textMuted, TypeIcon(item.type));
  float x = x0 + 22 * d;
  const float nameRoom = right - leftW - 10 * d - x;
  if (child && !parent.empty()) {  // the project keeps at most half the room
    const std::string prefix = parent + " / ";
    const float nameW = ImGui::CalcTextSize(name.c_str()).x;
    x += TextAt(ImVec2(x, line1), prefix, p.textMuted, std::max(nameRoom * 0.5f, nameRoom - nameW));
  }
  ImGui::PushFont(CurrentFonts().strong);
  TextAt(ImVec2(x, line1), name, p.text, right - leftW - 10 * d - x);
  ImGui::PopFont();

  // [SECTION] Line two: amber indicator, children, size, deleted by; then the actions
  const trash::Session* session = frame.page.session() ? &*frame.page.session() : nullptr;
  const float buttonH = ImGui::GetFrameHeight();
  const float line2 = b.y - 6 * d - buttonH;
  const float textY = line2 + (buttonH - lineH) * 0.5f;
  float actionsX = right + 8 * d;  // where the actions start, right to left
  if (session) {
    const std::optional<std::string> restoreBlocked = trash::RestoreBlockedReason(*session, item);
    const std::optional<std::string> deleteBlocked = trash::DeleteBlockedReason(*session);
    const float delW = kTouchTargetCss * d;
    actionsX = right + 8 * d - delW;
    ImGui::SetCursorScreenPos(ImVec2(actionsX, line2));
    ButtonOptions more;  // "⋮": the row menu (copy name or ID, restore, delete); a long press opens it too
    more.kind = ButtonKind::Ghost;
    more.width = delW;
    more.tooltip = "More actions: copy name or ID, restore, delete";
    const std::string moreId = rowId + "/menu";
    more.id = moreId.c_str();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (IconButton(icon::kMore, "More actions", more)) {
      tv.SetFocus(key);
      menu_.Open(key, ImGui::GetItemRectMax(), true, true);
    }
    ImGui::PopStyleColor();
    actionsX -= delW;
    ImGui::SetCursorScreenPos(ImVec2(actionsX, line2));
    ButtonOptions del;
    del.kind = ButtonKind::Ghost;
    del.enabled = !deleteBlocked;
    del.width = delW;
    del.tooltip = deleteBlocked ? deleteBlocked->c_str() : "Delete permanently";
    const std::string delId = rowId + "/delete";
    del.id = delId.c_str();
    ImGui::PushStyleColor(ImGuiCol_Text, deleteBlocked ? p.textMuted : p.danger);
    if (IconButton(icon::kTrash, "Delete permanently", del))
      frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, {key}, {}});
    ImGui::PopStyleColor();
    // A version or model whose project is in Trash offers that instead of a Restore that can't work.
    const bool parentFirst = child && item.parentInTrash;
    ButtonOptions restore;
    restore.small = !parentFirst;
    restore.kind = parentFirst ? ButtonKind::Link : ButtonKind::Secondary;
    restore.icon = parentFirst ? nullptr : icon::kUndo;
    std::string restoreTip, restoreId;
    const char* restoreLabel = parentFirst ? "Restore project first" : "Restore";
    if (parentFirst) {
      const bool can = trash::HasPermission(*session, trash::RestorePermissionFor(trash::ItemType::Project));
      restore.enabled = can;
      restoreTip = can ? "Restores \"" + parent + "\" with everything that went to Trash with it"
                       : "Your role lacks " + std::string(trash::RestorePermissionFor(trash::ItemType::Project));
      restoreId = rowId + "/restore-parent";
    } else {
      restore.enabled = !restoreBlocked;
      if (restoreBlocked) restoreTip = *restoreBlocked;
      restoreId = rowId + "/restore";
    }
    restore.tooltip = restoreTip.empty() ? nullptr : restoreTip.c_str();
    restore.id = restoreId.c_str();
    const float padX = parentFirst ? 2 * d : 8 * d;
    const float restoreW = ImGui::CalcTextSize(restoreLabel).x + 2 * padX +
                           (parentFirst ? 0 : ImGui::CalcTextSize(icon::kUndo).x + ImGui::CalcTextSize("  ").x);
    actionsX -= 4 * d + restoreW;
    ImGui::SetCursorScreenPos(ImVec2(actionsX, line2));
    const bool clicked = Button(restoreLabel, restore);
    if (clicked) {
      if (parentFirst) frame.Emit(trash::intent::RestoreParentFirst{key});
      else frame.Emit(trash::intent::Restore{{key}});
    }
  }
  x = x0;
  const float room = actionsX - 10 * d;
  if (item.type == trash::ItemType::Project && item.cleanupDeleteImages && x < room) {
    static const char* kAmberTip =
        "Cleanup will also delete the images that belong only to this project. Images shared with other projects "
        "are preserved.";
    ImGui::SetCursorScreenPos(ImVec2(x, textY));
    TextColored(p.amber, icon::kWarning);
    ItemTooltip(kAmberTip);
    RegisterLastItem(rowId + "/images", "img", "Also deletes exclusive images", "", kAmberTip);
    x += ImGui::GetItemRectSize().x + 6 * d;
  }
  std::string detail = trash::FormatBytes(item.sizeBytes);
  if (item.type == trash::ItemType::Project && item.childCount > 0) detail = "+" + std::to_string(item.childCount) + " \xc2\xb7 " + detail;
  const std::string by = trash::SanitizeForDisplay(item.deletedByName.empty() ? item.deletedBy : item.deletedByName);
  if (!by.empty()) detail += " \xc2\xb7 " + by;
  detail += " \xc2\xb7 " + trash::FormatRelative(frame.nowMs, item.deletedAtMs);
  if (x < room) {
    TextAt(ImVec2(x, textY), detail, p.textMuted, room - x);
    RegisterLastItem(rowId + "/details", "text", detail);
  }
}

}  // namespace ui
