// Look of the page: fonts (Inter + Font Awesome icons, rasterised at the device pixel ratio),
// the light and dark palettes and the ImGui style scaled to device pixels.
#pragma once

#include <cstddef>

struct ImFont;
struct ImFontAtlas;

namespace ui {

enum class Theme { Light, Dark };

// Font files in memory. A missing Inter weight is replaced by the other one; with neither, text
// fonts come from `fallback` when given (the native tests pass ImGui's built-in ProggyClean; the
// page does not link it: 12 KB of wasm) and BuildFonts returns null fonts otherwise.
struct FontSources {
  const void* regular = nullptr;
  size_t regularSize = 0;
  const void* semibold = nullptr;
  size_t semiboldSize = 0;
  const void* icons = nullptr;
  size_t iconsSize = 0;
  ImFont* (*fallback)(ImFontAtlas& atlas, float pixels) = nullptr;
};

struct Fonts {
  ImFont* body = nullptr;    // Inter Regular 14 px, with the icons merged in
  ImFont* strong = nullptr;  // Inter SemiBold 14 px, with the icons merged in
  ImFont* title = nullptr;   // Inter SemiBold 20 px
};

// The faces of Fonts, in its order: Inter's weight and the line height in CSS pixels (ImGui's
// font size is ascender to descender). The icons are merged into each at kIconScale of its size;
// each icon is at least kIconMinAdvance of the icon size wide (so they line up in columns) and sits
// kIconDrop of it lower.
struct FaceSpec {
  int weight;
  float cssPixels;
};
inline constexpr FaceSpec kFaceSpecs[3] = {{400, 14.f}, {600, 14.f}, {600, 20.f}};
inline constexpr float kIconScale = 0.92f, kIconMinAdvance = 1.25f, kIconDrop = 0.05f;
// The text code points every face has, as inclusive ranges, zero-terminated (ImGui's format);
// the font files are cut to this list at build time (web_page_facts.cpp prints it for the shell and
// make_web_font.py: SemiBold has only its first part, Regular draws the rest, from a second file
// the page loads only for text that needs it).
extern const unsigned short kTextRanges[];

struct Palette {
  unsigned text, textMuted, background, surface, surfaceAlt, border, accent, accentText, danger, dangerText, amber, red,
      success, selection, rowHover;
  float clear[4] = {};  // `background` as the renderer's clear colour: it paints the page's background
  // A dialog's card and its edge: they must stand out from the blurred, dimmed page beneath
  // (kBackdropDim), which in dark mode is nearly the colour of `surface`.
  unsigned dialog = 0, dialogBorder = 0;
};

// What the renderer mixes into the page behind a dialog (rgb, amount); the renderer's
// BackdropStyle default is the same colour.
inline constexpr float kBackdropDim[4] = {0.05f, 0.07f, 0.10f, 0.35f};

// Rebuilds the atlas for this ratio (atlas.TexPixelsAlpha8 holds it, so ImGui's GetTexData*
// functions, which would link its built-in font, are not needed); the renderer must upload it
// again afterwards.
Fonts BuildFonts(ImFontAtlas& atlas, const FontSources& sources, float devicePixelRatio);
// What CurrentFonts returns from now on (BuildFonts and BuildFontsFromRaster set it); returns it.
Fonts SetCurrentFonts(const Fonts& fonts);
// highContrast follows the system's "prefers-contrast: more": stronger text and borders.
void ApplyStyle(Theme theme, float devicePixelRatio, bool highContrast = false);
// Follows "prefers-reduced-motion": spinners and other movement hold still.
void SetReducedMotion(bool reduced);
bool ReducedMotion();
const Palette& CurrentPalette();
const Fonts& CurrentFonts();
float Dpr();  // the ratio the style was built for: sizes written in CSS pixels multiply by it

// Font Awesome 4.7 code points the page uses, as UTF-8.
namespace icon {
inline constexpr const char* kSearch = "\xef\x80\x82";
inline constexpr const char* kUser = "\xef\x80\x87";
inline constexpr const char* kCheck = "\xef\x80\x8c";
inline constexpr const char* kClose = "\xef\x80\x8d";
inline constexpr const char* kClock = "\xef\x80\x97";
inline constexpr const char* kRefresh = "\xef\x80\xa1";
inline constexpr const char* kLock = "\xef\x80\xa3";
inline constexpr const char* kVersion = "\xef\x80\xab";  // tag
inline constexpr const char* kChevronRight = "\xef\x81\x94";
inline constexpr const char* kInfo = "\xef\x81\x9a";
inline constexpr const char* kError = "\xef\x81\xaa";
inline constexpr const char* kWarning = "\xef\x81\xb1";
inline constexpr const char* kChevronDown = "\xef\x81\xb8";
inline constexpr const char* kProject = "\xef\x81\xbb";  // folder
inline constexpr const char* kSignOut = "\xef\x82\x8b";
inline constexpr const char* kStorage = "\xef\x82\xa0";  // hdd
inline constexpr const char* kCopy = "\xef\x83\x85";
inline constexpr const char* kSort = "\xef\x83\x9c";
inline constexpr const char* kUndo = "\xef\x83\xa2";
inline constexpr const char* kWorkflow = "\xef\x84\xa6";  // code-fork
inline constexpr const char* kLevelUp = "\xef\x85\x88";
inline constexpr const char* kModel = "\xef\x86\xb2";    // cube
inline constexpr const char* kDataset = "\xef\x87\x80";  // database
inline constexpr const char* kTrash = "\xef\x87\xb8";
inline constexpr const char* kMore = "\xef\x85\x82";      // ellipsis-v
inline constexpr const char* kHistory = "\xef\x87\x9a";   // history: Activity, a row's History
inline constexpr const char* kDownload = "\xef\x80\x99";  // Export CSV
inline constexpr const char* kPlus = "\xef\x81\xa7";
inline constexpr const char* kMinus = "\xef\x81\xa8";
// Every one of them: the glyphs a face needs (the icon font is cut to this list at build time, by
// web_page_facts.cpp and make_web_font.py).
inline constexpr const char* kAll[] = {
    kSearch,  kUser,    kCheck,       kClose,   kClock,   kRefresh, kLock,     kVersion, kChevronRight, kInfo,
    kError,   kWarning, kChevronDown, kProject, kSignOut, kStorage, kCopy,     kSort,    kUndo,         kWorkflow,
    kLevelUp, kModel,   kDataset,     kTrash,   kMore,    kHistory, kDownload, kPlus,    kMinus};
}  // namespace icon

}  // namespace ui
