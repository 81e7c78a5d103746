// The Projects screen (see projects_screen.h): a table of the active projects, registered as a
// grid like the Trash's (a row per project, named by it); "Move to Trash" opens the Delete Project
// dialog, and only the project's owner may use it. Without view_trash it says "no access".
#include "ui/projects_screen.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentTable: the grid's and the rows' rectangles

#include <algorithm>  // std::max
#include <string>     // labels

#include "core/countdown.h"    // FormatBytes
#include "core/permissions.h"  // DeleteProjectBlockedReason
#include "core/text.h"         // SanitizeForDisplay, FormatCount
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
  RegisterLastItem(rowId + "/" + column, "cell", text);
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
  RegisterLastItem("projects/forbidden", "status", "You don't have access to the Trash", "", text);
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
    RegisterLastItem("projects/error", "alert", message);
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
void SetupColumns(const Layout& layout) {
  const float d = Dpr();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Versions", ImGuiTableColumnFlags_WidthFixed, 76 * d);
  ImGui::TableSetupColumn("Models", ImGuiTableColumnFlags_WidthFixed, 70 * d);
  ImGui::TableSetupColumn("Own images", ImGuiTableColumnFlags_WidthFixed, 96 * d);
  ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, 84 * d);
  ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, 130 * d);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, 140 * d);
  if (!layout.wide()) {
    for (int c : {1, 2, 4}) ImGui::TableSetColumnEnabled(c, !layout.narrow());
    for (int c : {3, 5}) ImGui::TableSetColumnEnabled(c, layout.cssWidth >= 1000);
  }
}

// The header row, registered as the grid's first row.
void DrawHeaderRow(float rowH) {
  const Palette& p = CurrentPalette();
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, rowH);
  {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    RegisterRect("projects/header", "headerrow", "Columns", ImVec2(table->WorkRect.Min.x, table->RowPosY1),
                 ImVec2(table->WorkRect.Max.x, table->RowPosY1 + rowH))
        .index = 1;
  }
  for (int c = 0; c < 7; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::PushFont(CurrentFonts().strong);
    const char* title = ImGui::TableGetColumnName(c);  // "##actions" draws nothing
    ImGui::TableHeader(title);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    RegisterLastItem(std::string("projects/header/") + kColumnIds[c], "columnheader", c == 6 ? "Actions" : title);
  }
}

// One project: name and url, counts, size, owner and its Move to Trash button.
void DrawProjectRow(Frame& frame, const trash::Project& project, int i, float rowH, const trash::Session* session) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::TableNextRow(0, rowH);
  ImGui::PushID(i);
  const std::string name = trash::SanitizeForDisplay(project.name);
  const std::string url = trash::SanitizeForDisplay(project.url);
  const std::string rowId = "project/" + project.url;
  ImGui::TableSetColumnIndex(0);
  {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    RegisterRect(rowId, "row", name, ImVec2(table->WorkRect.Min.x, table->RowPosY1),
                 ImVec2(table->WorkRect.Max.x, table->RowPosY2))
        .index = i + 2;
  }
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, icon::kProject);
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  TextColored(p.text, name.c_str());
  RegisterLastItem(rowId + "/name", "cell", name + " (" + url + ")");
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  TextColored(p.textMuted, url.c_str());
  ImGui::TableSetColumnIndex(1);
  Cell(rowId, "versions", trash::FormatCount(uint64_t(project.versionCount)), p.text, true);
  ImGui::TableSetColumnIndex(2);
  Cell(rowId, "models", trash::FormatCount(uint64_t(project.modelCount)), p.text, true);
  ImGui::TableSetColumnIndex(3);
  Cell(rowId, "own-images", trash::FormatCount(uint64_t(project.exclusiveImageCount)), p.text, true);
  ItemTooltip((trash::FormatCount(uint64_t(project.exclusiveImageCount)) + " of its " +
               trash::FormatCount(uint64_t(project.imageCount)) + " images belong to no other project")
                  .c_str());
  ImGui::TableSetColumnIndex(4);
  Cell(rowId, "size", trash::FormatBytes(project.sizeBytes), p.textMuted, true);
  ImGui::TableSetColumnIndex(5);
  Cell(rowId, "owner", trash::SanitizeForDisplay(project.ownerName), p.text);
  ImGui::TableSetColumnIndex(6);
  const auto blocked = session ? trash::DeleteProjectBlockedReason(*session, project.ownerId, project.ownerName)
                               : std::optional<std::string>("Not signed in");
  ButtonOptions move;
  move.small = true;
  move.icon = icon::kTrash;
  move.enabled = !blocked;
  move.tooltip = blocked ? blocked->c_str() : "Move this project and its versions and models to the Trash";
  const std::string id = rowId + "/move-to-trash";
  move.id = id.c_str();
  const std::string accessible = "Move " + name + " to Trash";  // five alike buttons say which project
  move.name = accessible.c_str();
  if (Button("Move to Trash", move))
    frame.Emit(trash::intent::OpenDialog{trash::DialogKind::ConfirmDeleteProject, {}, project.url});
  ImGui::PopID();
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

  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX |
                                ImGuiTableFlags_NoSavedSettings;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  const Layout layout = CurrentLayout();
  const bool open = ImGui::BeginTable("##projects", 7, layout.wide() ? flags : flags | ImGuiTableFlags_Hideable,
                                      ImVec2(0, std::max(200 * d, ImGui::GetContentRegionAvail().y)));
  ImGui::PopStyleColor();
  if (!open) return;
  {  // the grid for assistive technology (+1: the header row)
    const ImRect& outer = ImGui::GetCurrentTable()->OuterRect;
    RegisterRect("projects/grid", "grid", "Projects", outer.Min, outer.Max).count = int(page.projects().size()) + 1;
  }
  SetupColumns(layout);
  const float rowH = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
  DrawHeaderRow(rowH);
  const trash::Session* session = page.session() ? &*page.session() : nullptr;
  ImGuiListClipper clipper;
  clipper.Begin(int(page.projects().size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      DrawProjectRow(frame, page.projects()[size_t(i)], i, rowH, session);
  ImGui::EndTable();
}

}  // namespace ui
