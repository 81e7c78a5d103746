// Row pieces shared by both Trash layouts and the selection bars (see row_parts.h).
#include "ui/row_parts.h"

#include "core/text.h"  // Concat
#include "ui/theme.h"   // palette, icons

namespace ui {

std::string RowId(const trash::TrashItem& item) {
  if (item.parentId.empty()) return trash::Concat("row/", item.typeName, "/", item.id);
  return trash::Concat("row/", item.typeName, "/", item.parentId, "/", item.id);
}

const char* TypeIcon(trash::ItemType type) {
  switch (type) {
    case trash::ItemType::Project: return icon::kProject;
    case trash::ItemType::Version: return icon::kVersion;
    case trash::ItemType::Model: return icon::kModel;
    case trash::ItemType::Dataset: return icon::kDataset;
    case trash::ItemType::Workflow: return icon::kWorkflow;
    default: return icon::kInfo;
  }
}

ImU32 UrgencyColor(trash::Urgency urgency) {
  const Palette& p = CurrentPalette();
  switch (urgency) {
    case trash::Urgency::Red: return p.red;
    case trash::Urgency::Amber: return p.amber;
    case trash::Urgency::Normal: break;
  }
  return p.text;
}

const char* RowState(bool selected, bool focused, bool ring) {
  if (!focused) return selected ? "selected" : "";
  if (ring) return selected ? "selected focused focus-visible" : "focused focus-visible";
  return selected ? "selected focused" : "focused";
}

void RegisterTimeLeft(const std::string& rowId, const trash::RowFacts& facts) {
  const trash::TimeLeft& left = facts.timeLeft;
  RegisterLastItem(trash::Concat(rowId, "/time-left").c_str(), "timer", left.label.c_str(),
                   std::string(trash::UrgencyName(left.urgency)).c_str(), facts.purgeTime.c_str());
}

void RegisterImagesIndicator(const std::string& rowId, const trash::RowFacts& facts) {
  ItemTooltip(facts.imagesNote.c_str());
  RegisterLastItem(trash::Concat(rowId, "/images").c_str(), "img", "Also deletes exclusive images", "",
                   facts.imagesNote.c_str());
}

bool MouseUsedThisFrame() {
  const ImGuiIO& io = ImGui::GetIO();
  for (bool clicked : io.MouseClicked)
    if (clicked) return true;
  return io.MouseWheel != 0 || io.MouseWheelH != 0;
}

bool ActionButton(const trash::RowAction& action, const std::string& rowId, ButtonOptions options) {
  const std::string id = trash::Concat(rowId, "/", action.id);
  const std::string& tip = action.enabled ? action.hint : action.reason;
  options.id = id.c_str();
  options.enabled = action.enabled;
  options.tooltip = tip.empty() ? nullptr : tip.c_str();
  return Button(std::string(action.label).c_str(), options);
}

namespace {
ButtonOptions DeleteOptions(ButtonOptions options, bool labelled) {
  options.kind = labelled ? ButtonKind::Secondary : ButtonKind::Ghost;
  if (labelled) options.icon = icon::kTrash;
  return options;
}
}  // namespace

bool DeleteButton(const std::string& id, const std::string& blocked, ButtonOptions options, bool labelled) {
  const Palette& p = CurrentPalette();
  options = DeleteOptions(options, labelled);
  options.enabled = blocked.empty();
  options.tooltip = !blocked.empty() ? blocked.c_str()
                    : labelled       ? "Deletes it with its data now: this can't be undone"
                                     : "Delete permanently";
  options.id = id.c_str();
  options.name = "Delete permanently";
  ImGui::PushStyleColor(ImGuiCol_Text, blocked.empty() ? p.danger : p.textMuted);
  const bool clicked =
      labelled ? Button(kDeleteLabel, options) : IconButton(icon::kTrash, "Delete permanently", options);
  ImGui::PopStyleColor();
  return clicked;
}

float DeleteButtonWidth(ButtonOptions options, bool labelled) {
  return labelled ? ButtonDrawWidth(kDeleteLabel, DeleteOptions(options, true))
                  : ButtonDrawWidth(icon::kTrash, options);
}

}  // namespace ui
