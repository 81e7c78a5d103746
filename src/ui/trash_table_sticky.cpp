// The sticky group header of the wide table, part of TrashTable (see trash_table.h): while a
// group's rows fill the top of the table, its header stays pinned under the column headers
// (the next group's header pushes it up), so a person deep in a long group still sees which
// group it is, how many and how large, and can fold it. Its click area is submitted before the
// rows, so the row beneath does not also take the click; it is drawn after the table, on top.
// The accessibility mirror's grid already has every group row, so it registers nothing.
#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentTable, the inner window's draw list

#include <algorithm>  // std::min
#include <cmath>      // std::floor
#include <string>     // labels

#include "core/countdown.h"  // FormatBytes
#include "core/text.h"       // FormatCount
#include "ui/row_parts.h"    // TypeIcon
#include "ui/theme.h"        // palette, fonts, icons, Dpr
#include "ui/trash_table.h"

namespace ui {
namespace {
enum Column { kSelect, kName, kDeletedBy, kDeletedAt, kTimeLeft, kSize, kActions };  // as in trash_table.cpp
}  // namespace

void TrashTable::PlaceStickyGroup(Frame& frame, float rowH, float headerBottom) {
  sticky_ = {};
  trash::TrashView& tv = frame.list;
  const trash::View& view = tv.view();
  ImGuiTable* table = ImGui::GetCurrentTable();
  const float h = rowHeight_ > 0 ? rowHeight_ : rowH;
  const float scrollY = ImGui::GetScrollY();
  if (view.rows.empty() || scrollY < 0.5f) return;
  const size_t top = size_t(std::floor(scrollY / h));  // the row at the top of the rows' area
  size_t start = 0;
  const trash::GroupSummary* group = nullptr;
  size_t next = 0;
  for (const trash::GroupSummary& g : view.groups) {
    next = start + 1 + (g.collapsed ? 0 : g.count);
    if (top < next) {
      group = &g;
      break;
    }
    start = next;
  }
  if (!group || scrollY <= float(start) * h + 0.5f) return;  // its own header is in view
  // Pushed up by the next group's header as that one arrives.
  const float push = std::min(0.f, float(next) * h - scrollY - h);
  sticky_.shown = true;
  sticky_.group = group->type;
  sticky_.min = ImVec2(table->WorkRect.Min.x, headerBottom + push);
  sticky_.max = ImVec2(table->WorkRect.Max.x, headerBottom + push + h);
  stickyClipMin_ = ImVec2(table->WorkRect.Min.x, headerBottom);
  stickyClipMax_ = ImVec2(table->WorkRect.Max.x, table->InnerClipRect.Max.y);
  stickySelectX_ = table->Columns[kSelect].WorkMinX;
  stickyNameX_ = table->Columns[kName].WorkMinX;
  stickySizeRight_ = table->Columns[kSize].IsEnabled ? table->Columns[kSize].WorkMaxX : 0;
  stickyList_ = ImGui::GetWindowDrawList();  // the table's own window: drawn on top of its rows later
  // The click area, before the rows: the row under it gets neither the hover nor the click.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 cursor = ImGui::GetCursorScreenPos(), savedMax = window->DC.CursorMaxPos;
  const ImVec2 a(sticky_.min.x, std::max(sticky_.min.y, headerBottom));
  ImGui::PushClipRect(stickyClipMin_, stickyClipMax_, false);
  ImGui::SetCursorScreenPos(a);
  if (sticky_.max.y - a.y > 1 &&
      ImGui::InvisibleButton("##sticky-group", ImVec2(sticky_.max.x - a.x, sticky_.max.y - a.y))) {
    tv.SetGroupCollapsed(group->type, !group->collapsed);
    pendingScrollY_ = float(start) * h;  // its header back at the top
  }
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopClipRect();
  ImGui::SetCursorScreenPos(cursor);
  window->DC.CursorMaxPos = savedMax;
}

void TrashTable::DrawStickyGroup(Frame& frame) {
  if (!sticky_.shown) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::GroupSummary* group = nullptr;
  for (const trash::GroupSummary& g : frame.list.view().groups)
    if (g.type == sticky_.group) group = &g;
  if (!group) return;
  ImDrawList* dl = stickyList_;
  const ImVec2 a = sticky_.min, b = sticky_.max;
  const bool hovered = ImGui::IsMouseHoveringRect(ImVec2(a.x, std::max(a.y, stickyClipMin_.y)), b, false);
  dl->PushClipRect(stickyClipMin_, stickyClipMax_, false);
  dl->AddRectFilled(a, b, hovered ? p.border : p.surfaceAlt);
  dl->AddLine(ImVec2(a.x, b.y - d * 0.5f), ImVec2(b.x, b.y - d * 0.5f), p.border, d);
  dl->AddRectFilled(ImVec2(a.x, b.y), ImVec2(b.x, b.y + 3 * d), WithAlpha(0xFF000000, 0.06f));  // a soft edge
  const float textY = (a.y + b.y - ImGui::GetTextLineHeight()) * 0.5f;
  dl->AddText(ImVec2(stickySelectX_, textY), p.textMuted, icon::kChevronDown);
  dl->AddText(ImVec2(stickyNameX_, textY), p.textMuted, TypeIcon(group->type));
  const float titleX = stickyNameX_ + ImGui::CalcTextSize(TypeIcon(group->type)).x + 8 * d;
  const std::string title(trash::ItemTypeDisplayName(group->type));
  ImGui::PushFont(CurrentFonts().strong);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(titleX, textY), p.text, title.c_str());
  const float titleW = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::PopFont();
  if (!frame.page.partialListing()) {  // a first page's counts are not the group's
    const std::string count = trash::FormatCount(group->count);
    const ImVec2 pa(titleX + titleW + 8 * d, textY - d), size = ImGui::CalcTextSize(count.c_str());
    const ImVec2 pb(pa.x + size.x + 14 * d, textY + ImGui::GetTextLineHeight() + d);
    dl->AddRectFilled(pa, pb, p.surface, (pb.y - pa.y) * 0.5f);
    dl->AddText(ImVec2(pa.x + 7 * d, textY), p.textMuted, count.c_str());
    if (stickySizeRight_ > 0) {
      const std::string bytes = trash::FormatBytes(group->bytes);
      dl->AddText(ImVec2(stickySizeRight_ - ImGui::CalcTextSize(bytes.c_str()).x, textY), p.textMuted, bytes.c_str());
    }
  }
  dl->PopClipRect();
}

}  // namespace ui
