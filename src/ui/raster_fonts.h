// Fonts from glyphs the platform rasterised itself (the web page has the browser draw Inter, so
// it ships no rasteriser and WOFF2 fonts): the code points to ask for, and the atlas handed back
// made into the page's ImGui fonts. The native build rasterises with stb_truetype (BuildFonts).
#pragma once

#include <vector>

#include "ui/theme.h"  // Fonts, kFaceSpecs

namespace ui {

// Glyph boxes are in device pixels relative to the pen at the top of the line; u/v are atlas
// texels. An invisible glyph (a space) has an empty box.
struct RasterGlyph {
  unsigned codepoint = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0, advance = 0;
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};
struct RasterFace {
  float ascent = 0, descent = 0;  // descent is negative, as ImGui has it
  std::vector<RasterGlyph> glyphs;
};
// One alpha atlas for the faces of kFaceSpecs, in that order; the texel at (whiteU, whiteV) is
// opaque (ImGui draws every shape with it).
struct RasterAtlas {
  int width = 0, height = 0;
  std::vector<unsigned char> alpha;
  int whiteU = 0, whiteV = 0;
  std::vector<RasterFace> faces;
};

std::vector<unsigned> TextCodepoints();  // kTextRanges spelled out
std::vector<unsigned> IconCodepoints();  // icon::kAll decoded

// Replaces the atlas's fonts and texture with the raster's; the renderer must upload it again.
// Null fonts when the raster has fewer faces than kFaceSpecs.
Fonts BuildFontsFromRaster(ImFontAtlas& atlas, const RasterAtlas& raster, float devicePixelRatio);

}  // namespace ui
