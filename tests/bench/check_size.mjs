// The size guard .ci/run calls (not a timing, so it may fail a build), two checks:
// - the serve.py page's wasm, gzip -9, stays under the committed ceiling in size_ceiling.json;
// - its whole first visit (first_visit_size.mjs's files: index.html, what it links, the glue and the
//   wasm; fonts included), gzip -9, stays within issue 10's bar of 200 KB.
// Prints each, then "N passed, N failed".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstVisitFiles } from './lib/first_visit_files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = path.join(root, 'build', 'web');
const ceiling = JSON.parse(readFileSync(path.join(root, 'tests', 'bench', 'size_ceiling.json'), 'utf8'));
const BAR = 200 * 1024;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

let passed = 0, failed = 0;
function check(ok, line, advice) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${line}${ok ? '' : ` (${advice})`}`);
  if (ok) passed++; else failed++;
}
try {
  const wasm = gzip(path.join(root, ceiling.file));
  check(wasm <= ceiling.gzipBytes, `${ceiling.file} is ${kb(wasm)} gzip -9 (${wasm} bytes), ceiling ${kb(ceiling.gzipBytes)}`,
        'tests/bench/size_ceiling.json: shrink the page, or raise the ceiling in the same commit and say why');
  const files = firstVisitFiles(web);
  const visit = files.reduce((sum, name) => sum + gzip(path.join(web, name)), 0);
  check(visit <= BAR, `the first visit (${files.length} files) is ${kb(visit)} gzip -9 (${visit} bytes), bar ${kb(BAR)}`,
        'node tests/bench/first_visit_size.mjs weighs each file: shrink what grew');
} catch (error) {
  console.log(`cannot read the build (${error.code ?? error.message}); build the page first`);
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
