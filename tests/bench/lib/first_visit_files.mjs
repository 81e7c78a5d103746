// The files of the serve.py page's first visit, as build/web holds them: index.html, what it links
// (stylesheet, script, preloaded fonts), and the page's glue and wasm. Shared by first_visit_size.mjs
// (the figures) and check_size.mjs (the guard), so both weigh the same list.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function firstVisitFiles(web, page = 'trash_page') {
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^":]+)"/g)].map((m) => m[1]);
  return ['index.html', ...linked, `${page}.js`, `${page}.wasm`];
}
