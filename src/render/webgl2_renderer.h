// WebGL2 renderer for Dear ImGui's draw data. It owns its GL context outright, so it sets every
// piece of state it needs each frame and never reads any back (no glGet* after Init: in Chrome each
// one is a synchronous round trip to the GPU process). It also draws the modal backdrop pass.
#pragma once

#include <string>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace render {

struct Backdrop {
  const ImDrawList* firstDialogList = nullptr;  // lists before this one are blurred and dimmed
  float dimRgba[4] = {0.05f, 0.07f, 0.10f, 0.35f};
  float blurRadiusPx = 1.5f;  // in multiples of the 9-tap kernel's reach, at device pixels
};

class WebGL2Renderer {
 public:
  // Compiles the shaders and creates buffers; false with a message when the context can't.
  bool Init(std::string* error);
  // (Re)uploads ImGui's font atlas; call after building fonts (again when the DPR changes).
  void UploadFontAtlas();
  void Render(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight, const float clearRgba[4],
              const Backdrop& backdrop);

 private:
  void DrawLists(const ImDrawData& drawData, int first, int last, int fbWidth, int fbHeight);
  void EnsureBackdropTargets(int width, int height);
  void BackdropPass(unsigned sourceTexture, unsigned targetFramebuffer, float stepX, float stepY,
                    const float dimRgba[4], int width, int height);

  unsigned program_ = 0, vao_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
  int locScale_ = -1, locTranslate_ = -1, locTexture_ = -1;
  unsigned backdropProgram_ = 0, backdropVao_ = 0;
  int locScene_ = -1, locStep_ = -1, locDim_ = -1;
  unsigned sceneFramebuffer_ = 0, sceneTexture_ = 0, blurFramebuffer_ = 0, blurTexture_ = 0;
  int targetWidth_ = 0, targetHeight_ = 0;
  size_t vertexCapacity_ = 0, indexCapacity_ = 0;
  // The frame's lists gathered into one block each, so the GPU gets two uploads however many
  // windows and tables drew (each GL call from wasm crosses into JavaScript).
  std::vector<unsigned char> vertexStaging_, indexStaging_;
};

}  // namespace render
