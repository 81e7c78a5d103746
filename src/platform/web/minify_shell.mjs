// Strips the shell's stylesheet and HTML of their comments and indentation for serving (web.cmake
// runs it; terser does the scripts): 1.2 KB gzip off a first visit. Deliberately small and safe:
// it only deletes comments and the whitespace around CSS's { } ; , and at HTML line starts, so
// index.html's lines (serve.py swaps its trash-backend meta tag as written) stay as they are.
// Usage: node minify_shell.mjs input.(css|html) output
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const text = readFileSync(input, 'utf8');
let out;
if (input.endsWith('.css')) {
  out = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim() + '\n';
} else if (input.endsWith('.html')) {
  out = text.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*/g, '\n').trim() + '\n';
} else {
  throw new Error(`minify_shell.mjs: ${input} is neither .css nor .html`);
}
writeFileSync(output, out);
