// Inter's Latin extension (issue 10): the first visit of an ASCII workspace downloads only the core
// files; a workspace with an accented name (or a typed search with one) gets the extension once,
// registered under Inter's families with its unicodeRange, and the page draws its atlas again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, repoRoot } from './browser.mjs';
import { openSignedIn, typeInto, waitForWidget } from './automation.mjs';
import { codePoints, compareWorkerAtlas, pageFacts } from './atlas.mjs';

const EXTENSION = '/fonts/Inter-Regular-LatinExt.woff2';
const ACCENTED = '\u0141\u00f3d\u017a street scenes';  // Łódź

// The demo fixture with its first trashed dataset renamed, as serve.py's --seed reads it.
function accentedFixture() {
  const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'assets', 'demo', 'workspace.json'), 'utf8'));
  const dataset = fixture.workspaces[0].datasets.find((d) => d.trash);
  dataset.name = ACCENTED;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'trash-fonts-')), 'workspace.json');
  writeFileSync(file, JSON.stringify(fixture));
  return file;
}

let ascii;
let accented;
let browser;
before(async () => {
  [ascii, accented, browser] = await Promise.all([startServer(), startServer(['--seed', accentedFixture()]),
    launchBrowser()]);
});
after(async () => { await browser?.close(); await ascii?.stop(); await accented?.stop(); });

// Watches the atlas from outside the page: each atlas is drawn with one getImageData, on the main
// thread (web_fonts.cpp's RasterizeFonts) or in the shell's fonts' worker (the first atlas), which
// is asked with one message holding the atlas's spec after being sent the font files it draws from.
// Each draw notes where it ran and the faces it had.
async function watchAtlas(context) {
  await context.addInitScript(() => {
    const read = CanvasRenderingContext2D.prototype.getImageData;
    window.atlasDraws = [];
    const faceOf = (f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, unicodeRange: f.unicodeRange });
    CanvasRenderingContext2D.prototype.getImageData = function (...args) {
      window.atlasDraws.push({ where: 'main', faces: [...document.fonts].filter((f) => f.status === 'loaded').map(faceOf) });
      return read.apply(this, args);
    };
    if (!window.Worker) return;
    const post = Worker.prototype.postMessage, workerFaces = [];
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.font) {
        const [families, , weight, unicodeRange] = message.font;
        for (const family of families) workerFaces.push({ family, weight, unicodeRange: unicodeRange || 'U+0-10FFFF' });
      }
      if (message && message.spec) window.atlasDraws.push({ where: 'worker', faces: [...workerFaces] });
      return post.call(this, message, ...rest);
    };
  });
}
const atlasDraws = (page) => page.evaluate(() => window.atlasDraws.length);

const fontRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((r) => new URL(r.name).pathname).filter((p) => p.includes('/fonts/')).sort());

const codeSet = (ranges) => new Set(codePoints(ranges));

test('an ASCII workspace never downloads the extension; its atlas is drawn once', async () => {
  const { page, context, errors } = await openSignedIn(browser, ascii.url, 'alice', { routes: watchAtlas });
  await page.waitForTimeout(1000);  // the rest of the listing and any late answer
  assert.deepEqual(await fontRequests(page), ['/fonts/Inter-Regular.woff2', '/fonts/Inter-SemiBold.woff2',
                                              '/fonts/icons.woff2']);
  // Once: the shell's early request, whose spec (web/shell.js) is the one the page describes; a second
  // request would mean the two differ.
  assert.equal(await atlasDraws(page), 1);
  // The spec the page described (web_fonts.cpp) is the build's page facts (web_page_facts.cpp), from
  // which shell.js made its early spec: the same C++, so they cannot drift apart.
  const described = await page.evaluate(() => ({ text: Module.trashFontSpec.text, icons: Module.trashFontSpec.icons }));
  const facts = pageFacts();
  assert.deepEqual(described, { text: codePoints(facts.labels + ',' + facts.latinExtension).sort((a, b) => a - b),
                                icons: codePoints(facts.icons) });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first atlas is drawn by the fonts\' worker, its glyphs the same as the main thread draws them', async () => {
  const { page, context, errors } = await openSignedIn(browser, ascii.url, 'alice', { routes: watchAtlas });
  await page.waitForFunction(() => window.trashPage.itemCount > 0);
  // Up to the first rows, the page's main thread drew no atlas (it was blocked here until the GPU
  // process's first frame was out).
  assert.deepEqual(await page.evaluate(() => window.atlasDraws.map((draw) => draw.where)), ['worker']);
  const atlas = await compareWorkerAtlas(page);
  assert.ok(atlas.glyphs > 300, JSON.stringify(atlas));
  assert.deepEqual(atlas, { ...atlas, inWorker: true, metrics: 0, pixels: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('without workers the main thread draws the atlas, and the page draws its rows', async () => {
  const { page, context, errors } = await openSignedIn(browser, ascii.url, 'alice', {
    routes: async (c) => { await c.addInitScript(() => { delete window.Worker; }); await watchAtlas(c); } });
  await page.waitForFunction(() => window.trashPage.itemCount > 0);
  await waitForWidget(page, 'row', /./);
  assert.deepEqual(await page.evaluate(() => window.atlasDraws.map((draw) => draw.where)), ['main']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workspace with an accented name gets the extension once, and the atlas is drawn again with it',
     async () => {
  const { page, context, errors } = await openSignedIn(browser, accented.url, 'alice', { routes: watchAtlas });
  // The atlas drawn while the extension's faces were in, under both of Regular's families.
  await page.waitForFunction(() => (window.atlasDraws.at(-1)?.faces || [])
    .filter((face) => /u\+f8-17f/i.test(face.unicodeRange)).length === 2, null, { timeout: 15000 });
  assert.equal(await atlasDraws(page), 2, 'drawn at start, then once more');
  const faces = await page.evaluate(() => window.atlasDraws.at(-1).faces);
  const isExtension = (face) => /u\+f8-17f/i.test(face.unicodeRange);
  const extension = faces.filter(isExtension);
  assert.deepEqual(extension.map((face) => `${face.family} ${face.weight}`).sort(),
                   ['Trash Inter 400', 'Trash Inter Fallback 400']);
  // Each file's unicodeRange is its list in the page facts (web_page_facts.cpp), which the file was
  // cut to: the browser picks the file that has the letter.
  const core = faces.find((face) => face.family === 'Trash Inter' && face.weight === '400' && !isExtension(face));
  assert.deepEqual(codeSet(extension[0].unicodeRange), codeSet(pageFacts().latinExtension));
  assert.deepEqual(codeSet(core.unicodeRange), codeSet(pageFacts().labels));
  assert.deepEqual(await fontRequests(page), ['/fonts/Inter-Regular-LatinExt.woff2', '/fonts/Inter-Regular.woff2',
                                              '/fonts/Inter-SemiBold.woff2', '/fonts/icons.woff2']);
  // The rasteriser's font (web_fonts.cpp) now draws Ł from Inter: its advance is the extension file's own.
  const advances = await page.evaluate(async (url) => {
    const probe = new FontFace('Probe', await (await fetch(url)).arrayBuffer());
    document.fonts.add(await probe.load());
    const ctx = document.createElement('canvas').getContext('2d');
    const width = (font) => { ctx.font = font; return ctx.measureText('\u0141').width; };
    return { page: width('400 100px "Trash Inter", "Trash Inter Fallback"'), inter: width('400 100px Probe'),
             fallback: width('400 100px "No Such Face"') };
  }, EXTENSION.slice(1));
  assert.equal(advances.page, advances.inter);
  assert.notEqual(advances.page, advances.fallback, 'the fallback face would have drawn it the same');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing an accented letter into the search gets the extension', async () => {
  const { page, context, errors } = await openSignedIn(browser, ascii.url, 'alice', { routes: watchAtlas });
  const search = await waitForWidget(page, 'textbox', /search/i);
  await typeInto(page, search, 'caf\u00e9');
  await page.waitForFunction(() => window.atlasDraws.length >= 2, null, { timeout: 15000 });
  assert.ok((await fontRequests(page)).includes(EXTENSION));
  assert.deepEqual(errors, []);
  await context.close();
});
