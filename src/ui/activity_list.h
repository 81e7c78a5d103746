// The Activity list: every audit event the server has sent so far, one row each, newest first; an
// Empty Trash or cleanup run is one row that expands into its members. Only the rows in view are
// drawn (ImGuiListClipper), so 100,000 events cost what 30 do; reaching the end asks for the next
// page. Wide and medium pages get a table (when, who, action, item, how, details), a phone
// two-line rows. Registered as a grid for the accessibility mirror; ↑ ↓ PgUp PgDn Home End move a
// keyboard cursor, Enter or Space expands the cursor's run.
#pragma once

#include <cstddef>   // size_t
#include <optional>  // the cursor row
#include <string>    // row ids

#include <imgui.h>  // ImVec2

#include "core/activity.h"  // ActivityRow
#include "ui/frame.h"       // Frame

namespace ui {

class ActivityList {
 public:
  void Draw(Frame& frame, float height);
  void HandleKeys(Frame& frame);
  const std::optional<size_t>& cursor() const { return cursor_; }

 private:
  void DrawHeaderRow(float rowH);
  void DrawTableRow(Frame& frame, size_t index, float rowH);
  void DrawNarrowRow(Frame& frame, size_t index, float rowH);
  void DrawRunRow(Frame& frame, const trash::ActivityRow& row, size_t index, bool narrow);
  void RowFrame(Frame& frame, size_t index, const ImVec2& a, const ImVec2& b, const std::string& id,
                const std::string& label);
  void AskForMore(Frame& frame, int lastDrawn);

  std::optional<size_t> cursor_;
  bool scrollToCursor_ = false;
  bool showRing_ = false;
  size_t pageRows_ = 10;
};

}  // namespace ui
