// The page's widgets: ImGui items drawn in the page's look that also register themselves in the
// widget registry (role, label, state, tooltip, rectangle). A disabled widget never reports a
// click, and still shows its tooltip saying why. Sizes are CSS pixels scaled by ui::Dpr().
#pragma once

#include <cstddef>  // size_t
#include <string>   // labels

#include <imgui.h>  // ImVec2, ImU32, ImGuiInputTextFlags

#include "ui/registry.h"  // WidgetInfo

namespace ui {

enum class ButtonKind { Secondary, Primary, Danger, Ghost, Link };

struct ButtonOptions {
  ButtonKind kind = ButtonKind::Secondary;
  bool enabled = true;
  const char* tooltip = nullptr;  // shown on hover, also when disabled
  const char* icon = nullptr;     // drawn before the label
  const char* id = nullptr;       // registry id and ImGui id; defaults to the label
  float width = 0;                // device pixels; 0 fits the label
  bool small = false;             // narrow horizontal padding, for table rows and toasts
  bool busy = false;              // a spinner instead of the icon; reports no click
  const char* name = nullptr;     // the accessible name when the label alone says too little
                                  // ("Move Forklift Detector to Trash"); defaults to the label
};

// The width (device pixels) a Button with this label and these options draws at, icon included.
float ButtonDrawWidth(const char* label, const ButtonOptions& options = {});

// Draws a button; true only when it is enabled and was clicked this frame.
bool Button(const char* label, const ButtonOptions& options = {});
bool Button(const char* label, bool enabled, const char* tooltip);
// An icon-only button; `label` names it for the registry and the tooltip when none is given.
bool IconButton(const char* icon, const char* label, const ButtonOptions& options = {});
// The width Button() will take for this label and icon (device pixels), to lay out a line first.
float ButtonWidth(const char* label, const char* icon = nullptr, bool small = false);

// A checkbox in the page's look (accent fill). `mixed` draws the indeterminate dash.
bool Checkbox(const char* id, const char* label, bool* value, bool enabled = true, const char* tooltip = nullptr,
              bool mixed = false);
// A filter chip: a rounded toggle, accent-tinted when on; registered as `role` ("checkbox", with
// "checked" when on; "button" for a chip that opens a menu, with `state` and, when its label is
// signs, the `spoken` one). True when clicked.
bool Chip(const std::string& id, const std::string& label, bool on, bool enabled = true, const char* role = "checkbox",
          const char* state = "", const char* spoken = nullptr);
// The width Chip() takes for this label (device pixels), to lay out a line first.
float ChipWidth(const std::string& label);

// A text field with a placeholder; registered as "textbox". Returns ImGui::InputText's result.
// With `focusRequest` set, the field asks for the keyboard until it has it (a form or dialog
// opening, '/'); the mouse always wins over that request (see widgets.cpp).
bool TextField(const char* id, const char* label, const char* placeholder, char* buffer, size_t size, float width,
               ImGuiInputTextFlags flags = 0, bool* focusRequest = nullptr);

// Registers the last ImGui item under `role`, with its rectangle; or any rectangle.
// Both answer the new entry (valid until the next registration), e.g. to set a row's index.
// The strings are C strings, as ImGui's are: most calls pass literals, and a std::string parameter
// would cost each of them a temporary built and destroyed (1.3 KB of the gzipped wasm).
WidgetInfo& RegisterRect(const char* id, const char* role, const char* label, const ImVec2& min, const ImVec2& max,
                         const char* state = "", const char* description = "", bool enabled = true);
WidgetInfo& RegisterLastItem(const char* id, const char* role, const char* label, const char* state = "",
                             const char* description = "", bool enabled = true);
// Continues the line after the last item if `nextWidth` still fits, else starts a new line.
void SameLineOrWrap(float nextWidth, float spacing);
// Whether a text field has the keyboard right now. io.WantTextInput lags a frame behind (it
// is computed in NewFrame from the frame before), so shortcuts check this instead.
bool TextFieldActive();
// Shows a tooltip for the last item when hovered (also when disabled), wrapped at a readable width.
bool ItemTooltip(const char* text);
void SetHandCursorIfHovered();

// Small pieces of the look.
void Pill(const char* text, ImU32 background, ImU32 foreground);  // a rounded label
void SpinnerAt(const ImVec2& center, float radius, ImU32 color, double timeSeconds);
void Separator();                                 // a 1 px line in the border colour, card-wide
void TextColored(ImU32 color, const char* text);  // no formatting: names are never format strings
void TextMuted(const char* text);
// One line of text cut with an ellipsis at maxWidth (device pixels); returns true if it was cut.
bool EllipsisText(const char* text, ImU32 color, float maxWidth);
void TextWrappedColored(ImU32 color, const char* text);  // wrapped at the window's edge, no formatting
void TextWrappedMuted(const char* text);
ImU32 WithAlpha(ImU32 color, float alpha);

// A strip across the whole viewport, `top` device pixels from its top, `height` high, tinted with
// `background` (the in-browser demo's banner, the unreachable-server strip). Padding in CSS px.
void BeginStrip(const char* id, float top, float height, ImU32 background, const ImVec2& paddingCss);
void EndStrip();

// A rounded, bordered surface behind everything drawn between the calls (no tables inside: it
// splits the window's draw list into channels). Width 0 spans the available width.
void BeginCard(const char* id, float width = 0, float padding = 20);
void EndCard();
float CardInnerWidth();  // the width inside the current card's padding

}  // namespace ui
