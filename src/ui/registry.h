// What was drawn this frame, widget by widget: role, label, state, tooltip and rectangle (device
// pixels, ImGui coordinates). Tests click and inspect through it, and the accessibility mirror
// (web/a11y.js) reads it. Cleared at the start of every PageView::Draw.
#pragma once

#include <cstddef>  // size_t
#include <string>   // fields
#include <vector>   // entries

namespace ui {

// Registry::Add resets every field in place (keeping the strings' buffers): a new field needs a
// line there too.
struct WidgetInfo {
  std::string id;  // unique within the frame ("trash/row/project/d_abc")
  // button, checkbox, textbox, link, tab, dialog, alert, status (live: progress, counts), timer
  // (a countdown: live, but not announced at every tick), text (static, not announced), img; the
  // table: grid, headerrow, columnheader, grouprow, row, cell
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

// This frame's widgets, in the order they were drawn (a range over the registry's filled slots).
struct Widgets {
  const WidgetInfo* first = nullptr;
  const WidgetInfo* last = nullptr;
  const WidgetInfo* begin() const { return first; }
  const WidgetInfo* end() const { return last; }
  size_t size() const { return size_t(last - first); }
  bool empty() const { return first == last; }
};

// The entries are slots kept from frame to frame: a frame fills them again, and a string that
// fits in what the slot's last one held is copied without an allocation (the rows of a scrolled
// list register some two hundred widgets a frame, five strings each).
class Registry {
 public:
  void Clear() { size_ = 0; }
  // A new entry, every field empty (valid until the next one: the slots may move).
  WidgetInfo& Add();
  Widgets widgets() const { return {slots_.data(), slots_.data() + size_}; }
  // Lookups for tests and the mirror: the first match, or nullptr.
  const WidgetInfo* FindById(const std::string& id) const;
  WidgetInfo* FindById(const std::string& id);  // to add a state after drawing (the mirror's ring)
  const WidgetInfo* Find(const std::string& role, const std::string& label) const;
  std::vector<const WidgetInfo*> All(const std::string& role) const;

 private:
  std::vector<WidgetInfo> slots_;  // the first size_ are this frame's
  size_t size_ = 0;
};

Registry& CurrentRegistry();

}  // namespace ui
