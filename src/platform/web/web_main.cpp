// Entry point of the WebAssembly page: starts the app (its first requests go out at once), then,
// when the shell says the GPU and fonts are ready, creates the WebGL2 context, sizes the canvas
// backing store at the device pixel ratio, builds fonts and style, wires input, and draws a frame
// only when something asked for one (input, data, a timer). Every EM_JS lives in src/platform/web
// but the renderer's WebGL2 binding (src/render/webgl2_binding.cpp).
#include <emscripten.h>  // EM_JS, EMSCRIPTEN_KEEPALIVE, emscripten_get_now
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/app.h"
#include "platform/web/web_backend.h"
#include "platform/web/web_fonts.h"
#include "platform/web/web_automation.h"
#include "platform/web/web_input.h"
#include "platform/web/web_platform.h"
#include "platform/web/web_touch.h"
#include "render/webgl2_renderer.h"
#include "ui/raster_fonts.h"  // BuildFontsFromRaster
#include "ui/theme.h"

// [SECTION] JavaScript glue
EM_JS(double, trash_css_width, (), { return window.innerWidth; });
EM_JS(double, trash_css_height, (), { return window.innerHeight; });
EM_JS(double, trash_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(void, trash_set_canvas_size, (int width, int height), {
  const canvas = document.getElementById('canvas');
  canvas.width = width;
  canvas.height = height;
});
// A resize (browser zoom and a move to another screen's pixel ratio fire one too) and the window
// getting focus back (the App refreshes then).
EM_JS(void, trash_watch_window, (), {
  window.addEventListener('resize', () => _trash_on_resize());
  window.addEventListener('focus', () => _trash_on_window_focus());
});
EM_JS(int, trash_prefers, (const char* query), {
  return window.matchMedia && window.matchMedia(UTF8ToString(query)).matches ? 1 : 0;
});
EM_JS(void, trash_watch_theme, (), {
  if (!window.matchMedia) return;
  for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)'])
    window.matchMedia(query).addEventListener('change', () => _trash_on_theme_change());
});
EM_JS(void, trash_watch_location, (), {
  const changed = () => _trash_on_location_change();
  window.addEventListener('popstate', changed);
  window.addEventListener('hashchange', changed);
});
EM_JS(void, trash_publish_frame, (int frames, int width, int height, double dpr, double frameMs, int itemCount,
                                  int listingLoaded), {
  const page = window.trashPage || (window.trashPage = {});
  page.frames = frames;
  page.itemCount = itemCount;  // rows held, a first page included
  page.listingLoaded = !!listingLoaded;  // the whole listing is in
  page.frameMs = frameMs;
  page.frameMsTotal = (page.frameMsTotal || 0) + frameMs;
  page.canvasWidth = width;
  page.canvasHeight = height;
  page.devicePixelRatio = dpr;
  if (!page.ready) {
    page.ready = true;
    document.body.classList.add('ready');
    if (window.trashShell) window.trashShell.ready();
  }
});
EM_JS(void, trash_fatal, (const char* message), {
  if (window.trashShell) window.trashShell.fail(UTF8ToString(message));
});
// Once the shell's fonts are in, has it rasterise the atlas web::DescribeFonts described (in its
// fonts' worker) and calls trash_on_fonts with it; then trash_on_drawable once the GPU's warm-up is
// done too (web/shell.js), in that order.
EM_JS(void, trash_when_drawable, (), {
  const shell = window.trashShell;
  const spec = Module.trashFontSpec;
  const atlas = shell.fonts.then((loaded) => (loaded ? shell.rasterFontsSoon(spec) : null)).then((raster) => {
    Module.trashRaster = raster;
    _trash_on_fonts(raster ? 1 : 0);
  });
  Promise.all([shell.drawable, atlas]).then(([loaded]) => _trash_on_drawable(loaded ? 1 : 0));
});

namespace {

// [SECTION] Page state
struct Page {
  // Made once in main() and, like the Page, never deleted, so neither destructor is linked into
  // the wasm (unique_ptr linked both, through App's whole state: 0.3 KB gzip, issue 10).
  web::WebPlatform* platform = nullptr;
  app::App* app = nullptr;
  render::WebGL2Renderer renderer;
  web::InputContext input;
  ui::Theme theme = ui::Theme::Light;
  bool highContrast = false;
  float dpr = 0.f;
  int width = 0, height = 0;  // canvas backing store, device pixels
  double lastFrameSeconds = 0;
  int frames = 0;
  int framesSkippedForInput = 0;  // in a row: frames not drawn because queued input followed at once
  double holdUntilMs = 0;         // emscripten_get_now(): frames wait for an action's answer until then
  float describedDpr = 0.f;    // the ratio of the first atlas, asked for in main()
  bool fontsUploaded = false;  // the atlas of page.dpr is on the GPU
  bool drawable = false;  // the WebGL2 context, renderer and fonts are ready
};
Page* g_page = nullptr;

float DevicePixelRatio() { return float(std::max(0.5, trash_device_pixel_ratio())); }

// Builds ImGui's fonts and style from an atlas rasterised at this device pixel ratio: CPU work,
// done while the GPU warms up at start. The atlas goes to the GPU in UpdateCanvasSize.
void BuildFonts(Page& page, float dpr, const ui::RasterAtlas& raster) {
  page.dpr = dpr;
  page.input.devicePixelRatio = dpr;
  ui::BuildFontsFromRaster(*ImGui::GetIO().Fonts, raster, dpr);
  ui::ApplyStyle(page.theme, dpr, page.highContrast);
  page.fontsUploaded = false;
}

// The same, rasterising on the main thread now (a new pixel ratio, the Latin extension).
void BuildFonts(Page& page, float dpr) { BuildFonts(page, dpr, web::RasterizeFonts(dpr)); }

// Sizes the backing store to CSS size × device pixel ratio; rebuilds fonts and style when the
// ratio changed (a HiDPI screen, a move between screens, browser zoom). No GL: at start it runs
// before the context exists, which is then made at its size instead of made again.
void SizeCanvas(Page& page) {
  const float dpr = DevicePixelRatio();
  const int width = int(std::lround(trash_css_width() * dpr));
  const int height = int(std::lround(trash_css_height() * dpr));
  if (width != page.width || height != page.height) {
    page.width = width;
    page.height = height;
    trash_set_canvas_size(width, height);
    page.renderer.ForgetLastFrame();  // setting the size cleared the canvas
  }
  if (dpr != page.dpr) BuildFonts(page, dpr);
}

// SizeCanvas, then the atlas to the GPU when it was built again.
void UpdateCanvasSize(Page& page) {
  SizeCanvas(page);
  if (!page.fontsUploaded) {
    page.renderer.UploadFontAtlas();
    page.fontsUploaded = true;
  }
}

// Inter's Latin extension arrived (web_fonts.h): the atlas again, as for a new pixel ratio.
void OnLatinExtension() {
  BuildFonts(*g_page, g_page->dpr);
  UpdateCanvasSize(*g_page);
  g_page->platform->RequestFrames(2);
}

platform::Cursor CursorFor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_TextInput: return platform::Cursor::TextInput;
    case ImGuiMouseCursor_Hand: return platform::Cursor::Hand;
    case ImGuiMouseCursor_ResizeEW: return platform::Cursor::ResizeEW;
    case ImGuiMouseCursor_NotAllowed: return platform::Cursor::NotAllowed;
    default: return platform::Cursor::Arrow;
  }
}

// [SECTION] Frame
// An action's answer usually comes within a few tens of ms. The frame that sent it (the rows
// hidden at once) is held back that long, not drawn: drawn, it would hold up the answer's frame
// (the rows settled, the toast) by a whole frame of GPU time, which a software GPU makes up to a
// few hundred ms. Past the hold it draws whatever the answer's state, so a slow server still
// shows the rows leaving that much later at most.
constexpr double kHoldForAnswerMs = 100;

// Whether this frame waits for an action's answer; books a frame for the hold's end.
bool HoldForAnswer(Page& page, bool sentAction, double nowMs) {
  if (sentAction) page.holdUntilMs = nowMs + kHoldForAnswerMs;
  if (page.app->actionsInFlight() == 0 || nowMs >= page.holdUntilMs) return false;
  page.platform->WakeAt(page.platform->NowMs() + int64_t(std::ceil(page.holdUntilMs - nowMs)));
  return true;
}

// ImGui's display size and time step for the next frame; answers now, in seconds.
double SetFrameSizeAndTime(Page& page, float width, float height) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  const double now = emscripten_get_now() / 1000.0;
  // ImGui 1.86 asserts on a zero delta (coarse timers under fingerprinting protection).
  io.DeltaTime = float(std::clamp(now - page.lastFrameSeconds, 1e-4, 0.25));
  page.lastFrameSeconds = now;
  return now;
}

// Before the GPU is warm, once the fonts are built: the frame computed but not drawn (no GL, no
// publishing), so the first drawn frame finds its wasm functions compiled (V8 compiles each at its
// first call: ~550 for a first frame, 17-50 ms measured) and ImGui's windows and the rows' heights
// laid out. The App asks for frames as its answers arrive, so the rows' code is compiled too.
// The canvas keeps its size until then: resized, it would cost the compositor a frame, which the
// GPU's warm-up would wait behind.
void RehearseFrame(Page& page) {
  if (page.dpr == 0.f) return;  // no atlas yet
  SetFrameSizeAndTime(page, float(std::lround(trash_css_width() * page.dpr)),
                      float(std::lround(trash_css_height() * page.dpr)));
  ImGui::NewFrame();
  page.app->Draw();
  ImGui::Render();
}

void DrawFrame() {
  Page& page = *g_page;
  if (!page.drawable) return RehearseFrame(page);
  const double now = SetFrameSizeAndTime(page, float(page.width), float(page.height));

  web::BeforeFrame();
  web::TouchBeforeFrame();
  ImGui::NewFrame();
  const app::FrameOutput out = page.app->Draw();
  ImGui::Render();
  if (page.app->page().needsLatinExtension()) web::LoadLatinExtension(OnLatinExtension);

  render::Backdrop backdrop;
  backdrop.firstDialogList = out.firstDialogList;
  backdrop.blurRadiusPx = 1.6f * page.dpr;
  // A frame with input still queued (a press whose release came with it) would be on screen for one
  // refresh: the GPU skips it, so the frame that answers the click does not wait behind it. Never
  // more than two in a row, so held-down keys on a slow machine still show.
  const bool superseded = web::InputQueued() && page.framesSkippedForInput < 2;
  page.framesSkippedForInput = superseded ? page.framesSkippedForInput + 1 : 0;
  const bool held = HoldForAnswer(page, out.sentAction, now * 1000.0);
  page.renderer.Render(*ImGui::GetDrawData(), page.width, page.height, ui::CurrentPalette().clear, backdrop,
                       superseded || held);
  page.platform->SetCursor(CursorFor(ImGui::GetMouseCursor()));
  web::AfterFrame();
  web::PublishWidgets(page.dpr, page.platform->TextInputActive());
  trash_publish_frame(++page.frames, page.width, page.height, page.dpr,
                      emscripten_get_now() - now * 1000.0, int(page.app->page().view().items().size()),
                      page.app->page().trashLoad().status == trash::LoadStatus::Loaded ? 1 : 0);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_resize() {
  UpdateCanvasSize(*g_page);
  g_page->platform->RequestFrames(2);
}

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_window_focus() {
  g_page->renderer.ForgetLastFrame();  // cheap insurance: a browser may have dropped a hidden canvas's picture
  g_page->app->OnWindowFocus();
  g_page->platform->RequestFrames(2);
}

// The system's colour scheme, contrast and motion preferences, read at start and on change.
void ReadSystemPreferences(Page& page) {
  page.theme = trash_prefers("(prefers-color-scheme: dark)") ? ui::Theme::Dark : ui::Theme::Light;
  page.highContrast = trash_prefers("(prefers-contrast: more)") != 0;
  page.platform->SetPrefersReducedMotion(trash_prefers("(prefers-reduced-motion: reduce)") != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_theme_change() {
  ReadSystemPreferences(*g_page);
  ui::ApplyStyle(g_page->theme, g_page->dpr, g_page->highContrast);
  g_page->platform->RequestFrames(2);
}

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_location_change() { g_page->app->OnLocationChanged(); }

// The first atlas, from the shell's fonts' worker, at the ratio main() described it.
extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_fonts(int loaded) {
  if (!loaded) return;
  BuildFonts(*g_page, g_page->describedDpr, web::TakeRasterizedFonts());
  g_page->platform->RequestFrames(1);  // rehearsed until the GPU is warm
}

// The GPU and the fonts are ready: the context (cheap now: the shell's worker created the first),
// the renderer, fonts and style, input, and the first frames. The first is drawn at once: the next
// animation frame waits for the compositor, whose every frame a software GPU makes slow.
extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_drawable(int fontsLoaded) {
  Page& page = *g_page;
  SizeCanvas(page);
  if (!render::WebGL2Renderer::CreateContext()) {
    trash_fatal("This page needs WebGL2, which this browser or device does not provide. Try a current version "
                "of Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.");
    return;
  }
  std::string error;
  if (!page.renderer.Init(&error)) {
    trash_fatal(("The page could not start its renderer: " + error).c_str());
    return;
  }
  if (!fontsLoaded) {  // one Inter weight stands in for the other (the browser's font matching)
    trash_fatal("The page could not download its fonts. Check the connection and reload the page.");
    return;
  }
  UpdateCanvasSize(page);
  web::InstallInput(&page.input);
  web::InstallTouch(&page.input);
  trash_watch_theme();
  trash_watch_window();
  page.drawable = true;
  page.lastFrameSeconds = emscripten_get_now() / 1000.0;
  DrawFrame();
  page.platform->RequestFrames(2);  // the clipper measures row heights on the first frame
}

// The app starts before the page can draw: the session and first rows travel while the GPU warms up.
int main() {
  g_page = new Page;  // lives as long as the tab
  Page& page = *g_page;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to persist between visits
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would cost frames while idle
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "trash_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  page.platform = new web::WebPlatform([] { DrawFrame(); });
  ReadSystemPreferences(page);  // after the platform exists: it keeps prefers-reduced-motion
  page.input.platform = page.platform;
  page.app = new app::App(web::ApiPlatform(*page.platform));
  page.input.focusWidget = [](const std::string& id) { g_page->app->FocusWidget(id); };
  page.app->Start();
  trash_watch_location();
  page.describedDpr = DevicePixelRatio();
  web::DescribeFonts(page.describedDpr);
  trash_when_drawable();
  return 0;  // the browser's event loop drives everything from here
}
