// The renderer's WebGL2 binding (see the header): what the renderer does to the GPU, in JavaScript
// beside the context, so a frame is one call from wasm and the glue carries no GLES emulation
// (object id tables, uniform location maps, context attributes, extensions). Module.trashGl holds
// the context and everything the page creates in it; textures are handed to C++ as their index.
#include "render/webgl2_binding.h"

#include <emscripten.h>  // EM_JS

// The attributes of the page's old emscripten_webgl_create_context: WebGL2, nothing the renderer
// does not draw with, and the low-power GPU (a settings page never needs the fast one).
EM_JS(int, trash_gl_create_context, (), {
  const gl = document.getElementById('canvas').getContext('webgl2', {
    alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
    powerPreference: 'low-power'});
  if (!gl) return 0;
  const T = gl.TEXTURE_2D;
  Module.trashGl = {
    gl,
    textures: [null],  // index 0: no texture
    // Fills `texture` (a new one when null) with RGBA8 pixels (null: left undefined), linear and
    // clamped (no mipmaps: the default filter wants them and would leave it black).
    fill(texture, width, height, pixels) {
      texture = texture || gl.createTexture();
      gl.bindTexture(T, texture);
      gl.texParameteri(T, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(T, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(T, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(T, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.texImage2D(T, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      return texture;
    },
    // The backdrop's two offscreen targets at the framebuffer's size: the scene, then its
    // horizontal blur; made again when the size changes.
    targets(width, height) {
      const old = this.offscreen;
      if (old && old.width === width && old.height === height) return old.list;
      if (old) for (const target of old.list) {
        gl.deleteFramebuffer(target.framebuffer);
        gl.deleteTexture(target.texture);
      }
      const list = [0, 1].map(() => {
        const texture = this.fill(null, width, height, null), framebuffer = gl.createFramebuffer();
        gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, T, texture, 0);
        return {texture, framebuffer};
      });
      this.offscreen = {width, height, list};
      return list;
    },
  };
  return 1;
});

// In Chrome every question to the GL (a compile status, a uniform location) is a synchronous round
// trip to the GPU process, which at start-up is busy with the compositor's frames, tens of ms each
// on a software GPU. So shaders are compiled and linked without asking, and a program is asked its
// link status (WebGL asks it anyway before the program's first use) and uniform locations once,
// when it is first needed; the compiler's logs only when the link failed. The backdrop's program is
// not needed for the first frame: it is compiled once the page is idle, and checked at first use.
EM_JS(int, trash_gl_init, (const char* imguiVertex, const char* imguiFragment, const char* backdropVertex,
                           const char* backdropFragment, char* error, int errorSize), {
  const s = Module.trashGl, gl = s.gl;
  const compile = (vertex, fragment) => {
    const program = gl.createProgram();
    const shaders = [vertex, fragment].map((source, i) => {
      const shader = gl.createShader(i ? gl.FRAGMENT_SHADER : gl.VERTEX_SHADER);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
      return shader;
    });
    ['aPosition', 'aUV', 'aColor'].forEach((name, i) => gl.bindAttribLocation(program, i, name));
    gl.linkProgram(program);
    return {program, shaders};
  };
  // The program and its uniforms' locations (its sampler reads texture unit 0, the default).
  const ready = ({program, shaders}, uniforms) => {
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      const failed = shaders.find((shader) => !gl.getShaderParameter(shader, gl.COMPILE_STATUS));
      throw failed ? 'shader compile failed: ' + gl.getShaderInfoLog(failed)
                   : 'shader link failed: ' + gl.getProgramInfoLog(program);
    }
    shaders.forEach((shader) => gl.deleteShader(shader));
    const located = {program};
    for (const name of uniforms) located[name] = gl.getUniformLocation(program, name);
    return located;
  };
  const backdropSources = [UTF8ToString(backdropVertex), UTF8ToString(backdropFragment)];
  let backdropCompiled = null;
  s.compileBackdrop = () => { backdropCompiled = backdropCompiled || compile(...backdropSources); };
  s.backdropProgram = () => s.backdrop || (s.backdrop = (s.compileBackdrop(), ready(backdropCompiled, ['uStep', 'uDim'])));
  try {
    s.imgui = ready(compile(UTF8ToString(imguiVertex), UTF8ToString(imguiFragment)), ['uScale', 'uTranslate', 'uWhitePixel']);
  } catch (message) {
    stringToUTF8(String(message), error, errorSize);
    return 0;
  }
  s.vao = gl.createVertexArray();
  gl.bindVertexArray(s.vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
  for (let i = 0; i < 3; ++i) gl.enableVertexAttribArray(i);
  s.emptyVao = gl.createVertexArray();
  s.vertexCapacity = s.indexCapacity = 0;
  return 1;
});

EM_JS(int, trash_gl_upload_texture, (int texture, int width, int height, const void* rgba), {
  const s = Module.trashGl;
  if (!texture) texture = s.textures.push(null) - 1;
  s.textures[texture] = s.fill(s.textures[texture], width, height, HEAPU8.subarray(rgba, rgba + width * height * 4));
  return texture;
});

EM_JS(void, trash_gl_draw_frame, (const void* frame), {
  const s = Module.trashGl, gl = s.gl;
  const f = frame >> 2;
  const [vertices, vertexBytes, indices, indexBytes, commands, commandCount, backdropFrom, width, height] =
      HEAP32.subarray(f, f + 9);
  const [r, g, b, a, scaleX, scaleY, translateX, translateY, blurX, blurY, ...dim] = HEAPF32.subarray(f + 9, f + 23);
  const [whiteU, whiteV] = HEAPF32.subarray(f + 23, f + 25);

  // One upload of the frame's geometry; the buffers only grow.
  gl.bindVertexArray(s.vao);
  const upload = (target, from, bytes, capacity) => {
    if (bytes > s[capacity]) gl.bufferData(target, s[capacity] = bytes + (bytes >> 1), gl.STREAM_DRAW);
    if (bytes) gl.bufferSubData(target, 0, HEAPU8, from, bytes);
  };
  upload(gl.ARRAY_BUFFER, vertices, vertexBytes, 'vertexCapacity');
  upload(gl.ELEMENT_ARRAY_BUFFER, indices, indexBytes, 'indexCapacity');

  const draw = (first, last) => {
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.enable(gl.SCISSOR_TEST);
    gl.useProgram(s.imgui.program);
    gl.uniform2f(s.imgui.uScale, scaleX, scaleY);
    gl.uniform2f(s.imgui.uTranslate, translateX, translateY);
    gl.uniform2f(s.imgui.uWhitePixel, whiteU, whiteV);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindVertexArray(s.vao);
    let texture = -1, base = -1;
    for (let c = (commands >> 2) + first * 8, end = (commands >> 2) + last * 8; c < end; c += 8) {
      gl.scissor(HEAP32[c], HEAP32[c + 1], HEAP32[c + 2], HEAP32[c + 3]);
      if (HEAP32[c + 4] !== texture) gl.bindTexture(gl.TEXTURE_2D, s.textures[texture = HEAP32[c + 4]]);
      // WebGL2 has no base-vertex draw: the attributes point at the command's list instead.
      if (HEAP32[c + 5] !== base) {
        base = HEAP32[c + 5];
        gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, base);
        gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, base + 8);
        gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, base + 16);
      }
      gl.drawElements(gl.TRIANGLES, HEAP32[c + 7], gl.UNSIGNED_SHORT, HEAP32[c + 6]);
    }
    gl.disable(gl.SCISSOR_TEST);
  };
  // A full-screen triangle sampling `source` along one axis into `framebuffer`.
  const blur = (program, source, framebuffer, stepX, stepY, dimRgba) => {
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.disable(gl.BLEND);
    gl.useProgram(program.program);
    gl.bindTexture(gl.TEXTURE_2D, source);
    gl.uniform2f(program.uStep, stepX, stepY);
    gl.uniform4fv(program.uDim, dimRgba);
    gl.bindVertexArray(s.emptyVao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  };

  gl.disable(gl.SCISSOR_TEST);  // clear obeys the scissor
  gl.disable(gl.DEPTH_TEST);
  gl.disable(gl.CULL_FACE);
  gl.clearColor(r, g, b, a);
  gl.viewport(0, 0, width, height);
  let backdrop = null;
  try {
    if (backdropFrom >= 0) backdrop = s.backdropProgram();
  } catch (message) {  // dialogs are drawn without their backdrop; the page reports why
    s.backdropProgram = () => null;
    if (window.trashShell) window.trashShell.fail('The page could not start its renderer: ' + message);
  }
  if (backdrop) {
    const [scene, blurred] = s.targets(width, height);
    gl.bindFramebuffer(gl.FRAMEBUFFER, scene.framebuffer);
    gl.clear(gl.COLOR_BUFFER_BIT);
    draw(0, backdropFrom);
    blur(backdrop, scene.texture, blurred.framebuffer, blurX, 0, [0, 0, 0, 0]);
    blur(backdrop, blurred.texture, null, 0, blurY, dim);
    draw(backdropFrom, commandCount);
  } else {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.clear(gl.COLOR_BUFFER_BIT);
    draw(0, commandCount);
  }
  gl.bindVertexArray(null);
  // The first frame is out: the backdrop's program compiles while the page is idle.
  if (!s.backdropScheduled) {
    s.backdropScheduled = true;
    (window.requestIdleCallback || setTimeout)(() => s.compileBackdrop());
  }
});

namespace render::webgl2 {

static_assert(sizeof(DrawCommand) == 8 * 4 && sizeof(void*) == 4, "the binding reads 32-bit words");
static_assert(sizeof(Frame) == 25 * 4, "the binding reads the frame's fields by position");

bool CreateContext() { return trash_gl_create_context() != 0; }

bool Init(const char* imguiVertex, const char* imguiFragment, const char* backdropVertex,
          const char* backdropFragment, std::string* error) {
  char message[1024] = {};
  if (trash_gl_init(imguiVertex, imguiFragment, backdropVertex, backdropFragment, message, sizeof message)) return true;
  *error = message;
  return false;
}

uint32_t UploadTexture(uint32_t texture, int width, int height, const void* rgba) {
  return uint32_t(trash_gl_upload_texture(int(texture), width, height, rgba));
}

void DrawFrame(const Frame& frame) { trash_gl_draw_frame(&frame); }

}  // namespace render::webgl2
