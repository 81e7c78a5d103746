// The Trash screen (see trash_screen.h): the title, the storage panel, the toolbar and the action
// bar above the table (the states that replace it: trash_states.cpp; the keyboard: trash_keys.cpp;
// the phone's action bar: trash_screen_narrow.cpp). Filters, selection and the row cursor are
// TrashView UI state and change directly; restore, delete, refresh and retry are intents.
#include "ui/trash_screen.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is the search box being typed into

#include <algorithm>  // std::max, std::min
#include <cstdio>     // snprintf
#include <cstring>    // strlen
#include <string>     // labels

#include "core/countdown.h"    // FormatBytes, kExpiringSoonDays
#include "core/permissions.h"  // MissingPermissionToView, RestorableKeys, DeleteBlockedReason
#include "core/text.h"         // SanitizeForDisplay
#include "ui/layout.h"         // CurrentLayout: the narrow (phone) variants
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/widgets.h"        // Button, TextField, Pill, cards

namespace ui {
namespace {

// A filter chip: a toggle with a count, accent-tinted when on.
bool Chip(const char* id, const std::string& label, bool on, bool enabled) {
  const Palette& p = CurrentPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, on ? p.selection : p.surface);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.selection : p.surfaceAlt);
  ImGui::PushStyleColor(ImGuiCol_Border, on ? WithAlpha(p.accent, 0.6f) : p.border);
  ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent : p.text);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 999.f);
  const bool clicked = ImGui::Button((label + "##" + id).c_str());
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  SetHandCursorIfHovered();
  RegisterLastItem(id, "checkbox", label, on ? "checked" : "", {}, enabled);
  return clicked;
}

// Refresh, an icon button; a spinner while a listing is on its way.
void RefreshButton(Frame& frame) {
  const bool loading = frame.page.trashLoad().status == trash::LoadStatus::Loading;
  ButtonOptions refresh;
  refresh.busy = loading;
  refresh.id = "toolbar/refresh";
  refresh.tooltip = loading ? "Loading\xe2\x80\xa6" : "Refresh";
  refresh.width = ImGui::GetFrameHeight();
  if (IconButton(loading ? "" : icon::kRefresh, "Refresh", refresh)) frame.Emit(trash::intent::Refresh{});
}

}  // namespace

void TrashScreen::Draw(Frame& frame) {
  const trash::PageState& page = frame.page;
  std::optional<std::string> missing;
  if (page.session()) missing = trash::MissingPermissionToView(*page.session());
  DrawHeader(frame);
  if (page.screen() == trash::Screen::Forbidden || missing) {
    DrawForbidden(frame, missing ? missing->c_str() : std::string(trash::permission::kViewTrash).c_str());
    return;
  }
  UpdateCounts(frame);
  UpdateSelectionSummary(frame);
  DrawStorage(frame);
  ImGui::Dummy(ImVec2(0, 4 * Dpr()));
  DrawToolbar(frame);
  if (DrawState(frame)) {  // no rows to act on: only '/' and Esc mean something
    HandleKeys(frame, false);
    return;
  }
  const bool narrow = CurrentLayout().narrow();
  if (narrow)
    DrawActionBarNarrow(frame);
  else
    DrawActionBar(frame);
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

// [SECTION] Title and storage
void TrashScreen::DrawHeader(Frame& frame) {
  ImGui::PushFont(CurrentFonts().title);
  ImGui::TextUnformatted("Trash");
  ImGui::PopFont();
  const int days = trash::RetentionDaysOf(frame.page.session());
  char line[160];
  std::snprintf(line, sizeof line, "Items stay here for %d day%s, then they are permanently deleted.", days,
                days == 1 ? "" : "s");
  TextWrappedMuted(line);
  ImGui::Dummy(ImVec2(0, 8 * Dpr()));
}

void TrashScreen::DrawStorage(Frame& frame) {
  const auto& session = frame.page.session();
  if (!session) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::Storage& s = session->storage;
  const bool narrow = CurrentLayout().narrow();
  BeginCard("storage", 0, narrow ? 14 : 18);
  const float width = CardInnerWidth();
  const float left = ImGui::GetCursorPosX();
  ImGui::PushFont(CurrentFonts().strong);
  TextColored(p.textMuted, icon::kStorage);
  ImGui::SameLine(0, 8 * d);
  ImGui::TextUnformatted("Storage");
  ImGui::PopFont();
  const std::string used = trash::FormatBytes(s.usedBytes);
  std::string summary = s.quotaBytes > 0 ? used + " of " + trash::FormatBytes(s.quotaBytes) + " used" : used + " used";
  const float summaryW = ImGui::CalcTextSize(summary.c_str()).x;
  // What does not fit on the line goes to the next one (a phone's card is ~330 px wide).
  const float right = ImGui::GetWindowPos().x - ImGui::GetScrollX() + left + width;
  auto sameLineIfFits = [&](float w, float spacing) {
    if (ImGui::GetItemRectMax().x + spacing + w <= right) ImGui::SameLine(0, spacing);
  };
  sameLineIfFits(summaryW, 8 * d);
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), left + width - summaryW));
  TextMuted(summary.c_str());
  // The bar: everything used, with the part that is in Trash in amber-tinted stripes at its end.
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float barH = 8 * d;
  const float total = float(std::max<int64_t>(s.quotaBytes > 0 ? s.quotaBytes : s.usedBytes, 1));
  const float usedW = width * std::min(1.f, float(s.usedBytes) / total);
  const float trashW = std::min(usedW, width * float(s.trashBytes) / total);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + barH), p.surfaceAlt, barH * 0.5f);
  if (usedW > 0) dl->AddRectFilled(a, ImVec2(a.x + usedW, a.y + barH), p.accent, barH * 0.5f);
  if (trashW > 0) {
    const float x0 = a.x + usedW - trashW;
    dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(a.x + usedW, a.y + barH), p.amber, barH * 0.5f,
                      x0 <= a.x ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersRight);
  }
  ImGui::Dummy(ImVec2(width, barH));
  RegisterLastItem("storage/bar", "text", summary, "", "In Trash: " + trash::FormatBytes(s.trashBytes));
  // Legend and the plan note.
  const float dot = 8 * d;
  auto legend = [&](ImU32 color, const std::string& text) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float cy = pos.y + ImGui::GetTextLineHeight() * 0.5f;
    dl->AddCircleFilled(ImVec2(pos.x + dot * 0.5f, cy), dot * 0.5f, color, 12);
    ImGui::Dummy(ImVec2(dot, 1));
    ImGui::SameLine(0, 6 * d);
    ImGui::TextUnformatted(text.c_str());
  };
  legend(p.accent, "Active " + trash::FormatBytes(std::max<int64_t>(0, s.usedBytes - s.trashBytes)));
  char inTrash[96];
  const auto& partial = frame.page.partialListing();
  const size_t items = partial ? partial->total : visibleTotal_;
  std::snprintf(inTrash, sizeof inTrash, "In Trash %s \xc2\xb7 %zu item%s", trash::FormatBytes(s.trashBytes).c_str(),
                items, items == 1 ? "" : "s");
  sameLineIfFits(dot + 6 * d + ImGui::CalcTextSize(inTrash).x, 20 * d);
  legend(p.amber, inTrash);
  RegisterLastItem("storage/trash", "text", inTrash, "", "Trash counts toward your plan until permanently deleted.");
  const char* note = "Trash counts toward your plan until permanently deleted.";
  sameLineIfFits(ImGui::CalcTextSize(note).x, 20 * d);
  TextMuted(note);
  EndCard();
}

// [SECTION] Toolbar: search, type chips, expiring, refresh
void TrashScreen::UpdateCounts(Frame& frame) {
  trash::TrashView& tv = frame.list;
  tv.view();  // brings the generation up to date
  if (countsGeneration_ == tv.viewGeneration()) return;
  countsGeneration_ = tv.viewGeneration();
  typeCounts_.fill(0);
  visibleTotal_ = tv.visibleItemCount();
  const bool anyHidden = visibleTotal_ != tv.items().size();  // else no key lookups at all
  for (const trash::TrashItem& item : tv.items())
    if (!anyHidden || !tv.IsHidden(trash::KeyOf(item))) ++typeCounts_[size_t(item.type)];
}

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
  escapeLeftSearch_ = ImGui::GetActiveID() == searchId && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
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
  // Narrow: the search spans the line, with Refresh beside it (the action bar has no room).
  const bool narrow = CurrentLayout().narrow();
  const float searchW = narrow ? ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 8 * d : 260 * d;
  const float searchH = ImGui::GetFrameHeight();
  // The clear button sits in the field's right padding. It is submitted before the field so a
  // click on it is its own and does not also activate the field.
  const ImVec2 clearMin(searchPos.x + searchW - searchH, searchPos.y), clearMax(searchPos.x + searchW, searchPos.y + searchH);
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
    dl->AddText(ImVec2((clearMin.x + clearMax.x - iconW) * 0.5f, iconY), clearHovered ? p.text : p.textMuted, icon::kClose);
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
    RefreshButton(frame);
  }

  bool anyType = false;
  for (bool on : filters.types) anyType = anyType || on;
  size_t total = 0;
  for (size_t c : typeCounts_) total += c;
  auto chipWidth = [](const std::string& label) {
    return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  };
  const std::string allLabel = "All " + std::to_string(partial ? partial->total : total);
  SameLineOrWrap(chipWidth(allLabel), 16 * d);
  if (Chip("chip/all", allLabel, !anyType, !partial)) tv.ClearTypeFilter();
  for (trash::ItemType type : trash::kAllItemTypes) {
    const size_t count = typeCounts_[size_t(type)];
    if (count == 0 && !filters.types[size_t(type)]) continue;
    const std::string label = partial ? std::string(trash::ItemTypeDisplayName(type))
                                      : std::string(trash::ItemTypeDisplayName(type)) + " " + std::to_string(count);
    SameLineOrWrap(chipWidth(label), 6 * d);
    const bool on = filters.types[size_t(type)];
    if (Chip((std::string("chip/") + std::string(trash::ItemTypeName(type))).c_str(), label, on, !partial))
      tv.SetTypeFilter(type, !on);
  }
  bool expiring = filters.expiringSoon;
  const std::string days = std::to_string(trash::kExpiringSoonDays) + " days";  // what "soon" means
  const std::string expiringLabel = "Expiring within " + days;
  const std::string expiringTip = "Only items that will be permanently deleted within the next " + days;
  SameLineOrWrap((narrow ? kTouchTargetCss : 16) * d + 6 * d + ImGui::CalcTextSize(expiringLabel.c_str()).x, 16 * d);
  if (Checkbox("##expiring", expiringLabel.c_str(), &expiring, !partial, expiringTip.c_str())) {
    tv.SetExpiringSoon(expiring);
  }
  ImGui::SameLine(0, 6 * d);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(expiringLabel.c_str());
  if (ImGui::IsItemClicked()) tv.SetExpiringSoon(!expiring);
  SetHandCursorIfHovered();
  ImGui::EndDisabled();

  ImGui::Dummy(ImVec2(0, 2 * d));
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
  RegisterLastItem("selection/summary", "status", selection_.label);
}

void TrashScreen::DrawActionBar(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  trash::TrashView& tv = frame.list;
  const trash::Session& session = *frame.page.session();
  const auto deleteBlocked = trash::DeleteBlockedReason(session);
  const float barH = ImGui::GetFrameHeight() + 12 * d;
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float textY = (barH - ImGui::GetFrameHeight()) * 0.5f;
  const size_t count = selection_.count;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::BeginGroup();
  if (count > 0) {
    dl->AddRectFilled(a, ImVec2(a.x + width, a.y + barH), p.selection, 8 * d);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 14 * d, a.y + textY));
    DrawSelectionLabel();
    ImGui::SameLine(0, 16 * d);
    ButtonOptions restore;
    restore.kind = ButtonKind::Primary;
    restore.icon = icon::kUndo;
    restore.enabled = selection_.restorable > 0;
    restore.tooltip = selection_.restoreTip.c_str();
    restore.id = "selection/restore";
    if (Button("Restore", restore)) frame.Emit(trash::intent::Restore{trash::RestorableKeys(session, tv.selectedItems())});
    ImGui::SameLine(0, 8 * d);
    ButtonOptions del;
    del.kind = ButtonKind::Danger;
    del.icon = icon::kTrash;
    del.enabled = !deleteBlocked;
    del.tooltip = deleteBlocked ? deleteBlocked->c_str() : nullptr;
    del.id = "selection/delete";
    if (Button("Delete permanently", del))
      frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeletePermanently, tv.selectedKeys(), {}});
    ImGui::SameLine(0, 8 * d);
    ButtonOptions clear;
    clear.kind = ButtonKind::Ghost;
    clear.id = "selection/clear";
    clear.tooltip = "Clear the selection (Esc)";
    if (Button("Clear", clear)) {
      tv.ClearSelection();
    }
    ImGui::SetCursorScreenPos(ImVec2(a.x + width - ImGui::GetFrameHeight() - 8 * d, a.y + textY));
    RefreshButton(frame);
  } else {
    ImGui::SetCursorScreenPos(ImVec2(a.x + 2 * d, a.y + textY));
    const trash::View& view = tv.view();
    char label[128];
    const auto& partial = frame.page.partialListing();
    if (partial)
      std::snprintf(label, sizeof label, "Showing the first %zu of %zu items \xc2\xb7 loading the rest\xe2\x80\xa6",
                    partial->shown, partial->total);
    else
      std::snprintf(label, sizeof label, "%zu item%s \xc2\xb7 %s", view.matchCount, view.matchCount == 1 ? "" : "s",
                    trash::FormatBytes(view.matchBytes).c_str());
    ImGui::AlignTextToFramePadding();
    TextMuted(label);
    if (partial) RegisterLastItem("state/loading-rest", "status", label, "busy");
    ImGui::SameLine();
    const char* restoreAllTip = "Restore every item in the Trash";
    const float emptyW = ImGui::CalcTextSize("Empty Trash").x + ImGui::CalcTextSize(icon::kTrash).x +
                         ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize("  ").x;
    const float restoreW = ImGui::CalcTextSize("Restore All").x + ImGui::CalcTextSize(icon::kUndo).x +
                           ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize("  ").x;
    ImGui::SetCursorScreenPos(ImVec2(a.x + width - emptyW - restoreW - ImGui::GetFrameHeight() - 16 * d, a.y + textY));
    RefreshButton(frame);
    ImGui::SameLine(0, 8 * d);
    // Restore All and Empty Trash name what they act on (count, storage): they wait for all of it.
    const bool any = visibleTotal_ > 0 && !partial;
    const char* waiting = "Available once the whole Trash has loaded";
    ButtonOptions all;
    all.icon = icon::kUndo;
    all.enabled = any;
    all.tooltip = partial ? waiting : any ? restoreAllTip : "The Trash is empty";
    all.id = "bulk/restore-all";
    if (Button("Restore All", all)) frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmRestoreAll, {}, {}});
    ImGui::SameLine(0, 8 * d);
    ButtonOptions empty;
    empty.icon = icon::kTrash;
    empty.enabled = any && !deleteBlocked;
    empty.tooltip = partial         ? waiting
                    : deleteBlocked ? deleteBlocked->c_str()
                    : any           ? "Permanently delete everything in the Trash"
                                    : "The Trash is empty";
    empty.id = "bulk/empty-trash";
    ImGui::PushStyleColor(ImGuiCol_Text, empty.enabled ? p.danger : p.textMuted);
    if (Button("Empty Trash", empty)) frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmEmptyTrash, {}, {}});
    ImGui::PopStyleColor();
  }
  ImGui::SetCursorScreenPos(a);
  ImGui::Dummy(ImVec2(width, barH));
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(0, 2 * d));
}

}  // namespace ui
