// Our stand-in for sscanf in ImGui's .ini readers, for the web pages (web.cmake compiles imgui.cpp and
// imgui_tables.cpp with -Dsscanf=trash_imgui_ini_sscanf). Their only sscanf calls read an .ini file
// of window and table layouts, and the page loads none (io.IniFilename is null, nothing calls
// LoadIniSettings*), so they never run; without them libc's sscanf (about 5 KB of wasm) is not linked.
// Also the stand-in for ImGui's TableSettingsInstallHandler (imgui.cpp is compiled with
// -DTableSettingsInstallHandler=trash_imgui_no_table_settings): no table, no table settings.
extern "C" int trash_imgui_ini_sscanf(const char*, const char*, ...) {
  return 0;  // nothing matched: ImGui ignores the line, as it does an unknown one
}

struct ImGuiContext;
namespace ImGui {
void trash_imgui_no_table_settings(ImGuiContext*) {}  // the page draws no ImGui table (ui/grid)
}  // namespace ImGui
