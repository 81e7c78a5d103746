// Breakpoints of the responsive layout (see layout.h).
#include "ui/layout.h"

#include <imgui.h>

#include "ui/theme.h"  // Dpr

namespace ui {

Layout LayoutFor(float cssWidth) {
  Layout layout;
  layout.cssWidth = cssWidth;
  layout.width = cssWidth < kNarrowBelowCss ? LayoutWidth::Narrow
                 : cssWidth < kWideFromCss  ? LayoutWidth::Medium
                                            : LayoutWidth::Wide;
  return layout;
}

Layout CurrentLayout() { return LayoutFor(ImGui::GetMainViewport()->Size.x / Dpr()); }

}  // namespace ui
