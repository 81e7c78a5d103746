// Fonts, palettes and the ImGui style. Everything is built in device pixels: fonts are rasterised
// at size × device pixel ratio and the style is scaled by the same ratio, so text stays crisp on
// HiDPI screens and at any browser zoom (the platform rebuilds both when the ratio changes).
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImFontAtlasGetBuilderForStbTruetype

namespace ui {

const unsigned short kTextRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2014, 0x2018, 0x201F,
                                      0x2022, 0x2022, 0x2026, 0x2026, 0x2039, 0x203A, 0x2190, 0x2193,
                                      0x2212, 0x2212, 0x2713, 0x2713, 0x2715, 0x2715, 0};
static_assert(sizeof(ImWchar) == sizeof(unsigned short), "kTextRanges is ImGui's glyph range format");

namespace {

Palette g_palette;
Fonts g_fonts;
float g_dpr = 1.f;
bool g_reducedMotion = false;

constexpr unsigned Rgb(unsigned rgb, unsigned alpha = 255) {
  return (alpha << 24) | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}

const ImWchar kIconRanges[] = {0xF000, 0xF2FF, 0};

// Which palette colour each ImGui colour takes (none: transparent), as a table rather than one
// statement per colour, so the wasm carries one colour conversion, not fifty. Every colour is
// listed: the web build skips ImGui's default colours (web.cmake), so none is left to them.
struct ColourSource {
  ImGuiCol_ colour;
  unsigned Palette::*from;
};
constexpr ColourSource kColourSources[] = {
    {ImGuiCol_Text, &Palette::text},
    {ImGuiCol_TextDisabled, &Palette::textMuted},
    {ImGuiCol_WindowBg, &Palette::background},
    {ImGuiCol_ChildBg, &Palette::surface},
    {ImGuiCol_PopupBg, &Palette::surface},
    {ImGuiCol_Border, &Palette::border},
    {ImGuiCol_BorderShadow, nullptr},
    {ImGuiCol_FrameBg, &Palette::surface},
    {ImGuiCol_FrameBgHovered, &Palette::surfaceAlt},
    {ImGuiCol_FrameBgActive, &Palette::surfaceAlt},
    {ImGuiCol_TitleBg, &Palette::surface},
    {ImGuiCol_TitleBgActive, &Palette::surface},
    {ImGuiCol_TitleBgCollapsed, &Palette::surface},
    {ImGuiCol_MenuBarBg, &Palette::surface},
    {ImGuiCol_ScrollbarBg, nullptr},
    {ImGuiCol_ScrollbarGrab, &Palette::border},
    {ImGuiCol_ScrollbarGrabHovered, &Palette::textMuted},
    {ImGuiCol_ScrollbarGrabActive, &Palette::textMuted},
    {ImGuiCol_CheckMark, &Palette::accentText},
    {ImGuiCol_SliderGrab, &Palette::accent},
    {ImGuiCol_SliderGrabActive, &Palette::accent},
    {ImGuiCol_Button, &Palette::surface},
    {ImGuiCol_ButtonHovered, &Palette::surfaceAlt},
    {ImGuiCol_ButtonActive, &Palette::border},
    {ImGuiCol_Header, &Palette::selection},
    {ImGuiCol_HeaderHovered, &Palette::rowHover},
    {ImGuiCol_HeaderActive, &Palette::selection},
    {ImGuiCol_Separator, &Palette::border},
    {ImGuiCol_SeparatorHovered, &Palette::border},
    {ImGuiCol_SeparatorActive, &Palette::border},
    {ImGuiCol_ResizeGrip, nullptr},
    {ImGuiCol_ResizeGripHovered, nullptr},
    {ImGuiCol_ResizeGripActive, nullptr},
    {ImGuiCol_Tab, &Palette::surface},  // the page draws no tab bar, plot or drag-and-drop target
    {ImGuiCol_TabHovered, &Palette::surfaceAlt},
    {ImGuiCol_TabActive, &Palette::surfaceAlt},
    {ImGuiCol_TabUnfocused, &Palette::surface},
    {ImGuiCol_TabUnfocusedActive, &Palette::surfaceAlt},
    {ImGuiCol_PlotLines, &Palette::textMuted},
    {ImGuiCol_PlotLinesHovered, &Palette::accent},
    {ImGuiCol_PlotHistogram, &Palette::textMuted},
    {ImGuiCol_PlotHistogramHovered, &Palette::accent},
    {ImGuiCol_TableHeaderBg, &Palette::surfaceAlt},
    {ImGuiCol_TableBorderStrong, &Palette::border},
    {ImGuiCol_TableBorderLight, &Palette::border},
    {ImGuiCol_TableRowBg, nullptr},
    {ImGuiCol_TableRowBgAlt, nullptr},
    {ImGuiCol_TextSelectedBg, &Palette::selection},
    {ImGuiCol_DragDropTarget, &Palette::accent},
    {ImGuiCol_NavHighlight, &Palette::accent},
    {ImGuiCol_NavWindowingHighlight, &Palette::accent},
    {ImGuiCol_NavWindowingDimBg, nullptr},
    {ImGuiCol_ModalWindowDimBg, nullptr},  // the renderer blurs and dims instead
};
static_assert(sizeof(kColourSources) / sizeof(kColourSources[0]) == ImGuiCol_COUNT, "every ImGui colour is listed");

ImFont* AddFont(ImFontAtlas& atlas, const void* data, size_t size, float pixels, const ImWchar* ranges,
                bool merge = false) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the platform keeps the file bytes alive
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.MergeMode = merge;
  if (merge) {
    config.GlyphMinAdvanceX = pixels * kIconMinAdvance;
    config.GlyphOffset.y = pixels * kIconDrop;
  }
  return atlas.AddFontFromMemoryTTF(const_cast<void*>(data), int(size), pixels, &config, ranges);
}

ImFont* AddTextFont(ImFontAtlas& atlas, const void* data, size_t size, const FontSources& sources, float pixels,
                    bool withIcons) {
  if (!data || !size) return sources.fallback ? sources.fallback(atlas, pixels) : nullptr;
  ImFont* font = AddFont(atlas, data, size, pixels, reinterpret_cast<const ImWchar*>(kTextRanges));
  if (withIcons && sources.icons && sources.iconsSize)
    AddFont(atlas, sources.icons, sources.iconsSize, pixels * kIconScale, kIconRanges, true);
  return font;
}

}  // namespace

Fonts BuildFonts(ImFontAtlas& atlas, const FontSources& sources, float dpr) {
  atlas.Clear();
  const void* strongData = sources.semibold ? sources.semibold : sources.regular;
  const size_t strongSize = sources.semibold ? sources.semiboldSize : sources.regularSize;
  const void* bodyData = sources.regular ? sources.regular : sources.semibold;
  const size_t bodySize = sources.regular ? sources.regularSize : sources.semiboldSize;
  ImFont** fonts[] = {&g_fonts.body, &g_fonts.strong, &g_fonts.title};
  for (int i = 0; i < 3; ++i) {
    const bool regular = kFaceSpecs[i].weight < 500;
    *fonts[i] = AddTextFont(atlas, regular ? bodyData : strongData, regular ? bodySize : strongSize, sources,
                            kFaceSpecs[i].cssPixels * dpr, true);
  }
  // The stb_truetype builder directly: ImFontAtlas::Build() would add ImGui's built-in font to an
  // empty atlas, so calling it links that font (12 KB of wasm) into the page.
  ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
  return g_fonts;
}

void ApplyStyle(Theme theme, float dpr, bool highContrast) {
  g_dpr = dpr;
  const bool dark = theme == Theme::Dark;
  Palette& p = g_palette;
  if (dark) {
    p = {Rgb(0xE6E8EC), Rgb(0x9AA3AF), Rgb(0x0F1115), Rgb(0x171A21),     Rgb(0x1E222B),
         Rgb(0x2A2F3A), Rgb(0x818CF8), Rgb(0x0F1115), Rgb(0xEF4444),     Rgb(0xFFFFFF),
         Rgb(0xFBBF24), Rgb(0xF87171), Rgb(0x4ADE80), Rgb(0x818CF8, 46), Rgb(0xFFFFFF, 10)};
  } else {
    p = {Rgb(0x1B1F24), Rgb(0x5F6672), Rgb(0xF6F7F9), Rgb(0xFFFFFF),     Rgb(0xF1F3F5),
         Rgb(0xE3E6EA), Rgb(0x4F46E5), Rgb(0xFFFFFF), Rgb(0xDC2626),     Rgb(0xFFFFFF),
         Rgb(0xB45309), Rgb(0xDC2626), Rgb(0x15803D), Rgb(0x4F46E5, 28), Rgb(0x0F172A, 8)};
  }
  for (int i = 0; i < 3; ++i) p.clear[i] = float((p.background >> (8 * i)) & 0xFF) / 255.f;
  p.clear[3] = 1.f;

  // Muted text keeps 4.5:1 (WCAG AA) on every surface it sits on, a hovered group row included.
  p.dialog = dark ? Rgb(0x262B35) : p.surface;
  p.dialogBorder = dark ? Rgb(0x5B6375) : p.border;

  if (highContrast) {
    p.text = dark ? Rgb(0xFFFFFF) : Rgb(0x000000);
    p.textMuted = dark ? Rgb(0xD1D5DB) : Rgb(0x374151);
    p.border = dark ? Rgb(0xD1D5DB) : Rgb(0x4B5563);
    p.amber = dark ? Rgb(0xFCD34D) : Rgb(0x92400E);
    p.red = dark ? Rgb(0xFCA5A5) : Rgb(0xB91C1C);
  }

  ImGuiStyle style;
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.ChildRounding = 8;
  style.ChildBorderSize = 1;
  style.PopupRounding = 8;
  style.PopupBorderSize = 1;
  style.FrameRounding = 6;
  style.FramePadding = ImVec2(10, 6);
  style.FrameBorderSize = 1;
  style.ItemSpacing = ImVec2(8, 8);
  style.ItemInnerSpacing = ImVec2(6, 6);
  style.CellPadding = ImVec2(8, 7);
  style.IndentSpacing = 18;
  style.ScrollbarSize = 10;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 6;
  style.GrabMinSize = 28;  // a scrollbar thumb stays findable on a 100,000-row list
  style.TabRounding = 6;
  style.SelectableTextAlign = ImVec2(0, 0.5f);
  style.DisplaySafeAreaPadding = ImVec2(0, 0);

  ImVec4* col = style.Colors;
  for (const ColourSource& source : kColourSources)
    col[source.colour] = source.from ? ImGui::ColorConvertU32ToFloat4(p.*source.from) : ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(dpr);
  ImGui::GetStyle() = style;
}

void SetReducedMotion(bool reduced) { g_reducedMotion = reduced; }
bool ReducedMotion() { return g_reducedMotion; }

const Palette& CurrentPalette() { return g_palette; }
const Fonts& CurrentFonts() { return g_fonts; }
Fonts SetCurrentFonts(const Fonts& fonts) { return g_fonts = fonts; }
float Dpr() { return g_dpr; }

}  // namespace ui
