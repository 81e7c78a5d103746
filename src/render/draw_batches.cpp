// One draw list's commands as merged draws (see the header).
#include "render/draw_batches.h"

#include <imgui.h>  // ImDrawList, ImDrawCmd, ImDrawVert

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::floor, std::ceil
#include <cstdint>

namespace render {
namespace {

// A half-open range of pixels on one axis.
struct Span {
  int32_t from = 0, to = 0;
  bool operator==(const Span& other) const { return from == other.from && to == other.to; }
};

Span Join(Span a, Span b) { return {std::min(a.from, b.from), std::max(a.to, b.to)}; }
bool Inside(Span inner, Span outer) { return inner.from >= outer.from && inner.to <= outer.to; }
bool Overlap(Span a, Span b) { return std::max(a.from, b.from) < std::min(a.to, b.to); }
Span Clamp(Span s, int32_t size) { return {std::max(s.from, 0), std::min(s.to, size)}; }

// What one command needs of the rectangle it is drawn under, on one axis: `reach` is where its
// geometry can cover pixels; where its clip cuts that, it needs exactly its clip (`cut`).
struct Need {
  Span reach;
  bool cut = false;
};

Need AxisNeed(Span clip, Span geometry) {
  if (Inside(geometry, clip)) return {geometry, false};
  return {clip, true};
}

// The pixels a command's triangles can cover, in the framebuffer's pixels (rows counted from the
// bottom, as the scissor): their bounding box, rounded outwards.
void GeometrySpans(const ImDrawList& list, const ImDrawCmd& cmd, const ImVec2& origin, int fbWidth, int fbHeight,
                   Span* x, Span* y) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  const ImDrawIdx* index = list.IdxBuffer.Data + cmd.IdxOffset;
  const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
  for (unsigned i = 0; i < cmd.ElemCount; ++i) {
    const ImVec2& p = vertices[index[i]].pos;
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  *x = Clamp({int32_t(std::floor(x0 - origin.x)), int32_t(std::ceil(x1 - origin.x))}, fbWidth);
  *y = Clamp({fbHeight - int32_t(std::ceil(y1 - origin.y)), fbHeight - int32_t(std::floor(y0 - origin.y))}, fbHeight);
}

// The draw being built: the commands merged so far, the rectangle they share, and on which axes a
// member's clip fixed it.
class Batch {
 public:
  explicit Batch(std::vector<webgl2::DrawCommand>* out) : out_(out) {}

  // Adds the command to the batch if it can share its rectangle; else ends the batch and starts one.
  void Add(const webgl2::DrawCommand& command, Need x, Need y) {
    if (!Takes(command, x, y)) {
      Flush();
      command_ = command;
      x_ = x.reach;
      y_ = y.reach;
      fixedX_ = x.cut;
      fixedY_ = y.cut;
      open_ = true;
      return;
    }
    x_ = Join(x_, x.reach);
    y_ = Join(y_, y.reach);
    fixedX_ = fixedX_ || x.cut;
    fixedY_ = fixedY_ || y.cut;
    command_.indexCount += command.indexCount;
  }

  void Flush() {
    if (!open_) return;
    command_.scissor[0] = x_.from;
    command_.scissor[1] = y_.from;
    command_.scissor[2] = x_.to - x_.from;
    command_.scissor[3] = y_.to - y_.from;
    out_->push_back(command_);
    open_ = false;
  }

 private:
  bool Takes(const webgl2::DrawCommand& command, Need x, Need y) const {
    if (!open_ || command.texture != command_.texture || command.vertexByte != command_.vertexByte ||
        command.indexByte != command_.indexByte + command_.indexCount * sizeof(ImDrawIdx))
      return false;
    return Fits(x_, fixedX_, x) && Fits(y_, fixedY_, y);
  }
  // The joined range must stay what a fixed member needs, and be exactly the newcomer's clip if it cuts.
  static bool Fits(Span range, bool fixed, Need need) {
    const Span joined = Join(range, need.reach);
    return (!fixed || joined == range) && (!need.cut || joined == need.reach);
  }

  std::vector<webgl2::DrawCommand>* out_;
  webgl2::DrawCommand command_;
  Span x_, y_;
  bool fixedX_ = false, fixedY_ = false, open_ = false;
};

}  // namespace

void AppendDrawBatches(const ImDrawList& list, const ImVec2& origin, int fbWidth, int fbHeight, size_t vertexBase,
                       size_t indexBase, std::vector<webgl2::DrawCommand>* out) {
  Batch batch(out);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) {
      batch.Flush();
      if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
      continue;
    }
    const float x0 = cmd.ClipRect.x - origin.x, y0 = cmd.ClipRect.y - origin.y;
    const float x1 = cmd.ClipRect.z - origin.x, y1 = cmd.ClipRect.w - origin.y;
    if (cmd.ElemCount == 0 || x1 <= x0 || y1 <= y0) continue;
    // The clip as the scissor takes it (Y flipped), then cut to the framebuffer.
    const int32_t sx = int32_t(x0), sy = int32_t(float(fbHeight) - y1);
    const Span clipX = Clamp({sx, sx + int32_t(x1 - x0)}, fbWidth);
    const Span clipY = Clamp({sy, sy + int32_t(y1 - y0)}, fbHeight);
    Span geometryX, geometryY;
    GeometrySpans(list, cmd, origin, fbWidth, fbHeight, &geometryX, &geometryY);
    if (!Overlap(clipX, geometryX) || !Overlap(clipY, geometryY)) continue;  // draws nothing on screen
    const Need x = AxisNeed(clipX, geometryX), y = AxisNeed(clipY, geometryY);
    webgl2::DrawCommand command;
    command.texture = uint32_t(reinterpret_cast<intptr_t>(cmd.TextureId));
    command.vertexByte = uint32_t((vertexBase + cmd.VtxOffset) * sizeof(ImDrawVert));
    command.indexByte = uint32_t((indexBase + cmd.IdxOffset) * sizeof(ImDrawIdx));
    command.indexCount = cmd.ElemCount;
    batch.Add(command, x, y);
  }
  batch.Flush();
}

}  // namespace render
