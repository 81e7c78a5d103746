// The Projects screen (see projects_screen.h): a table of the active projects, registered as a
// grid like the Trash's (a row per project, named by it); "Move to Trash" opens the Delete Project
// dialog, and only the project's owner may use it. Without view_trash it says "no access".
#include "ui/projects_screen.h"

#include <imgui.h>
#include <algorithm>  // std::max, std::min
#include <cmath>      // std::floor, std::ceil
#include <string>     // labels

#include "core/countdown.h"    // FormatBytes
#include "core/permissions.h"  // DeleteProjectBlockedReason
#include "core/text.h"         // SanitizeForDisplay, FormatCount, Concat
#include "ui/grid.h"           // Grid: columns, header row, rows
#include "ui/layout.h"         // CurrentLayout: columns narrower pages hide
#include "ui/theme.h"          // palette, fonts, icons, Dpr
#include "ui/widgets.h"        // Button, RegisterLastItem

namespace ui {
namespace {

// A cell's text, registered as the row's cell `column` ("project/<url>/versions").
void Cell(const std::string& rowId, const char* column, const std::string& text, ImU32 color, bool right = false) {
  ImGui::AlignTextToFramePadding();
  if (right) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, ImGui::GetContentRegionAvail().x - w));
  }
  TextColored(color, text.c_str());
  RegisterLastItem(trash::Concat(rowId, "/", column).c_str(), "cell", text.c_str());
}

constexpr const char* kColumnIds[] = {"name", "versions", "models", "own-images", "size", "owner", "actions"};

// Without view_trash: the same "no access" as the Trash, and nothing was loaded.
void DrawForbidden() {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const std::string text =
      trash::LacksPermission(trash::permission::kViewTrash) + ". Ask a workspace owner to add it to your role.";
  ImGui::Dummy(ImVec2(0, 24 * d));
  TextColored(p.textMuted, icon::kLock);
  ImGui::SameLine(0, 8 * d);
  ImGui::PushFont(CurrentFonts().strong);
  TextColored(p.text, "You don't have access to the Trash");
  ImGui::PopFont();
  RegisterLastItem("projects/forbidden", "status", "You don't have access to the Trash", "", text.c_str());
  TextWrappedMuted(text.c_str());
}

// Instead of the table: the load's error with Retry, loading, or no projects. False when the
// table has rows to draw.
bool DrawStateInstead(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::PageState& page = frame.page;
  const trash::LoadState& load = page.projectsLoad();
  if (load.status == trash::LoadStatus::Error) {
    const std::string message = trash::SanitizeForDisplay(load.error);
    TextColored(p.red, icon::kError);
    ImGui::SameLine(0, 8 * d);
    TextColored(p.red, message.c_str());
    RegisterLastItem("projects/error", "alert", message.c_str());
    ButtonOptions retry;
    retry.icon = icon::kRefresh;
    retry.id = "projects/retry";
    if (Button("Retry", retry)) frame.Emit(trash::intent::Retry{});
    return true;
  }
  if (page.projects().empty()) {
    if (load.status == trash::LoadStatus::Loaded) {
      TextMuted("No active projects.");
      RegisterLastItem("projects/empty", "status", "No active projects.");
    } else {
      TextMuted("Loading projects\xe2\x80\xa6");
      RegisterLastItem("projects/loading", "status", "Loading projects\xe2\x80\xa6", "busy");
    }
    return true;
  }
  return false;
}

// The columns; narrower pages hide the counts (a phone keeps the name and the action).
constexpr int kColumnCount = 7;
constexpr const char* kTitles[] = {"Name", "Versions", "Models", "Own images", "Size", "Owner", "##actions"};
void SetUpColumns(const Layout& layout, GridColumn* columns) {
  const float d = Dpr();
  constexpr float kWidthCss[] = {0, 76, 70, 96, 84, 130, 140};
  for (int c = 0; c < kColumnCount; ++c) columns[c].width = kWidthCss[c] * d;
  columns[0].stretch = true;
  if (!layout.wide()) {
    for (int c : {1, 2, 4}) columns[c].enabled = !layout.narrow();
    for (int c : {3, 5}) columns[c].enabled = layout.cssWidth >= 1000;
  }
}

// The header row, registered as the grid's first row.
void DrawHeaderRow(Grid& grid, float rowH) {
  grid.BeginHeaderRow(rowH);
  RegisterRect("projects/header", "headerrow", "Columns", grid.RowMin(),
               ImVec2(grid.RowMax().x, grid.RowMin().y + rowH))
      .index = 1;
  for (int c = 0; c < kColumnCount; ++c) {
    if (!grid.Cell(c)) continue;
    grid.HeaderTitle(c, kTitles[c], GridTitle{});  // "##actions" draws nothing
    RegisterLastItem((std::string("projects/header/") + kColumnIds[c]).c_str(), "columnheader",
                     c == 6 ? "Actions" : kTitles[c]);
  }
}

// One project at `top`: name and url, counts, size, owner and its Move to Trash button.
void DrawProjectRow(Frame& frame, Grid& grid, const trash::Project& project, int i, float top, float rowH,
                    const trash::Session* session) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  grid.BeginRow(top, rowH);
  ImGui::PushID(i);
  const std::string name = trash::SanitizeForDisplay(project.name);
  const std::string url = trash::SanitizeForDisplay(project.url);
  const std::string rowId = trash::Concat("project/", project.url);
  grid.Cell(0);
  RegisterRect(rowId.c_str(), "row", name.c_str(), grid.RowMin(), grid.RowMax()).index = i + 2;
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, icon::kProject);
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  TextColored(p.text, name.c_str());
  RegisterLastItem(trash::Concat(rowId, "/name").c_str(), "cell", trash::Concat(name, " (", url, ")").c_str());
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, url.c_str());
  grid.Cell(1);
  Cell(rowId, "versions", trash::FormatCount(uint64_t(project.versionCount)), p.text, true);
  grid.Cell(2);
  Cell(rowId, "models", trash::FormatCount(uint64_t(project.modelCount)), p.text, true);
  grid.Cell(3);
  Cell(rowId, "own-images", trash::FormatCount(uint64_t(project.exclusiveImageCount)), p.text, true);
  ItemTooltip(trash::Concat(trash::FormatCount(uint64_t(project.exclusiveImageCount)), " of its ",
                            trash::FormatCount(uint64_t(project.imageCount)), " images belong to no other project")
                  .c_str());
  grid.Cell(4);
  Cell(rowId, "size", trash::FormatBytes(project.sizeBytes), p.textMuted, true);
  grid.Cell(5);
  Cell(rowId, "owner", trash::SanitizeForDisplay(project.ownerName), p.text);
  grid.Cell(6);
  const auto blocked = session ? trash::DeleteProjectBlockedReason(*session, project.ownerId, project.ownerName)
                               : std::optional<std::string>("Not signed in");
  ButtonOptions move;
  move.small = true;
  move.icon = icon::kTrash;
  move.enabled = !blocked;
  move.tooltip = blocked ? blocked->c_str() : "Move this project and its versions and models to the Trash";
  const std::string id = trash::Concat(rowId, "/move-to-trash");
  move.id = id.c_str();
  const std::string accessible = trash::Concat("Move ", name, " to Trash");  // five alike buttons say which project
  move.name = accessible.c_str();
  if (Button("Move to Trash", move))
    frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeleteProject, {}, project.url});
  ImGui::PopID();
}

// Only the rows in view are drawn, each at its place in the list.
void DrawProjectRows(Frame& frame, Grid& grid, float rowH) {
  const std::vector<trash::Project>& projects = frame.page.projects();
  const trash::Session* session = frame.page.session() ? &*frame.page.session() : nullptr;
  grid.EndRow();  // the header: the rows start under it
  const float listTop = grid.ListTop();
  const int first = int(std::floor(std::max(0.f, ImGui::GetScrollY()) / rowH));
  const int last = std::min(int(projects.size()), int(std::ceil((grid.InnerClipRect().Max.y - listTop) / rowH)));
  for (int i = first; i < last; ++i)
    DrawProjectRow(frame, grid, projects[size_t(i)], i, listTop + float(i) * rowH, rowH, session);
  grid.End(listTop + float(projects.size()) * rowH);
}

}  // namespace

void ProjectsScreen::Draw(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::PageState& page = frame.page;
  ImGui::PushFont(CurrentFonts().title);
  ImGui::TextUnformatted("Projects");
  ImGui::PopFont();
  TextMuted("Active projects in this workspace. A project moved to the Trash can be restored from there.");
  ImGui::Dummy(ImVec2(0, 8 * d));
  if (page.session() && trash::MissingPermissionToView(*page.session())) {
    DrawForbidden();
    return;
  }
  if (DrawStateInstead(frame)) return;

  const Layout layout = CurrentLayout();
  GridColumn columns[kColumnCount];
  SetUpColumns(layout, columns);
  const float cellPadY = ImGui::GetStyle().CellPadding.y;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  const bool open = grid_.Begin("##projects", columns, kColumnCount,
                                ImVec2(0, std::max(200 * d, ImGui::GetContentRegionAvail().y)), cellPadY);
  ImGui::PopStyleColor();
  if (!open) return;
  // The grid for assistive technology (+1: the header row).
  RegisterRect("projects/grid", "grid", "Projects", grid_.OuterRect().Min, grid_.OuterRect().Max).count =
      int(page.projects().size()) + 1;
  const float rowH = ImGui::GetFrameHeight() + cellPadY * 2;
  DrawHeaderRow(grid_, rowH);
  DrawProjectRows(frame, grid_, rowH);
}

}  // namespace ui
