// Makes the page's JS and the shell's files servable (web.cmake runs it). Scripts are minified by
// Debian's terser: local names shortened, dead code dropped, properties kept, so the scripts still
// meet through window and the glue through Module.
// - The shell's scripts, web/a11y.js, text_input.js and shell.js, in that order, become the one
//   served shell.js (one download; gzip finds their common words: 0.5 KB gzip less than three files).
//   A script that reads the page facts (`const { A, B } = TRASH_PAGE_FACTS;`, in shell.js) gets
//   them as constants from the file web_page_facts.cpp writes from the C++.
// - The Emscripten glue (--glue) first loses what the page never runs (GLUE_TRIMS), then its
//   top-level names are shortened too and its unused ones dropped: they are its own (nothing outside
//   it names them; the page's EM_JS code is inside it), all but Module, which shell.js fills in, and
//   wasmMemory, which the bench reads for the heap's size (tests/bench/lib/loads.mjs).
// - The stylesheet and index.html lose their comments and indentation (1.2 KB gzip off a first
//   visit), deliberately small and safe: only comments and the whitespace around CSS's { } ; , and at
//   HTML line starts go, so index.html's lines (serve.py swaps its trash-backend meta tag as written)
//   stay as they are.
// Usage: NODE_PATH=/usr/share/nodejs node minify_shell.mjs OUTPUT INPUT... [--page-facts FACTS.json]
//   OUTPUT .js: the INPUT scripts, in order; .css or .html: its one INPUT.
//        NODE_PATH=/usr/share/nodejs node minify_shell.mjs --glue GLUE.js (in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const factsAt = args.indexOf('--page-facts');
const factsFile = factsAt >= 0 ? args.splice(factsAt, 2)[1] : null;
const glue = args[0] === '--glue' ? args[1] : null;
const [output, ...inputs] = glue ? [glue] : args;
const { minify } = createRequire(import.meta.url)('terser');

// What Emscripten 3.1.6's glue carries that this page never runs, each with why. A trim that finds
// nothing to cut fails the build (a new Emscripten must be looked at, not served untrimmed).
const GLUE_TRIMS = [
  // Its own download and compile of the wasm, for when Module.instantiateWasm is not given: shell.js
  // always gives it (streaming, with its progress bar and its own error messages). With what only
  // it reads (below), 0.6 KB gzip.
  ['the fallback instantiation', /instantiateAsync\(\);return\{\}\}/g, () => 'return{}}'],
  // And what only that fallback reads: the wasm's address, and the script's folder it is found in.
  ['the wasm\'s address',
    /var wasmBinaryFile;wasmBinaryFile="[\w.]+";if\(!isDataURI\(wasmBinaryFile\)\)\{wasmBinaryFile=locateFile\(wasmBinaryFile\)\}/g,
    () => ''],
  ['the script\'s folder',
    /if\(ENVIRONMENT_IS_WORKER\)\{scriptDirectory=self\.location\.href\}else if\(typeof document!="undefined"&&document\.currentScript\)\{scriptDirectory=document\.currentScript\.src\}if\(scriptDirectory\.indexOf\("blob:"\)!==0\)\{[^}]*\}else\{scriptDirectory=""\}/g,
    () => ''],
  // The file packager's tables, for a file system the page does not have (FILESYSTEM=0).
  ['preloaded files', /Module\["preloadedImages"\]=\{\};Module\["preloadedAudios"\]=\{\};/g, () => ''],
  // Each export is also set on Module, which nothing reads: the page's JS (EM_JS, inside the glue)
  // calls the glue's own names. An export the glue itself reads from Module (_main) keeps it. 0.2 KB.
  ['exports on Module', /var (\w+)=Module\["\1"\]=function\(\)\{return\(\1=Module\["\1"\]=(Module\["asm"\]\["\w+"\])\)/g,
    (all, name, wasmExport, source) => (source.split(`Module["${name}"]`).length === 3 ?
      `var ${name}=function(){return(${name}=${wasmExport})` : all)],
];
function trimGlue(source) {
  for (const [what, pattern, replacement] of GLUE_TRIMS) {
    const trimmed = source.replace(pattern, (...match) => replacement(...match.slice(0, -2), source));
    if (trimmed === source) throw new Error(`minify_shell.mjs: ${glue}: ${what} not found to trim`);
    source = trimmed;
  }
  return source;
}

// `const { A, B } = TRASH_PAGE_FACTS;` becomes `const A = ..., B = ...;`, each the JSON value under
// the camel-case of its name (LATIN_EXTENSION: latinExtension). Fails when a name has none.
function withPageFacts(source, facts) {
  return source.replace(/const \{([^}]+)\} = TRASH_PAGE_FACTS;/, (_, names) => 'const ' + names.split(',').map((name) => {
    name = name.trim();
    const key = name.toLowerCase().replace(/_([a-z])/g, (__, c) => c.toUpperCase());
    if (!(key in facts)) throw new Error(`minify_shell.mjs: ${factsFile} has no ${key}`);
    return `${name} = ${JSON.stringify(facts[key])}`;
  }).join(', ') + ';');
}

let out;
if (glue) {
  out = (await minify(trimGlue(readFileSync(glue, 'utf8')), {
    toplevel: true, compress: { passes: 2 }, mangle: { reserved: ['Module', 'wasmMemory'] } })).code;
} else if (output.endsWith('.js')) {
  const sources = {};
  for (const input of inputs) sources[input] = readFileSync(input, 'utf8');
  const all = Object.values(sources).join('\n');
  if (factsFile && !all.includes('TRASH_PAGE_FACTS')) throw new Error('minify_shell.mjs: no script reads TRASH_PAGE_FACTS');
  const facts = factsFile && JSON.parse(readFileSync(factsFile, 'utf8'));
  for (const input of inputs) if (facts) sources[input] = withPageFacts(sources[input], facts);
  out = (await minify(sources, { compress: true, mangle: true })).code;
  if (out.includes('TRASH_PAGE_FACTS')) throw new Error('minify_shell.mjs: TRASH_PAGE_FACTS left in ' + output);
} else {
  const text = readFileSync(inputs[0], 'utf8');
  if (output.endsWith('.css')) {
    out = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim() + '\n';
  } else if (output.endsWith('.html')) {
    out = text.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*/g, '\n').trim() + '\n';
  } else {
    throw new Error(`minify_shell.mjs: ${output} is neither .js, .css nor .html`);
  }
}
writeFileSync(output, out);
