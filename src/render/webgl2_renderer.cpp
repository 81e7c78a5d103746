// WebGL2 renderer for Dear ImGui's draw data, plus the blurred modal backdrop (see the header).
// All geometry of a frame goes up in one vertex and one index upload (the lists are gathered into
// one block each on the wasm side first); draws then address it by offsets, rebinding the
// attribute pointers at each list's base (WebGL2 has no base-vertex draw).
#include "render/webgl2_renderer.h"

#include <GLES3/gl3.h>  // WebGL2 through Emscripten's GLES3 emulation
#include <imgui.h>      // ImDrawData, ImDrawVert, ImGuiIO (font atlas)

#include <cstddef>
#include <cstring>  // memcpy
#include <vector>

#include "shaders_embedded.h"  // generated from shaders/ at build time

namespace render {
namespace {

GLuint Compile(GLenum kind, const char* source, std::string* error) {
  GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);  // init-time query only
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    *error = std::string("shader compile failed: ") + log;
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

GLuint Link(const char* vertexSource, const char* fragmentSource, std::string* error) {
  GLuint vs = Compile(GL_VERTEX_SHADER, vertexSource, error);
  GLuint fs = vs ? Compile(GL_FRAGMENT_SHADER, fragmentSource, error) : 0;
  if (!fs) return 0;
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glBindAttribLocation(program, 0, "aPosition");
  glBindAttribLocation(program, 1, "aUV");
  glBindAttribLocation(program, 2, "aColor");
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    *error = std::string("shader link failed: ") + log;
    return 0;
  }
  return program;
}

void BindVertexLayout(size_t baseVertex) {
  const size_t base = baseVertex * sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
}

GLuint MakeTargetTexture(int width, int height) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  return texture;
}

}  // namespace

bool WebGL2Renderer::Init(std::string* error) {
  program_ = Link(kShader_imgui_vert, kShader_imgui_frag, error);
  if (!program_) return false;
  locScale_ = glGetUniformLocation(program_, "uScale");
  locTranslate_ = glGetUniformLocation(program_, "uTranslate");
  locTexture_ = glGetUniformLocation(program_, "uTexture");

  backdropProgram_ = Link(kShader_backdrop_vert, kShader_backdrop_frag, error);
  if (!backdropProgram_) return false;
  locScene_ = glGetUniformLocation(backdropProgram_, "uScene");
  locStep_ = glGetUniformLocation(backdropProgram_, "uStep");
  locDim_ = glGetUniformLocation(backdropProgram_, "uDim");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertexBuffer_);
  glGenBuffers(1, &indexBuffer_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
  for (GLuint attribute = 0; attribute < 3; ++attribute) glEnableVertexAttribArray(attribute);
  glGenVertexArrays(1, &backdropVao_);
  glBindVertexArray(0);

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
  if (!fontTexture_) glGenTextures(1, &fontTexture_);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  // No mipmaps: the default min filter wants them and would leave the texture incomplete (black).
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
  io.Fonts->ClearTexData();  // the GPU has it; keep wasm memory small
}

void WebGL2Renderer::EnsureBackdropTargets(int width, int height) {
  if (sceneFramebuffer_ && width == targetWidth_ && height == targetHeight_) return;
  if (sceneFramebuffer_) {
    glDeleteFramebuffers(1, &sceneFramebuffer_);
    glDeleteFramebuffers(1, &blurFramebuffer_);
    glDeleteTextures(1, &sceneTexture_);
    glDeleteTextures(1, &blurTexture_);
  }
  targetWidth_ = width;
  targetHeight_ = height;
  sceneTexture_ = MakeTargetTexture(width, height);
  blurTexture_ = MakeTargetTexture(width, height);
  glGenFramebuffers(1, &sceneFramebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, sceneFramebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, sceneTexture_, 0);
  glGenFramebuffers(1, &blurFramebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, blurFramebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, blurTexture_, 0);
}

void WebGL2Renderer::Render(const ImDrawData& drawData, int fbWidth, int fbHeight, const float clearRgba[4],
                            const Backdrop& backdrop) {
  if (fbWidth <= 0 || fbHeight <= 0) return;

  // One upload of the whole frame's geometry.
  const size_t vertexBytes = size_t(drawData.TotalVtxCount) * sizeof(ImDrawVert);
  const size_t indexBytes = size_t(drawData.TotalIdxCount) * sizeof(ImDrawIdx);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  if (vertexBytes > vertexCapacity_) {
    vertexCapacity_ = vertexBytes + vertexBytes / 2;
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertexCapacity_), nullptr, GL_STREAM_DRAW);
  }
  if (indexBytes > indexCapacity_) {
    indexCapacity_ = indexBytes + indexBytes / 2;
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indexCapacity_), nullptr, GL_STREAM_DRAW);
  }
  vertexStaging_.resize(vertexBytes);
  indexStaging_.resize(indexBytes);
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
  if (vertexBytes) glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(vertexBytes), vertexStaging_.data());
  if (indexBytes) glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, GLsizeiptr(indexBytes), indexStaging_.data());

  int split = drawData.CmdListsCount;
  for (int n = 0; backdrop.firstDialogList && n < drawData.CmdListsCount; ++n)
    if (drawData.CmdLists[n] == backdrop.firstDialogList) split = n;

  glDisable(GL_SCISSOR_TEST);  // glClear obeys the scissor
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glClearColor(clearRgba[0], clearRgba[1], clearRgba[2], clearRgba[3]);
  if (split < drawData.CmdListsCount) {
    EnsureBackdropTargets(fbWidth, fbHeight);
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFramebuffer_);
    glViewport(0, 0, fbWidth, fbHeight);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawLists(drawData, 0, split, fbWidth, fbHeight);
    const float none[4] = {0, 0, 0, 0};
    const float r = backdrop.blurRadiusPx;
    BackdropPass(sceneTexture_, blurFramebuffer_, r / float(fbWidth), 0.f, none, fbWidth, fbHeight);
    BackdropPass(blurTexture_, 0, 0.f, r / float(fbHeight), backdrop.dimRgba, fbWidth, fbHeight);
    DrawLists(drawData, split, drawData.CmdListsCount, fbWidth, fbHeight);
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fbWidth, fbHeight);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawLists(drawData, 0, split, fbWidth, fbHeight);
  }
  glBindVertexArray(0);
}

void WebGL2Renderer::DrawLists(const ImDrawData& drawData, int first, int last, int fbWidth, int fbHeight) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glUniform1i(locTexture_, 0);
  glActiveTexture(GL_TEXTURE0);
  // Geometry is in device pixels starting at DisplayPos; map it to clip space with Y up.
  const float L = drawData.DisplayPos.x, T = drawData.DisplayPos.y;
  const float W = drawData.DisplaySize.x, H = drawData.DisplaySize.y;
  glUniform2f(locScale_, 2.f / W, -2.f / H);
  glUniform2f(locTranslate_, -1.f - 2.f * L / W, 1.f + 2.f * T / H);
  glBindVertexArray(vao_);

  size_t vertexBase = 0, indexBase = 0;
  for (int n = 0; n < first; ++n) {
    vertexBase += size_t(drawData.CmdLists[n]->VtxBuffer.Size);
    indexBase += size_t(drawData.CmdLists[n]->IdxBuffer.Size);
  }
  GLuint boundTexture = 0;
  for (int n = first; n < last; ++n) {
    const ImDrawList* list = drawData.CmdLists[n];
    size_t boundVertexBase = ~size_t(0);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = cmd.ClipRect.x - L, y0 = cmd.ClipRect.y - T;
      const float x1 = cmd.ClipRect.z - L, y1 = cmd.ClipRect.w - T;
      if (x1 <= x0 || y1 <= y0 || x0 >= float(fbWidth) || y0 >= float(fbHeight)) continue;
      // Scissor is in device pixels with Y flipped.
      glScissor(int(x0), int(float(fbHeight) - y1), int(x1 - x0), int(y1 - y0));
      const GLuint texture = GLuint(reinterpret_cast<intptr_t>(cmd.TextureId));
      if (texture != boundTexture) {
        glBindTexture(GL_TEXTURE_2D, texture);
        boundTexture = texture;
      }
      if (vertexBase + cmd.VtxOffset != boundVertexBase) {
        boundVertexBase = vertexBase + cmd.VtxOffset;
        BindVertexLayout(boundVertexBase);
      }
      glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>((indexBase + cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
    vertexBase += size_t(list->VtxBuffer.Size);
    indexBase += size_t(list->IdxBuffer.Size);
  }
  glDisable(GL_SCISSOR_TEST);
}

void WebGL2Renderer::BackdropPass(unsigned sourceTexture, unsigned targetFramebuffer, float stepX, float stepY,
                                  const float dimRgba[4], int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, targetFramebuffer);
  glViewport(0, 0, width, height);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(backdropProgram_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, sourceTexture);
  glUniform1i(locScene_, 0);
  glUniform2f(locStep_, stepX, stepY);
  glUniform4f(locDim_, dimRgba[0], dimRgba[1], dimRgba[2], dimRgba[3]);
  glBindVertexArray(backdropVao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(vao_);
}

}  // namespace render
