// The Trash screen (see trash_screen.h): what is drawn in which order, and the toolbar line
// (search, type chips, "Expiring within 7 days"); the header line is in trash_header.cpp, the
// states that replace the table in trash_states.cpp, the keyboard in trash_keys.cpp and the
// phone's action line in trash_screen_narrow.cpp. Filters, selection and the row cursor are
// TrashView UI state and change directly; restore, delete, refresh and retry are intents.
#include "ui/trash_screen.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is the search box being typed into

#include <algorithm>  // std::max, std::min
#include <string>     // labels
#include <vector>     // the chips of a line

#include "core/countdown.h"    // kExpiringSoonDays
#include "core/permissions.h"  // MissingPermissionToView
#include "core/text.h"         // FormatCount, Concat
#include "ui/layout.h"         // CurrentLayout: the narrow (phone) variants
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/widgets.h"        // Button, Chip, TextField, Checkbox

namespace ui {
namespace {

// The chip of the types that did not fit: "+2 ⌄".
std::string MoreLabel(size_t hidden) {
  return trash::Concat("+", trash::FormatCount(hidden), "  ", icon::kChevronDown);
}

}  // namespace

void TrashScreen::Draw(Frame& frame) {
  const trash::PageState& page = frame.page;
  std::optional<std::string> missing;
  if (page.session()) missing = trash::MissingPermissionToView(*page.session());
  const bool forbidden = page.screen() == trash::Screen::Forbidden || missing;
  if (!forbidden) {
    UpdateCounts(frame);
    UpdateSelectionSummary(frame);
  }
  DrawTitleRow(frame, forbidden);
  if (forbidden) {
    DrawForbidden(frame, missing ? missing->c_str() : std::string(trash::permission::kViewTrash).c_str());
    return;
  }
  DrawQuotaWarning(frame);
  DrawToolbar(frame);
  const bool narrow = CurrentLayout().narrow();
  if (DrawState(frame)) {  // no rows to act on: only '/' and Esc mean something
    HandleKeys(frame, false);
    return;
  }
  if (narrow && !narrowActionsInline_) DrawActionBarNarrow(frame);
  HandleKeys(frame, true);
  if (narrow) {  // two-line rows inline in the page's scrolling content
    table_.DrawNarrow(frame, selection_.count);
    table_.DrawMenu(frame);
    return;
  }
  const float height = std::max(240 * Dpr(), ImGui::GetContentRegionAvail().y);
  table_.Draw(frame, height, selection_.count);
  table_.DrawMenu(frame);
}

// [SECTION] Toolbar: search, type chips, expiring, refresh
void TrashScreen::UpdateCounts(Frame& frame) {
  trash::TrashView& tv = frame.list;
  tv.view();  // brings the generation up to date
  if (countsGeneration_ == tv.viewGeneration()) return;
  countsGeneration_ = tv.viewGeneration();
  visibleTotal_ = tv.visibleItemCount();
  // By the view's per-item flags: looking each item's key up (while a removal is in flight) made
  // the frame of a Restore click at 100,000 items tens of ms longer.
  typeCounts_ = tv.VisibleTypeCounts();
}

// One line: the search, then the filters. It keeps one height whatever the counts say (a large
// listing that finishes loading gives the chips counts and more types): chips that do not fit
// go into a "+N" menu instead of onto a second line.
void TrashScreen::DrawToolbar(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::Filters& filters = tv.filters();

  const ImGuiID searchId = ImGui::GetID("##search");
  // Esc in the search leaves it and keeps the query and its results, so the arrows walk the
  // matches; a second Esc (on the list) or the clear button empties it. ImGui 1.86 would revert
  // the edit on Esc, so the field is let go before it can see the key (its buffer already holds
  // every edit: an active InputText writes back each frame).
  escapeLeftSearch_ =
      ImGui::GetActiveID() == searchId && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (escapeLeftSearch_) ImGui::ClearActiveID();
  // The query may change from outside the box (a deep link, back and forward, Clear filters):
  // show it, unless the user is typing there right now.
  if (ImGui::GetActiveID() != searchId && filters.query != query_) {
    const size_t n = std::min(filters.query.size(), sizeof query_ - 1);
    filters.query.copy(query_, n);
    query_[n] = 0;
  }
  // While only a first page is here, searching and filtering it would hide rows still on their way.
  const auto& partial = frame.page.partialListing();
  ImGui::BeginDisabled(partial.has_value());
  const ImVec2 searchPos = ImGui::GetCursorScreenPos();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float right = searchPos.x + avail;
  // Narrow: the search spans the line, with Refresh beside it; else it shares the line.
  const bool narrow = CurrentLayout().narrow();
  const float searchW = narrow ? avail - ImGui::GetFrameHeight() - 8 * d : std::clamp(avail * 0.26f, 180 * d, 260 * d);
  const float searchH = ImGui::GetFrameHeight();
  // The clear button sits in the field's right padding. It is submitted before the field so a
  // click on it is its own and does not also activate the field.
  const ImVec2 clearMin(searchPos.x + searchW - searchH, searchPos.y),
      clearMax(searchPos.x + searchW, searchPos.y + searchH);
  bool clearHovered = false;
  if (query_[0]) {
    ImGui::SetCursorScreenPos(clearMin);
    if (ImGui::InvisibleButton("##search-clear", ImVec2(searchH, searchH))) {
      query_[0] = 0;
      tv.SetQuery("");
    }
    clearHovered = ImGui::IsItemHovered();
    ImGui::SetCursorScreenPos(searchPos);
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(32 * d, ImGui::GetStyle().FramePadding.y));
  if (TextField("##search", "Search Trash", narrow ? "Search by name" : "Search by name  ( / )", query_, sizeof query_,
                searchW, 0, &focusSearch_))
    tv.SetQuery(query_);
  ImGui::PopStyleVar();
  const float iconY = searchPos.y + (searchH - ImGui::GetTextLineHeight()) * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(ImVec2(searchPos.x + 11 * d, iconY), p.textMuted, icon::kSearch);
  if (query_[0]) {
    const float iconW = ImGui::CalcTextSize(icon::kClose).x;
    dl->AddText(ImVec2((clearMin.x + clearMax.x - iconW) * 0.5f, iconY), clearHovered ? p.text : p.textMuted,
                icon::kClose);
    if (clearHovered) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::BeginTooltip();
      ImGui::TextUnformatted("Clear the search (Esc twice)");
      ImGui::EndTooltip();
    }
    RegisterRect("search/clear", "button", "Clear search", clearMin, clearMax, "", "Clear the search (Esc twice)");
  }
  if (narrow) {
    ImGui::SameLine(0, 8 * d);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, searchPos.y));
    ImGui::EndDisabled();  // Refresh works while the rest loads
    RefreshButton(frame);
    ImGui::BeginDisabled(partial.has_value());
    ImGui::SetCursorScreenPos(ImVec2(searchPos.x, searchPos.y + searchH + 8 * d));
  } else {
    ImGui::SetCursorScreenPos(ImVec2(searchPos.x + searchW + 16 * d, searchPos.y));
  }
  // An empty Trash has nothing to filter: no "All 0".
  bool anyFilter = filters.expiringSoon;
  for (bool on : filters.types) anyFilter = anyFilter || on;
  const bool loaded = frame.page.trashLoad().status == trash::LoadStatus::Loaded;
  float bottom = ImGui::GetCursorScreenPos().y + (narrow ? -8 * d : searchH);
  if (visibleTotal_ > 0 || partial || anyFilter || !loaded) bottom = DrawFilters(frame, right);
  ImGui::EndDisabled();
  ImGui::SetCursorScreenPos(ImVec2(searchPos.x, bottom));
  ImGui::Dummy(ImVec2(0, 0));  // the style's item spacing below
}

float TrashScreen::DrawFilters(Frame& frame, float right) {
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::Filters& filters = tv.filters();
  const auto& partial = frame.page.partialListing();
  const bool narrow = CurrentLayout().narrow();
  const ImVec2 start = ImGui::GetCursorScreenPos();

  struct ChipSpec {
    std::string id, label;
    bool on;
    trash::ItemType type;
  };
  bool anyType = false;
  for (bool on : filters.types) anyType = anyType || on;
  size_t total = 0;
  for (size_t c : typeCounts_) total += c;
  std::vector<ChipSpec> chips;
  chips.push_back({"chip/all", trash::Concat("All ", trash::FormatCount(partial ? partial->total : total)), !anyType,
                   trash::ItemType::Unknown});
  for (trash::ItemType type : trash::kAllItemTypes) {
    const size_t count = typeCounts_[size_t(type)];
    if (count == 0 && !filters.types[size_t(type)]) continue;
    std::string label(trash::ItemTypeDisplayName(type));
    if (!partial) label += trash::Concat(" ", trash::FormatCount(count));  // a first page's counts are not the type's
    chips.push_back({trash::Concat("chip/", trash::ItemTypeName(type)), label, filters.types[size_t(type)], type});
  }
  // "Expiring within 7 days" ends the line; on a phone it takes a line of its own, decided by
  // the width alone (never by the counts, so the line count does not change when they arrive).
  const std::string days = trash::Concat(std::to_string(trash::kExpiringSoonDays), " days");  // what "soon" means
  const std::string expiringLabel = trash::Concat("Expiring within ", days);
  const float expiringW = (narrow ? kTouchTargetCss : 16) * d + 6 * d + ImGui::CalcTextSize(expiringLabel.c_str()).x;
  const bool expiringOwnLine = right - start.x < expiringW + 16 * d + 220 * d;
  const float chipsRight = expiringOwnLine ? right : right - expiringW - 16 * d;
  const float spacing = 6 * d;
  // As many chips as fit, in order; the rest behind "+N".
  size_t shown = chips.size();
  float used = 0;
  for (size_t i = 0; i < chips.size(); ++i) {
    const float w = ChipWidth(chips[i].label);
    const float more = i + 1 < chips.size() ? spacing + ChipWidth(MoreLabel(chips.size() - i - 1)) : 0;
    if (start.x + used + w + more > chipsRight && i > 0) {
      shown = i;
      break;
    }
    used += w + spacing;
  }
  auto toggle = [&](const ChipSpec& c) {
    if (c.type == trash::ItemType::Unknown)
      tv.ClearTypeFilter();
    else
      tv.SetTypeFilter(c.type, !c.on);
  };
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) ImGui::SameLine(0, spacing);
    if (Chip(chips[i].id, chips[i].label, chips[i].on, !partial)) toggle(chips[i]);
  }
  if (shown < chips.size()) {
    bool hiddenOn = false;
    for (size_t i = shown; i < chips.size(); ++i) hiddenOn = hiddenOn || chips[i].on;
    ImGui::SameLine(0, spacing);
    const bool open = ImGui::IsPopupOpen("##more-types");
    if (Chip("chip/more", MoreLabel(chips.size() - shown), hiddenOn, !partial, "button",
             open ? "expanded" : "collapsed", trash::CountOf(chips.size() - shown, "more type", "more types").c_str()))
      ImGui::OpenPopup("##more-types");
    ItemTooltip("More types");
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4 * d));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * d, 8 * d));
    if (ImGui::BeginPopup("##more-types")) {
      for (size_t i = shown; i < chips.size(); ++i)
        if (Chip(chips[i].id, chips[i].label, chips[i].on, !partial)) {
          toggle(chips[i]);
          ImGui::CloseCurrentPopup();
        }
      ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
  }
  bool expiring = filters.expiringSoon;
  const std::string expiringTip = trash::Concat("Only items that will be permanently deleted within the next ", days);
  const float lineY = expiringOwnLine ? start.y + ImGui::GetFrameHeight() + 8 * d : start.y;
  if (expiringOwnLine)
    ImGui::SetCursorScreenPos(ImVec2(start.x, lineY));
  else
    ImGui::SameLine(0, 16 * d);
  if (Checkbox("##expiring", expiringLabel.c_str(), &expiring, !partial, expiringTip.c_str()))
    tv.SetExpiringSoon(expiring);
  ImGui::SameLine(0, 6 * d);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(expiringLabel.c_str());
  if (ImGui::IsItemClicked()) tv.SetExpiringSoon(!expiring);
  SetHandCursorIfHovered();
  return lineY + ImGui::GetFrameHeight();
}

// [SECTION] Selection and bulk actions
void TrashScreen::UpdateSelectionSummary(Frame& frame) {
  trash::TrashView& tv = frame.list;
  tv.view();  // brings the generations up to date
  if (selectionGeneration_ == tv.selectionGeneration()) return;
  selectionGeneration_ = tv.selectionGeneration();
  selection_ = trash::SummarizeSelection(tv, frame.page.session() ? &*frame.page.session() : nullptr);
}

void TrashScreen::DrawSelectionLabel() const {
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(CurrentFonts().strong);
  TextColored(CurrentPalette().text, selection_.label.c_str());
  ImGui::PopFont();
  RegisterLastItem("selection/summary", "status", selection_.label.c_str());
}

}  // namespace ui
