// Row pieces shared by both Trash layouts and the selection bars (see row_parts.h).
#include "ui/row_parts.h"

#include "ui/theme.h"  // palette, icons

namespace ui {

std::string RowId(const trash::TrashItem& item) {
  std::string id = "row/" + item.typeName + "/";
  if (!item.parentId.empty()) id += item.parentId + "/";
  return id + item.id;
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

std::string RowState(bool selected, bool focused) {
  if (selected && focused) return "selected focused";
  return selected ? "selected" : focused ? "focused" : "";
}

bool ActionButton(const trash::RowAction& action, const std::string& rowId, ButtonOptions options) {
  const std::string id = rowId + "/" + std::string(action.id);
  const std::string& tip = action.enabled ? action.hint : action.reason;
  options.id = id.c_str();
  options.enabled = action.enabled;
  options.tooltip = tip.empty() ? nullptr : tip.c_str();
  return Button(std::string(action.label).c_str(), options);
}

bool DeleteIconButton(const std::string& id, const std::string& blocked, ButtonOptions options) {
  const Palette& p = CurrentPalette();
  options.kind = ButtonKind::Ghost;
  options.enabled = blocked.empty();
  options.tooltip = blocked.empty() ? "Delete permanently" : blocked.c_str();
  options.id = id.c_str();
  ImGui::PushStyleColor(ImGuiCol_Text, blocked.empty() ? p.danger : p.textMuted);
  const bool clicked = IconButton(icon::kTrash, "Delete permanently", options);
  ImGui::PopStyleColor();
  return clicked;
}

}  // namespace ui
