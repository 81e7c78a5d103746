// An icon button a frame high (Refresh) is narrower than its icon plus ImGui's frame padding: drawn
// headless with the page's fonts, its glyph must sit in the middle of the button, not start at the
// padding and get cut at the button's right edge.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "harness.h"
#include "ui/theme.h"  // CurrentFonts

using namespace ui::test;

namespace {

struct Span {
  float x0 = 1e9f, x1 = -1e9f;
  bool empty() const { return x0 > x1; }
};

// Where the body font's refresh icon (U+F021) was drawn: the vertices textured from its glyph.
Span RefreshGlyphDrawn() {
  const ImFontGlyph* glyph = ui::CurrentFonts().body->FindGlyphNoFallback(0xF021);
  Span span;
  if (!glyph) return span;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
      if (v.uv.x < glyph->U0 || v.uv.x > glyph->U1 || v.uv.y < glyph->V0 || v.uv.y > glyph->V1) continue;
      span.x0 = std::min(span.x0, v.pos.x);
      span.x1 = std::max(span.x1, v.pos.x);
    }
  return span;
}

}  // namespace

TEST_CASE("Refresh's icon is centred in its square button, not cut at its edge", "[widgets]") {
  Harness h(1280, 800);
  REQUIRE(h.UsePageFonts());
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(3);
  const ui::WidgetInfo* refresh = h.Widget("toolbar/refresh");
  REQUIRE(refresh);
  const Span glyph = RefreshGlyphDrawn();
  REQUIRE_FALSE(glyph.empty());
  INFO("button " << refresh->x << "+" << refresh->w << ", icon drawn " << glyph.x0 << ".." << glyph.x1);
  CHECK(glyph.x0 > refresh->x);
  CHECK(glyph.x1 < refresh->x + refresh->w);
  CHECK(std::fabs((glyph.x0 + glyph.x1) * 0.5f - (refresh->x + refresh->w * 0.5f)) <= 1.5f);
}
