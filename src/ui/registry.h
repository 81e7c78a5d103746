// What was drawn this frame, widget by widget: role, label, state, tooltip and rectangle (device
// pixels, ImGui coordinates). Tests click and inspect through it, and the accessibility mirror
// (web/a11y.js) reads it. Cleared at the start of every PageView::Draw.
#pragma once

#include <string>  // fields
#include <vector>  // entries

namespace ui {

struct WidgetInfo {
  std::string id;  // unique within the frame ("trash/row/project/d_abc")
  // button, checkbox, textbox, link, tab, dialog, alert, status (live: countdowns, progress),
  // text (static, not announced), img; the table: grid, headerrow, columnheader, grouprow, row, cell
  std::string role;
  std::string label;  // what a person reads ("Restore", "My Detector", "29 days left")
  // space-separated: "checked", "selected", "disabled", "focused", "busy", "expanded", "collapsed",
  // "ascending", "descending" (a column header's sort), "focus-visible" (a keyboard focus ring is
  // drawn around it)
  std::string state;
  std::string description;  // the tooltip
  std::string value;        // a text field's text (a password's as bullets), for the mirror
  float x = 0, y = 0, w = 0, h = 0;
  bool enabled = true;
  int index = 0;  // rows: 1-based position in the whole grid (header row 1), 0 when not a row
  int count = 0;  // grid: rows in the whole grid, drawn or not (screen readers say "row 5 of 40")
  // Drawn cut: its text ended in an ellipsis, or it reaches past the edge of its cell or window.
  // Tests check that nothing a user must read or press is cut.
  bool clipped = false;

  float cx() const { return x + w * 0.5f; }
  float cy() const { return y + h * 0.5f; }
  bool Has(const char* s) const;  // state contains the word s
};

class Registry {
 public:
  void Clear() { widgets_.clear(); }
  WidgetInfo& Add(WidgetInfo info);
  const std::vector<WidgetInfo>& widgets() const { return widgets_; }
  // Lookups for tests and the mirror: the first match, or nullptr.
  const WidgetInfo* FindById(const std::string& id) const;
  WidgetInfo* FindById(const std::string& id);  // to add a state after drawing (the mirror's ring)
  const WidgetInfo* Find(const std::string& role, const std::string& label) const;
  std::vector<const WidgetInfo*> All(const std::string& role) const;

 private:
  std::vector<WidgetInfo> widgets_;
};

Registry& CurrentRegistry();

}  // namespace ui
