// First light of the page: the Settings shell with Trash selected. The screens and the page state
// of the Trash issue plug in here.
#include "app/app.h"

#include <imgui.h>

#include "ui/theme.h"

namespace app {

struct App::State {
  int frames = 0;
};

App::App(platform::Platform& platform) : state_(new State), platform_(platform) {}
App::~App() { delete state_; }

void App::Start() {}
void App::OnWindowFocus() {}

FrameOutput App::Draw() {
  ++state_->frames;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("Settings", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const float d = ui::Dpr();
  ImGui::SetCursorPos(ImVec2(32 * d, 28 * d));
  ImGui::PushFont(ui::CurrentFonts().title);
  ImGui::Text("%s  Settings / Trash", ui::icon::kTrash);
  ImGui::PopFont();
  ImGui::SetCursorPosX(32 * d);
  ImGui::TextDisabled("Deleted items stay here for 30 days before they are permanently removed.");
  ImGui::End();
  return {};
}

}  // namespace app
