// Headless ImGui for the screen tests: an ImGui context with the default font and the page's
// style, a PageState fed with server-shaped JSON (who-am-I, listing), and PageView frames driven
// by synthetic mouse and keyboard input. Widgets are found and clicked through the registry.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // ids, bodies
#include <vector>   // intents, requests

#include <imgui.h>  // io for tests that drive input directly

#include "core/page_state.h"  // PageState
#include "core/trash_item.h"  // TrashItem
#include "ui/page_view.h"     // PageView, DrawResult
#include "ui/registry.h"      // WidgetInfo

struct ImGuiContext;

namespace ui::test {

// 2026-11-28T12:00:00.000Z: the "now" of the UI fixtures.
extern const int64_t kNow;

std::string ReadFile(const std::string& path);
std::string ReadFixture(const std::string& name);
// A who-am-I body like the server's, with these permissions.
std::string SessionJson(const std::vector<std::string>& permissions, const std::string& userId = "u_alice");
const std::vector<std::string>& AllPermissions();
// A who-am-I answer with every permission and these storage figures.
std::string SessionWithStorage(int64_t used, int64_t trash, int64_t quota);
// An item deleted `deletedDaysAgo` before kNow with `daysLeft` until cleanup.
trash::TrashItem MakeItem(trash::ItemType type, const std::string& id, const std::string& name, double daysLeft,
                          int64_t sizeBytes = 1000);

class Harness {
 public:
  explicit Harness(float width = 1280, float height = 1000);
  // The page's own fonts (Inter and Font Awesome from Debian's packages, as the web build uses),
  // for tests of what fits: widths then match the browser's. False when the files are missing.
  bool UsePageFonts();
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // [SECTION] Feeding the page
  void Start();                                      // Start() and nothing answered yet
  void SignIn(const std::string& sessionJson);       // who-am-I answered with this session
  void LoadListing(const std::string& listingJson);  // the pending ListTrash answered
  void SignInWithListing(const std::string& listingJson,
                         const std::vector<std::string>& permissions = AllPermissions());
  bool Respond(trash::RequestKind kind, int status, const std::string& body);  // false if none pending
  void Apply(const trash::Intent& intent);                                     // as the app would
  void ApplyEmitted();  // applies every intent emitted since the last call

  // [SECTION] Frames and input
  const DrawResult& Frame();  // one frame at `now`
  void Frames(int n);
  bool Click(const std::string& id);  // hover, press, release at the widget's centre, settle; false if absent
  bool ClickAt(float x, float y);
  void PressKey(int keyCode, bool ctrl = false, bool shift = false);  // down one frame, up the next
  void Type(const char* utf8);                                        // into the focused field, then one frame

  // [SECTION] What was drawn and asked for
  const WidgetInfo* Widget(const std::string& id) const;
  const WidgetInfo* Find(const std::string& role, const std::string& label) const;
  std::vector<const WidgetInfo*> All(const std::string& role) const;
  const std::vector<trash::Intent>& emitted() const { return emitted_; }
  template <typename T>
  size_t CountEmitted() const {
    size_t n = 0;
    for (const trash::Intent& i : emitted_) n += std::holds_alternative<T>(i) ? 1 : 0;
    return n;
  }
  template <typename T>
  const T* LastEmitted() const {
    for (auto it = emitted_.rbegin(); it != emitted_.rend(); ++it)
      if (const T* t = std::get_if<T>(&*it)) return t;
    return nullptr;
  }
  void ClearEmitted() { emitted_.clear(); }

  // Rows of `role` ("row", "grouprow") wholly inside the Trash table, under its column headers.
  size_t WholeRows(const char* role) const;

  trash::PageState page;
  PageView view;
  int64_t now = kNow;
  DrawResult last;
  std::vector<trash::PendingRequest> pending;

 private:
  ImGuiContext* context_ = nullptr;
  std::vector<trash::Intent> emitted_;
  size_t applied_ = 0;
};

}  // namespace ui::test
