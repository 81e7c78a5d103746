// The Activity list (see activity_list.h). Rows are drawn by hand at a fixed height inside a
// scrolling child, so the clipper knows every row's place without measuring; each row registers
// itself and one cell per column, which the mirror files under the column headers.
#include "ui/activity_list.h"

#include <imgui.h>

#include <algorithm>  // std::max, std::min
#include <string>     // labels

#include "core/activity_facts.h"  // FactsOf
#include "core/text.h"            // SanitizeForDisplay, Concat
#include "ui/layout.h"            // CurrentLayout
#include "ui/row_parts.h"         // TypeIcon, RowState
#include "ui/theme.h"             // palette, fonts, icons, Dpr
#include "ui/widgets.h"           // Button, RegisterRect, ItemTooltip

namespace ui {
namespace {

enum Column { kWhen, kWho, kAction, kItem, kHow, kDetails, kColumnCount };
constexpr const char* kColumnNames[kColumnCount] = {"When", "Who", "Action", "Item", "How", "Details"};
constexpr float kFixedCss[kColumnCount] = {112, 132, 176, 0, 150, 190};  // 0: takes the rest

// The columns' left edges (device px, from the list's left) and their widths; a tablet hides How.
struct Columns {
  float x[kColumnCount] = {}, w[kColumnCount] = {};
  bool shown[kColumnCount] = {true, true, true, true, true, true};
};
Columns LayOut(float width) {
  const float d = Dpr();
  Columns c;
  c.shown[kHow] = width / d >= 1000;
  float fixed = 0;
  for (int i = 0; i < kColumnCount; ++i)
    if (c.shown[i] && kFixedCss[i] > 0) fixed += kFixedCss[i] * d;
  float x = 12 * d;
  for (int i = 0; i < kColumnCount; ++i) {
    if (!c.shown[i]) continue;
    c.x[i] = x;
    c.w[i] = kFixedCss[i] > 0 ? kFixedCss[i] * d : std::max(140 * d, width - fixed - 24 * d);
    x += c.w[i];
  }
  return c;
}

// `text` cut with "…" to fit `room`.
std::string Fit(const std::string& text, float room) {
  if (ImGui::CalcTextSize(text.c_str()).x <= room) return text;
  const float ellipsis = ImGui::CalcTextSize("\xe2\x80\xa6").x;
  size_t n = text.size();
  while (n > 0) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // a whole UTF-8 character
    if (ImGui::CalcTextSize(text.c_str(), text.c_str() + n).x + ellipsis <= room) break;
  }
  return text.substr(0, n) + "\xe2\x80\xa6";
}

void Text(ImDrawList* dl, float x, float y, float room, ImU32 color, const std::string& text) {
  const std::string shown = Fit(text, room);
  dl->AddText(ImVec2(x, y), color, shown.c_str());
}

std::string RowIdOf(const trash::AuditEvent& event, size_t index) {
  return "activity/row/" + (event.eventId.empty() ? std::to_string(index) : event.eventId);
}

// A run's summary row expands: its toggle, at the row's right end, for the mirror and the keyboard
// (a click anywhere on the row toggles it too).
void RunToggle(const std::string& rowId, bool open, const ImVec2& a, const ImVec2& b) {
  const float d = Dpr(), h = ImGui::GetFrameHeight();
  const ImVec2 min(b.x - 12 * d - h, (a.y + b.y - h) * 0.5f);
  RegisterRect(trash::Concat(rowId, "/toggle").c_str(), "button",
               open ? "Hide the items of this run" : "Show the items of this run", min, ImVec2(min.x + h, min.y + h),
               open ? "expanded" : "collapsed");
}

}  // namespace

void ActivityList::Draw(Frame& frame, float height) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::ActivityView& activity = frame.page.activity();
  const std::vector<trash::ActivityRow>& rows = activity.rows();
  const bool narrow = CurrentLayout().narrow();
  const float lineH = ImGui::GetTextLineHeight();
  const float rowH = narrow ? lineH * 2 + 22 * d : std::max(ImGui::GetFrameHeight(), lineH) + 14 * d;
  const float headerH = narrow ? 0.f : lineH + 16 * d;
  if (cursor_ && *cursor_ >= rows.size()) cursor_.reset();

  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  ImGui::PushStyleColor(ImGuiCol_Border, p.border);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8 * d);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("##activity-list", ImVec2(0, height), true, ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  {
    const ImVec2 a = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    RegisterRect("activity/grid", "grid", "Activity", a, ImVec2(a.x + s.x, a.y + s.y)).count =
        int(rows.size()) + (narrow ? 0 : 1);
  }
  if (!narrow) DrawHeaderRow(headerH);
  const size_t total = rows.size() + (activity.hasMore() ? 1 : 0);  // the last line says more are coming
  pageRows_ = std::max<size_t>(1, size_t((height - headerH) / rowH));
  if (scrollToCursor_ && cursor_) {
    const float top = headerH + float(*cursor_) * rowH, sy = ImGui::GetScrollY();
    if (top - headerH < sy)
      ImGui::SetScrollY(top - headerH);
    else if (top + rowH > sy + height)
      ImGui::SetScrollY(top + rowH - height);
  }
  scrollToCursor_ = false;
  ImGuiListClipper clipper;
  clipper.Begin(int(total), rowH);
  int lastDrawn = -1;
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ImGui::PushID(i);
      if (size_t(i) >= rows.size()) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + 12 * d, at.y + (rowH - lineH) * 0.5f), p.textMuted,
                                            "Loading more activity\xe2\x80\xa6");
        RegisterRect("activity/loading-more", "status", "Loading more activity\xe2\x80\xa6", at,
                     ImVec2(at.x + ImGui::GetWindowWidth(), at.y + rowH), "busy");
        ImGui::Dummy(ImVec2(ImGui::GetWindowWidth(), rowH));
      } else if (narrow) {
        DrawNarrowRow(frame, size_t(i), rowH);
      } else {
        DrawTableRow(frame, size_t(i), rowH);
      }
      lastDrawn = i;
      ImGui::PopID();
    }
  }
  AskForMore(frame, lastDrawn);
  ImGui::EndChild();
}

// The next page is asked for as the last rows come into view (the core ignores a second ask).
void ActivityList::AskForMore(Frame& frame, int lastDrawn) {
  const trash::ActivityView& activity = frame.page.activity();
  if (!activity.hasMore() || frame.page.activityLoad().status != trash::LoadStatus::Loaded) return;
  if (lastDrawn >= 0 && size_t(lastDrawn) + 20 >= activity.rows().size()) frame.Emit(trash::intent::LoadMoreActivity{});
}

void ActivityList::DrawHeaderRow(float headerH) {
  const Palette& p = CurrentPalette();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetWindowContentRegionMax().x;  // the scrollbar keeps its own room
  const Columns c = LayOut(width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + headerH), p.surfaceAlt);
  RegisterRect("activity/header", "headerrow", "Columns", a, ImVec2(a.x + width, a.y + headerH)).index = 1;
  ImGui::PushFont(CurrentFonts().strong);
  const float y = a.y + (headerH - ImGui::GetTextLineHeight()) * 0.5f;
  for (int i = 0; i < kColumnCount; ++i) {
    if (!c.shown[i]) continue;
    dl->AddText(ImVec2(a.x + c.x[i], y), p.textMuted, kColumnNames[i]);
    RegisterRect(trash::Concat("activity/header/", kColumnNames[i]).c_str(), "columnheader", kColumnNames[i],
                 ImVec2(a.x + c.x[i], a.y), ImVec2(a.x + c.x[i] + c.w[i], a.y + headerH));
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(width, headerH));
}

// The row's background, hit area, keyboard ring and registry entry; a click moves the cursor
// there and expands a run.
void ActivityList::RowFrame(Frame& frame, size_t index, const ImVec2& a, const ImVec2& b, const std::string& id,
                            const std::string& label) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::ActivityView& activity = frame.page.activity();
  const trash::ActivityRow& row = activity.rows()[index];
  if (!frame.focusRequest.empty() && frame.focusRequest == id) {  // the mirror moved focus here
    cursor_ = index;
    showRing_ = true;
  }
  ImGui::SetCursorScreenPos(a);
  ImGui::InvisibleButton("##row", ImVec2(b.x - a.x, b.y - a.y));
  ImGui::SetItemAllowOverlap();
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
  if (ImGui::IsItemClicked()) {
    cursor_ = index;
    showRing_ = false;
    const trash::AuditEvent& event = activity.EventOf(row);
    if (row.kind == trash::ActivityRowKind::Event && event.isRunSummary())
      frame.Emit(trash::intent::ToggleActivityRun{event.runId});
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool focused = cursor_ && *cursor_ == index;
  if (row.kind != trash::ActivityRowKind::Event) dl->AddRectFilled(a, b, WithAlpha(p.surfaceAlt, 0.6f));
  if (hovered) dl->AddRectFilled(a, b, p.rowHover);
  dl->AddLine(ImVec2(a.x, b.y - d), ImVec2(b.x, b.y - d), WithAlpha(p.border, 0.7f), d);
  if (focused && showRing_) dl->AddRect(ImVec2(a.x + d, a.y + d), ImVec2(b.x - d, b.y - d), p.accent, 4 * d, 0, 2 * d);
  RegisterRect(id.c_str(), "row", label.c_str(), a, b, RowState(false, focused)).index = int(index) + 2;
}

void ActivityList::DrawTableRow(Frame& frame, size_t index, float rowH) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::ActivityView& activity = frame.page.activity();
  const trash::ActivityRow& row = activity.rows()[index];
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetWindowContentRegionMax().x;  // the scrollbar keeps its own room
  const ImVec2 b(a.x + width, a.y + rowH);
  const trash::AuditEvent& event = activity.EventOf(row);
  if (row.kind == trash::ActivityRowKind::MoreMembers || row.kind == trash::ActivityRowKind::LoadingMembers) {
    DrawRunRow(frame, row, index, false);
    return;
  }
  const trash::ActivityFacts f = trash::FactsOf(event, frame.nowMs);
  frame.WakeAt(f.whenChangesMs);
  const std::string id = RowIdOf(event, index);
  RowFrame(frame, index, a, b, id, f.label);
  const Columns c = LayOut(width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float y = a.y + (rowH - ImGui::GetTextLineHeight()) * 0.5f;
  const auto cell = [&](int column, const std::string& text, const std::string& tip = {}) {
    const ImVec2 ca(a.x + c.x[column], a.y), cb(ca.x + c.w[column], b.y);
    RegisterRect(trash::Concat(id, "/", kColumnNames[column]).c_str(), "cell", text.c_str(), ca, cb, "", tip.c_str());
    if (!tip.empty() && ImGui::IsMouseHoveringRect(ca, cb)) {
      ImGui::SetCursorScreenPos(ca);
      ImGui::Dummy(ImVec2(cb.x - ca.x, cb.y - ca.y));
      ItemTooltip(tip.c_str());
    }
  };
  const float pad = 12 * d;
  Text(dl, a.x + c.x[kWhen], y, c.w[kWhen] - pad, p.textMuted, f.when);
  cell(kWhen, f.when, f.whenExact);
  Text(dl, a.x + c.x[kWho], y, c.w[kWho] - pad, p.text, f.who);
  cell(kWho, f.who);
  float actionX = a.x + c.x[kAction];
  if (event.isRunSummary() && row.kind == trash::ActivityRowKind::Event) {
    const trash::ActivityRun* run = activity.run(event.runId);
    const bool open = run && run->expanded;
    dl->AddText(ImVec2(actionX, y), p.textMuted, open ? icon::kChevronDown : icon::kChevronRight);
    actionX += 18 * d;
  }
  ImGui::PushFont(CurrentFonts().strong);
  Text(dl, actionX, y, c.w[kAction] - pad - (actionX - a.x - c.x[kAction]), p.text, f.action);
  ImGui::PopFont();
  cell(kAction, f.action);
  float itemX = a.x + c.x[kItem] + (row.kind == trash::ActivityRowKind::Member ? 16 * d : 0.f);
  if (!f.type.empty()) {
    dl->AddText(ImVec2(itemX, y), p.textMuted, TypeIcon(trash::ItemTypeFromName(event.type)));
    itemX += 22 * d;
  }
  const std::string where = f.parent.empty() ? f.type : trash::Concat(f.type, " in ", f.parent);
  const float itemRoom = a.x + c.x[kItem] + c.w[kItem] - pad - itemX;
  const std::string name = Fit(f.item, itemRoom * (where.empty() ? 1.f : 0.6f));
  dl->AddText(ImVec2(itemX, y), p.text, name.c_str());
  if (!where.empty()) {
    const float nameW = ImGui::CalcTextSize(name.c_str()).x + 8 * d;
    Text(dl, itemX + nameW, y, std::max(0.f, itemRoom - nameW), p.textMuted, where);
  }
  cell(kItem, f.item.empty() ? std::string() : trash::Concat(f.item, where.empty() ? "" : ", ", where));
  if (c.shown[kHow]) {
    Text(dl, a.x + c.x[kHow], y, c.w[kHow] - pad, p.textMuted, f.how);
    cell(kHow, f.how);
  }
  Text(dl, a.x + c.x[kDetails], y, c.w[kDetails] - pad, p.textMuted, f.details);
  cell(kDetails, f.details, f.details.empty() ? std::string() : trash::SanitizeForDisplay(event.detail));
  if (event.isRunSummary() && row.kind == trash::ActivityRowKind::Event) {
    const trash::ActivityRun* run = activity.run(event.runId);
    RunToggle(id, run && run->expanded, a, b);
  }
  ImGui::SetCursorScreenPos(ImVec2(a.x, b.y));
  ImGui::Dummy(ImVec2(0, 0));
}

// A phone's row: what happened to what on the first line, when on its right; who, how and the
// details muted on the second.
void ActivityList::DrawNarrowRow(Frame& frame, size_t index, float rowH) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::ActivityView& activity = frame.page.activity();
  const trash::ActivityRow& row = activity.rows()[index];
  if (row.kind == trash::ActivityRowKind::MoreMembers || row.kind == trash::ActivityRowKind::LoadingMembers) {
    DrawRunRow(frame, row, index, true);
    return;
  }
  const trash::AuditEvent& event = activity.EventOf(row);
  const trash::ActivityFacts f = trash::FactsOf(event, frame.nowMs);
  frame.WakeAt(f.whenChangesMs);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetWindowContentRegionMax().x;  // the scrollbar keeps its own room
  const ImVec2 b(a.x + width, a.y + rowH);
  const std::string id = RowIdOf(event, index);
  RowFrame(frame, index, a, b, id, f.label);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float lineH = ImGui::GetTextLineHeight();
  float x = a.x + (row.kind == trash::ActivityRowKind::Member ? 28 * d : 12 * d);
  const float top = a.y + (rowH - lineH * 2 - 4 * d) * 0.5f;
  const float whenW = ImGui::CalcTextSize(f.when.c_str()).x;
  dl->AddText(ImVec2(b.x - 12 * d - whenW, top), p.textMuted, f.when.c_str());
  if (event.isRunSummary() && row.kind == trash::ActivityRowKind::Event) {
    const trash::ActivityRun* run = activity.run(event.runId);
    dl->AddText(ImVec2(x, top), p.textMuted, run && run->expanded ? icon::kChevronDown : icon::kChevronRight);
    x += 18 * d;
    RunToggle(id, run && run->expanded, a, ImVec2(a.x + 24 * d + ImGui::GetFrameHeight(), b.y));
  }
  const std::string first = f.item.empty() ? f.action : trash::Concat(f.action, " \xc2\xb7 ", f.item);
  ImGui::PushFont(CurrentFonts().strong);
  Text(dl, x, top, b.x - 24 * d - whenW - x, p.text, first);
  ImGui::PopFont();
  std::string second = trash::Concat(f.who, " \xc2\xb7 ", f.how);
  if (!f.details.empty()) second += trash::Concat(" \xc2\xb7 ", f.details);
  Text(dl, x, top + lineH + 4 * d, b.x - 12 * d - x, p.textMuted, second);
  RegisterRect((id + "/when").c_str(), "cell", f.when.c_str(), ImVec2(b.x - 12 * d - whenW, top),
               ImVec2(b.x, top + lineH), "", f.whenExact.c_str());
  ImGui::SetCursorScreenPos(ImVec2(a.x, b.y));
  ImGui::Dummy(ImVec2(0, 0));
}

// The line after a run's members: more to load, a failure with Retry, or loading.
void ActivityList::DrawRunRow(Frame& frame, const trash::ActivityRow& row, size_t index, bool narrow) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::ActivityView& activity = frame.page.activity();
  const trash::AuditEvent& summary = activity.events()[row.event];
  const trash::ActivityRun* run = activity.run(summary.runId);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetWindowContentRegionMax().x;  // the scrollbar keeps its own room
  const float rowH = ImGui::GetFrameHeight() + 12 * d;
  const std::string id = trash::Concat(RowIdOf(summary, index), "/more");
  RegisterRect(trash::Concat(id, "-row").c_str(), "row", "More items of this run", a, ImVec2(a.x + width, a.y + rowH))
      .index = int(index) + 2;
  ImGui::SetCursorScreenPos(ImVec2(a.x + (narrow ? 28 : 40) * d, a.y + 6 * d));
  if (row.kind == trash::ActivityRowKind::LoadingMembers) {
    ImGui::AlignTextToFramePadding();
    TextColored(p.textMuted, "Loading the items of this run\xe2\x80\xa6");
  } else {
    if (run && !run->error.empty()) {
      ImGui::AlignTextToFramePadding();
      TextColored(p.red, trash::Concat("Couldn't load the items: ", trash::SanitizeForDisplay(run->error)).c_str());
      ImGui::SameLine(0, 8 * d);
    }
    ButtonOptions more;
    more.kind = ButtonKind::Link;
    more.id = id.c_str();
    if (Button(run && !run->error.empty() ? "Retry" : "Show more items", more))
      frame.Emit(trash::intent::LoadMoreRun{summary.runId});
  }
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + rowH));
  ImGui::Dummy(ImVec2(0, 0));
}

// [SECTION] Keyboard

void ActivityList::HandleKeys(Frame& frame) {
  if (frame.dialogOpen || TextFieldActive()) return;
  const trash::ActivityView& activity = frame.page.activity();
  const size_t n = activity.rows().size();
  if (n == 0) return;
  const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
  const size_t at = cursor_.value_or(0);
  std::optional<size_t> to;
  if (pressed(ImGuiKey_DownArrow)) to = cursor_ ? std::min(n - 1, at + 1) : 0;
  if (pressed(ImGuiKey_UpArrow)) to = at > 0 ? at - 1 : 0;
  if (pressed(ImGuiKey_PageDown)) to = std::min(n - 1, at + pageRows_);
  if (pressed(ImGuiKey_PageUp)) to = at > pageRows_ ? at - pageRows_ : 0;
  if (pressed(ImGuiKey_Home)) to = 0;
  if (pressed(ImGuiKey_End)) to = n - 1;
  if (to) {
    cursor_ = to;
    scrollToCursor_ = true;
    showRing_ = true;
  }
  if (cursor_ && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_Space))) {
    const trash::ActivityRow& row = activity.rows()[*cursor_];
    const trash::AuditEvent& event = activity.events()[row.event];
    if (row.kind == trash::ActivityRowKind::Event && event.isRunSummary())
      frame.Emit(trash::intent::ToggleActivityRun{event.runId});
    else if (row.kind == trash::ActivityRowKind::MoreMembers)
      frame.Emit(trash::intent::LoadMoreRun{event.runId});
  }
}

}  // namespace ui
