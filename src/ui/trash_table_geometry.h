// Where the rows of the Trash list sit when a group header is shorter than an item row: the y of
// a row and the row at a y, by arithmetic on the groups (each is its header, then its items
// unless folded), so neither layout walks 100,000 rows nor needs ImGuiListClipper's one height.
#pragma once

#include <algorithm>  // std::min
#include <cstddef>    // size_t

#include "core/trash_view.h"  // View, GroupSummary

namespace ui {

struct RowHeights {
  float group = 0, item = 0;  // device px

  // The top of row `row` from the list's top (row == rows.size(): the list's height).
  float Top(const trash::View& view, size_t row) const {
    size_t start = 0, headersBefore = 0;
    for (const trash::GroupSummary& g : view.groups) {
      if (start >= row) break;
      ++headersBefore;
      start += 1 + (g.collapsed ? 0 : g.count);
    }
    return float(headersBefore) * group + float(row - headersBefore) * item;
  }
  float Height(const trash::View& view, size_t row) const { return view.rows[row].isHeader ? group : item; }

  // The row at `y` from the list's top, or rows.size() past its end.
  size_t At(const trash::View& view, float y) const {
    size_t start = 0;
    float top = 0;
    for (const trash::GroupSummary& g : view.groups) {
      const size_t items = g.collapsed ? 0 : g.count;
      const float height = group + float(items) * item;
      if (y < top + height) {
        if (y < top + group) return start;
        return start + 1 + std::min(items - 1, size_t((y - top - group) / item));
      }
      top += height;
      start += 1 + items;
    }
    return view.rows.size();
  }
};

}  // namespace ui
