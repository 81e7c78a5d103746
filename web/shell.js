// Shell logic: picks the page for the backend index.html names (serve.py's API, or the in-browser
// demo on a static host or with ?demo=1), starts the downloads while index.html's worker warms
// the GPU up (cancelling them without WebGL2), streams the wasm into the compiler with a progress bar
// (fonts in parallel, rasterised into the page's atlas by a worker of their own), then hands both to
// the Emscripten runtime. window.trashShell is how the page reports readiness or a fatal error,
// learns when it can draw, and gets its font atlases.
'use strict';
(function () {
  const statusEl = document.getElementById('status');
  const progressEl = document.getElementById('progress');
  const splash = document.getElementById('splash');

  // The mode is told, never guessed from an error: a page served with a real API never falls back
  // to the demo when that API stops answering (it shows it is offline instead).
  const backend = document.querySelector('meta[name="trash-backend"]');
  const demo = new URLSearchParams(window.location.search).get('demo') === '1' ||
               !backend || backend.content !== 'server';
  const pageName = demo ? 'trash_page_demo' : 'trash_page';

  // The first failure is the cause; what fails after it (a download it cancelled) is not news.
  function fail(message) {
    if (splash.classList.contains('failed')) return;
    splash.classList.add('failed');
    statusEl.textContent = message;
    document.body.classList.remove('ready');
  }
  // serve.py's page's first requests, sent early (below): GET /api/session, then the Trash's first
  // rows. The page's request for the same URL takes each answer (web_platform.cpp); the session's
  // answer only by the page's first request, the rows' until the first frame is drawn, so neither
  // can ever answer a later request.
  let session = null, firstRows = null;
  function takePrefetched(method, url) {
    let answer = null;
    if (method === 'GET' && url === '/api/session') answer = session;
    else if (method === 'GET' && firstRows && url === firstRows.url) [answer, firstRows] = [firstRows.answer, null];
    session = null;
    return answer;
  }
  function ready() { firstRows = null; }
  window.trashShell = { ready, fail, takePrefetched, mode: demo ? 'demo' : 'server' };

  const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];  // "\0asm"

  // The download as a stream that moves the progress bar and notes whether it starts like wasm.
  // Wrapped in a Response of our own typed application/wasm, it compiles while it downloads
  // whatever Content-Type the host sent (static hosts often send the wrong one).
  async function fetchWasm(url, signal) {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error('Could not download the page (' + url + ': HTTP ' + response.status + ')');
    const served = { type: response.headers.get('Content-Type') || 'no type', wasm: null };
    const length = Number(response.headers.get('Content-Length')) || 0;
    // Compressed transfers report the compressed length; the bytes counted are uncompressed
    // (the wasm shrinks about 2.5 times with brotli, 2.2 times with gzip).
    const encoding = response.headers.get('Content-Encoding');
    const estimate = length * (encoding === 'br' ? 2.5 : encoding ? 2.2 : 1);
    // The bar moves at most every 250 ms, without a transition: each change is a compositor frame,
    // and while the GPU warms up every frame is a swap under a software GPU (10-100 ms) that the
    // warm-up's context calls wait behind. A fast download moves it once, at the end.
    let received = 0, moved = performance.now();
    const counter = new TransformStream({
      transform(chunk, controller) {
        if (served.wasm === null) served.wasm = WASM_MAGIC.every((byte, i) => chunk[i] === byte);
        received += chunk.length;
        if (estimate && performance.now() - moved >= 250) {
          moved = performance.now();
          progressEl.style.width = Math.min(95, (100 * received) / estimate).toFixed(1) + '%';
        }
        controller.enqueue(chunk);
      },
    });
    const body = response.body ? response.body.pipeThrough(counter) : await response.arrayBuffer();
    return { response: new Response(body, { headers: { 'Content-Type': 'application/wasm' } }), served };
  }

  async function instantiate(url, download, imports) {
    const { response, served } = await download;
    try {
      if (WebAssembly.instantiateStreaming) return await WebAssembly.instantiateStreaming(response, imports);
      return await WebAssembly.instantiate(await response.arrayBuffer(), imports);
    } catch (error) {
      if (served.wasm === false) {
        throw new Error('The host sent ' + url + ' as ' + served.type + ', not as the WebAssembly file the build ' +
                        'wrote. Copy the whole build/web folder and serve .wasm files as they are ' +
                        '(Content-Type: application/wasm).');
      }
      throw error;
    }
  }

  // The page's font atlas (web_fonts.cpp describes it in `spec`): every glyph measured and drawn with
  // a 2D canvas's own text renderer at its face's size, from the faces loaded where it runs. The pen
  // sits on whole atlas texels, two texels per pixel across (as ImGui's own builder oversamples), so
  // text drawn at any x stays sharp. Self-contained: it also runs in the fonts' worker, from its
  // source. spec: faces [weight, line height in device px, ...], text and icons (code points),
  // iconScale, iconMinAdvance, iconDrop. Returns { table, alpha }: the table is width, height, then
  // per face ascent, descent, glyph count and 10 floats a glyph; alpha is the atlas's coverage.
  function rasterFonts(spec, newCanvas) {
    const OX = 2, PAD = 1;  // texels across per pixel; empty texels around each glyph
    const canvas = newCanvas();
    let ctx = canvas.getContext('2d', { willReadFrequently: true });
    // The CSS size whose ascender-to-descender is `pixels` (ImGui's font size is the line height).
    const fontFor = (family, weight, pixels) => {
      ctx.font = weight + ' 100px ' + family;
      const m = ctx.measureText('H');
      const css = pixels * 100 / (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent);
      return { font: weight + ' ' + css + 'px ' + family, ascent: m.fontBoundingBoxAscent * css / 100,
               descent: m.fontBoundingBoxDescent * css / 100 };
    };
    const all = [], out = [];
    for (let f = 0; f < spec.faces.length; f += 2) {
      const weight = spec.faces[f], pixels = spec.faces[f + 1];
      // A letter SemiBold lacks (LABELS, below) comes from Regular, which the browser emboldens.
      const textFont = fontFor('"Trash Inter", "Trash Inter Fallback"', weight, pixels);
      const face = { ascent: Math.floor(textFont.ascent + 1), descent: Math.floor(-textFont.descent - 1), glyphs: [] };
      const add = (cp, font, drop, minAdvance) => {
        ctx.font = font;
        const ch = String.fromCodePoint(cp), m = ctx.measureText(ch);
        const left = Math.ceil(m.actualBoundingBoxLeft * OX) + PAD, right = Math.ceil(m.actualBoundingBoxRight * OX) + PAD;
        const top = Math.ceil(m.actualBoundingBoxAscent) + PAD, bottom = Math.ceil(m.actualBoundingBoxDescent) + PAD;
        const shift = m.width < minAdvance ? (minAdvance - m.width) / 2 : 0;
        const ink = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && cp !== 32;
        const g = { cp, ch, font, left, top, w: ink ? left + right : 0, h: ink ? top + bottom : 0,
                    x0: shift - left / OX, y0: face.ascent - top + drop, advance: Math.max(m.width, minAdvance) };
        face.glyphs.push(g);
        if (ink) all.push(g);
      };
      for (const cp of spec.text) add(cp, textFont.font, 0, 0);
      const iconPixels = pixels * spec.iconScale, iconFont = fontFor('"Trash Icons"', 400, iconPixels);
      for (const cp of spec.icons) add(cp, iconFont.font, iconPixels * spec.iconDrop, iconPixels * spec.iconMinAdvance);
      out.push(face);
    }
    // Shelves of glyphs, tallest first, after a 2x2 white block for ImGui's shapes.
    let area = 0;
    for (const g of all) area += (g.w + 1) * (g.h + 1);
    const width = area > 700000 ? 2048 : area > 180000 ? 1024 : 512;
    all.sort((a, b) => b.h - a.h);
    let x = 3, y = 0, shelf = 2;
    for (const g of all) {
      if (x + g.w > width) { x = 0; y += shelf + 1; shelf = 0; }
      g.u = x; g.v = y;
      x += g.w + 1;
      shelf = Math.max(shelf, g.h);
    }
    const height = y + shelf + 1;
    canvas.width = width;
    canvas.height = height;
    ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 2, 2);
    ctx.textBaseline = 'alphabetic';
    for (const g of all) {
      ctx.font = g.font;
      ctx.setTransform(OX, 0, 0, 1, g.u + g.left, g.v + g.top);
      ctx.fillText(g.ch, 0, 0);
    }
    const rgba = ctx.getImageData(0, 0, width, height).data, alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[4 * i + 3];
    const table = [width, height];
    for (const face of out) {
      table.push(face.ascent, face.descent, face.glyphs.length);
      for (const g of face.glyphs) {
        const u = g.u || 0, v = g.v || 0;
        table.push(g.cp, g.w ? g.x0 : 0, g.h ? g.y0 : 0, g.w ? g.x0 + g.w / OX : 0, g.h ? g.y0 + g.h : 0, g.advance,
                   u / width, v / height, (u + g.w) / width, (v + g.h) / height);
      }
    }
    return { table: new Float32Array(table), alpha };
  }

  // The fonts' worker: the same faces and the same rasteriser, off the main thread, which stays free
  // for the session's answer, the first rows and the GPU's warm-up news meanwhile (on the main thread
  // the 2D canvas also waits for the GPU process's first frame: 0.1-0.6 s). It says first whether it
  // can (a 2D OffscreenCanvas and FontFace in workers); when it cannot, or fails, the main thread
  // rasterises instead, from the document's faces.
  const FONT_WORKER = `'use strict';
  const rasterFonts = ${rasterFonts};
  let faces = Promise.resolve();
  let can = false;
  try {
    can = typeof FontFace == 'function' && !!self.fonts && typeof OffscreenCanvas == 'function' &&
          !!new OffscreenCanvas(1, 1).getContext('2d');
  } catch (error) {}
  postMessage({ can });
  onmessage = ({ data }) => {
    if (data.font) {
      const [families, bytes, weight, unicodeRange] = data.font;
      faces = Promise.all([faces, ...families.map((family) => new FontFace(family, bytes, { weight, unicodeRange })
        .load().then((face) => self.fonts.add(face), () => {}))]);
    } else {
      faces.then(() => {
        const atlas = rasterFonts(data.spec, () => new OffscreenCanvas(1, 1));
        postMessage({ id: data.id, atlas: { ...atlas, inWorker: true } }, [atlas.table.buffer, atlas.alpha.buffer]);
      }).catch((error) => postMessage({ id: data.id, error: String(error) }));
    }
  };`;

  // The page facts come from its C++: the build writes them here in place of TRASH_PAGE_FACTS
  // (web_page_facts.cpp prints them, minify_shell.mjs puts them in), as the font files were cut to
  // them. FACES: weight and line height in CSS px per face (ui::kFaceSpecs); LABELS: the code points
  // of the first font files (ASCII and the page's own signs) and LATIN_EXTENSION the rest of
  // ui::kTextRanges, as unicode-range lists; ICONS: ui::icon::kAll, in its order, likewise;
  // ICON_SCALE, ICON_MIN_ADVANCE, ICON_DROP: ui::kIconScale, kIconMinAdvance and kIconDrop;
  // FIRST_PAGE: the Trash's first page's address after the workspace (requests::ListTrashFirstPage).
  const { FACES, LABELS, LATIN_EXTENSION, ICONS, ICON_SCALE, ICON_MIN_ADVANCE, ICON_DROP, FIRST_PAGE } = TRASH_PAGE_FACTS;

  const downloads = new AbortController();
  // serve.py's page first asks who is signed in: ask now, so the answer travels while the wasm
  // downloads and compiles. The page's first request takes it if it is that very GET
  // (web_platform.cpp); any other first request drops it, so it can never answer a later one.
  const prefetch = (url) => fetch(url, { credentials: 'same-origin', signal: downloads.signal })
    .then(async (r) => ({ status: r.status, body: new Uint8Array(await r.arrayBuffer()) }))
    .catch(() => ({ status: 0, body: new Uint8Array(0) }));
  if (!demo) {
    session = prefetch('/api/session');
    // Then, as soon as that answer names the workspace, the request a first visit of the Trash in
    // its default order sends next: FIRST_PAGE, the address after the workspace's segment, is the
    // page's own (requests::ListTrashFirstPage, its default sort and first-page rows), written here
    // by the build (web_page_facts.cpp). The server's answer (0.1 s at 100,000 items) travels while
    // the wasm starts and the GPU warms up. Any other address (another screen, or a sort) asks for
    // it itself.
    const address = window.location.hash.replace(/^#/, '');
    const screen = address.split('?')[0], query = address.split('?')[1] || '';
    const trash = !/^\/(settings\/(projects|retention|activity)|sign-in)$/.test(screen);
    if (trash && !/(^|&)sort=/.test(query)) {
      session.then(({ status, body }) => {
        const workspace = status === 200 ? JSON.parse(new TextDecoder().decode(body)).workspace : null;
        if (!workspace || typeof workspace.url !== 'string') return;
        const url = '/' + encodeURIComponent(workspace.url) + FIRST_PAGE;
        if (!document.body.classList.contains('ready')) firstRows = { url, answer: prefetch(url) };
      }).catch(() => {});
    }
  }
  const wasmUrl = pageName + '.wasm';
  const wasm = fetchWasm(wasmUrl, downloads.signal);
  wasm.catch(() => {});  // its error is reported by instantiate(), once the runtime asks for it
  // The fonts are WOFF2 faces the browser rasterises for the page (web_fonts.cpp): Inter's two
  // weights, which stand in for each other, and the icons. Each Inter file is registered with the
  // code points it has as its unicodeRange, so the browser draws each letter from the file that has
  // it. Regular is also the fallback family for the letters SemiBold leaves out. loadFont's promise
  // is true once the file can be drawn.
  const REGULAR = ['Trash Inter', 'Trash Inter Fallback'];
  // The first atlas comes from the fonts' worker (FONT_WORKER above), which gets a copy of each file
  // the first visit downloads; the document's faces serve the main thread's atlases (a new pixel
  // ratio, the Latin extension) and the worker's stand-in.
  const fontWorker = startFontWorker();
  function loadFont([families, url, weight, unicodeRange], { signal, toWorker } = {}) {
    return fetch(url, { signal })
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(url))))
      .then((bytes) => {
        if (toWorker) fontWorker.post({ font: [families, bytes, weight, unicodeRange] });
        return Promise.all(families.map((family) => new FontFace(family, bytes, { weight, unicodeRange }).load()));
      })
      .then((faces) => { faces.forEach((face) => document.fonts.add(face)); return true; }, () => false);
  }
  const fontFiles = [[REGULAR, 'fonts/Inter-Regular.woff2', '400', LABELS],
                     [['Trash Inter'], 'fonts/Inter-SemiBold.woff2', '600', LABELS],
                     [['Trash Icons'], 'fonts/icons.woff2', '400']];
  const fonts = Promise.all(fontFiles.map((file) => loadFont(file, { signal: downloads.signal, toWorker: true })))
    .then((loaded) => loaded[0] || loaded[1]);
  // The rest of Regular's Latin letters (é, ß, ł, ...), downloaded once, only when the page has text
  // that needs them (web_fonts.cpp asks; a first visit of an ASCII workspace never does).
  let latinExtension = null;
  function loadLatinExtension() {
    latinExtension = latinExtension ||
      loadFont([REGULAR, 'fonts/Inter-Regular-LatinExt.woff2', '400', LATIN_EXTENSION]);
    return latinExtension;
  }
  // The worker's side: whether it can rasterise, and its atlases by request id. Made before the
  // font files arrive, so it has started by then; never terminated (it is asked once, and idles).
  function startFontWorker() {
    const asked = new Map();
    let worker = null, next = 0, can;
    const able = new Promise((resolve) => { can = resolve; });
    try {
      worker = new Worker(URL.createObjectURL(new Blob([FONT_WORKER], { type: 'text/javascript' })));
      worker.onmessage = ({ data }) => {
        if ('can' in data) return can(data.can);
        const { resolve, reject } = asked.get(data.id);
        asked.delete(data.id);
        if (data.atlas) resolve(data.atlas); else reject(new Error(data.error));
      };
      worker.onerror = () => {
        can(false);
        for (const { reject } of asked.values()) reject(new Error('the fonts\' worker failed'));
        asked.clear();
      };
    } catch (error) {
      can(false);
    }
    return {
      post(message) { if (worker) worker.postMessage(message); },
      atlas: (spec) => able.then((yes) => (yes ? new Promise((resolve, reject) => {
        asked.set(++next, { resolve, reject });
        worker.postMessage({ id: next, spec });
      }) : Promise.reject(new Error('no fonts\' worker')))),
    };
  }
  // The atlas `spec` describes (web_fonts.cpp), once the fonts are in: from the worker, or drawn here
  // when the worker cannot. rasterFontsHere draws it here at once (its faces must be in).
  const rasterFontsHere = (spec) => rasterFonts(spec, () => document.createElement('canvas'));
  const rasterFontsSoon = (spec) => {
    const early = takeEarlyAtlas(spec);
    return (early || fontWorker.atlas(spec)).catch(() => fonts.then(() => rasterFontsHere(spec)));
  };
  // The first atlas, asked for as soon as the font files are in rather than when the wasm runs
  // (0.1-0.3 s later): its spec as web_fonts.cpp will describe it, from the same facts (above), in
  // float32 as the page has them. rasterFontsSoon hands it over only for exactly that spec, so were
  // the two ever to differ it would only cost the time, never a wrong atlas.
  const f32 = Math.fround, dpr = f32(Math.max(0.5, window.devicePixelRatio || 1));
  // The code points of a unicode-range list, in its order.
  const codePoints = (ranges) => ranges.split(',').flatMap((range) => {
    const [first, last = first] = range.slice(2).split('-').map((hex) => parseInt(hex, 16));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });
  const earlySpec = {
    faces: FACES.map((x, i) => (i % 2 ? f32(x * dpr) : x)),
    text: codePoints(LABELS + ',' + LATIN_EXTENSION).sort((a, b) => a - b),
    icons: codePoints(ICONS),
    iconScale: f32(ICON_SCALE), iconMinAdvance: f32(ICON_MIN_ADVANCE), iconDrop: f32(ICON_DROP),
  };
  let earlyAtlas = fonts.then((loaded) => (loaded ? fontWorker.atlas(earlySpec) : Promise.reject(new Error('no fonts'))));
  earlyAtlas.catch(() => {});
  function takeEarlyAtlas(spec) {
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    const early = earlyAtlas;
    earlyAtlas = null;
    const matches = early && ['iconScale', 'iconMinAdvance', 'iconDrop'].every((key) => spec[key] === earlySpec[key]) &&
                    ['faces', 'text', 'icons'].every((key) => same(spec[key], earlySpec[key]));
    return matches ? early : null;
  }

  const preload = document.createElement('link');
  Object.assign(preload, { rel: 'preload', as: 'script', href: pageName + '.js' });
  document.head.appendChild(preload);

  // index.html's worker creates the browser's first WebGL context (it can take most of a second and
  // blocks the thread that asks); meanwhile the main thread starts the wasm, whose first requests
  // go out, and the fonts' worker rasterises the fonts. Then the page's own context costs ~10 ms. Without WebGL2 in
  // workers (or workers, or that script) the main thread asks instead.
  const drawable = Promise.all([window.trashGpu || false, fonts]).then(([workerHasWebGL2, fontsLoaded]) => {
    if (!workerHasWebGL2 && !document.createElement('canvas').getContext('webgl2')) {
      downloads.abort();
      fail('This page needs WebGL2, which this browser or device does not provide. ' +
           'Try a current version of Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.');
      return new Promise(() => {});  // the page never draws
    }
    performance.mark('trash-drawable');
    return fontsLoaded;
  });
  Object.assign(window.trashShell, { fonts, drawable, loadLatinExtension, rasterFontsSoon, rasterFontsHere });

  // What the glue takes from Module (web.cmake's INCOMING_MODULE_JS_API): the wasm, and where an
  // abort goes; its messages go to console.warn, its default. It knows no canvas: the renderer and
  // the listeners find theirs.
  window.Module = {
    instantiateWasm(imports, done) {
      instantiate(wasmUrl, wasm, imports)
        .then((result) => { statusEl.textContent = 'Starting…'; progressEl.style.width = '100%';
                            done(result.instance, result.module); })
        .catch((error) => fail(String(error.message || error)));
      return {};
    },
    onAbort(what) { fail('The page stopped unexpectedly: ' + what); },
  };

  const script = document.createElement('script');
  script.src = pageName + '.js';
  script.onerror = () => fail('Could not download the page script (' + pageName + '.js).');
  document.body.appendChild(script);
})();
