// The responsive layout's breakpoints, in CSS pixels: the page draws in device pixels, so the
// viewport's width is divided by the device pixel ratio before it is compared. Narrow (phones)
// gets a top bar with segmented navigation, two-line rows and 40 px touch targets;
// medium (tablets) swaps the sidebar for tabs and drops a column; wide is the desktop page.
#pragma once

namespace ui {

enum class LayoutWidth { Narrow, Medium, Wide };

inline constexpr float kNarrowBelowCss = 720;  // phones, in portrait and landscape
inline constexpr float kWideFromCss = 1100;    // room for the sidebar and every column
inline constexpr float kTouchTargetCss = 40;   // the height of every control on a narrow page

struct Layout {
  LayoutWidth width = LayoutWidth::Wide;
  float cssWidth = 0;  // the viewport's width in CSS pixels
  bool narrow() const { return width == LayoutWidth::Narrow; }
  bool wide() const { return width == LayoutWidth::Wide; }
};

Layout LayoutFor(float cssWidth);
// The layout of the main viewport this frame (its width / Dpr()).
Layout CurrentLayout();

}  // namespace ui
