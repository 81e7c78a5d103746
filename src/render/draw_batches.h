// One ImGui draw list's commands as draws of the WebGL2 binding, neighbours merged where one
// scissor serves them all. ImGui starts a command at every change of clip rectangle (each window,
// each grid column); a software GPU (SwiftShader) pays about a third of a millisecond a draw, so a
// frame of a dozen columns costs more in draws than in pixels. Two neighbours merge when they
// read the same texture and follow each other in the index block, and when drawing both under
// their joint rectangle changes no pixel: on each axis, either the command's geometry lies inside
// its own clip (the clip cuts nothing there), or the joint rectangle is exactly its clip.
// Pure: ImGui's types in, the binding's commands out; no GL.
#pragma once

#include <cstddef>  // size_t
#include <vector>

#include "render/webgl2_binding.h"  // DrawCommand

struct ImDrawList;
struct ImVec2;

namespace render {

// The list's commands, in order, appended to `out`: scissors in the framebuffer's pixels (origin
// bottom left), clipped away commands left out, neighbours merged as above. `origin`: the draw
// data's DisplayPos; `vertexBase`/`indexBase`: where the list starts in the frame's blocks, in
// vertices and indices. ImGui's callbacks are run where they stand (and end a merge).
void AppendDrawBatches(const ImDrawList& list, const ImVec2& origin, int fbWidth, int fbHeight, size_t vertexBase,
                       size_t indexBase, std::vector<webgl2::DrawCommand>* out);

}  // namespace render
