// Makes the shell's files servable (web.cmake runs it on each file of web/): scripts go through
// Debian's terser (local names shortened, dead code dropped, properties kept, so the scripts still
// meet through window and the glue through Module); the stylesheet and index.html lose their
// comments and indentation (1.2 KB gzip off a first visit), deliberately small and safe: only
// comments and the whitespace around CSS's { } ; , and at HTML line starts go, so index.html's lines
// (serve.py swaps its trash-backend meta tag as written) stay as they are.
// A script that reads the page's font facts (`const { A, B } = TRASH_FONT_FACTS;`, in shell.js) gets
// them from FACTS.json, the file web_font_facts.cpp writes from the C++, as constants.
// Usage: NODE_PATH=/usr/share/nodejs node minify_shell.mjs input.(js|css|html) output [FACTS.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [input, output, factsFile] = process.argv.slice(2);
const text = readFileSync(input, 'utf8');

// `const { A, B } = TRASH_FONT_FACTS;` becomes `const A = ..., B = ...;`, each the JSON value under
// the key A is the constant-case of (LATIN_EXTENSION: latinExtension). Fails when it is not there.
function withFontFacts(source) {
  const facts = JSON.parse(readFileSync(factsFile, 'utf8'));
  const use = /const \{([^}]+)\} = TRASH_FONT_FACTS;/;
  if (!use.test(source)) throw new Error(`minify_shell.mjs: ${input} does not read TRASH_FONT_FACTS`);
  return source.replace(use, (_, names) => 'const ' + names.split(',').map((name) => {
    name = name.trim();
    const key = name.toLowerCase().replace(/_([a-z])/g, (__, c) => c.toUpperCase());
    if (!(key in facts)) throw new Error(`minify_shell.mjs: ${factsFile} has no ${key}`);
    return `${name} = ${JSON.stringify(facts[key])}`;
  }).join(', ') + ';');
}

let out;
if (input.endsWith('.js')) {
  const { minify } = createRequire(import.meta.url)('terser');
  const result = await minify(factsFile ? withFontFacts(text) : text, { compress: true, mangle: true });
  out = result.code + '\n';
} else if (input.endsWith('.css')) {
  out = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim() + '\n';
} else if (input.endsWith('.html')) {
  out = text.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*/g, '\n').trim() + '\n';
} else {
  throw new Error(`minify_shell.mjs: ${input} is neither .js, .css nor .html`);
}
writeFileSync(output, out);
