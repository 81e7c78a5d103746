// WebGL2 renderer for Dear ImGui's draw data, plus the blurred modal backdrop (see the header).
// All geometry of a frame goes up in one vertex and one index upload (the lists are gathered into
// one block each on the wasm side first); draws then address it by offsets, the binding pointing
// the attributes at each list's base (WebGL2 has no base-vertex draw).
#include "render/webgl2_renderer.h"

#include <imgui.h>  // ImDrawData, ImDrawVert, ImGuiIO (font atlas)

#include <cstddef>  // offsetof
#include <cstring>  // memcpy, memcmp
#include <vector>

#include "render/draw_batches.h"  // AppendDrawBatches
#include "shaders_embedded.h"     // generated from shaders/ at build time

namespace render {

// The binding draws 16-bit indices and reads vertices as 20 bytes: position, UV, colour.
static_assert(sizeof(ImDrawIdx) == 2, "the binding draws 16-bit indices");
static_assert(sizeof(ImDrawVert) == 20 && offsetof(ImDrawVert, uv) == 8 && offsetof(ImDrawVert, col) == 16,
              "the binding's vertex layout");

bool WebGL2Renderer::Init(std::string* error) {
  if (!webgl2::Init(kShader_imgui_vert, kShader_imgui_frag, kShader_backdrop_vert, kShader_backdrop_frag, error))
    return false;
  ImGui::GetIO().BackendRendererName = "trash_webgl2";
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  return true;
}

void WebGL2Renderer::UploadFontAtlas() {
  ImGuiIO& io = ImGui::GetIO();
  // The atlas was built by ui::BuildFonts. White texels with the glyph coverage as alpha, made
  // here: ImGui's GetTexDataAsRGBA32 would also link its built-in font (12 KB) as a fallback.
  const ImFontAtlas& atlas = *io.Fonts;
  if (!atlas.TexPixelsAlpha8) return;
  const int width = atlas.TexWidth, height = atlas.TexHeight;
  std::vector<unsigned> pixels(size_t(width) * size_t(height));
  for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = IM_COL32(255, 255, 255, atlas.TexPixelsAlpha8[i]);
  fontTexture_ = webgl2::UploadTexture(fontTexture_, width, height, pixels.data());
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
  io.Fonts->ClearTexData();  // the GPU has it; keep wasm memory small
  shown_ = false;            // the same geometry now samples other glyphs
}

void WebGL2Renderer::GatherGeometry(const ImDrawData& drawData) {
  vertexStaging_.resize(size_t(drawData.TotalVtxCount) * sizeof(ImDrawVert));
  indexStaging_.resize(size_t(drawData.TotalIdxCount) * sizeof(ImDrawIdx));
  size_t vertexOffset = 0, indexOffset = 0;
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList* list = drawData.CmdLists[n];
    const size_t vb = size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert);
    const size_t ib = size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx);
    if (vb) std::memcpy(vertexStaging_.data() + vertexOffset, list->VtxBuffer.Data, vb);
    if (ib) std::memcpy(indexStaging_.data() + indexOffset, list->IdxBuffer.Data, ib);
    vertexOffset += vb;
    indexOffset += ib;
  }
}

// The frame's draw list, in device pixels: commands clipped away are left out, neighbours merged
// (draw_batches.h), and the backdrop begins at `backdropEnd`'s first command (lists before it are
// drawn behind the blur), if it drew.
void WebGL2Renderer::GatherCommands(const ImDrawData& drawData, const ImDrawList* backdropEnd, int fbWidth,
                                    int fbHeight, webgl2::Frame* frame) {
  commands_.clear();
  frame->backdropFrom = -1;
  size_t vertexBase = 0, indexBase = 0;
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList* list = drawData.CmdLists[n];
    if (list == backdropEnd) frame->backdropFrom = int32_t(commands_.size());
    AppendDrawBatches(*list, drawData.DisplayPos, fbWidth, fbHeight, vertexBase, indexBase, &commands_);
    vertexBase += size_t(list->VtxBuffer.Size);
    indexBase += size_t(list->IdxBuffer.Size);
  }
  frame->commands = commands_.data();
  frame->commandCount = int32_t(commands_.size());
}

// The parameters only: the blocks are compared by the caller.
static webgl2::Frame ParametersOf(webgl2::Frame frame) {
  frame.vertices = frame.indices = nullptr;
  frame.commands = nullptr;
  return frame;
}

// memcmp, not vector's ==: this libc++ compares bytes one at a time, and a list's vertices are
// tens of kilobytes compared every frame.
static bool SameBytes(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool WebGL2Renderer::SameAsShown(const webgl2::Frame& frame) const {
  const webgl2::Frame parameters = ParametersOf(frame);
  return shown_ && SameBytes(vertexStaging_, shownVertices_) && SameBytes(indexStaging_, shownIndices_) &&
         commands_.size() == shownCommands_.size() &&
         std::memcmp(commands_.data(), shownCommands_.data(), commands_.size() * sizeof(webgl2::DrawCommand)) == 0 &&
         std::memcmp(&parameters, &shownFrame_, sizeof parameters) == 0;
}

void WebGL2Renderer::Render(const ImDrawData& drawData, int fbWidth, int fbHeight, const float clearRgba[4],
                            const Backdrop& backdrop, bool superseded) {
  if (fbWidth <= 0 || fbHeight <= 0 || superseded) return;
  webgl2::Frame frame;
  GatherGeometry(drawData);
  frame.vertices = vertexStaging_.data();
  frame.vertexBytes = uint32_t(vertexStaging_.size());
  frame.indices = indexStaging_.data();
  frame.indexBytes = uint32_t(indexStaging_.size());
  GatherCommands(drawData, backdrop.firstDialogList, fbWidth, fbHeight, &frame);
  frame.width = fbWidth;
  frame.height = fbHeight;
  for (int i = 0; i < 4; ++i) frame.clear[i] = clearRgba[i];
  // Geometry is in device pixels starting at DisplayPos; map it to clip space with Y up.
  const float L = drawData.DisplayPos.x, T = drawData.DisplayPos.y;
  const float W = drawData.DisplaySize.x, H = drawData.DisplaySize.y;
  frame.scale[0] = 2.f / W;
  frame.scale[1] = -2.f / H;
  frame.translate[0] = -1.f - 2.f * L / W;
  frame.translate[1] = 1.f + 2.f * T / H;
  frame.blurStep[0] = backdrop.blurRadiusPx / float(fbWidth);
  frame.blurStep[1] = backdrop.blurRadiusPx / float(fbHeight);
  for (int i = 0; i < 4; ++i) frame.dim[i] = backdrop.dimRgba[i];
  frame.whitePixel[0] = ImGui::GetIO().Fonts->TexUvWhitePixel.x;
  frame.whitePixel[1] = ImGui::GetIO().Fonts->TexUvWhitePixel.y;
  if (SameAsShown(frame)) return;
  webgl2::DrawFrame(frame);
  // The staging blocks become the shown ones; the old shown ones are the next frame's staging.
  vertexStaging_.swap(shownVertices_);
  indexStaging_.swap(shownIndices_);
  commands_.swap(shownCommands_);
  shownFrame_ = ParametersOf(frame);
  shown_ = true;
}

}  // namespace render
