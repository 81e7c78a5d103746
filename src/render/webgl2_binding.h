// The renderer's own WebGL2 binding: the context, its two programs, one VAO with its vertex and
// index buffers, the textures and the backdrop's offscreen targets live in a small JavaScript table
// (webgl2_binding.cpp), and a frame crosses into JavaScript once: its geometry and draw list.
// Used instead of Emscripten's GL library, which carries a generic GLES emulation the page never calls.
#pragma once

#include <cstdint>
#include <string>

namespace render::webgl2 {

// One draw of the frame's draw list. Read by the binding as eight 32-bit words: keep the layout.
struct DrawCommand {
  int32_t scissor[4] = {};  // x, y from the bottom, width, height: device pixels
  uint32_t texture = 0;     // a texture of the binding (UploadTexture)
  uint32_t vertexByte = 0;  // where the command's list starts in the frame's vertex block
  uint32_t indexByte = 0;   // where the command's indices start in the frame's index block
  uint32_t indexCount = 0;  // 16-bit indices
};

// A frame: one vertex and one index upload, then the draw list. Read by the binding as 32-bit
// words (pointers are 32-bit in wasm32): keep the layout.
struct Frame {
  const void* vertices = nullptr;  // ImDrawVert, every list's in order
  uint32_t vertexBytes = 0;
  const void* indices = nullptr;  // ImDrawIdx (16-bit), every list's in order
  uint32_t indexBytes = 0;
  const DrawCommand* commands = nullptr;
  int32_t commandCount = 0;
  int32_t backdropFrom = -1;      // commands before this one are drawn offscreen, blurred and dimmed; -1: none
  int32_t width = 0, height = 0;  // the framebuffer, device pixels
  float clear[4] = {};
  float scale[2] = {}, translate[2] = {};  // device pixels → clip space, Y up
  float blurStep[2] = {};                  // texture coordinates between taps: the horizontal pass, then the vertical
  float dim[4] = {};                       // the colour laid over the blurred backdrop
  float whitePixel[2] = {};                // the atlas's white texel (ImGui's shapes): drawn without sampling
};

// The page canvas's WebGL2 context (no alpha, depth, stencil or antialiasing); false without WebGL2.
bool CreateContext();
// Compiles and links the ImGui program and makes the VAO and buffers; false with the compiler's
// message. The backdrop's program is compiled after the first frame and checked at its first use.
bool Init(const char* imguiVertex, const char* imguiFragment, const char* backdropVertex, const char* backdropFragment,
          std::string* error);
// Uploads RGBA8 pixels into `texture` (0: a new one), linear and clamped; returns the texture.
uint32_t UploadTexture(uint32_t texture, int width, int height, const void* rgba);
void DrawFrame(const Frame& frame);

}  // namespace render::webgl2
