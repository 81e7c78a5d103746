// The storage meter and its details (see storage_meter.h).
#include "ui/storage_meter.h"

#include <imgui.h>

#include <algorithm>  // std::min, std::max
#include <cfloat>     // FLT_MAX
#include <string>     // labels

#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // RegisterRect, TextColored

namespace ui {
namespace {

constexpr float kBarCss[] = {72, 48, 28};  // the bar's width per form
constexpr float kBarHeightCss = 6;
constexpr float kDetailsBarCss = 260;

ImU32 LevelColor(trash::StorageLevel level) {
  const Palette& p = CurrentPalette();
  return level == trash::StorageLevel::OverQuota ? p.red : level == trash::StorageLevel::NearQuota ? p.amber : p.accent;
}

// The bar: everything used in the level's colour, the part in Trash in amber at its end; over the
// plan it is all red.
void Bar(ImDrawList* dl, ImVec2 a, float width, float height, const trash::StorageSummary& s) {
  const Palette& p = CurrentPalette();
  const float r = height * 0.5f;
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + height), p.surfaceAlt, r);
  const float usedW = width * float(s.usedFraction);
  if (usedW <= 0) return;
  dl->AddRectFilled(a, ImVec2(a.x + usedW, a.y + height), LevelColor(s.level), r);
  const float trashW = std::min(usedW, width * float(s.trashFraction));
  if (trashW > 0 && s.level != trash::StorageLevel::OverQuota) {
    const float x0 = a.x + usedW - trashW;
    dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(a.x + usedW, a.y + height), p.amber, r,
                      x0 <= a.x ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersRight);
  }
}

constexpr const char* kOverPlan = "Over plan";  // the folded warning's short text

std::string MeterText(const trash::StorageSummary& s, MeterForm form, bool foldWarning) {
  if (foldWarning) return kOverPlan;
  return form == MeterForm::Full ? s.headline : form == MeterForm::Compact ? s.compact : std::string();
}

// A legend line with a coloured dot.
void Legend(ImU32 color, const std::string& text) {
  const float d = Dpr();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 4 * d, pos.y + ImGui::GetTextLineHeight() * 0.5f), 4 * d,
                                              color, 12);
  ImGui::Dummy(ImVec2(8 * d, 1));
  ImGui::SameLine(0, 6 * d);
  ImGui::TextUnformatted(text.c_str());
}

// The details, in the hover tooltip or the pinned popover; only the popover registers them.
void Details(const trash::StorageSummary& s, const std::string& inTrash, bool registerThem) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  auto reg = [&](const char* id, const std::string& label) {
    if (registerThem) RegisterLastItem(id, "text", label.c_str());
  };
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted("Storage");
  ImGui::PopFont();
  ImGui::TextUnformatted(s.used.c_str());
  reg("storage/used", s.used);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  Bar(ImGui::GetWindowDrawList(), a, kDetailsBarCss * d, 8 * d, s);
  ImGui::Dummy(ImVec2(kDetailsBarCss * d, 8 * d));
  Legend(s.level == trash::StorageLevel::OverQuota ? p.red : LevelColor(s.level), s.active);
  reg("storage/active", s.active);
  Legend(p.amber, inTrash);
  reg("storage/trash", inTrash);
  ImGui::TextUnformatted(s.quota.c_str());
  reg("storage/quota", s.quota);
  if (!s.overBy.empty()) {
    TextColored(p.red, s.overBy.c_str());
    reg("storage/over", s.overBy);
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kDetailsBarCss * d);
  TextMuted(trash::kTrashCountsNote);
  ImGui::PopTextWrapPos();
  reg("storage/note", trash::kTrashCountsNote);
}

// Over the plan on a small screen: the warning the page would show above the list, in the details.
void FoldedWarning(const trash::StorageSummary& s) {
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kDetailsBarCss * Dpr());
  TextColored(CurrentPalette().red, (s.warning + ".").c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

}  // namespace

float StorageMeter::Width(const trash::StorageSummary& s, MeterForm form, bool foldWarning) {
  const float d = Dpr();
  const std::string text = MeterText(s, form, foldWarning);
  float w = ImGui::CalcTextSize(icon::kStorage).x + 8 * d + kBarCss[int(form)] * d + 2 * 8 * d;
  if (!text.empty()) w += 8 * d + ImGui::CalcTextSize(text.c_str()).x;
  return w;
}

void StorageMeter::Draw(const trash::StorageSummary& s, const std::string& inTrash, MeterForm form,
                        const std::function<void()>& wayOut) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const bool folded = bool(wayOut);
  const float w = Width(s, form, folded), h = ImGui::GetFrameHeight();
  const bool clicked = ImGui::InvisibleButton("##storage-meter", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (hovered || pinned_) dl->AddRectFilled(a, b, p.rowHover, ImGui::GetStyle().FrameRounding);
  const bool over = s.level == trash::StorageLevel::OverQuota;
  const float textY = a.y + (h - ImGui::GetTextLineHeight()) * 0.5f;
  float x = a.x + 8 * d;
  dl->AddText(ImVec2(x, textY), over ? p.red : p.textMuted, icon::kStorage);
  x += ImGui::CalcTextSize(icon::kStorage).x + 8 * d;
  const float barH = kBarHeightCss * d;
  Bar(dl, ImVec2(x, a.y + (h - barH) * 0.5f), kBarCss[int(form)] * d, barH, s);
  x += kBarCss[int(form)] * d + 8 * d;
  const std::string text = MeterText(s, form, folded);
  if (folded) {
    ImGui::PushFont(CurrentFonts().strong);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, textY), p.red, text.c_str());
    ImGui::PopFont();
  } else if (!text.empty()) {
    dl->AddText(ImVec2(x, textY), over ? p.red : p.textMuted, text.c_str());
  }
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  RegisterRect("storage/meter", "button", ("Storage: " + s.headline).c_str(), a, b, pinned_ ? "expanded" : "collapsed",
               over ? s.warning.c_str() : "Storage details");
  if (clicked) {
    ImGui::OpenPopup("##storage-details");
    pinned_ = true;
  }
  if (hovered && !pinned_) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * d, 12 * d));
    ImGui::BeginTooltip();
    if (folded) {
      FoldedWarning(s);
      ImGui::Separator();
    }
    Details(s, inTrash, false);
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
  }
  ImGui::SetNextWindowPos(ImVec2(a.x, b.y + 4 * d));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * d, 12 * d));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * d, 6 * d));
  // Kept above the screen's bottom (a short screen scrolls it); folded, the warning and its way
  // out come first, so they show without scrolling.
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                      ImVec2(FLT_MAX, std::max(120 * d, ImGui::GetIO().DisplaySize.y - b.y - 12 * d)));
  pinned_ = ImGui::BeginPopup("##storage-details");
  if (pinned_) {
    if (folded) {
      FoldedWarning(s);
      wayOut();
      ImGui::Separator();
    }
    Details(s, inTrash, true);
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  if (!pinned_) {  // the mirror reads the details from here
    for (const auto& [id, label] : {std::pair<const char*, const std::string*>{"storage/used", &s.used},
                                    {"storage/active", &s.active},
                                    {"storage/trash", &inTrash},
                                    {"storage/quota", &s.quota}})
      RegisterRect(id, "text", label->c_str(), a, b);
    if (!s.overBy.empty()) RegisterRect("storage/over", "text", s.overBy.c_str(), a, b);
    RegisterRect("storage/note", "text", trash::kTrashCountsNote, a, b);
  }
  ImGui::SetCursorScreenPos(ImVec2(b.x, a.y));
  ImGui::Dummy(ImVec2(0, h));
}

}  // namespace ui
