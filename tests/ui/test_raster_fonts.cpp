// Tests of the web page's font path without a browser: a glyph atlas as the browser hands it over
// (ui/raster_fonts.h) becomes ImGui fonts with those glyphs, metrics and texture.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>

#include "ui/raster_fonts.h"

using namespace ui;

namespace {

RasterAtlas SmallAtlas() {
  RasterAtlas raster;
  raster.width = 8;
  raster.height = 4;
  raster.alpha.assign(32, 0);
  raster.alpha[0] = 255;  // the white texel at (0, 0)
  for (int f = 0; f < 3; ++f) {
    RasterFace face;
    face.ascent = 13.f + float(f);
    face.descent = -4.f;
    face.glyphs.push_back({' ', 0, 0, 0, 0, 4.f, 0, 0, 0, 0});
    face.glyphs.push_back({'a', 0.5f, 3.f, 6.5f, 14.f, 7.25f, 0.25f, 0.f, 0.75f, 1.f});
    face.glyphs.push_back({'?', 0, 2.f, 5.f, 14.f, 6.f, 0.f, 0.f, 0.5f, 1.f});
    raster.faces.push_back(face);
  }
  return raster;
}

}  // namespace

TEST_CASE("A browser's glyph atlas becomes the page's three ImGui fonts", "[raster_fonts]") {
  ImGuiContext* context = ImGui::CreateContext();
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const Fonts fonts = BuildFontsFromRaster(atlas, SmallAtlas(), 2.f);
  REQUIRE(fonts.body);
  REQUIRE(fonts.title);
  CHECK(atlas.IsBuilt());
  CHECK(atlas.TexWidth == 8);
  CHECK(atlas.TexPixelsAlpha8[0] == 255);
  CHECK(atlas.TexUvWhitePixel.x == Approx(0.5f / 8));
  CHECK(fonts.body->FontSize == Approx(kFaceSpecs[0].cssPixels * 2));
  CHECK(fonts.title->FontSize == Approx(kFaceSpecs[2].cssPixels * 2));
  CHECK(fonts.title->Ascent == 15.f);
  const ImFontGlyph* a = fonts.strong->FindGlyph('a');
  REQUIRE(a);
  CHECK(a->AdvanceX == 7.25f);
  CHECK(a->U1 == 0.75f);
  CHECK(a->Visible);
  CHECK_FALSE(fonts.body->FindGlyph(' ')->Visible);
  CHECK(fonts.body->CalcTextSizeA(fonts.body->FontSize, 1e9f, 0, "a a").x == Approx(7.25f * 2 + 4.f));
  CHECK(fonts.body->FindGlyph(0x4E2D) == fonts.body->FindGlyph('?'));  // a glyph it lacks: the fallback
  CHECK(CurrentFonts().strong == fonts.strong);
  ImGui::DestroyContext(context);
}

TEST_CASE("A short or empty raster gives no fonts rather than a broken atlas", "[raster_fonts]") {
  ImGuiContext* context = ImGui::CreateContext();
  RasterAtlas raster = SmallAtlas();
  raster.faces.pop_back();
  CHECK_FALSE(BuildFontsFromRaster(*ImGui::GetIO().Fonts, raster, 1.f).body);
  raster = SmallAtlas();
  raster.alpha.resize(3);
  CHECK_FALSE(BuildFontsFromRaster(*ImGui::GetIO().Fonts, raster, 1.f).body);
  CHECK_FALSE(BuildFontsFromRaster(*ImGui::GetIO().Fonts, RasterAtlas{}, 1.f).title);
  ImGui::DestroyContext(context);
}

TEST_CASE("The code points asked of the browser are the page's ranges and its icons", "[raster_fonts]") {
  const std::vector<unsigned> text = TextCodepoints();
  CHECK(text.front() == 0x20);
  CHECK(std::count(text.begin(), text.end(), 0x7F) == 0);    // no control characters
  CHECK(std::count(text.begin(), text.end(), 0x17E) == 1);   // ž: Latin Extended-A
  CHECK(std::count(text.begin(), text.end(), 0x2026) == 1);  // … for elided text
  const std::vector<unsigned> icons = IconCodepoints();
  CHECK(icons.size() == sizeof(icon::kAll) / sizeof(icon::kAll[0]));
  CHECK(std::count(icons.begin(), icons.end(), 0xF1F8) == 1);  // the trash can
  CHECK(std::all_of(icons.begin(), icons.end(), [](unsigned c) { return c >= 0xF000 && c <= 0xF2FF; }));
}
