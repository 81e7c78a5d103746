// The browser as the page's font rasteriser (web_fonts.h): the page describes the atlas (faces,
// sizes, code points); the shell draws it (web/shell.js: rasterFonts, on a worker's OffscreenCanvas
// for the first atlas, on the main thread after it) and hands back its table and coverage.
#include "platform/web/web_fonts.h"

#include <emscripten.h>

#include <utility>  // std::move
#include <vector>

// The atlas's description for the shell's rasteriser (web/shell.js: rasterFonts), kept in
// Module.trashFontSpec. faces: [weight, line height in device px] per face; text and icons: code points.
EM_JS(void, trash_describe_fonts, (const float* faces, int faceCount, const unsigned* text, int textCount,
                                   const unsigned* icons, int iconCount, float iconScale, float iconMinAdvance,
                                   float iconDrop), {
  Module.trashFontSpec = { faces: Array.from(HEAPF32.subarray(faces >> 2, (faces >> 2) + 2 * faceCount)),
                           text: Array.from(HEAPU32.subarray(text >> 2, (text >> 2) + textCount)),
                           icons: Array.from(HEAPU32.subarray(icons >> 2, (icons >> 2) + iconCount)),
                           iconScale, iconMinAdvance, iconDrop };
});
// Rasterises the described atlas on this thread, into Module.trashRaster.
EM_JS(void, trash_raster_fonts_here, (), {
  Module.trashRaster = window.trashShell.rasterFontsHere(Module.trashFontSpec);
});
// How many floats the table of Module.trashRaster has (0 without one).
EM_JS(int, trash_raster_size, (), { return Module.trashRaster ? Module.trashRaster.table.length : 0; });
EM_JS(void, trash_raster_table, (float* table), { HEAPF32.set(Module.trashRaster.table, table >> 2); });
EM_JS(void, trash_raster_alpha, (unsigned char* alpha), {
  HEAPU8.set(Module.trashRaster.alpha, alpha);
  Module.trashRaster = null;
});

// Calls trash_on_latin_extension once shell.js's Latin extension can be drawn (never when its
// download failed: those letters keep the fallback face).
EM_JS(void, trash_load_latin_extension, (), {
  const shell = window.trashShell;
  if (shell && shell.loadLatinExtension) shell.loadLatinExtension().then((loaded) => { if (loaded) _trash_on_latin_extension(); });
});

namespace web {

namespace {

void (*g_latinExtensionArrived)() = nullptr;  // set by the first LoadLatinExtension

// Reads the rasteriser's table (web/shell.js: rasterFonts) into faces; false when it is short.
bool ReadFaces(const std::vector<float>& table, ui::RasterAtlas& atlas) {
  size_t at = 2;
  while (at + 3 <= table.size()) {
    ui::RasterFace face;
    face.ascent = table[at];
    face.descent = table[at + 1];
    const size_t count = size_t(table[at + 2]);
    at += 3;
    if (at + count * 10 > table.size()) return false;
    for (size_t i = 0; i < count; ++i, at += 10) {
      const float* t = &table[at];
      face.glyphs.push_back({unsigned(t[0]), t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]});
    }
    atlas.faces.push_back(std::move(face));
  }
  return at == table.size();
}

}  // namespace

void DescribeFonts(float dpr) {
  std::vector<float> faces;
  for (const ui::FaceSpec& spec : ui::kFaceSpecs) faces.insert(faces.end(), {float(spec.weight), spec.cssPixels * dpr});
  const std::vector<unsigned> text = ui::TextCodepoints(), icons = ui::IconCodepoints();
  trash_describe_fonts(faces.data(), int(faces.size() / 2), text.data(), int(text.size()), icons.data(),
                       int(icons.size()), ui::kIconScale, ui::kIconMinAdvance, ui::kIconDrop);
}

ui::RasterAtlas TakeRasterizedFonts() {
  ui::RasterAtlas atlas;
  std::vector<float> table(static_cast<size_t>(trash_raster_size()));
  if (table.size() < 2) return atlas;
  trash_raster_table(table.data());
  atlas.width = int(table[0]);
  atlas.height = int(table[1]);
  atlas.alpha.resize(size_t(atlas.width) * size_t(atlas.height));
  trash_raster_alpha(atlas.alpha.data());
  if (!ReadFaces(table, atlas)) atlas.faces.clear();
  return atlas;
}

ui::RasterAtlas RasterizeFonts(float dpr) {
  DescribeFonts(dpr);
  trash_raster_fonts_here();
  return TakeRasterizedFonts();
}

void LoadLatinExtension(void (*arrived)()) {
  if (g_latinExtensionArrived) return;
  g_latinExtensionArrived = arrived;
  trash_load_latin_extension();
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_latin_extension() { web::g_latinExtensionArrived(); }
