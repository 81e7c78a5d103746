// The sign-in screen (see sign_in_screen.h): a card centred on the page. Enter in either field
// submits; the demo users (demo mode only) fill the fields on click.
#include "ui/sign_in_screen.h"

#include <imgui.h>

#include <algorithm>  // std::max
#include <cfloat>     // FLT_MIN
#include <cstdio>     // snprintf
#include <string>     // labels

#include "core/text.h"   // SanitizeForDisplay, Concat
#include "ui/theme.h"    // palette, fonts, icons, Dpr
#include "ui/widgets.h"  // Button, TextField, TextWrappedColored, cards

namespace ui {

// The demo users, each a button that fills the fields with its email and password.
void SignInScreen::DrawDemoUsers(const trash::DemoInfo& demo) {
  if (demo.users.empty()) return;
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  ImGui::Dummy(ImVec2(0, 10 * d));
  Separator();
  ImGui::Dummy(ImVec2(0, 4 * d));
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted("Demo users");
  ImGui::PopFont();
  TextMuted("Click one to fill in its email and password.");
  for (size_t i = 0; i < demo.users.size(); ++i) {
    const trash::DemoUser& user = demo.users[i];
    const std::string name = trash::SanitizeForDisplay(user.name);
    const std::string role = trash::SanitizeForDisplay(user.role);
    const std::string email = trash::SanitizeForDisplay(user.email);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = CardInnerWidth(), h = ImGui::GetTextLineHeight() * 2 + 14 * d;
    ImGui::PushID(int(i));
    const bool clicked = ImGui::InvisibleButton("##demo", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    RegisterLastItem(trash::Concat("sign-in/demo/", email).c_str(), "button", name.c_str(), "",
                     trash::Concat(role, " \xc2\xb7 ", email).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), hovered ? p.rowHover : 0u, 8 * d);
    dl->AddRect(a, ImVec2(a.x + w, a.y + h), hovered ? WithAlpha(p.accent, 0.5f) : p.border, 8 * d, 0, d);
    ImGui::PushFont(CurrentFonts().strong);
    dl->AddText(ImVec2(a.x + 12 * d, a.y + 7 * d), p.text, name.c_str());
    ImGui::PopFont();
    dl->AddText(ImVec2(a.x + 12 * d, a.y + 7 * d + ImGui::GetTextLineHeight()), p.textMuted, email.c_str());
    const float roleW = ImGui::CalcTextSize(role.c_str()).x;
    dl->AddRectFilled(ImVec2(a.x + w - roleW - 26 * d, a.y + h * 0.5f - 10 * d),
                      ImVec2(a.x + w - 10 * d, a.y + h * 0.5f + 10 * d), p.surfaceAlt, 10 * d);
    dl->AddText(ImVec2(a.x + w - roleW - 18 * d, a.y + (h - ImGui::GetTextLineHeight()) * 0.5f), p.textMuted,
                role.c_str());
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (clicked) {
      std::snprintf(email_, sizeof email_, "%s", user.email.c_str());
      std::snprintf(password_, sizeof password_, "%s", user.password.c_str());
    }
  }
}

void SignInScreen::Draw(Frame& frame) {
  const Palette& p = CurrentPalette();
  const float d = Dpr();
  const trash::PageState& page = frame.page;
  const trash::DemoInfo& demo = page.demo();
  if (page.sessionLoad().status == trash::LoadStatus::Loading) {
    // The session cookie may still be valid: a quiet line instead of a form that might vanish.
    const char* text = "Loading\xe2\x80\xa6";
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - size.x) * 0.5f, ImGui::GetWindowHeight() * 0.45f));
    TextMuted(text);
    RegisterLastItem("session/loading", "status", "Loading", "busy");
    return;
  }
  const float cardW = std::min(420 * d, ImGui::GetWindowWidth() - 32 * d);
  // Height estimate for vertical centring: fields and button, plus the demo list.
  float cardH = 320 * d + (page.signInError().empty() ? 0 : 40 * d);
  if (!demo.users.empty()) cardH += 56 * d + float(demo.users.size()) * (ImGui::GetTextLineHeight() * 2 + 18 * d);
  const float x = (ImGui::GetWindowWidth() - cardW) * 0.5f;
  const float y = std::max(32 * d, (ImGui::GetWindowHeight() - cardH) * 0.45f);

  // Product mark above the card.
  ImGui::SetCursorPos(ImVec2(x, y - 8 * d));
  BeginCard("sign-in", cardW, 32);
  ImGui::PushFont(CurrentFonts().title);
  TextColored(p.accent, icon::kTrash);
  ImGui::SameLine(0, 10 * d);
  ImGui::TextUnformatted("Sign in");
  ImGui::PopFont();
  // The workspace by its name ("Acme Robotics"), as people know it; an older server gives only its url.
  const std::string& workspace = demo.workspaceName.empty() ? demo.workspace : demo.workspaceName;
  const std::string subtitle = workspace.empty() ? "to manage your workspace's Trash"
                                                 : "to the " + trash::SanitizeForDisplay(workspace) + " workspace";
  TextMuted(subtitle.c_str());
  RegisterLastItem("sign-in/workspace", "text", subtitle.c_str());
  ImGui::Dummy(ImVec2(0, 6 * d));

  const bool busy = page.signingIn();
  bool submit = false;
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted("Email");
  ImGui::PopFont();
  const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
  submit |=
      TextField("##email", "Email", "you@company.com", email_, sizeof email_, CardInnerWidth(), enter, &focusEmail_);
  ImGui::PushFont(CurrentFonts().strong);
  ImGui::TextUnformatted("Password");
  ImGui::PopFont();
  submit |= TextField("##password", "Password", "Password", password_, sizeof password_, CardInnerWidth(),
                      enter | ImGuiInputTextFlags_Password);
  if (!page.signInError().empty()) {
    const std::string error = trash::SanitizeForDisplay(page.signInError());
    TextColored(p.red, icon::kError);
    ImGui::SameLine(0, 8 * d);
    TextWrappedColored(p.red, error.c_str());
    RegisterLastItem("sign-in/error", "alert", error.c_str());
  }
  ImGui::Dummy(ImVec2(0, 2 * d));
  ButtonOptions signIn;
  signIn.kind = ButtonKind::Primary;
  signIn.width = CardInnerWidth();
  signIn.busy = busy;
  signIn.enabled = email_[0] != 0 && password_[0] != 0;
  signIn.id = "sign-in/submit";
  signIn.tooltip = signIn.enabled || busy ? nullptr : "Enter your email and password";
  submit |= Button(busy ? "Signing in\xe2\x80\xa6" : "Sign in", signIn);
  if (submit && !busy && email_[0] && password_[0]) frame.Emit(trash::intent::SignIn{email_, password_});

  DrawDemoUsers(demo);
  EndCard();
}

}  // namespace ui
