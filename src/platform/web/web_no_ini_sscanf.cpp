// Our stand-in for sscanf in ImGui's .ini readers, for the web pages (web.cmake compiles imgui.cpp and
// imgui_tables.cpp with -Dsscanf=trash_imgui_ini_sscanf). Their only sscanf calls read an .ini file
// of window and table layouts, and the page loads none (io.IniFilename is null, nothing calls
// LoadIniSettings*), so they never run; without them libc's sscanf (about 5 KB of wasm) is not linked.
// Also the stand-ins for the ImGui table functions that imgui.cpp and imgui_widgets.cpp call whether
// or not a table exists (web.cmake renames those calls to these, in those two files only): the page
// draws no ImGui table (ui/grid), so there is no table settings handler to install, no table row
// for the list clipper to end, no table buffers to compact and no table background to select into.
// And the stand-ins for the default colours ImGuiStyle's constructor sets (ui::ApplyStyle sets them
// all), for closing legacy columns (never begun), for ImGui's software cursor (io.MouseDrawCursor
// is never set), for a title bar's collapse and close buttons (no window of the page has a title
// bar), for the legacy columns' background in widgets (no columns) and for the widgets' calls into
// ImGui's text log (g.LogEnabled is never set: the page never calls LogBegin or a LogTo* function).
#include <imgui.h>  // ImVec2 (the software cursor's stand-in takes one by value), ImGuiStyle, ImDrawList

extern "C" int trash_imgui_ini_sscanf(const char*, const char*, ...) {
  return 0;  // nothing matched: ImGui ignores the line, as it does an unknown one
}

struct ImGuiTable;
struct ImGuiTableTempData;
namespace ImGui {
void trash_imgui_no_table_settings(ImGuiContext*) {}
void trash_imgui_no_table_end_row(ImGuiTable*) {}
void trash_imgui_no_table_compact(ImGuiTable*) {}
void trash_imgui_no_table_compact(ImGuiTableTempData*) {}
void trash_imgui_no_table_compact_settings() {}
void trash_imgui_no_table_background() {}
void trash_imgui_no_default_colours(ImGuiStyle*) {}
void trash_imgui_no_columns_end() {}
void trash_imgui_no_software_cursor(ImDrawList*, ImVec2, float, int, unsigned, unsigned, unsigned) {}
bool trash_imgui_no_title_bar_button(ImGuiID, const ImVec2&) { return false; }
void trash_imgui_no_columns_background() {}
void trash_imgui_no_log_text(const char*, ...) {}
void trash_imgui_no_rendered_text_log(const ImVec2*, const char*, const char*) {}
void trash_imgui_no_text_log_decoration(const char*, const char*) {}
}  // namespace ImGui
