// The per-frame widget registry (see registry.h): a flat list filled again every frame, so it never
// describes something that is no longer on screen.
#include "ui/registry.h"

#include <cstring>  // strlen

namespace ui {

bool WidgetInfo::Has(const char* s) const {
  const size_t n = std::strlen(s);
  for (size_t pos = state.find(s); pos != std::string::npos; pos = state.find(s, pos + 1)) {
    const bool startOk = pos == 0 || state[pos - 1] == ' ';
    const bool endOk = pos + n == state.size() || state[pos + n] == ' ';
    if (startOk && endOk) return true;
  }
  return false;
}

WidgetInfo& Registry::Add() {
  if (size_ == slots_.size()) slots_.emplace_back();
  WidgetInfo& w = slots_[size_++];
  // clear() keeps each string's buffer for the copy the caller makes next
  w.id.clear();
  w.role.clear();
  w.label.clear();
  w.state.clear();
  w.description.clear();
  w.value.clear();
  w.x = w.y = w.w = w.h = 0;
  w.enabled = true;
  w.index = w.count = 0;
  w.clipped = false;
  return w;
}

const WidgetInfo* Registry::FindById(const std::string& id) const {
  for (const WidgetInfo& w : widgets())
    if (w.id == id) return &w;
  return nullptr;
}

WidgetInfo* Registry::FindById(const std::string& id) {
  return const_cast<WidgetInfo*>(static_cast<const Registry*>(this)->FindById(id));
}

const WidgetInfo* Registry::Find(const std::string& role, const std::string& label) const {
  for (const WidgetInfo& w : widgets())
    if (w.role == role && w.label == label) return &w;
  return nullptr;
}

std::vector<const WidgetInfo*> Registry::All(const std::string& role) const {
  std::vector<const WidgetInfo*> out;
  for (const WidgetInfo& w : widgets())
    if (w.role == role) out.push_back(&w);
  return out;
}

Registry& CurrentRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace ui
