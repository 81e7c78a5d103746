// The serve.py page's first-visit download weighed from build/web without a browser: index.html,
// what it links (stylesheet, scripts, preloaded fonts) and the page's own glue and wasm, each raw,
// gzip -9 and brotli 11, against issue 10's bar (gzip, fonts included, at most 200 KB). The bench
// (bench.mjs) weighs what a real visit fetched; this is the quick check while cutting size.
// Usage: node tests/bench/first_visit_size.mjs [page] (default trash_page; trash_page_demo too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { firstVisitFiles } from './lib/first_visit_files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = path.join(root, 'build', 'web');
const page = process.argv[2] || 'trash_page';
const BAR = 200 * 1024;

const files = firstVisitFiles(web, page);

const kb = (n) => (n / 1024).toFixed(1);
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log('| file | raw KB | gzip -9 KB | brotli 11 KB |');
console.log('|---|---|---|---|');
for (const name of files) {
  const bytes = readFileSync(path.join(web, name));
  const size = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const key of Object.keys(total)) total[key] += size[key];
  console.log(`| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`);
}
console.log(`| **first visit** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
console.log(`\n${total.gzip <= BAR ? 'within' : 'over'} the bar: ${total.gzip} bytes gzip -9 against ${BAR}` +
            ` (${total.gzip <= BAR ? '' : '+'}${kb(total.gzip - BAR)} KB)`);
