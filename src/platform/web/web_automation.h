// The page's face to scripts and assistive technology: publishes the widget registry to
// window.trashPage.widgets (CSS pixels) when it changes, keeps the hidden text input placed over
// the active text field, and lets the shell activate a widget by clicking its centre.
#pragma once

namespace web {

// After each frame: republish the registry if anything in it changed, and place the hidden text
// input over the active text field (if a text field has the keyboard).
void PublishWidgets(float devicePixelRatio, bool textInputActive);

}  // namespace web
