// WebGL2 renderer for Dear ImGui's draw data. It owns its GL context outright, so it sets every
// piece of state it needs each frame and never reads any back (no glGet* after Init but the
// backdrop program's first check: in Chrome each one is a synchronous round trip to the GPU
// process). It also draws the modal backdrop pass. The GPU work itself is its binding's
// (webgl2_binding.h): here ImGui's lists become one frame of it. A frame identical to the one on
// screen is not drawn again (see Render).
#pragma once

#include <string>
#include <vector>

#include "render/webgl2_binding.h"

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
  // The page canvas's WebGL2 context; false when the browser has none.
  static bool CreateContext() { return webgl2::CreateContext(); }
  // Compiles the shaders and creates buffers; false with a message when the context can't.
  bool Init(std::string* error);
  // (Re)uploads ImGui's font atlas; call after building fonts (again when the DPR changes).
  void UploadFontAtlas();
  // Draws the frame, unless it is the frame on screen already (same geometry, draw list and
  // parameters): under a software GPU a frame costs the GPU process up to a few hundred ms, and
  // every frame waits for the ones before it. A canvas not drawn to in an animation frame keeps
  // showing its last picture. `superseded`: the caller knows another frame replaces this one
  // soon (queued input, an action's answer awaited), so it is not drawn either.
  void Render(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight, const float clearRgba[4],
              const Backdrop& backdrop, bool superseded = false);
  // The canvas no longer shows the last frame drawn (its size was set, which clears it).
  void ForgetLastFrame() { shown_ = false; }

 private:
  void GatherGeometry(const ImDrawData& drawData);
  void GatherCommands(const ImDrawData& drawData, const ImDrawList* backdropEnd, int fbWidth, int fbHeight,
                      webgl2::Frame* frame);
  bool SameAsShown(const webgl2::Frame& frame) const;

  uint32_t fontTexture_ = 0;
  // The frame's lists gathered into one block each, and its draw list, so the frame crosses into
  // JavaScript once however many windows and tables drew.
  std::vector<unsigned char> vertexStaging_, indexStaging_;
  std::vector<webgl2::DrawCommand> commands_;
  // The frame on screen, when `shown_`: its blocks (swapped with the staging ones when drawn) and
  // its parameters with the pointers cleared.
  bool shown_ = false;
  std::vector<unsigned char> shownVertices_, shownIndices_;
  std::vector<webgl2::DrawCommand> shownCommands_;
  webgl2::Frame shownFrame_;
};

}  // namespace render
