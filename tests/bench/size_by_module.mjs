// The page's wasm accounted by module: each function body's bytes (raw, and gzip -9 of each
// module's bodies together) grouped by what its name says it belongs to (ImGui, nlohmann, the
// core, the screens, ...), plus the data section. Names come from the symbol map the web build
// writes beside itself (build/wasm/trash_page.symbols, from --emit-symbol-map); the shipped wasm
// carries none. Usage: node tests/bench/size_by_module.mjs [page] (default trash_page).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const page = process.argv[2] || 'trash_page';
const wasm = readFileSync(path.join(root, 'build', 'web', `${page}.wasm`));

function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}

// Section id → bytes; the code section's bodies; how many functions are imported (indices of
// defined functions start after them).
function parse(bytes) {
  const sections = {}, bodies = [];
  let imported = 0, at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    let size;
    [size, at] = leb(bytes, at + 1);
    const end = at + size;
    sections[id] = (sections[id] || 0) + size;
    if (id === 2) {  // imports: count the functions among them
      let count, p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        for (let s = 0; s < 2; s++) { [len, p] = leb(bytes, p); p += len; }  // module, field
        const kind = bytes[p++];
        if (kind === 0) { imported++; [, p] = leb(bytes, p); }
        else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 3) { p += 2; }
      }
    }
    if (id === 10) {
      let count, p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p);
        bodies.push(bytes.subarray(p, p + len));
        p += len;
      }
    }
    at = end;
  }
  return { sections, bodies, imported };
}

const MODULES = [
  ['ImGui (imgui.cpp, widgets, tables, draw)', /^(ImGui::|Im[A-Z]|ImStb|stb_textedit|STB_TEXTEDIT)/],
  ['stb_truetype / stb_rect_pack (font rasterising)', /^(stbtt|stbrp|stb_)/],
  ['nlohmann::json', /nlohmann/],
  ['core (src/core)', /^(trash::|std::.*trash::)/],
  ['screens (src/ui)', /^(ui::|std::.*ui::)/],
  ['app (src/app)', /^(app::|std::.*app::)/],
  ['web platform and renderer (with what LTO inlined into main\'s frame callback)', /^(web::|render::|std::.*web::|std::.*render::|trash_|main$|On[A-Z])/],
  ['libc++ (std::)', /^(std::|operator new|operator delete|__cxa|__cxx|__gxx|void std::)/],
  ['libc, malloc, compiler runtime', /^(__|_|[a-z]+[a-z0-9_]*$|emscripten|em_|dl|emmalloc|stackAlloc|stackSave|stackRestore)/],
];

function demangle(names) {
  const out = execFileSync('c++filt', { input: names.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
  return names.map((_, i) => out[i] || names[i]);
}

const { sections, bodies, imported } = parse(wasm);
const symbols = new Map();
for (const line of readFileSync(path.join(root, 'build', 'wasm', `${page}.symbols`), 'utf8').split('\n')) {
  const colon = line.indexOf(':');
  if (colon > 0) symbols.set(Number(line.slice(0, colon)), line.slice(colon + 1));
}
const raw = bodies.map((_, i) => symbols.get(imported + i) || `?${imported + i}`);
const names = demangle(raw);
const groups = new Map();
// A lambda held in a std::function is named after libc++'s wrapper around it; it belongs to the
// code that wrote the lambda (main's frame callback is most of the page: LTO inlines into it).
const owner = (name) => name.match(/^std::__2::__function::__func<(.+?)::\$_/)?.[1] ?? name;
names.forEach((name, i) => {
  const found = MODULES.find(([, pattern]) => pattern.test(owner(name)));
  const key = found ? found[0] : 'other';
  if (!groups.has(key)) groups.set(key, { count: 0, bytes: 0, parts: [], top: [] });
  const g = groups.get(key);
  g.count++;
  g.bytes += bodies[i].length;
  g.parts.push(bodies[i]);
  g.top.push([bodies[i].length, name]);
});

const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
console.log(`${page}.wasm: ${kb(wasm.length)} KB raw, ${kb(gz(wasm))} KB gzip -9; code ${kb(sections[10] || 0)} KB,` +
            ` data ${kb(sections[11] || 0)} KB, ${bodies.length} functions\n`);
console.log('| module | functions | code, raw KB | its code alone, gzip -9 KB | largest |');
console.log('|---|---|---|---|---|');
for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
  const top = g.top.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([n, name]) => `${name.slice(0, 60)} ${kb(n)}`).join('; ');
  console.log(`| ${key} | ${g.count} | ${kb(g.bytes)} | ${kb(gz(Buffer.concat(g.parts)))} | ${top} |`);
}
