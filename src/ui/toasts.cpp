// The toast stack (see toasts.h): cards stacked upwards from the bottom-right corner, newest at
// the bottom, each a small window of its own so it floats above the page.
#include "ui/toasts.h"

#include <imgui.h>

#include <algorithm>  // std::min
#include <cfloat>     // FLT_MAX
#include <string>     // ids, labels

#include "core/text.h"   // SanitizeForDisplay, Concat
#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // Button, RegisterRect

namespace ui {

void ToastStack::Draw(Frame& frame) {
  const auto& toasts = frame.page.toasts();
  if (toasts.empty()) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // A phone's toasts span its width with 12 px margins; wider pages keep them in the corner.
  const float margin = viewport->Size.x < 480 * d ? 12 * d : 24 * d;
  const float width = std::min(380 * d, viewport->Size.x - 2 * margin);
  float bottom = viewport->Pos.y + viewport->Size.y - margin;
  // Ctrl/Cmd+Z undoes the newest restore that can still be undone.
  const ImGuiIO& io = ImGui::GetIO();
  const bool undoKey = !TextFieldActive() && !frame.dialogOpen && (io.KeyCtrl || io.KeySuper) &&
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
  bool undoneByKey = false;
  for (size_t i = toasts.size(); i-- > 0;) {
    const trash::Toast& toast = toasts[i];
    const std::string id = trash::Concat("toast/", std::to_string(toast.id));
    const ImU32 kindColor = toast.kind == trash::ToastKind::Error     ? p.red
                            : toast.kind == trash::ToastKind::Success ? p.success
                                                                      : p.accent;
    const char* kindIcon = toast.kind == trash::ToastKind::Error     ? icon::kError
                           : toast.kind == trash::ToastKind::Success ? icon::kCheck
                                                                     : icon::kInfo;
    const bool undo = toast.undoable();
    const bool link = !toast.linkLabel.empty();
    if (undo && undoKey && !undoneByKey) {
      frame.Emit(trash::intent::Undo{toast.id});
      undoneByKey = true;
    }
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - margin, bottom), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * d, 12 * d));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10 * d);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, d);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    ImGui::Begin(trash::Concat("##", id).c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 4 * d, pos.y + size.y), kindColor, 10 * d,
                                              ImDrawFlags_RoundCornersLeft);
    const std::string message = trash::SanitizeForDisplay(toast.message);
    ImGui::AlignTextToFramePadding();
    TextColored(kindColor, kindIcon);
    ImGui::SameLine(0, 10 * d);
    const float closeW = ImGui::GetFrameHeight();
    // Undo sits beside the message; with a link as well, both go on a line of their own below it.
    const bool inlineUndo = undo && !link;
    const float undoW = inlineUndo ? ImGui::CalcTextSize("Undo").x + ImGui::GetStyle().FramePadding.x * 2 + 8 * d : 0;
    const float textX = ImGui::GetCursorPosX();
    const float textW = width - textX - closeW - undoW - 24 * d;
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().FramePadding.y - ImGui::GetStyle().ItemSpacing.y * 0.5f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const char* undoTip = toast.undoRestore.empty() ? "Move these items back to the Trash (Ctrl+Z)"
                                                    : "Restore it from the Trash (Ctrl+Z)";
    const std::string undoId = trash::Concat(id, "/undo");
    ButtonOptions undoButton;
    undoButton.kind = ButtonKind::Link;
    undoButton.id = undoId.c_str();
    undoButton.tooltip = undoTip;
    if (inlineUndo) {
      ImGui::SameLine(width - 16 * d - closeW - undoW);
      if (Button("Undo", undoButton)) frame.Emit(trash::intent::Undo{toast.id});
    }
    ImGui::SameLine(width - 16 * d - closeW);
    ButtonOptions close;
    close.kind = ButtonKind::Ghost;
    close.small = true;
    const std::string closeId = trash::Concat(id, "/close");
    close.id = closeId.c_str();
    close.width = closeW;
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (IconButton(icon::kClose, "Dismiss", close)) frame.Emit(trash::intent::DismissToast{toast.id});
    ImGui::PopStyleColor();
    if (link) {
      ImGui::SetCursorPosX(textX);
      if (undo && Button("Undo", undoButton)) frame.Emit(trash::intent::Undo{toast.id});
      if (undo) ImGui::SameLine(0, 12 * d);
      ButtonOptions go;
      go.kind = ButtonKind::Link;
      const std::string linkId = trash::Concat(id, "/link");
      go.id = linkId.c_str();
      if (Button(toast.linkLabel.c_str(), go)) {
        frame.Emit(trash::intent::Navigate{toast.linkScreen});
        frame.Emit(trash::intent::DismissToast{toast.id});
      }
    }
    RegisterRect(id.c_str(), "alert", message.c_str(), pos, ImVec2(pos.x + size.x, pos.y + size.y),
                 toast.kind == trash::ToastKind::Error     ? "error"
                 : toast.kind == trash::ToastKind::Success ? "success"
                                                           : "info");
    bottom -= size.y + 10 * d;
    ImGui::End();
  }
}

}  // namespace ui
