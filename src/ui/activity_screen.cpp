// The Activity screen (see activity_screen.h): header, filters and states around the list.
#include "ui/activity_screen.h"

#include <imgui.h>

#include <algorithm>  // std::max
#include <cstdio>     // snprintf
#include <string>     // labels
#include <utility>    // std::pair
#include <vector>     // choices

#include "core/permissions.h"  // MissingPermissionToViewActivity
#include "core/text.h"         // SanitizeForDisplay, Concat
#include "ui/layout.h"         // CurrentLayout
#include "ui/message_card.h"   // BeginMessage, EndMessage, ErrorMessageWithRetry, ErrorLineWithRetry
#include "ui/row_parts.h"      // TypeIcon
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/widgets.h"        // Button, Chip, TextField, SameLineOrWrap

namespace ui {
namespace {

// Short names for the action chips, in kAuditActions' order.
constexpr const char* kChipLabels[trash::kAuditActionCount] = {
    "Moved to Trash", "Restored", "Deleted", "Emptied Trash", "Cleanup", "Retention", "Sign-in throttled"};

// A drop-down of choices: a button showing the current one, a popup listing all ("" is "All …").
bool Choice(const char* id, const char* label, const std::vector<std::pair<std::string, std::string>>& options,
            std::string& value, float width) {
  std::string current = options.front().second;
  for (const auto& [key, name] : options)
    if (key == value) current = name;
  const std::string popup = trash::Concat("##popup-", id);
  ButtonOptions button;
  button.id = id;
  button.width = width;
  button.tooltip = label;
  const std::string text = trash::Concat(label, ": ", current);
  if (Button(text.c_str(), button)) ImGui::OpenPopup(popup.c_str());
  bool changed = false;
  if (ImGui::BeginPopup(popup.c_str())) {
    for (const auto& [key, name] : options) {
      if (ImGui::Selectable(trash::Concat(name, "##", key).c_str(), key == value)) {
        changed = key != value;
        value = key;
      }
      RegisterLastItem(trash::Concat(id, "/", key.empty() ? "all" : key.c_str()).c_str(), "button", name.c_str(),
                       key == value ? "selected" : "");
    }
    ImGui::EndPopup();
  }
  return changed;
}

}  // namespace

void ActivityScreen::Draw(Frame& frame) {
  const trash::PageState& page = frame.page;
  const auto& session = page.session();
  const std::optional<std::string> missing =
      session ? trash::MissingPermissionToViewActivity(*session) : std::optional<std::string>("view_activity");
  DrawHeader(frame, !missing);
  if (missing) {
    const std::string text = trash::Concat("Your role lacks the ", trash::SanitizeForDisplay(*missing),
                                           " permission. Ask a workspace owner to add it to your role.");
    BeginMessage("state/forbidden", icon::kLock, CurrentPalette().textMuted, "You don't have access to the activity",
                 text.c_str());
    EndMessage("state/forbidden", "You don't have access to the activity");
    return;
  }
  SyncFields(page.activity().filters());
  DrawFilters(frame);
  ImGui::Dummy(ImVec2(0, 4 * Dpr()));
  if (DrawState(frame)) return;
  list_.HandleKeys(frame);
  const float height = std::max(280 * Dpr(), ImGui::GetContentRegionAvail().y);
  list_.Draw(frame, height);
}

void ActivityScreen::DrawHeader(Frame& frame, bool allowed) {
  const float d = Dpr();
  const float top = ImGui::GetCursorPosY();
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(CurrentFonts().title);
  ImGui::TextUnformatted("Activity");
  ImGui::PopFont();
  TextWrappedMuted("Who moved what to Trash, restored it or deleted it for good, and what the cleanup purged.");
  if (!allowed) {
    ImGui::Dummy(ImVec2(0, 8 * d));
    return;
  }
  // Export and Refresh at the title's right.
  const float h = ImGui::GetFrameHeight();
  const bool exporting = frame.page.exporting();
  const char* exportLabel = "Export CSV";
  const float exportW = ImGui::CalcTextSize(exportLabel).x + ImGui::CalcTextSize(icon::kDownload).x +
                        ImGui::GetStyle().FramePadding.x * 2 + 12 * d;
  // Beside the title; a phone's title line has no room for them: they get their own line.
  const bool narrow = CurrentLayout().narrow();
  const ImVec2 keep = ImGui::GetCursorPos();
  if (narrow)
    ImGui::Dummy(ImVec2(0, 4 * d));
  else
    ImGui::SetCursorPos(ImVec2(right - exportW - h - 10 * d, top));
  ButtonOptions csv;
  csv.icon = icon::kDownload;
  csv.id = "activity/export";
  csv.busy = exporting;
  csv.tooltip = "Download the events these filters show as a CSV file";
  csv.width = exportW;
  if (Button(exportLabel, csv)) frame.Emit(trash::intent::ExportActivity{});
  if (narrow)
    ImGui::SameLine(0, 8 * d);
  else
    ImGui::SetCursorPos(ImVec2(right - h - 2 * d, top));  // at the right edge, whatever Export's width came to
  const bool loading = frame.page.activityLoad().status == trash::LoadStatus::Loading;
  ButtonOptions refresh;
  refresh.busy = loading;
  refresh.id = "activity/refresh";
  refresh.tooltip = "Refresh";
  refresh.width = h;
  if (IconButton(loading ? "" : icon::kRefresh, "Refresh", refresh)) frame.Emit(trash::intent::Refresh{});
  if (!narrow) ImGui::SetCursorPos(keep);
  ImGui::Dummy(ImVec2(0, 8 * d));
}

// The text fields follow the core's filters when those change from elsewhere (the address, Clear).
void ActivityScreen::SyncFields(const trash::ActivityFilters& filters) {
  if (synced_ && filters == shown_) return;
  std::snprintf(query_, sizeof query_, "%s", filters.query.c_str());
  std::snprintf(from_, sizeof from_, "%s", filters.from.c_str());
  std::snprintf(to_, sizeof to_, "%s", filters.to.c_str());
  shown_ = filters;
  synced_ = true;
}

void ActivityScreen::DrawFilters(Frame& frame) {
  const float d = Dpr();
  trash::ActivityFilters next = frame.page.activity().filters();
  bool changed = false;
  const float width = ImGui::GetContentRegionAvail().x;
  const bool narrow = CurrentLayout().narrow();
  if (TextField("##activity-search", "Search by name", "Search by name", query_, sizeof query_,
                narrow ? width : std::min(320 * d, width))) {
    next.query = query_;
    changed = true;
  }
  if (!next.item.empty()) {  // one item's history: a chip that clears it
    const std::string label =
        trash::Concat("History of ", next.type.empty() ? std::string("item") : trash::SanitizeForDisplay(next.type),
                      " ", trash::SanitizeForDisplay(next.item), "  \xc3\x97");
    SameLineOrWrap(ChipWidth(label), 8 * d);
    if (Chip("activity/item", label, true)) {
      next.item.clear();
      next.type.clear();
      changed = true;
    }
  }
  DrawMenus(frame, next, &changed);
  DrawDates(frame, next, &changed);
  DrawActionChips(frame, next, &changed);
  if (changed) {
    shown_ = next;  // the fields already show it
    frame.Emit(trash::intent::FilterActivity{next});
  }
}

void ActivityScreen::DrawActionChips(Frame&, trash::ActivityFilters& next, bool* changed) {
  const float d = Dpr();
  for (size_t i = 0; i < trash::kAuditActionCount; ++i) {
    const std::string label = kChipLabels[i];
    if (i > 0) SameLineOrWrap(ChipWidth(label), 6 * d);
    if (Chip(trash::Concat("activity/action/", trash::AuditActionName(trash::kAuditActions[i])), label,
             next.actions[i])) {
      next.actions[i] = !next.actions[i];
      *changed = true;
    }
  }
}

void ActivityScreen::DrawMenus(Frame& frame, trash::ActivityFilters& next, bool* changed) {
  const float d = Dpr();
  const bool narrow = CurrentLayout().narrow();
  std::vector<std::pair<std::string, std::string>> users = {{"", "Everyone"}};
  for (const trash::AuditActor& actor : frame.page.activity().actors())
    users.emplace_back(actor.id, trash::SanitizeForDisplay(actor.name.empty() ? actor.id : actor.name));
  if (!next.actor.empty() && frame.page.activity().ActorName(next.actor).empty())
    users.emplace_back(next.actor, trash::SanitizeForDisplay(next.actor));  // from the address, not yet listed
  const float menuW = narrow ? (ImGui::GetContentRegionAvail().x - 8 * d) * 0.5f : 180 * d;
  if (!narrow) SameLineOrWrap(menuW, 8 * d);
  if (Choice("activity/user", "User", users, next.actor, menuW)) *changed = true;
  std::vector<std::pair<std::string, std::string>> types = {{"", "All types"}};
  for (trash::ItemType type : trash::kAllItemTypes)
    if (type != trash::ItemType::Unknown)
      types.emplace_back(std::string(trash::ItemTypeName(type)), std::string(trash::ItemTypeDisplayName(type)));
  SameLineOrWrap(menuW, 8 * d);
  if (Choice("activity/type", "Type", types, next.type, menuW)) *changed = true;
}

// From and To: dates as typed; one the API cannot read says so under the fields and is left out.
void ActivityScreen::DrawDates(Frame&, trash::ActivityFilters& next, bool* changed) {
  const float d = Dpr();
  const bool narrow = CurrentLayout().narrow();
  const float w = narrow ? (ImGui::GetContentRegionAvail().x - 8 * d) * 0.5f : 130 * d;
  if (!narrow) SameLineOrWrap(w, 8 * d);
  if (TextField("##activity-from", "From date", "From 2026-12-01", from_, sizeof from_, w)) {
    next.from = from_;
    *changed = true;
  }
  SameLineOrWrap(w, 8 * d);
  if (TextField("##activity-to", "To date", "To 2026-12-31", to_, sizeof to_, w)) {
    next.to = to_;
    *changed = true;
  }
  const std::string error =
      !trash::DateFieldError(next.from).empty() ? trash::DateFieldError(next.from) : trash::DateFieldError(next.to);
  if (!error.empty()) {
    TextColored(CurrentPalette().red, error.c_str());
    RegisterLastItem("activity/date-error", "alert", error.c_str());
  }
}

bool ActivityScreen::DrawState(Frame& frame) {
  const Palette& p = CurrentPalette();
  const trash::PageState& page = frame.page;
  const trash::ActivityView& activity = page.activity();
  const trash::LoadState& load = page.activityLoad();
  if (!activity.events().empty()) {
    if (load.status == trash::LoadStatus::Error) {  // a later page failed: keep the rows, say so
      const std::string message = "Couldn't load more: " + trash::SanitizeForDisplay(load.error);
      if (ErrorLineWithRetry("activity/page-error", message, "activity/retry"))
        frame.Emit(trash::intent::LoadMoreActivity{});
    }
    return false;
  }
  if (load.status == trash::LoadStatus::Error) {
    if (ErrorMessageWithRetry("The activity could not be loaded", load.error)) frame.Emit(trash::intent::Retry{});
    return true;
  }
  if (!activity.loadedOnce()) {
    ImGui::Dummy(ImVec2(0, 8 * Dpr()));
    TextMuted("Loading activity\xe2\x80\xa6");
    RegisterLastItem("state/loading", "status", "Loading activity\xe2\x80\xa6", "busy");
    return true;
  }
  if (activity.filters().any()) {
    BeginMessage("state/no-match", icon::kSearch, p.textMuted, "No activity matches these filters",
                 "Try other filters, or clear them to see every event.", true);
    CentreNext(ButtonWidth("Clear filters"));
    ButtonOptions clear;
    clear.id = "state/clear-filters";
    if (Button("Clear filters", clear)) frame.Emit(trash::intent::FilterActivity{});
    EndMessage("state/no-match", "No activity matches these filters");
    return true;
  }
  BeginMessage("state/empty", icon::kHistory, p.textMuted, "No activity yet",
               "Moving items to Trash, restoring them and deleting them permanently will show up here.");
  EndMessage("state/empty", "No activity yet");
  return true;
}

}  // namespace ui
