// Draw batches (src/render/draw_batches.h): neighbouring ImGui commands merge into one draw where
// their joint scissor changes no pixel, and only there; Y is flipped for GL; what is clipped away
// is left out. Lists are built by hand (rectangles as two triangles), no ImGui context.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cstdint>
#include <random>
#include <utility>  // std::pair
#include <vector>

#include "render/draw_batches.h"

using render::webgl2::DrawCommand;

namespace {

constexpr int kWidth = 400, kHeight = 300;

struct Rect {
  float x0, y0, x1, y1;
};

// A list of commands, each one rectangle of geometry under a clip rectangle (top-down pixels).
class ListBuilder {
 public:
  ListBuilder() : list_(nullptr) {}
  ListBuilder& Add(Rect geometry, Rect clip, int texture = 1) {
    ImDrawCmd cmd;
    cmd.ClipRect = ImVec4(clip.x0, clip.y0, clip.x1, clip.y1);
    cmd.TextureId = reinterpret_cast<ImTextureID>(intptr_t(texture));
    cmd.IdxOffset = unsigned(list_.IdxBuffer.Size);
    cmd.ElemCount = 6;
    const ImDrawIdx base = ImDrawIdx(list_.VtxBuffer.Size);
    for (const ImVec2& p : {ImVec2(geometry.x0, geometry.y0), ImVec2(geometry.x1, geometry.y0),
                            ImVec2(geometry.x1, geometry.y1), ImVec2(geometry.x0, geometry.y1)}) {
      ImDrawVert v;
      v.pos = p;
      v.uv = ImVec2(0, 0);
      v.col = 0xFFFFFFFF;
      list_.VtxBuffer.push_back(v);
    }
    for (int i : {0, 1, 2, 0, 2, 3}) list_.IdxBuffer.push_back(ImDrawIdx(base + i));
    list_.CmdBuffer.push_back(cmd);
    return *this;
  }
  std::vector<DrawCommand> Batches() const {
    std::vector<DrawCommand> out;
    render::AppendDrawBatches(list_, ImVec2(0, 0), kWidth, kHeight, 0, 0, &out);
    return out;
  }
  ImDrawList& list() { return list_; }

 private:
  ImDrawList list_;
};

// Which pixels of the framebuffer (GL rows, from the bottom) a rectangle of geometry covers under a
// scissor: the test's model of the rasteriser (pixel centres inside both).
std::vector<bool> Covered(Rect g, const int32_t scissor[4]) {
  std::vector<bool> on(size_t(kWidth) * kHeight, false);
  for (int row = 0; row < kHeight; ++row)
    for (int x = 0; x < kWidth; ++x) {
      const float cx = float(x) + 0.5f, cy = float(kHeight - 1 - row) + 0.5f;  // top-down centre
      const bool inGeometry = cx >= g.x0 && cx <= g.x1 && cy >= g.y0 && cy <= g.y1;
      const bool inScissor =
          x >= scissor[0] && x < scissor[0] + scissor[2] && row >= scissor[1] && row < scissor[1] + scissor[3];
      on[size_t(row) * kWidth + x] = inGeometry && inScissor;
    }
  return on;
}

// The scissor ImGui's clip rectangle asks for (as the renderer converts it).
void ScissorOf(Rect clip, int32_t out[4]) {
  out[0] = int32_t(clip.x0);
  out[1] = int32_t(float(kHeight) - clip.y1);
  out[2] = int32_t(clip.x1 - clip.x0);
  out[3] = int32_t(clip.y1 - clip.y0);
}

}  // namespace

TEST_CASE("Commands whose clips cut nothing merge into one draw", "[draw_batches]") {
  const auto batches = ListBuilder()
                           .Add({10, 10, 50, 20}, {0, 0, 100, 100})
                           .Add({60, 10, 90, 20}, {55, 0, 95, 100})
                           .Add({120, 40, 150, 60}, {110, 30, 200, 70})
                           .Batches();
  REQUIRE(batches.size() == 1);
  CHECK(batches[0].indexCount == 18);
  CHECK(batches[0].indexByte == 0);
  // The geometry's pixels, Y from the bottom: x 10..150, rows 300-60 .. 300-10.
  CHECK(batches[0].scissor[0] == 10);
  CHECK(batches[0].scissor[1] == 240);
  CHECK(batches[0].scissor[2] == 140);
  CHECK(batches[0].scissor[3] == 50);
}

TEST_CASE("Grid columns cut at the list's top and bottom merge; their header cells apart", "[draw_batches]") {
  SECTION("column bodies side by side, rows running past the list's edges") {
    const auto batches =
        ListBuilder().Add({10, 40, 90, 400}, {10, 50, 100, 250}).Add({100, 0, 190, 280}, {100, 50, 200, 250}).Batches();
    REQUIRE(batches.size() == 1);
    CHECK(batches[0].scissor[0] == 10);
    CHECK(batches[0].scissor[2] == 180);
    CHECK(batches[0].scissor[1] == kHeight - 250);  // the clip's rows exactly
    CHECK(batches[0].scissor[3] == 200);
  }
  SECTION("a header cell, then its column's body cut below the header: two draws") {
    const auto batches =
        ListBuilder().Add({10, 20, 90, 45}, {10, 20, 100, 250}).Add({10, 30, 90, 280}, {10, 50, 100, 250}).Batches();
    CHECK(batches.size() == 2);
  }
  SECTION("geometry cut on both axes by different clips: two draws") {
    const auto batches =
        ListBuilder().Add({0, 40, 150, 400}, {10, 50, 100, 250}).Add({90, 0, 250, 280}, {100, 50, 200, 250}).Batches();
    CHECK(batches.size() == 2);
  }
}

TEST_CASE("Only neighbours of one texture that follow each other in the index block merge", "[draw_batches]") {
  CHECK(ListBuilder()
            .Add({10, 10, 50, 20}, {0, 0, 100, 100})
            .Add({60, 10, 90, 20}, {0, 0, 100, 100}, 2)
            .Batches()
            .size() == 2);
  ListBuilder gap;
  gap.Add({10, 10, 50, 20}, {0, 0, 100, 100}).Add({60, 10, 90, 20}, {0, 0, 100, 100});
  CHECK(gap.Batches().size() == 1);
  gap.list().CmdBuffer[0].ElemCount = 3;  // the first draws half its rectangle: the second no longer follows it
  CHECK(gap.Batches().size() == 2);
}

TEST_CASE("Commands clipped away, or drawing nothing inside their clip, are left out", "[draw_batches]") {
  const auto batches = ListBuilder()
                           .Add({10, 10, 50, 20}, {0, 0, 0, 100})        // an empty clip
                           .Add({10, 10, 50, 20}, {500, 0, 600, 100})    // right of the framebuffer
                           .Add({10, 10, 50, 20}, {100, 100, 200, 200})  // geometry outside its clip
                           .Add({10, 10, 50, 20}, {0, 0, 100, 100})
                           .Batches();
  REQUIRE(batches.size() == 1);
  CHECK(batches[0].indexByte == 3 * 6 * sizeof(ImDrawIdx));
}

TEST_CASE("Merged draws cover exactly the pixels the commands covered alone (random lists)", "[draw_batches]") {
  std::mt19937 random(20261207);
  auto pick = [&](float from, float to) {  // a coordinate in [from, to], on a pixel edge or centre
    return from + float(std::uniform_int_distribution<int>(0, int(2 * (to - from)))(random)) / 2;
  };
  int merged = 0;  // commands drawn as part of an earlier one's draw: the property is not vacuous
  for (int round = 0; round < 300; ++round) {
    // Columns side by side under a shared band (a grid), sometimes a clip of its own; geometry
    // inside its clip or running past it, on each axis.
    ListBuilder builder;
    std::vector<Rect> geometry, clips;
    const int count = 2 + int(random() % 6);
    const float bandTop = pick(-20, kHeight / 2), bandBottom = pick(bandTop, kHeight + 20);
    float columnLeft = pick(-20, kWidth / 2);
    for (int i = 0; i < count; ++i) {
      Rect c{columnLeft, bandTop, pick(columnLeft, columnLeft + 120), bandBottom};
      if (random() % 4 == 0) c = {pick(-20, kWidth), pick(-20, kHeight), pick(0, kWidth + 20), pick(0, kHeight + 20)};
      columnLeft = c.x1;
      auto span = [&](float from, float to, float limit) {  // inside [from, to], or anywhere
        if (random() % 2 && to > from) {
          const float a = pick(from, to);
          return std::pair{a, pick(a, to)};
        }
        const float a = pick(-20, limit);
        return std::pair{a, pick(a, a + 150)};
      };
      const auto [gx0, gx1] = span(c.x0, c.x1, kWidth);
      const auto [gy0, gy1] = span(c.y0, c.y1, kHeight);
      builder.Add({gx0, gy0, gx1, gy1}, c);
      geometry.push_back({gx0, gy0, gx1, gy1});
      clips.push_back(c);
    }
    std::vector<bool> drawn(size_t(count), false);
    for (const DrawCommand& batch : builder.Batches()) {
      const size_t first = batch.indexByte / sizeof(ImDrawIdx) / 6, last = first + batch.indexCount / 6;
      for (size_t i = first; i < last; ++i) {
        int32_t own[4];
        ScissorOf(clips[i], own);
        INFO("round " << round << ", command " << i);
        CHECK(Covered(geometry[i], batch.scissor) == Covered(geometry[i], own));
        drawn[i] = true;
        merged += i > first ? 1 : 0;
      }
    }
    for (size_t i = 0; i < size_t(count); ++i) {
      if (drawn[i]) continue;
      int32_t own[4];
      ScissorOf(clips[i], own);
      INFO("round " << round << ", command " << i << " left out");
      CHECK(Covered(geometry[i], own) == std::vector<bool>(size_t(kWidth) * kHeight, false));
    }
  }
  CHECK(merged > 40);
}
