// Headless ImGui harness for the screen tests (see harness.h): no window, no GPU; frames are
// NewFrame → PageView::Draw → Render with synthetic input.
#include "harness.h"

#include <imgui.h>

#include <fstream>  // fixtures
#include <sstream>  // fixtures

#include "core/iso_time.h"  // ParseIsoTime, kDayMs
#include "ui/theme.h"       // BuildFonts, ApplyStyle

namespace ui::test {

const int64_t kNow = *trash::ParseIsoTime("2026-11-28T12:00:00.000Z");

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReadFixture(const std::string& name) { return ReadFile(std::string(TRASH_FIXTURES_DIR) + "/" + name); }

const std::vector<std::string>& AllPermissions() {
  static const std::vector<std::string> all = {
      "view_trash",  "trash_dataset", "restore_dataset", "trash_version",    "restore_version",
      "trash_model", "restore_model", "trash_workflow",  "restore_workflow", "delete_permanently"};
  return all;
}

std::string SessionJson(const std::vector<std::string>& permissions, const std::string& userId) {
  std::string list;
  for (const std::string& p : permissions) list += (list.empty() ? "\"" : ",\"") + p + "\"";
  return R"({"user":{"id":")" + userId +
         R"(","name":"Alice","email":"alice@acme.test"},"role":{"name":"Owner","permissions":[)" + list +
         R"(]},"workspace":{"id":"w1","url":"acme","name":"Acme Robotics","retentionDays":30},)"
         R"("storage":{"usedBytes":5000000000,"trashBytes":1400000000,"quotaBytes":10737418240},"csrfToken":"tok"})";
}

trash::TrashItem MakeItem(trash::ItemType type, const std::string& id, const std::string& name, double daysLeft,
                          int64_t sizeBytes) {
  trash::TrashItem item;
  item.type = type;
  item.typeName = std::string(trash::ItemTypeName(type));
  item.id = id;
  item.name = name;
  item.scheduledCleanupAtMs = kNow + int64_t(daysLeft * double(trash::kDayMs));
  item.deletedAtMs = item.scheduledCleanupAtMs - 30 * trash::kDayMs;
  item.deletedBy = "u_alice";
  item.deletedByName = "Alice";
  item.sizeBytes = sizeBytes;
  return item;
}

Harness::Harness(float width, float height) {
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.f / 60.f;
  io.ConfigInputTextCursorBlink = false;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the web page sets it
  // The web layer's mapping: DOM keyCodes.
  const int keyMap[][2] = {
      {ImGuiKey_Tab, 9},        {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
      {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},    {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
      {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
      {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
      {ImGuiKey_A, 65},         {ImGuiKey_C, 67},         {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
      {ImGuiKey_Y, 89},         {ImGuiKey_Z, 90}};
  for (const auto& [key, code] : keyMap) io.KeyMap[key] = code;
  ui::FontSources fonts;  // no font files: ImGui's built-in font, the same metrics on every machine
  fonts.fallback = [](ImFontAtlas& atlas, float pixels) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return atlas.AddFontDefault(&config);
  };
  ui::BuildFonts(*io.Fonts, fonts, 1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ui::ApplyStyle(ui::Theme::Light, 1.0f);
}

Harness::~Harness() { ImGui::DestroyContext(context_); }

bool Harness::UsePageFonts() {
  static const std::string regular = ReadFile("/usr/share/fonts/opentype/inter/Inter-Regular.otf");
  static const std::string semibold = ReadFile("/usr/share/fonts/opentype/inter/Inter-SemiBold.otf");
  static const std::string icons = ReadFile("/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf");
  if (regular.empty() || semibold.empty() || icons.empty()) return false;
  ui::FontSources fonts;
  fonts.regular = regular.data();
  fonts.regularSize = regular.size();
  fonts.semibold = semibold.data();
  fonts.semiboldSize = semibold.size();
  fonts.icons = icons.data();
  fonts.iconsSize = icons.size();
  ImGuiIO& io = ImGui::GetIO();
  ui::BuildFonts(*io.Fonts, fonts, 1.0f);
  io.FontDefault = ui::CurrentFonts().body;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  return true;
}

void Harness::Start() {
  auto sent = page.Start(now);
  pending.insert(pending.end(), sent.begin(), sent.end());
}

bool Harness::Respond(trash::RequestKind kind, int status, const std::string& body) {
  for (size_t i = 0; i < pending.size(); ++i) {
    if (pending[i].kind != kind) continue;
    const uint64_t tag = pending[i].tag;
    pending.erase(pending.begin() + long(i));
    auto sent = page.OnResponse(tag, status, body);
    pending.insert(pending.end(), sent.begin(), sent.end());
    return true;
  }
  return false;
}

void Harness::SignIn(const std::string& sessionJson) {
  if (pending.empty()) Start();
  Respond(trash::RequestKind::WhoAmI, 200, sessionJson);
}

void Harness::LoadListing(const std::string& listingJson) { Respond(trash::RequestKind::ListTrash, 200, listingJson); }

void Harness::SignInWithListing(const std::string& listingJson, const std::vector<std::string>& permissions) {
  SignIn(SessionJson(permissions));
  LoadListing(listingJson);
}

void Harness::Apply(const trash::Intent& intent) {
  auto sent = page.Apply(intent);
  pending.insert(pending.end(), sent.begin(), sent.end());
}

void Harness::ApplyEmitted() {
  for (; applied_ < emitted_.size(); ++applied_) Apply(emitted_[applied_]);
}

const DrawResult& Harness::Frame() {
  ImGui::NewFrame();
  last = view.Draw(page, now);
  ImGui::Render();
  emitted_.insert(emitted_.end(), last.intents.begin(), last.intents.end());
  return last;
}

void Harness::Frames(int n) {
  for (int i = 0; i < n; ++i) Frame();
}

bool Harness::ClickAt(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x, y);
  Frame();  // hover first: overlapping items settle who is under the mouse
  io.MouseDown[0] = true;
  Frame();
  io.MouseDown[0] = false;
  Frame();
  Frame();  // what the click changed, drawn (the web page also draws a few frames per input)
  return true;
}

bool Harness::Click(const std::string& id) {
  const WidgetInfo* w = Widget(id);
  if (!w) return false;
  const float x = w->cx(), y = w->cy();
  return ClickAt(x, y);
}

void Harness::PressKey(int keyCode, bool ctrl, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeyShift = shift;
  io.KeysDown[keyCode] = true;
  Frame();
  io.KeysDown[keyCode] = false;
  io.KeyCtrl = io.KeyShift = false;
  Frame();
}

void Harness::Type(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  Frame();
}

const WidgetInfo* Harness::Widget(const std::string& id) const { return CurrentRegistry().FindById(id); }
const WidgetInfo* Harness::Find(const std::string& role, const std::string& label) const {
  return CurrentRegistry().Find(role, label);
}
std::vector<const WidgetInfo*> Harness::All(const std::string& role) const { return CurrentRegistry().All(role); }

std::string SessionWithStorage(int64_t used, int64_t trash, int64_t quota) {
  std::string json = SessionJson(AllPermissions());
  const size_t at = json.find("\"storage\":");
  const size_t end = json.find('}', at);
  return json.substr(0, at) + "\"storage\":{\"usedBytes\":" + std::to_string(used) +
         ",\"trashBytes\":" + std::to_string(trash) + ",\"quotaBytes\":" + std::to_string(quota) + json.substr(end);
}

size_t Harness::WholeRows(const char* role) const {
  const WidgetInfo* grid = Widget("trash/grid");
  const WidgetInfo* header = Widget("trash/header");
  if (!grid || !header) return 0;
  size_t n = 0;
  for (const WidgetInfo* row : All(role))
    if (row->y >= header->y + header->h - 0.5f && row->y + row->h <= grid->y + grid->h + 0.5f) ++n;
  return n;
}

}  // namespace ui::test
