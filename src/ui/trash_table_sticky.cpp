// Group headers of the Trash list, part of TrashTable (see trash_table.h): the band drawn for a
// group (chevron, type icon, title, count, size), and the sticky one. While a group's rows fill
// the top of the list, its header stays pinned there (under the column headers on the desktop,
// at the top of the page's view on a phone; the next group's header pushes it up), so a person
// deep in a long group still sees which group it is, how many and how large, and can fold it.
// Its click area is submitted before the rows, so the row beneath does not also take the click;
// it is drawn after them, on top, and registered as a button ("group/pinned") for tests and the
// accessibility mirror.
#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentWindow: the click area keeps the cursor's extent

#include <algorithm>  // std::min, std::max
#include <string>     // labels

#include "core/countdown.h"  // FormatBytes
#include "core/text.h"       // FormatCount, CountOf, Concat
#include "ui/row_parts.h"    // TypeIcon
#include "ui/theme.h"        // palette, fonts, icons, Dpr
#include "ui/trash_table.h"
#include "ui/widgets.h"  // RegisterRect

namespace ui {
namespace {
using namespace table_column;

const trash::GroupSummary* GroupOf(const trash::View& view, trash::ItemType type) {
  for (const trash::GroupSummary& g : view.groups)
    if (g.type == type) return &g;
  return nullptr;
}

}  // namespace

void TrashTable::DrawGroupBand(ImDrawList* dl, const ImVec2& a, const ImVec2& b, const trash::GroupSummary& group,
                               bool hovered, const GroupBandPlaces& at) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  dl->AddRectFilled(a, b, hovered ? p.border : p.surfaceAlt);
  const float textY = (a.y + b.y - ImGui::GetTextLineHeight()) * 0.5f;
  dl->AddText(ImVec2(at.chevronX, textY), p.textMuted, group.collapsed ? icon::kChevronRight : icon::kChevronDown);
  dl->AddText(ImVec2(at.iconX, textY), p.textMuted, TypeIcon(group.type));
  const float titleX = at.titleX > 0 ? at.titleX : at.iconX + ImGui::CalcTextSize(TypeIcon(group.type)).x + 8 * d;
  const std::string title(trash::ItemTypeDisplayName(group.type));
  ImGui::PushFont(CurrentFonts().strong);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(titleX, textY), p.text, title.c_str());
  const float titleW = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::PopFont();
  if (!at.counts) return;  // a first page's counts are not the group's
  const std::string count = trash::FormatCount(group.count);
  const ImVec2 pa(titleX + titleW + 8 * d, textY - d), size = ImGui::CalcTextSize(count.c_str());
  const ImVec2 pb(pa.x + size.x + 14 * d, textY + ImGui::GetTextLineHeight() + d);
  dl->AddRectFilled(pa, pb, p.surface, (pb.y - pa.y) * 0.5f);
  dl->AddText(ImVec2(pa.x + 7 * d, textY), p.textMuted, count.c_str());
  if (at.sizeRight > 0) {
    const std::string bytes = trash::FormatBytes(group.bytes);
    dl->AddText(ImVec2(at.sizeRight - ImGui::CalcTextSize(bytes.c_str()).x, textY), p.textMuted, bytes.c_str());
  }
}

// The group whose rows fill the list's top, `scrollY` into it, pinned at `pinY` (screen y);
// returns false when the group's own header is in view (nothing to pin).
bool TrashTable::PinGroup(const trash::View& view, const RowHeights& heights, float scrollY, float pinY, float left,
                          float right) {
  sticky_ = {};
  if (view.rows.empty() || scrollY < 0.5f) return false;
  const size_t top = heights.At(view, scrollY);
  size_t start = 0, next = 0;
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : view.groups) {
    next = start + 1 + (g.collapsed ? 0 : g.count);
    if (top < next) {
      group = &g;
      break;
    }
    start = next;
  }
  if (!group || scrollY <= heights.Top(view, start) + 0.5f) return false;
  // Pushed up by the next group's header as that one arrives.
  const float push = std::min(0.f, heights.Top(view, next) - scrollY - heights.group);
  sticky_.shown = true;
  sticky_.group = group->type;
  sticky_.groupTop = heights.Top(view, start);
  sticky_.min = ImVec2(left, pinY + push);
  sticky_.max = ImVec2(right, pinY + push + heights.group);
  return true;
}

// The click area, before the rows: the row under it gets neither the hover nor the click. A
// click folds the group and scrolls its header back to the top.
void TrashTable::StickyClickArea(Frame& frame, const ImVec2& clipMin, const ImVec2& clipMax) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 cursor = ImGui::GetCursorScreenPos(), savedMax = window->DC.CursorMaxPos;
  const ImVec2 a(sticky_.min.x, std::max(sticky_.min.y, clipMin.y));
  stickyClipMin_ = clipMin;
  stickyClipMax_ = clipMax;
  ImGui::PushClipRect(clipMin, clipMax, false);
  ImGui::SetCursorScreenPos(a);
  if (sticky_.max.y - a.y > 1 &&
      ImGui::InvisibleButton("##sticky-group", ImVec2(sticky_.max.x - a.x, sticky_.max.y - a.y))) {
    trash::TrashView& tv = frame.list;
    tv.SetGroupCollapsed(sticky_.group, !tv.IsGroupCollapsed(sticky_.group));
    pendingScrollY_ = sticky_.groupTop;
  }
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopClipRect();
  ImGui::SetCursorScreenPos(cursor);
  window->DC.CursorMaxPos = savedMax;
}

void TrashTable::PlaceStickyGroup(Frame& frame, const RowHeights& heights, float headerBottom) {
  const ImRect& work = grid_.WorkRect();
  if (!PinGroup(frame.list.view(), heights, ImGui::GetScrollY(), headerBottom, work.Min.x, work.Max.x)) return;
  stickyPlaces_.chevronX = grid_.Column(kSelect).workMinX;
  stickyPlaces_.iconX = grid_.Column(kName).workMinX;
  stickyPlaces_.titleX = 0;
  stickyPlaces_.sizeRight = grid_.Column(kSize).enabled ? grid_.Column(kSize).workMaxX : 0;
  stickyList_ = ImGui::GetWindowDrawList();  // the list's own window: drawn on top of its rows later
  StickyClickArea(frame, ImVec2(work.Min.x, headerBottom), ImVec2(work.Max.x, grid_.InnerClipRect().Max.y));
}

void TrashTable::DrawStickyGroup(Frame& frame) {
  if (!sticky_.shown) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::GroupSummary* group = GroupOf(frame.list.view(), sticky_.group);
  if (!group) return;
  ImDrawList* dl = stickyList_;
  const ImVec2 a = sticky_.min, b = sticky_.max;
  const ImVec2 shownMin(a.x, std::max(a.y, stickyClipMin_.y));
  const bool hovered = ImGui::IsMouseHoveringRect(shownMin, b, false);
  dl->PushClipRect(stickyClipMin_, stickyClipMax_, false);
  stickyPlaces_.counts = !frame.page.partialListing();
  DrawGroupBand(dl, a, b, *group, hovered, stickyPlaces_);
  dl->AddLine(ImVec2(a.x, b.y - d * 0.5f), ImVec2(b.x, b.y - d * 0.5f), p.border, d);
  dl->AddRectFilled(ImVec2(a.x, b.y), ImVec2(b.x, b.y + 3 * d), WithAlpha(0xFF000000, 0.06f));  // a soft edge
  dl->PopClipRect();
  const std::string title(trash::ItemTypeDisplayName(group->type));
  if (b.y - shownMin.y > 1)
    RegisterRect("group/pinned", "button",
                 trash::Concat(title, ", ", trash::CountOf(group->count, "item", "items")).c_str(), shownMin, b,
                 "expanded pinned", "Hide these items");
}

}  // namespace ui
