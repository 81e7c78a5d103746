// Widgets in the page's look that draw and register (see widgets.h). Colours come from the
// palette only; every size is CSS pixels × Dpr().
#include "ui/widgets.h"

#include <imgui_internal.h>  // RenderTextEllipsis, the current line's text baseline

#include <algorithm>  // std::max
#include <cmath>      // spinner arc
#include <cstdio>     // snprintf for ImGui ids
#include <cstring>    // strcmp
#include <string>     // labels

#include "core/text.h"    // Concat
#include "ui/layout.h"    // CurrentLayout: touch-sized checkboxes on narrow pages
#include "ui/registry.h"  // CurrentRegistry
#include "ui/theme.h"     // CurrentPalette, Dpr

namespace ui {
namespace {

ImRect g_cutRect(-1, -1, -1, -1);  // the last text EllipsisText cut, so its registration says so

ImU32 Mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

std::string StateWord(bool enabled, const char* extra = nullptr) {
  std::string s = extra ? extra : "";
  if (!enabled) s += s.empty() ? "disabled" : " disabled";
  return s;
}

// Pushes the colours of a button kind; returns how many to pop.
int PushButtonColors(ButtonKind kind) {
  const Palette& p = CurrentPalette();
  auto push = [](ImGuiCol col, ImU32 c) { ImGui::PushStyleColor(col, c); };
  switch (kind) {
    case ButtonKind::Primary:
    case ButtonKind::Danger: {  // filled: the colour, darker on hover and press
      const ImU32 fill = kind == ButtonKind::Primary ? p.accent : p.danger;
      push(ImGuiCol_Button, fill);
      push(ImGuiCol_ButtonHovered, Mix(fill, 0xFF000000, 0.12f));
      push(ImGuiCol_ButtonActive, Mix(fill, 0xFF000000, 0.22f));
      push(ImGuiCol_Text, kind == ButtonKind::Primary ? p.accentText : p.dangerText);
      push(ImGuiCol_Border, fill);
      return 5;
    }
    case ButtonKind::Ghost:
      push(ImGuiCol_Button, 0);
      push(ImGuiCol_Border, 0);
      return 2;
    case ButtonKind::Link:
      push(ImGuiCol_Button, 0);
      push(ImGuiCol_ButtonHovered, 0);
      push(ImGuiCol_ButtonActive, 0);
      push(ImGuiCol_Border, 0);
      push(ImGuiCol_Text, p.accent);
      return 5;
    case ButtonKind::Secondary:
    default: return 0;
  }
}

bool DrawButton(const char* visible, const char* label, const char* regId, const ButtonOptions& o) {
  const float d = Dpr();
  const bool enabled = o.enabled && !o.busy;
  char imguiId[512];
  std::snprintf(imguiId, sizeof imguiId, "%s##%s", visible, regId);
  const int colors = PushButtonColors(o.kind);
  int vars = 0;
  if (o.small) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8 * d, ImGui::GetStyle().FramePadding.y));
    ++vars;
  }
  if (o.kind == ButtonKind::Link) {  // text-tight, but a finger tall on a narrow (touch) page
    const float padY = CurrentLayout().narrow() ? ImGui::GetStyle().FramePadding.y : 3 * d;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2 * d, padY));
    ++vars;
  }
  // A width narrower than the label and its padding (an icon button a frame high): ImGui would
  // start the label at the padding and clip it at the button's edge, so the padding shrinks to
  // centre it.
  if (const float textW = ImGui::CalcTextSize(visible).x, padX = ImGui::GetStyle().FramePadding.x;
      o.width > 0 && textW + 2 * padX > o.width) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(std::max(0.f, (o.width - textW) * 0.5f), ImGui::GetStyle().FramePadding.y));
    ++vars;
  }
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(imguiId, ImVec2(o.width, 0));
  ImGui::EndDisabled();
  ImGui::PopStyleVar(vars);
  ImGui::PopStyleColor(colors);
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
  if (o.kind == ButtonKind::Link && hovered && enabled) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float y = b.y - 3 * d;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + 2 * d, y), ImVec2(b.x - 2 * d, y), CurrentPalette().accent, d);
  }
  if (o.busy) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    SpinnerAt(ImVec2(visible[0] ? a.x + 16 * d : (a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), 6 * d,
              o.kind == ButtonKind::Secondary ? CurrentPalette().text : CurrentPalette().accentText, ImGui::GetTime());
  }
  if (hovered) ImGui::SetMouseCursor(enabled ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_NotAllowed);
  if (o.tooltip && *o.tooltip) ItemTooltip(o.tooltip);
  RegisterLastItem(regId, o.kind == ButtonKind::Link ? "link" : "button", o.name ? o.name : label,
                   StateWord(enabled, o.busy ? "busy" : nullptr).c_str(), o.tooltip ? o.tooltip : "", enabled);
  return pressed && enabled;
}

}  // namespace

bool Button(const char* label, const ButtonOptions& o) {
  const std::string visible = o.icon ? trash::Concat(o.icon, "  ", label) : std::string(label);
  return DrawButton(visible.c_str(), label, o.id ? o.id : label, o);
}

float ButtonDrawWidth(const char* label, const ButtonOptions& o) {
  const float d = Dpr();
  const float padX = o.kind == ButtonKind::Link ? 2 * d : o.small ? 8 * d : ImGui::GetStyle().FramePadding.x;
  const std::string visible = o.icon ? trash::Concat(o.icon, "  ", label) : std::string(label);
  return o.width > 0 ? o.width : ImGui::CalcTextSize(visible.c_str()).x + 2 * padX;
}

float ButtonWidth(const char* label, const char* icon, bool small) {
  ButtonOptions o;
  o.icon = icon;
  o.small = small;
  return ButtonDrawWidth(label, o);
}

bool Button(const char* label, bool enabled, const char* tooltip) {
  ButtonOptions o;
  o.enabled = enabled;
  o.tooltip = tooltip;
  return Button(label, o);
}

bool IconButton(const char* icon, const char* label, const ButtonOptions& options) {
  ButtonOptions o = options;
  if (!o.tooltip) o.tooltip = label;
  return DrawButton(icon, label, o.id ? o.id : label, o);
}

bool Checkbox(const char* id, const char* label, bool* value, bool enabled, const char* tooltip, bool mixed) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const float size = 16 * d;
  const float lineH = ImGui::GetFrameHeight();
  // On a narrow (touch) page the hit area is a finger wide, with the box in its middle.
  const float hitW = CurrentLayout().narrow() ? kTouchTargetCss * d : size;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::BeginDisabled(!enabled);
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(hitW, lineH));
  ImGui::EndDisabled();
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
  if (clicked && enabled) *value = !*value;
  const bool on = *value || mixed;
  const ImVec2 a(pos.x + (hitW - size) * 0.5f, pos.y + (lineH - size) * 0.5f), b(a.x + size, a.y + size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float alpha = enabled ? 1.f : 0.45f;
  if (on) {
    dl->AddRectFilled(a, b, WithAlpha(hovered && enabled ? Mix(p.accent, 0xFF000000, 0.12f) : p.accent, alpha), 4 * d);
    if (*value && !mixed) {
      const ImVec2 pts[3] = {ImVec2(a.x + 3.8f * d, a.y + 8.2f * d), ImVec2(a.x + 6.8f * d, a.y + 11.2f * d),
                             ImVec2(a.x + 12.3f * d, a.y + 5.0f * d)};
      dl->AddPolyline(pts, 3, WithAlpha(p.accentText, alpha), 0, 1.8f * d);
    } else {
      dl->AddLine(ImVec2(a.x + 4 * d, a.y + 8 * d), ImVec2(b.x - 4 * d, a.y + 8 * d), WithAlpha(p.accentText, alpha),
                  1.8f * d);
    }
  } else {
    dl->AddRectFilled(a, b, WithAlpha(p.surface, alpha), 4 * d);
    dl->AddRect(a, b, WithAlpha(hovered && enabled ? p.accent : Mix(p.border, p.textMuted, 0.45f), alpha), 4 * d, 0, d);
  }
  if (hovered) ImGui::SetMouseCursor(enabled ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_NotAllowed);
  if (tooltip && *tooltip) ItemTooltip(tooltip);
  std::string state = *value ? "checked" : (mixed ? "mixed" : "");
  if (!enabled) state += state.empty() ? "disabled" : " disabled";
  RegisterLastItem(id, "checkbox", label, state.c_str(), tooltip ? tooltip : "", enabled);
  return clicked && enabled;
}

bool Chip(const std::string& id, const std::string& label, bool on, bool enabled, const char* role, const char* state,
          const char* spoken) {
  const Palette& p = CurrentPalette();
  ImGui::PushStyleColor(ImGuiCol_Button, on ? p.selection : p.surface);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.selection : p.surfaceAlt);
  ImGui::PushStyleColor(ImGuiCol_Border, on ? WithAlpha(p.accent, 0.6f) : p.border);
  ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent : p.text);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 999.f);
  const bool clicked = ImGui::Button(trash::Concat(label, "##", id).c_str());
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  SetHandCursorIfHovered();
  const bool menu = std::strcmp(role, "button") == 0;
  RegisterLastItem(id.c_str(), role, spoken ? spoken : label.c_str(), menu ? state : on ? "checked" : "", "", enabled);
  return clicked;
}

float ChipWidth(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

// ImGui 1.86 grants SetKeyboardFocusHere() a frame later: in that frame the field activates as if
// by keyboard navigation, which also turns mouse hovering off until the mouse moves, so every
// other widget ignores the mouse. The page draws on demand, so a click can land in exactly that
// frame (a demo user clicked on the sign-in form's first frames): the click was swallowed and the
// field kept the keyboard (and an active field ignores what is written to its buffer). So focus is
// asked for only while no mouse button is down, a field granted focus while the mouse is pressed
// elsewhere gives it back with the mouse hover, and any click drops the request.
static void SettleFocusRequest(bool* focusRequest) {
  if (!focusRequest || !*focusRequest) return;
  const bool mouseBusy = ImGui::IsMouseClicked(0) || ImGui::IsAnyMouseDown();
  if (ImGui::IsItemActive()) {
    if (mouseBusy && !ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())) {
      ImGui::ClearActiveID();
      ImGui::GetCurrentContext()->NavDisableMouseHover = false;
    }
    *focusRequest = false;
  } else if (ImGui::IsMouseClicked(0)) {
    *focusRequest = false;
  }
}

namespace {
// What a password field reads as: one bullet per character typed (UTF-8 lead bytes counted).
std::string Bullets(const char* text) {
  std::string bullets;
  for (const char* c = text; *c; ++c)
    if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80) bullets += "\xe2\x80\xa2";
  return bullets;
}
}  // namespace

bool TextField(const char* id, const char* label, const char* placeholder, char* buffer, size_t size, float width,
               ImGuiInputTextFlags flags, bool* focusRequest) {
  if (focusRequest && *focusRequest && !ImGui::IsAnyMouseDown()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, CurrentPalette().surface);
  const bool result = ImGui::InputTextWithHint(id, placeholder, buffer, size, flags);
  ImGui::PopStyleColor();
  SettleFocusRequest(focusRequest);
  const bool active = ImGui::IsItemActive();
  if (active) {  // an accent ring around the field being typed into
    const float d = Dpr();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - d, a.y - d), ImVec2(b.x + d, b.y + d),
                                        WithAlpha(CurrentPalette().accent, 0.6f), ImGui::GetStyle().FrameRounding + d,
                                        0, 2 * d);
  }
  WidgetInfo& info =
      RegisterLastItem(id, "textbox", label, active ? "focused" : "", placeholder ? placeholder : "", true);
  info.value = (flags & ImGuiInputTextFlags_Password) ? Bullets(buffer) : std::string(buffer);
  return result;
}

WidgetInfo& RegisterLastItem(const char* id, const char* role, const char* label, const char* state,
                             const char* description, bool enabled) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  WidgetInfo& info = RegisterRect(id, role, label, a, b, state, description, enabled);
  const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;  // a table cell's, inside a table
  info.clipped = (a.x == g_cutRect.Min.x && b.x == g_cutRect.Max.x && a.y == g_cutRect.Min.y) ||
                 b.x > clip.Max.x + 0.5f || a.x < clip.Min.x - 0.5f;
  return info;
}

WidgetInfo& RegisterRect(const char* id, const char* role, const char* label, const ImVec2& a, const ImVec2& b,
                         const char* state, const char* description, bool enabled) {
  WidgetInfo& info = CurrentRegistry().Add();  // a slot: its strings keep last frame's buffers
  info.id = id;
  info.role = role;
  info.label = label;
  info.state = state;
  info.description = description;
  info.x = a.x;
  info.y = a.y;
  info.w = b.x - a.x;
  info.h = b.y - a.y;
  info.enabled = enabled;
  return info;
}

bool ItemTooltip(const char* text) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_AllowWhenOverlapped)) return false;
  const float d = Dpr();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * d, 7 * d));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 320 * d);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
  ImGui::PopStyleVar();
  return true;
}

void SameLineOrWrap(float nextWidth, float spacing) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + nextWidth <= right) ImGui::SameLine(0, spacing);
}

bool TextFieldActive() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
}

void SetHandCursorIfHovered() {
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

void Pill(const char* text, ImU32 background, ImU32 foreground) {
  const float d = Dpr();
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 pad(7 * d, 1 * d);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  pos.y += ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;  // honour AlignTextToFramePadding
  const float lineH = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a(pos.x, pos.y - pad.y), b(pos.x + size.x + pad.x * 2, pos.y + lineH + pad.y);
  dl->AddRectFilled(a, b, background, (b.y - a.y) * 0.5f);
  dl->AddText(ImVec2(pos.x + pad.x, pos.y), foreground, text);
  ImGui::Dummy(ImVec2(b.x - a.x, lineH));
}

void SpinnerAt(const ImVec2& c, float radius, ImU32 color, double t) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircle(c, radius, WithAlpha(color, 0.2f), 24, radius * 0.28f);
  // With prefers-reduced-motion the arc holds still: busy, but not moving.
  const float start = ReducedMotion() ? -1.57f : float(std::fmod(t * 5.0, 2 * 3.14159265));
  dl->PathArcTo(c, radius, start, start + 1.8f, 16);
  dl->PathStroke(color, 0, radius * 0.28f);
}

void Separator() {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float w = CardInnerWidth();
  ImGui::GetWindowDrawList()->AddLine(pos, ImVec2(pos.x + w, pos.y), CurrentPalette().border, Dpr());
  ImGui::Dummy(ImVec2(w, Dpr()));
}

void TextColored(ImU32 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

void TextMuted(const char* text) { TextColored(CurrentPalette().textMuted, text); }

bool EllipsisText(const char* text, ImU32 color, float maxWidth) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  if (size.x <= maxWidth) {
    TextColored(color, text);
    return false;
  }
  ImVec2 pos = ImGui::GetCursorScreenPos();
  pos.y += ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
  const float lineH = ImGui::GetTextLineHeight();
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(pos.x + maxWidth, pos.y + lineH), pos.x + maxWidth,
                            pos.x + maxWidth, text, nullptr, &size);
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(maxWidth, lineH));
  g_cutRect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  return true;
}

void TextWrappedColored(ImU32 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void TextWrappedMuted(const char* text) { TextWrappedColored(CurrentPalette().textMuted, text); }

ImU32 WithAlpha(ImU32 color, float alpha) {
  const unsigned a = (color >> IM_COL32_A_SHIFT) & 0xFF;
  return (color & ~IM_COL32_A_MASK) | (ImU32(a * alpha + 0.5f) << IM_COL32_A_SHIFT);
}

// [SECTION] Cards
namespace {
struct CardFrame {
  ImVec2 start;
  float width, padding;
};
ImVector<CardFrame> g_cards;
}  // namespace

void BeginStrip(const char* id, float top, float height, ImU32 background, const ImVec2& paddingCss) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + top));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(paddingCss.x * Dpr(), paddingCss.y * Dpr()));
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavInputs |
                   ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void EndStrip() { ImGui::End(); }

void BeginCard(const char* id, float width, float padding) {
  ImGui::PushID(id);
  const float d = Dpr();
  CardFrame card{ImGui::GetCursorScreenPos(), width > 0 ? width : ImGui::GetContentRegionAvail().x, padding * d};
  g_cards.push_back(card);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(card.start.x + card.padding, card.start.y + card.padding));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card.width - 2 * card.padding);
}

float CardInnerWidth() {
  return g_cards.empty() ? ImGui::GetContentRegionAvail().x : g_cards.back().width - 2 * g_cards.back().padding;
}

void EndCard() {
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const CardFrame card = g_cards.back();
  g_cards.pop_back();
  const float height = ImGui::GetItemRectMax().y + card.padding - card.start.y;
  const ImVec2 end(card.start.x + card.width, card.start.y + height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const Palette& p = CurrentPalette();
  const float r = 10 * Dpr();
  dl->AddRectFilled(ImVec2(card.start.x, card.start.y + Dpr()), ImVec2(end.x, end.y + Dpr()),
                    WithAlpha(0xFF000000, 0.04f), r);
  dl->AddRectFilled(card.start, end, p.surface, r);
  dl->AddRect(card.start, end, p.border, r, 0, Dpr());
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(card.start);
  ImGui::Dummy(ImVec2(card.width, height));
  ImGui::PopID();
}

}  // namespace ui
