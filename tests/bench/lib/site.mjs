// What the bench serves and weighs: the baselines' static site (a small Node server on port 0,
// 127.0.0.1 only), the listings written from serve.py's own response so every page gets the same
// bytes, and the first-visit download of a page (raw, gzip -9, brotli q11) from the files it fetched.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
  '.css': 'text/css', '.otf': 'font/otf', '.ttf': 'font/ttf' };

// Serves <root>/<page>/<file>, and <root>/data/listing-N.json under every page as listing-N.json.
// Plain bytes, no caching headers (each load is a fresh browser anyway).
export async function startStaticSite(root) {
  const server = createServer((request, response) => {
    const parts = new URL(request.url, 'http://bench').pathname.split('/').filter(Boolean);
    if (parts.some((p) => p === '..')) { response.writeHead(400).end(); return; }
    const name = parts.at(-1) ?? '';
    if (name === 'favicon.ico') { response.writeHead(204).end(); return; }
    let file = /^listing-\d+\.json$/.test(name) ? path.join(root, 'data', name)
      : path.join(root, ...parts, ...(request.url.split('?')[0].endsWith('/') ? ['index.html'] : []));
    if (!existsSync(file)) { response.writeHead(404).end(); return; }
    const body = readFileSync(file);
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((done) => server.close(done)) };
}

// Signs in as the demo Owner and saves serve.py's whole listing (the request the page makes for it,
// GET /<workspace>/trash?sections=0) byte for byte as <root>/data/listing-N.json.
export async function writeListing(serverUrl, root, items, user) {
  const session = await fetch(serverUrl + 'api/session', { method: 'POST', body: JSON.stringify(user),
    headers: { 'Content-Type': 'application/json' } });
  if (session.status !== 200) throw new Error(`sign-in failed: ${session.status} ${await session.text()}`);
  const cookie = session.headers.get('set-cookie').split(';')[0];
  const workspace = (await session.json()).workspace.url;
  const listing = await fetch(`${serverUrl}${workspace}/trash?sections=0`, { headers: { Cookie: cookie } });
  const bytes = Buffer.from(await listing.arrayBuffer());
  const count = JSON.parse(bytes).items.length;
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data', `listing-${items}.json`), bytes);
  return { bytes: bytes.length, count };
}

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

// The files a first visit fetched (URL paths mapped to the folder they are served from), each
// weighed raw, gzip -9 and brotli 11; `served` is what the host actually sends when the build
// wrote a precompressed copy (serve.py sends the .br to browsers that accept it).
export function firstVisitSizes(urls, folderOf) {
  const files = [];
  for (const url of urls) {
    const file = folderOf(new URL(url).pathname);
    if (!file || !existsSync(file)) continue;
    const sizes = compressedSizes(readFileSync(file));
    const br = file + '.br', gz = file + '.gz';
    sizes.servedBrotli = existsSync(br) ? readFileSync(br).length : sizes.brotli;
    sizes.servedGzip = existsSync(gz) ? readFileSync(gz).length : sizes.gzip;
    files.push({ name: path.basename(file), ...sizes });
  }
  const total = { raw: 0, gzip: 0, brotli: 0, servedBrotli: 0, servedGzip: 0 };
  for (const f of files) for (const key of Object.keys(total)) total[key] += f[key];
  return { files, total };
}
