// The size guard .ci/run calls (not a timing, so it may fail a build): the serve.py page's wasm,
// gzip -9, must stay under the committed ceiling in size_ceiling.json. Prints "N passed, N failed".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ceiling = JSON.parse(readFileSync(path.join(root, 'tests', 'bench', 'size_ceiling.json'), 'utf8'));
let bytes;
try {
  bytes = gzipSync(readFileSync(path.join(root, ceiling.file)), { level: 9 }).length;
} catch (error) {
  console.log(`${ceiling.file}: cannot read it (${error.code ?? error.message}); build the page first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const ok = bytes <= ceiling.gzipBytes;
console.log(`${ok ? 'ok' : 'FAILED'}: ${ceiling.file} is ${kb(bytes)} gzip -9 (${bytes} bytes), ceiling ${kb(ceiling.gzipBytes)}` +
            (ok ? '' : ' (tests/bench/size_ceiling.json: shrink the page, or raise the ceiling in the same commit and say why)'));
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
