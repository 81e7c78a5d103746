// The Trash screen's states that replace the table (loading, empty, no match, error, forbidden).
// Part of TrashScreen (see trash_screen.h).
#include <imgui.h>

#include <algorithm>  // std::min, std::max
#include <string>     // messages

#include "core/permissions.h"  // LacksPermission
#include "core/text.h"         // SanitizeForDisplay
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/trash_screen.h"
#include "ui/widgets.h"        // Button, cards

namespace ui {
namespace {

// A message in the list's place: a bordered area filling the rest of the page, with an icon,
// a title, a text and the caller's button centred in it, horizontally and vertically.
ImVec2 g_messageArea[2];

void BeginMessage(const char* id, const char* iconText, ImU32 iconColor, const char* title, const char* text,
                  bool withButton = false) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::PushID(id);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = std::max(240 * d, ImGui::GetContentRegionAvail().y);
  g_messageArea[0] = a;
  g_messageArea[1] = ImVec2(a.x + width, a.y + height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, g_messageArea[1], p.surface, 10 * d);
  dl->AddRect(a, g_messageArea[1], p.border, 10 * d, 0, d);
  const float textW = std::min({ImGui::CalcTextSize(text).x, 520 * d, width - 48 * d});
  const float circle = 22 * d;
  ImGui::PushFont(CurrentFonts().title);
  const float titleH = ImGui::GetTextLineHeight();
  const float titleW = ImGui::CalcTextSize(title).x;
  ImGui::PopFont();
  const float textH = ImGui::CalcTextSize(text, nullptr, false, textW + 1).y;
  const float contentH = circle * 2 + 12 * d + titleH + 6 * d + textH + (withButton ? 16 * d + ImGui::GetFrameHeight() : 0);
  const float top = a.y + std::max(24 * d, (height - contentH) * 0.5f);
  const float cx = a.x + width * 0.5f;
  dl->AddCircleFilled(ImVec2(cx, top + circle), circle, p.surfaceAlt, 32);
  ImGui::PushFont(CurrentFonts().title);
  const ImVec2 iconSize = ImGui::CalcTextSize(iconText);
  dl->AddText(ImVec2(cx - iconSize.x * 0.5f, top + circle - iconSize.y * 0.5f), iconColor, iconText);
  ImGui::SetCursorScreenPos(ImVec2(cx - titleW * 0.5f, top + circle * 2 + 12 * d));
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  const float x = cx - textW * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetItemRectMax().y + 6 * d));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW + 1);
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(a.x, ImGui::GetItemRectMax().y + 16 * d));
}

// Centres the next button of width w inside the message area.
void CentreNext(float w) {
  ImGui::SetCursorScreenPos(ImVec2((g_messageArea[0].x + g_messageArea[1].x - w) * 0.5f, ImGui::GetCursorScreenPos().y));
}

// The area is registered with the message's role: an error is an alert and carries the server's
// message, so assistive technology reads it too.
void EndMessage(const char* id, const char* title, const char* role = "status", const std::string& detail = {}) {
  RegisterRect(id, role, title, g_messageArea[0], g_messageArea[1], {}, detail);
  ImGui::SetCursorScreenPos(g_messageArea[0]);
  ImGui::Dummy(ImVec2(g_messageArea[1].x - g_messageArea[0].x, g_messageArea[1].y - g_messageArea[0].y));
  ImGui::PopID();
}

}  // namespace

bool TrashScreen::DrawState(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::PageState& page = frame.page;
  trash::TrashView& tv = frame.list;
  const trash::LoadState& load = page.trashLoad();
  const bool haveItems = visibleTotal_ > 0;

  if (!haveItems && (load.status == trash::LoadStatus::Loading || load.status == trash::LoadStatus::Idle)) {
    // A calm skeleton: the table's shape in soft bars, no animation (an idle page draws nothing).
    ImGui::Dummy(ImVec2(0, 8 * d));
    BeginCard("loading", 0, 20);
    ImGui::AlignTextToFramePadding();
    TextMuted("Loading Trash\xe2\x80\xa6");
    RegisterLastItem("state/loading", "status", "Loading Trash\xe2\x80\xa6", "busy");
    const float width = CardInnerWidth();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < 6; ++i) {
      ImGui::Dummy(ImVec2(0, 6 * d));
      const ImVec2 a = ImGui::GetCursorScreenPos();
      const float h = 12 * d;
      dl->AddRectFilled(a, ImVec2(a.x + 16 * d, a.y + h), p.surfaceAlt, 3 * d);
      dl->AddRectFilled(ImVec2(a.x + 32 * d, a.y), ImVec2(a.x + 32 * d + width * (0.22f + 0.05f * float(i % 3)), a.y + h),
                        p.surfaceAlt, 3 * d);
      dl->AddRectFilled(ImVec2(a.x + width * 0.55f, a.y), ImVec2(a.x + width * 0.68f, a.y + h), p.surfaceAlt, 3 * d);
      dl->AddRectFilled(ImVec2(a.x + width * 0.78f, a.y), ImVec2(a.x + width, a.y + h), p.surfaceAlt, 3 * d);
      ImGui::Dummy(ImVec2(width, h + 10 * d));
    }
    EndCard();
    return true;
  }
  if (load.status == trash::LoadStatus::Error && !haveItems) {
    const std::string message = trash::SanitizeForDisplay(load.error);
    BeginMessage("state/error", icon::kError, p.red, "The Trash could not be loaded", message.c_str(), true);
    CentreNext(ButtonWidth("Retry", icon::kRefresh));
    ButtonOptions retry;
    retry.kind = ButtonKind::Primary;
    retry.icon = icon::kRefresh;
    retry.id = "state/retry";
    if (Button("Retry", retry)) frame.Emit(trash::intent::Retry{});
    EndMessage("state/error", "The Trash could not be loaded", "alert", message);
    return true;
  }
  if (load.status == trash::LoadStatus::Error) {  // a refresh failed: keep the rows, say so above them
    const std::string message = "Couldn't refresh: " + trash::SanitizeForDisplay(load.error);
    ImGui::AlignTextToFramePadding();
    TextColored(p.red, icon::kError);
    ImGui::SameLine(0, 6 * d);
    ImGui::AlignTextToFramePadding();
    TextColored(p.red, message.c_str());
    RegisterLastItem("state/refresh-error", "alert", message);
    ImGui::SameLine();
    ButtonOptions retry;
    retry.kind = ButtonKind::Link;
    retry.id = "state/retry";
    if (Button("Retry", retry)) frame.Emit(trash::intent::Retry{});
  }
  if (!haveItems) {
    BeginMessage("state/empty", icon::kTrash, p.textMuted, "Trash is empty",
                 "Projects, versions, models, datasets and workflows you delete stay here until they are "
                 "permanently deleted, so you can restore them.");
    EndMessage("state/empty", "Trash is empty");
    return true;
  }
  const trash::View& view = tv.view();
  if (view.matchCount == 0 && page.partialListing()) {  // the filters may match rows still on their way
    ImGui::Dummy(ImVec2(0, 8 * d));
    TextMuted("Loading Trash\xe2\x80\xa6");
    RegisterLastItem("state/loading", "status", "Loading Trash\xe2\x80\xa6", "busy");
    return true;
  }
  if (view.matchCount == 0) {
    const trash::Filters& f = tv.filters();
    std::string title = f.query.empty() ? "No items match these filters"
                                        : "No items match \xe2\x80\x9c" + trash::SanitizeForDisplay(f.query) + "\xe2\x80\x9d";
    BeginMessage("state/no-match", icon::kSearch, p.textMuted, title.c_str(),
                 "Try another search, or clear the filters to see everything in the Trash.", true);
    CentreNext(ButtonWidth("Clear filters"));
    ButtonOptions clear;
    clear.id = "state/clear-filters";
    if (Button("Clear filters", clear)) {
      query_[0] = 0;
      tv.SetQuery("");
      tv.ClearTypeFilter();
      tv.SetExpiringSoon(false);
    }
    EndMessage("state/no-match", title.c_str());
    return true;
  }
  return false;
}

void TrashScreen::DrawForbidden(Frame&, const char* missing) {
  const std::string text = trash::LacksPermission(trash::SanitizeForDisplay(missing)) +
                           ". Ask a workspace owner to add it to your role.";
  BeginMessage("state/forbidden", icon::kLock, CurrentPalette().textMuted, "You don't have access to the Trash",
               text.c_str());
  EndMessage("state/forbidden", "You don't have access to the Trash");
}

}  // namespace ui
