// A frame paints each pixel about once: the renderer's clear colour is the page's background, so
// no screen draws a background rectangle of its own under everything. On a software GPU every
// screenful of blended pixels costs the machine several milliseconds a frame (REPORT, session 14).
#include <catch2/catch.hpp>

#include <imgui.h>  // ImDrawData

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::fabs
#include <string>     // ids

#include "core/listing_codec.h"  // EncodeTrashListing
#include "harness.h"

using namespace ui::test;

namespace {

struct Coverage {
  double screens = 0;          // pixels covered by triangles (clipped), in screens
  double largestTriangle = 0;  // the largest clipped triangle, in screens
};

// Each triangle's area, clipped by its command's rectangle (exact for the axis-aligned rectangles
// backgrounds are made of, an estimate for the rest).
Coverage Measure(float width, float height) {
  const ImDrawData& data = *ImGui::GetDrawData();
  Coverage out;
  const double screen = double(width) * double(height);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImVec2& a = list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i)])].pos;
        const ImVec2& b = list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i + 1)])].pos;
        const ImVec2& c = list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i + 2)])].pos;
        const float x0 = std::min({a.x, b.x, c.x}), x1 = std::max({a.x, b.x, c.x});
        const float y0 = std::min({a.y, b.y, c.y}), y1 = std::max({a.y, b.y, c.y});
        if (x1 <= x0 || y1 <= y0) continue;
        const float cw = std::min(x1, cmd.ClipRect.z) - std::max(x0, cmd.ClipRect.x);
        const float ch = std::min(y1, cmd.ClipRect.w) - std::max(y0, cmd.ClipRect.y);
        if (cw <= 0 || ch <= 0) continue;
        const double area = std::fabs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
        const double clipped = area * (double(cw) * ch) / (double(x1 - x0) * (y1 - y0)) / screen;
        out.screens += clipped;
        out.largestTriangle = std::max(out.largestTriangle, clipped);
      }
    }
  }
  return out;
}

std::string Listing(int count) {
  std::vector<trash::TrashItem> items;
  const trash::ItemType types[] = {trash::ItemType::Project, trash::ItemType::Dataset, trash::ItemType::Version};
  for (int i = 0; i < count; ++i)
    items.push_back(MakeItem(types[i % 3], "id_" + std::to_string(i), "Item " + std::to_string(i), 1.5 + i % 29));
  return trash::EncodeTrashListing(items, false);
}

}  // namespace

TEST_CASE("A frame paints each pixel about once, with no background under everything", "[overdraw]") {
  const auto [width, height] = GENERATE(std::pair{1280.f, 800.f}, std::pair{390.f, 844.f});
  Harness h(width, height);
  h.SignInWithListing(Listing(400));
  h.Frames(3);
  REQUIRE(h.All("row").size() > 3);

  const Coverage trash = Measure(width, height);
  INFO(width << "x" << height << ": " << trash.screens << " screens, largest triangle " << trash.largestTriangle);
  CHECK(trash.largestTriangle < 0.4);  // a background of the whole page (two triangles) would be 0.5 each
  CHECK(trash.screens < 1.5);          // the list's card and the rows on the clear: about one screen

  SECTION("the other screens too") {
    for (const trash::Screen screen : {trash::Screen::Projects, trash::Screen::Retention, trash::Screen::Activity}) {
      h.Apply(trash::intent::Navigate{screen});
      h.Frames(2);
      REQUIRE(h.page.screen() == screen);
      const Coverage other = Measure(width, height);
      INFO(int(screen) << ": " << other.screens << " screens, largest triangle " << other.largestTriangle);
      CHECK(other.largestTriangle < 0.4);
      CHECK(other.screens < 1.5);
    }
  }
}
