// The confirmation dialogs (see dialogs.h). One ImGui modal per dialog kind, centred at a fixed
// width; its draw list is recorded so the renderer blurs the page beneath. Confirm buttons emit
// the action's intent and are disabled (never emitting) until the confirmation is complete.
#include "ui/dialogs.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClosePopupToLevel: a dialog the core closed must leave ImGui's popup stack

#include <algorithm>  // std::max, std::min
#include <cfloat>     // FLT_MAX
#include <cstdio>     // snprintf
#include <cstring>    // strcmp
#include <string>     // texts

#include "core/consequences.h"  // DeleteLead
#include "core/countdown.h"     // FormatBytes
#include "core/permissions.h"   // DeleteBlockedReason
#include "core/text.h"          // SanitizeForDisplay, CountOf, Concat
#include "ui/theme.h"           // palette, fonts, icons, Dpr
#include "ui/widgets.h"         // Button, Checkbox, TextField

namespace ui {
namespace {

const char* PopupName(trash::DialogKind kind) {
  switch (kind) {
    case trash::DialogKind::ConfirmRestoreAll: return "##dialog/restore-all";
    case trash::DialogKind::ConfirmDeletePermanently: return "##dialog/delete-permanently";
    case trash::DialogKind::ConfirmEmptyTrash: return "##dialog/empty-trash";
    case trash::DialogKind::ConfirmDeleteProject: return "##dialog/delete-project";
    case trash::DialogKind::ConfirmRetention: return "##dialog/retention";
    default: return nullptr;
  }
}

const char* Title(trash::DialogKind kind) {
  switch (kind) {
    case trash::DialogKind::ConfirmRestoreAll: return "Restore everything in the Trash?";
    case trash::DialogKind::ConfirmDeletePermanently: return "Delete permanently?";
    case trash::DialogKind::ConfirmEmptyTrash: return "Empty Trash?";
    case trash::DialogKind::ConfirmDeleteProject: return "Delete project?";
    case trash::DialogKind::ConfirmRetention: return "Shorten the retention period?";
    default: return "";
  }
}

// A wrapped paragraph of the dialog's body, registered so the mirror exposes it (the first one
// is the dialog's description).
void Paragraph(const char* id, const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  RegisterLastItem(id, "text", text);
}

std::string Items(size_t n) { return trash::CountOf(n, "item", "items"); }

}  // namespace

void DialogHost::Draw(Frame& frame) {
  const trash::Dialog& dialog = frame.page.dialog();
  if (dialog.kind != shownKind_) {
    // The core opened, switched or closed the dialog: drop the old modal and its typed text.
    if (const char* old = PopupName(shownKind_)) {
      const ImGuiID id = ImGui::GetID(old);
      ImGuiContext& g = *ImGui::GetCurrentContext();
      for (int n = 0; n < g.OpenPopupStack.Size; ++n)
        if (g.OpenPopupStack[n].PopupId == id) {
          ImGui::ClosePopupToLevel(n, true);
          break;
        }
    }
    shownKind_ = dialog.kind;
    typed_[0] = 0;
    deleteImages_ = false;
    focusField_ = true;
  }
  const char* name = PopupName(dialog.kind);
  if (!name) return;
  if (!ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);

  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = std::min(480 * d, viewport->Size.x - 24 * d);  // a phone keeps 12 px each side
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.45f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->Size.y * 0.9f));
  const float pad = viewport->Size.x < 480 * d ? 18 * d : 24 * d;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 22 / 24));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12 * d);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * d, 10 * d));
  ImGui::PushStyleColor(ImGuiCol_PopupBg, p.dialog);
  ImGui::PushStyleColor(ImGuiCol_Border, p.dialogBorder);
  const bool open =
      ImGui::BeginPopupModal(name, nullptr,
                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor(2);
  ImGui::PopStyleVar(3);
  if (!open) return;
  frame.firstDialogList = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  RegisterRect(name + 2, "dialog", Title(dialog.kind), pos, ImVec2(pos.x + size.x, pos.y + size.y));

  ImGui::PushFont(CurrentFonts().title);
  ImGui::TextUnformatted(Title(dialog.kind));
  ImGui::PopFont();
  RegisterLastItem("dialog/title", "text", Title(dialog.kind));
  switch (dialog.kind) {
    case trash::DialogKind::ConfirmRestoreAll: DrawRestoreAll(frame); break;
    case trash::DialogKind::ConfirmDeletePermanently: DrawDeletePermanently(frame); break;
    case trash::DialogKind::ConfirmEmptyTrash: DrawEmptyTrash(frame); break;
    case trash::DialogKind::ConfirmDeleteProject: DrawDeleteProject(frame); break;
    case trash::DialogKind::ConfirmRetention: DrawConfirmRetention(frame); break;
    default: break;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) frame.Emit(trash::intent::CloseDialog{});
  ImGui::EndPopup();
}

// Cancel and the confirm button, right-aligned. Sets *confirmed when the confirm button fired.
void DialogHost::Footer(Frame& frame, const char* confirmLabel, bool danger, bool enabled, const char* tooltip,
                        bool* confirmed) {
  const float d = Dpr();
  ImGui::Dummy(ImVec2(0, 6 * d));
  const ImGuiStyle& style = ImGui::GetStyle();
  const float cancelW = ImGui::CalcTextSize("Cancel").x + style.FramePadding.x * 2;
  const float confirmW = ImGui::CalcTextSize(confirmLabel).x + style.FramePadding.x * 2;
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - cancelW - confirmW - 8 * d);
  ButtonOptions cancel;
  cancel.id = "dialog/cancel";
  cancel.tooltip = "Close without changing anything (Esc)";
  if (Button("Cancel", cancel)) frame.Emit(trash::intent::CloseDialog{});
  if (danger) ImGui::SetItemDefaultFocus();  // keyboard focus starts on the safe choice
  ImGui::SameLine(0, 8 * d);
  ButtonOptions confirm;
  confirm.kind = danger ? ButtonKind::Danger : ButtonKind::Primary;
  confirm.enabled = enabled;
  confirm.tooltip = tooltip;
  confirm.id = "dialog/confirm";
  *confirmed = Button(confirmLabel, confirm);
  if (!danger) ImGui::SetItemDefaultFocus();
}

void DialogHost::DrawRestoreAll(Frame& frame) {
  const trash::TrashView& tv = frame.list;
  const std::string text = trash::Concat("All ", Items(tv.visibleItemCount()),
                                         " in the Trash go back where they were deleted from, with their data. Items "
                                         "whose name was taken meanwhile come back under a new unique name.");
  Paragraph("dialog/text", text.c_str(), CurrentPalette().textMuted);
  bool confirmed = false;
  Footer(frame, "Restore All", false, true, nullptr, &confirmed);
  if (confirmed || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
    frame.Emit(trash::intent::RestoreAll{});
}

void DialogHost::DrawDeletePermanently(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::Dialog& dialog = frame.page.dialog();
  const size_t count = std::max(dialog.count, std::max(dialog.keys.size(), dialog.names.size()));
  Paragraph("dialog/text", trash::DeleteLead(count).c_str(), p.text);
  if (!dialog.consequences.empty()) Paragraph("dialog/consequences", dialog.consequences.c_str(), p.text);
  // What goes: a scrolling list when it is long.
  const float lineH = ImGui::GetTextLineHeightWithSpacing();
  const size_t more = count > dialog.names.size() ? count - dialog.names.size() : 0;
  const float listH = std::min(float(dialog.names.size() + (more ? 1 : 0)) * lineH + 16 * d, 200 * d);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surfaceAlt);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * d, 8 * d));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * d, 4 * d));
  ImGui::BeginChild("##names", ImVec2(0, listH), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGuiListClipper clipper;
  clipper.Begin(int(dialog.names.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string name = trash::SanitizeForDisplay(dialog.names[size_t(i)]);
      TextColored(p.textMuted, "\xe2\x80\xa2");
      ImGui::SameLine();
      ImGui::TextUnformatted(name.c_str());
      RegisterLastItem(trash::Concat("dialog/name/", std::to_string(i)).c_str(), "listitem", name.c_str());
    }
  if (more) {
    const std::string andMore = trash::Concat("and ", trash::FormatCount(more), " more");
    TextMuted(andMore.c_str());
    RegisterLastItem("dialog/name/more", "listitem", andMore.c_str());
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
  const std::string frees = trash::Concat("Frees ", trash::FormatBytes(dialog.bytes), " of storage.");
  ImGui::PushFont(CurrentFonts().strong);
  TextColored(p.text, frees.c_str());
  ImGui::PopFont();
  RegisterLastItem("dialog/frees", "text", frees.c_str());
  const auto blocked = frame.page.session() ? trash::DeleteBlockedReason(*frame.page.session())
                                            : std::optional<std::string>("Not signed in");
  bool confirmed = false;
  Footer(frame, "Delete permanently", true, !blocked, blocked ? blocked->c_str() : nullptr, &confirmed);
  if (confirmed) frame.Emit(trash::intent::DeletePermanently{dialog.keys});
}

void DialogHost::DrawEmptyTrash(Frame& frame) {
  const Palette& p = CurrentPalette();
  const trash::TrashView& tv = frame.list;
  const trash::Dialog& dialog = frame.page.dialog();
  const size_t count = dialog.count > 0      ? dialog.count
                       : dialog.keys.empty() ? tv.visibleItemCount()
                                             : dialog.keys.size();
  const int64_t bytes = dialog.bytes > 0 ? dialog.bytes : tv.visibleItemBytes();
  const std::string lead = trash::Concat("Every item in the Trash (", Items(count), ", ", trash::FormatBytes(bytes),
                                         ") will be deleted now, with their data. This can't be undone.");
  Paragraph("dialog/text", lead.c_str(), p.text);
  const std::string workspace =
      frame.page.session() ? trash::SanitizeForDisplay(frame.page.session()->workspace.name) : std::string();
  TextMuted("Type the workspace name to confirm:");
  RegisterLastItem("dialog/confirm-hint", "text", "Type the workspace name to confirm:");
  ImGui::PushFont(CurrentFonts().strong);
  SameLineOrWrap(ImGui::CalcTextSize(workspace.c_str()).x, 4 * Dpr());
  ImGui::PopFont();
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted(workspace.c_str());
  ImGui::PopFont();
  // The placeholder is not the text to type: the field would look filled in already.
  const bool enter = TextField("##confirm-name", "Workspace name", "Workspace name", typed_, sizeof typed_, -FLT_MIN,
                               ImGuiInputTextFlags_EnterReturnsTrue, &focusField_);
  const bool ok = frame.page.CanConfirmEmpty(typed_);
  const auto blocked = frame.page.session() ? trash::DeleteBlockedReason(*frame.page.session())
                                            : std::optional<std::string>("Not signed in");
  const char* tip = blocked ? blocked->c_str() : ok ? nullptr : "Type the workspace name exactly to confirm";
  bool confirmed = false;
  Footer(frame, "Empty Trash", true, ok && !blocked, tip, &confirmed);
  if ((confirmed || enter) && ok && !blocked) frame.Emit(trash::intent::EmptyTrash{typed_});
}

void DialogHost::DrawDeleteProject(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::Dialog& dialog = frame.page.dialog();
  std::string name = dialog.projectUrl;
  for (const trash::Project& project : frame.page.projects())
    if (project.url == dialog.projectUrl) name = project.name;
  name = trash::SanitizeForDisplay(name);
  const int days = trash::RetentionDaysOf(frame.page.session());
  const std::string lead = trash::Concat(
      "\xe2\x80\x9c", name, "\xe2\x80\x9d, its versions and its models move to the Trash for ", std::to_string(days),
      " days, then they are permanently deleted. Training jobs in progress are cancelled.");
  Paragraph("dialog/text", lead.c_str(), p.text);
  const std::string url = trash::SanitizeForDisplay(dialog.projectUrl);
  TextMuted("Type the project ID to confirm:");
  RegisterLastItem("dialog/confirm-hint", "text", "Type the project ID to confirm:");
  ImGui::PushFont(CurrentFonts().strong);
  SameLineOrWrap(ImGui::CalcTextSize(url.c_str()).x, 4 * d);
  ImGui::PopFont();
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted(url.c_str());
  ImGui::PopFont();
  const bool enter = TextField("##confirm-project", "Project ID", "Project ID", typed_, sizeof typed_, -FLT_MIN,
                               ImGuiInputTextFlags_EnterReturnsTrue, &focusField_);
  Checkbox("##delete-images", "Also delete images from Asset Library", &deleteImages_);
  ImGui::SameLine(0, 8 * d);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Also delete images from Asset Library");
  if (ImGui::IsItemClicked()) deleteImages_ = !deleteImages_;
  SetHandCursorIfHovered();
  ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(
      "Images that belong only to this project are deleted when it is cleaned up. Images shared "
      "with other projects are always preserved.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  const bool ok = !dialog.projectUrl.empty() && dialog.projectUrl == typed_;
  bool confirmed = false;
  Footer(frame, "Move to Trash", true, ok, ok ? nullptr : "Type the project ID exactly to confirm", &confirmed);
  if ((confirmed || enter) && ok) frame.Emit(trash::intent::DeleteProject{dialog.projectUrl, deleteImages_});
}

// The preview said items become due now: they are purged at the next cleanup, for good.
void DialogHost::DrawConfirmRetention(Frame& frame) {
  const Palette& p = CurrentPalette();
  const trash::Dialog& dialog = frame.page.dialog();
  const trash::RetentionForm& form = frame.page.retention();
  const int days = form.input().days.value_or(form.savedDays());
  const bool one = dialog.count == 1;
  const std::string lead =
      trash::Concat("With ", std::to_string(days), days == 1 ? " day, " : " days, ", Items(dialog.count), " (",
                    trash::FormatBytes(dialog.bytes), ") in Trash ", one ? "is" : "are",
                    " past the new period. The next cleanup deletes ", one ? "it" : "them",
                    " permanently: ", one ? "it" : "they", " can no longer be restored after that.");
  Paragraph("dialog/text", lead.c_str(), p.text);
  bool confirmed = false;
  Footer(frame, trash::Concat("Save ", std::to_string(days), days == 1 ? " day" : " days").c_str(), true, true, nullptr,
         &confirmed);
  if (confirmed) frame.Emit(trash::intent::SaveRetention{true});
}

}  // namespace ui
