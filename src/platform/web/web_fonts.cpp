// The browser as the page's font rasteriser (web_fonts.h). Glyphs are measured and drawn with the
// canvas's own text renderer at the face's size: its pen sits on whole atlas texels, two texels
// per pixel across (as ImGui's own builder oversamples), so text drawn at any x stays sharp.
#include "platform/web/web_fonts.h"

#include <emscripten.h>

#include <utility>  // std::move
#include <vector>

// faces: [weight, line height in device px] per face; text and icons: code points. Keeps the result
// in Module.trashRaster and returns how many floats its table has.
EM_JS(int, trash_raster_fonts, (const float* faces, int faceCount, const unsigned* text, int textCount,
                                const unsigned* icons, int iconCount, float iconScale, float iconMinAdvance,
                                float iconDrop), {
  const OX = 2, PAD = 1;  // texels across per pixel; empty texels around each glyph
  const canvas = document.createElement('canvas');
  let ctx = canvas.getContext('2d', { willReadFrequently: true });
  // The CSS size whose ascender-to-descender is `pixels` (ImGui's font size is the line height).
  const fontFor = (family, weight, pixels) => {
    ctx.font = weight + ' 100px ' + family;
    const m = ctx.measureText('H');
    const css = pixels * 100 / (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent);
    return { font: weight + ' ' + css + 'px ' + family, ascent: m.fontBoundingBoxAscent * css / 100,
             descent: m.fontBoundingBoxDescent * css / 100 };
  };
  const all = [], out = [];
  for (let f = 0; f < faceCount; f++) {
    const weight = HEAPF32[(faces >> 2) + 2 * f], pixels = HEAPF32[(faces >> 2) + 2 * f + 1];
    // A letter SemiBold lacks (web.cmake's LABELS) comes from Regular, which the browser emboldens.
    const textFont = fontFor('"Trash Inter", "Trash Inter Fallback"', weight, pixels);
    const face = { ascent: Math.floor(textFont.ascent + 1), descent: Math.floor(-textFont.descent - 1), glyphs: [] };
    const add = (cp, font, drop, minAdvance) => {
      ctx.font = font;
      const ch = String.fromCodePoint(cp), m = ctx.measureText(ch);
      const left = Math.ceil(m.actualBoundingBoxLeft * OX) + PAD, right = Math.ceil(m.actualBoundingBoxRight * OX) + PAD;
      const top = Math.ceil(m.actualBoundingBoxAscent) + PAD, bottom = Math.ceil(m.actualBoundingBoxDescent) + PAD;
      const shift = m.width < minAdvance ? (minAdvance - m.width) / 2 : 0;
      const ink = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && cp !== 32;
      const g = { cp, ch, font, left, top, w: ink ? left + right : 0, h: ink ? top + bottom : 0,
                  x0: shift - left / OX, y0: face.ascent - top + drop, advance: Math.max(m.width, minAdvance) };
      face.glyphs.push(g);
      if (ink) all.push(g);
    };
    for (let i = 0; i < textCount; i++) add(HEAPU32[(text >> 2) + i], textFont.font, 0, 0);
    const iconPixels = pixels * iconScale, iconFont = fontFor('"Trash Icons"', 400, iconPixels);
    for (let i = 0; i < iconCount; i++)
      add(HEAPU32[(icons >> 2) + i], iconFont.font, iconPixels * iconDrop, iconPixels * iconMinAdvance);
    out.push(face);
  }
  // Shelves of glyphs, tallest first, after a 2x2 white block for ImGui's shapes.
  let area = 0;
  for (const g of all) area += (g.w + 1) * (g.h + 1);
  const width = area > 700000 ? 2048 : area > 180000 ? 1024 : 512;
  all.sort((a, b) => b.h - a.h);
  let x = 3, y = 0, shelf = 2;
  for (const g of all) {
    if (x + g.w > width) { x = 0; y += shelf + 1; shelf = 0; }
    g.u = x; g.v = y;
    x += g.w + 1;
    shelf = Math.max(shelf, g.h);
  }
  const height = y + shelf + 1;
  canvas.width = width;
  canvas.height = height;
  ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 2, 2);
  ctx.textBaseline = 'alphabetic';
  for (const g of all) {
    ctx.font = g.font;
    ctx.setTransform(OX, 0, 0, 1, g.u + g.left, g.v + g.top);
    ctx.fillText(g.ch, 0, 0);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data, alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[4 * i + 3];
  // The table: width, height, then per face ascent, descent, glyph count and 10 floats a glyph.
  const table = [width, height];
  for (const face of out) {
    table.push(face.ascent, face.descent, face.glyphs.length);
    for (const g of face.glyphs) {
      const u = g.u || 0, v = g.v || 0;
      table.push(g.cp, g.w ? g.x0 : 0, g.h ? g.y0 : 0, g.w ? g.x0 + g.w / OX : 0, g.h ? g.y0 + g.h : 0, g.advance,
                 u / width, v / height, (u + g.w) / width, (v + g.h) / height);
    }
  }
  Module.trashRaster = { table: new Float32Array(table), alpha };
  return table.length;
});
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

// Reads trash_raster_fonts's table into faces; false when it is short.
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

ui::RasterAtlas RasterizeFonts(float dpr) {
  std::vector<float> faces;
  for (const ui::FaceSpec& spec : ui::kFaceSpecs) faces.insert(faces.end(), {float(spec.weight), spec.cssPixels * dpr});
  const std::vector<unsigned> text = ui::TextCodepoints(), icons = ui::IconCodepoints();
  const int count = trash_raster_fonts(faces.data(), int(faces.size() / 2), text.data(), int(text.size()),
                                       icons.data(), int(icons.size()), ui::kIconScale, ui::kIconMinAdvance,
                                       ui::kIconDrop);
  ui::RasterAtlas atlas;
  std::vector<float> table(size_t(count > 0 ? count : 0));
  if (table.size() < 2) return atlas;
  trash_raster_table(table.data());
  atlas.width = int(table[0]);
  atlas.height = int(table[1]);
  atlas.alpha.resize(size_t(atlas.width) * size_t(atlas.height));
  trash_raster_alpha(atlas.alpha.data());
  if (!ReadFaces(table, atlas)) atlas.faces.clear();
  return atlas;
}

void LoadLatinExtension(void (*arrived)()) {
  if (g_latinExtensionArrived) return;
  g_latinExtensionArrived = arrived;
  trash_load_latin_extension();
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void trash_on_latin_extension() { web::g_latinExtensionArrived(); }
