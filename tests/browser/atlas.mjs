// The font atlas drawn by the shell's fonts' worker against the one its main thread draws from the
// same spec (web/shell.js: rasterFontsSoon, rasterFontsHere), glyph by glyph: metrics and pixels.
// Only the page's own letters are compared (the page facts' labels, and the icons): the others come
// from the browser's fallback face until Inter's Latin extension arrives (then the main thread
// draws the atlas again), and a worker may be given other system fonts for them (Firefox is).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './browser.mjs';

// The page facts as the build wrote them from the C++ (web_page_facts.cpp): the lists the
// font files were cut to and shell.js registers them with ({ labels, latinExtension, icons, ..., firstPage }).
export const pageFacts = () =>
  JSON.parse(readFileSync(path.join(repoRoot, 'build', 'wasm', 'generated', 'page_facts.json'), 'utf8'));

// The code points of a unicode-range list, whatever its spelling ("U+0020-007E,U+00A0" or
// "U+a1-a6, U+a8"), in its order.
export function codePoints(ranges) {
  const out = [];
  for (const part of ranges.split(',')) {
    const [first, last] = part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16));
    for (let c = first; c <= (last ?? first); c++) out.push(c);
  }
  return out;
}

// { inWorker, glyphs: how many were compared, metrics: the largest difference of a glyph's box or
// advance (px), pixels: the largest difference of a texel's coverage (of 255; boxes of another size
// count as 255) }. Both 0 when the two are the same.
export async function compareWorkerAtlas(page) {
  return page.evaluate(async (labels) => {
    const spec = Module.trashFontSpec;
    const own = new Set([...labels, ...spec.icons]);
    const worker = await window.trashShell.rasterFontsSoon(spec), main = window.trashShell.rasterFontsHere(spec);
    const glyphs = (atlas) => {
      const [width, height] = atlas.table, out = new Map();
      for (let at = 2, face = 0; at < atlas.table.length; face++) {
        const count = atlas.table[at + 2];
        at += 3;
        for (let i = 0; i < count; i++, at += 10) {
          const t = atlas.table.subarray(at, at + 10);
          if (!own.has(t[0])) continue;
          const [u0, v0, u1, v1] = [t[6] * width, t[7] * height, t[8] * width, t[9] * height].map(Math.round);
          const pixels = [];
          for (let y = v0; y < v1; y++) pixels.push(...atlas.alpha.subarray(y * width + u0, y * width + u1));
          out.set(face + ':' + t[0], { metrics: Array.from(t.subarray(1, 6)), size: [u1 - u0, v1 - v0].join(), pixels });
        }
      }
      return out;
    };
    const mine = glyphs(main), theirs = glyphs(worker);
    let metrics = 0, pixels = 0;
    for (const [key, g] of theirs) {
      const m = mine.get(key);
      if (!m || m.size !== g.size) { pixels = 255; continue; }
      g.metrics.forEach((x, i) => { metrics = Math.max(metrics, Math.abs(x - m.metrics[i])); });
      g.pixels.forEach((x, i) => { pixels = Math.max(pixels, Math.abs(x - m.pixels[i])); });
    }
    return { inWorker: worker.inWorker === true, glyphs: theirs.size, metrics, pixels };
  }, codePoints(pageFacts().labels));
}
