// Makes ImGui 1.86 fonts from a RasterAtlas without its font builder: each face becomes an ImFont
// whose glyphs point into the atlas texture, which is handed to ImGui as an alpha texture.
#include "ui/raster_fonts.h"

#include <imgui.h>

#include <cstring>  // std::memcpy

namespace ui {
namespace {

unsigned DecodeUtf8(const char* s) {  // the icons are three-byte sequences (U+F000-U+F2FF)
  const auto b = reinterpret_cast<const unsigned char*>(s);
  if (b[0] < 0x80) return b[0];
  if ((b[0] & 0xE0) == 0xC0) return (b[0] & 0x1Fu) << 6 | (b[1] & 0x3Fu);
  return (b[0] & 0x0Fu) << 12 | (b[1] & 0x3Fu) << 6 | (b[2] & 0x3Fu);
}

ImFont* AddFace(ImFontAtlas& atlas, const RasterFace& face, float pixels) {
  ImFont* font = IM_NEW(ImFont);
  atlas.Fonts.push_back(font);
  font->ContainerAtlas = &atlas;
  font->FontSize = pixels;
  font->Ascent = face.ascent;
  font->Descent = face.descent;
  for (const RasterGlyph& g : face.glyphs)
    font->AddGlyph(nullptr, ImWchar(g.codepoint), g.x0, g.y0, g.x1, g.y1, g.u0, g.v0, g.u1, g.v1, g.advance);
  font->BuildLookupTable();
  return font;
}

}  // namespace

std::vector<unsigned> TextCodepoints() {
  std::vector<unsigned> out;
  for (const unsigned short* r = kTextRanges; r[0]; r += 2)
    for (unsigned c = r[0]; c <= r[1]; ++c) out.push_back(c);
  return out;
}

std::vector<unsigned> IconCodepoints() {
  std::vector<unsigned> out;
  for (const char* icon : icon::kAll) out.push_back(DecodeUtf8(icon));
  return out;
}

Fonts BuildFontsFromRaster(ImFontAtlas& atlas, const RasterAtlas& raster, float devicePixelRatio) {
  atlas.Clear();
  Fonts fonts;
  const size_t texels = size_t(raster.width) * size_t(raster.height);
  if (raster.faces.size() < 3 || raster.alpha.size() != texels || texels == 0) return SetCurrentFonts(fonts);
  // No baked thick lines or mouse cursors: the atlas has neither (ImGui draws lines as shapes).
  atlas.Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors;
  atlas.TexWidth = raster.width;
  atlas.TexHeight = raster.height;
  atlas.TexUvScale = ImVec2(1.f / float(raster.width), 1.f / float(raster.height));
  atlas.TexUvWhitePixel =
      ImVec2((float(raster.whiteU) + 0.5f) * atlas.TexUvScale.x, (float(raster.whiteV) + 0.5f) * atlas.TexUvScale.y);
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));
  std::memcpy(atlas.TexPixelsAlpha8, raster.alpha.data(), texels);
  ImFont** slots[] = {&fonts.body, &fonts.strong, &fonts.title};
  for (int i = 0; i < 3; ++i)
    *slots[i] = AddFace(atlas, raster.faces[size_t(i)], kFaceSpecs[i].cssPixels * devicePixelRatio);
  atlas.TexReady = true;
  return SetCurrentFonts(fonts);
}

}  // namespace ui
