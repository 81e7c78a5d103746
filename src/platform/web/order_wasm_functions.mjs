// Reorders a linked page's wasm functions so that gzip and brotli find more repeats (web.cmake runs
// it after emcc, before the precompressed copies): functions of one namespace or class (ImGui::,
// trash::, ui::, std::, ...) sit together, smallest first, so that similar code falls inside the
// compressors' window. The wasm's behaviour is untouched: binaryen's own wasm-dis turns it into
// text, where functions, calls and the table name each other, and only the order of the function
// definitions changes. The first 128 indices (one LEB byte in each call: binaryen's -Oz put the most
// called functions there) keep their functions. 5.9 KB gzip.
// binaryen's wasm-opt then writes the binary back, at -Oz as emcc's own wasm-opt did: wasm-as would
// write the text as it reads, without the Stack IR optimisations binaryen's -Oz writer applies (locals
// turned into stack values, ...), 1.2 KB (0.6 KB gzip) more. Before that it runs one more of emcc's
// extra rounds (web.cmake's BINARYEN_EXTRA_PASSES: flattened, re-relooped, -Oz twice), which still
// finds a little (0.2 KB gzip, 0.3 KB brotli). It prints the functions' final order, from which the
// symbol map is rewritten, so tests/bench/size_by_module.mjs and trace_top.mjs stay true.
// Usage: node order_wasm_functions.mjs page.wasm page.symbols wasm-dis wasm-opt [wasm-opt options]
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const [wasmPath, symbolsPath, wasmDis, wasmOpt, ...wasmOptOptions] = process.argv.slice(2);
const fail = (why) => { throw new Error(`order_wasm_functions.mjs: ${wasmPath}: ${why}`); };

// The module as text: everything before the first function, the functions (one block each, from
// its `(func $N` line to its closing ` )`), and the module's closing line.
const lines = execFileSync(wasmDis, [wasmPath], { maxBuffer: 1 << 30 }).toString().split('\n');
while (lines.at(-1) === '') lines.pop();
const first = lines.findIndex((line) => line.startsWith(' (func '));
if (first < 0 || lines.at(-1) !== ')') fail('no functions, or not a module as wasm-dis writes one');
const head = lines.slice(0, first);
const functions = [];
for (const line of lines.slice(first, -1)) {
  if (line.startsWith(' (func ')) functions.push({ lines: [], size: 0 });
  else if (!line.startsWith('  ') && line !== ' )') fail(`unexpected line after the functions: ${line}`);
  functions.at(-1).lines.push(line);
  functions.at(-1).size += line.length;
}

// Without a name section wasm-dis calls the defined functions $0, $1, ... and the imported ones
// $fimport$N; the symbol map counts the imports first.
const imported = head.filter((line) => /^ \(import .*\(func /.test(line)).length;
const symbols = new Map();
for (const line of readFileSync(symbolsPath, 'utf8').split('\n')) {
  const colon = line.indexOf(':');
  if (colon > 0) symbols.set(Number(line.slice(0, colon)), line.slice(colon + 1));
}
functions.forEach((f, i) => {
  const name = f.lines[0].match(/^ \(func \$(\d+)(?: |$)/);
  if (!name || Number(name[1]) !== i) fail(`function ${i} is not named $${i} (a name section?)`);
  f.index = imported + i;
  f.name = symbols.get(f.index) ?? fail(`no symbol for function ${f.index}`);
});

// The group: the name's first namespace or class, after a template's return type
// ("void std::__2::__sort<...>" is std's). The symbol map escapes spaces and brackets as \20, \28...
const group = (name) => {
  const text = name.replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return text.match(/^(?:[\w:<>()&*]+ )?([A-Za-z_]\w*)(?:::|<)/)?.[1] ?? '';
};
const byGroupThenSize = (a, b) => {
  const ga = group(a.name), gb = group(b.name);
  return ga < gb ? -1 : ga > gb ? 1 : a.size - b.size || a.index - b.index;
};
const oneByteIndices = Math.max(0, 128 - imported);
const ordered = [...functions.slice(0, oneByteIndices).sort(byGroupThenSize),
                 ...functions.slice(oneByteIndices).sort(byGroupThenSize)];

const textPath = `${wasmPath}.ordered.wat`;
writeFileSync(textPath, [...head, ...ordered.flatMap((f) => f.lines), ')', ''].join('\n'));
// The function map wasm-opt prints after its round: "index:name", each name the $N of the text,
// i.e. the function's index in emcc's wasm (imports: fimport$N).
const passes = ['--flatten', '--rereloop', '-Oz', '-Oz', '--print-function-map'];
const printed = execFileSync(wasmOpt, [...wasmOptOptions, textPath, ...passes, '-o', wasmPath],
                             { maxBuffer: 1 << 26 }).toString();
rmSync(textPath);
const map = [...symbols].filter(([index]) => index < imported).map(([index, name]) => `${index}:${name}`);
let defined = 0;
for (const line of printed.split('\n')) {
  const entry = line.match(/^(\d+):(\d+)$/);
  if (!entry) continue;
  if (Number(entry[1]) !== imported + defined) fail(`wasm-opt's function map is not in order at ${line}`);
  map.push(`${entry[1]}:${symbols.get(imported + Number(entry[2])) ?? fail(`no symbol for function ${entry[2]}`)}`);
  defined++;
}
if (defined === 0) fail('wasm-opt printed no function map');
writeFileSync(symbolsPath, map.join('\n') + '\n');
