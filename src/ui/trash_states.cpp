// The Trash screen's states that replace the table (loading, empty, no match, error, forbidden).
// Part of TrashScreen (see trash_screen.h).
#include <imgui.h>

#include <algorithm>  // std::min, std::max
#include <string>     // messages

#include "core/permissions.h"  // LacksPermission
#include "core/text.h"         // SanitizeForDisplay, Concat
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/trash_screen.h"
#include "ui/message_card.h"  // BeginMessage, EndMessage, ErrorMessageWithRetry, ErrorLineWithRetry
#include "ui/widgets.h"       // Button, cards

namespace ui {

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
      dl->AddRectFilled(ImVec2(a.x + 32 * d, a.y),
                        ImVec2(a.x + 32 * d + width * (0.22f + 0.05f * float(i % 3)), a.y + h), p.surfaceAlt, 3 * d);
      dl->AddRectFilled(ImVec2(a.x + width * 0.55f, a.y), ImVec2(a.x + width * 0.68f, a.y + h), p.surfaceAlt, 3 * d);
      dl->AddRectFilled(ImVec2(a.x + width * 0.78f, a.y), ImVec2(a.x + width, a.y + h), p.surfaceAlt, 3 * d);
      ImGui::Dummy(ImVec2(width, h + 10 * d));
    }
    EndCard();
    return true;
  }
  if (load.status == trash::LoadStatus::Error && !haveItems) {
    if (ErrorMessageWithRetry("The Trash could not be loaded", load.error)) frame.Emit(trash::intent::Retry{});
    return true;
  }
  if (load.status == trash::LoadStatus::Error) {  // a refresh failed: keep the rows, say so above them
    const std::string message = "Couldn't refresh: " + trash::SanitizeForDisplay(load.error);
    if (ErrorLineWithRetry("state/refresh-error", message, "state/retry", icon::kError))
      frame.Emit(trash::intent::Retry{});
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
                                        : trash::Concat("No items match \xe2\x80\x9c",
                                                        trash::SanitizeForDisplay(f.query), "\xe2\x80\x9d");
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
  const std::string text = trash::Concat(trash::LacksPermission(trash::SanitizeForDisplay(missing)),
                                         ". Ask a workspace owner to add it to your role.");
  BeginMessage("state/forbidden", icon::kLock, CurrentPalette().textMuted, "You don't have access to the Trash",
               text.c_str());
  EndMessage("state/forbidden", "You don't have access to the Trash");
}

}  // namespace ui
