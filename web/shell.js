// Shell logic: picks the page for the backend index.html names (serve.py's API, or the in-browser
// demo on a static host or with ?demo=1), starts the downloads while index.html's worker warms
// the GPU up (cancelling them without WebGL2), streams the wasm into the compiler with a progress bar
// (fonts in parallel), then hands both to the Emscripten runtime. window.trashShell is how the page
// reports readiness or a fatal error, and learns when it can draw.
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
  let session = null;  // serve.py's page's first request, sent early (below)
  function takePrefetched(method, url) {
    const answer = method === 'GET' && url === '/api/session' ? session : null;
    session = null;
    return answer;
  }
  window.trashShell = { ready() {}, fail, takePrefetched, mode: demo ? 'demo' : 'server' };

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
    let received = 0;
    const counter = new TransformStream({
      transform(chunk, controller) {
        if (served.wasm === null) served.wasm = WASM_MAGIC.every((byte, i) => chunk[i] === byte);
        received += chunk.length;
        if (estimate) progressEl.style.width = Math.min(95, (100 * received) / estimate).toFixed(1) + '%';
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

  const downloads = new AbortController();
  // serve.py's page first asks who is signed in: ask now, so the answer travels while the wasm
  // downloads and compiles. The page's first request takes it if it is that very GET
  // (web_platform.cpp); any other first request drops it, so it can never answer a later one.
  if (!demo) {
    session = fetch('/api/session', { credentials: 'same-origin', signal: downloads.signal })
      .then(async (r) => ({ status: r.status, body: new Uint8Array(await r.arrayBuffer()) }))
      .catch(() => ({ status: 0, body: new Uint8Array(0) }));
  }
  const wasmUrl = pageName + '.wasm';
  const wasm = fetchWasm(wasmUrl, downloads.signal);
  wasm.catch(() => {});  // its error is reported by instantiate(), once the runtime asks for it
  // The fonts are WOFF2 faces the browser rasterises for the page (web_fonts.cpp): Inter's two
  // weights, which stand in for each other, and the icons. Each Inter file is registered with the
  // code points it has (web.cmake's lists) as its unicodeRange, so the browser draws each letter
  // from the file that has it. Regular is also the fallback family for the letters SemiBold
  // leaves out. loadFont's promise is true once the file can be drawn.
  const LABELS = 'U+0020-007E,U+00A0,U+00A7,U+00A9,U+00AB,U+00B0,U+00B1,U+00B7,U+00BB,U+00D7,U+00F7,U+2013,U+2014,' +
                 'U+2018-201F,U+2022,U+2026,U+2039,U+203A,U+2190-2193,U+2212,U+2713,U+2715';
  const LATIN_EXTENSION = 'U+00A1-00A6,U+00A8,U+00AA,U+00AC-00AF,U+00B2-00B6,U+00B8-00BA,U+00BC-00D6,U+00D8-00F6,' +
                          'U+00F8-017F';
  const REGULAR = ['Trash Inter', 'Trash Inter Fallback'];
  function loadFont([families, url, weight, unicodeRange], signal) {
    return fetch(url, { signal })
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(url))))
      .then((bytes) => Promise.all(families.map((family) => new FontFace(family, bytes, { weight, unicodeRange }).load())))
      .then((faces) => { faces.forEach((face) => document.fonts.add(face)); return true; }, () => false);
  }
  const fontFiles = [[REGULAR, 'fonts/Inter-Regular.woff2', '400', LABELS],
                     [['Trash Inter'], 'fonts/Inter-SemiBold.woff2', '600', LABELS],
                     [['Trash Icons'], 'fonts/icons.woff2', '400']];
  const fonts = Promise.all(fontFiles.map((file) => loadFont(file, downloads.signal)))
    .then((loaded) => loaded[0] || loaded[1]);
  // The rest of Regular's Latin letters (é, ß, ł, ...), downloaded once, only when the page has text
  // that needs them (web_fonts.cpp asks; a first visit of an ASCII workspace never does).
  let latinExtension = null;
  function loadLatinExtension() {
    latinExtension = latinExtension ||
      loadFont([REGULAR, 'fonts/Inter-Regular-LatinExt.woff2', '400', LATIN_EXTENSION]);
    return latinExtension;
  }
  const preload = document.createElement('link');
  Object.assign(preload, { rel: 'preload', as: 'script', href: pageName + '.js' });
  document.head.appendChild(preload);

  // index.html's worker creates the browser's first WebGL context (it can take most of a second and
  // blocks the thread that asks); meanwhile the main thread starts the wasm, whose first requests
  // go out, and rasterises the fonts. Then the page's own context costs ~10 ms. Without WebGL2 in
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
  Object.assign(window.trashShell, { fonts, drawable, loadLatinExtension });

  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm(imports, done) {
      instantiate(wasmUrl, wasm, imports)
        .then((result) => { statusEl.textContent = 'Starting…'; progressEl.style.width = '100%';
                            done(result.instance, result.module); })
        .catch((error) => fail(String(error.message || error)));
      return {};
    },
    onAbort(what) { fail('The page stopped unexpectedly: ' + what); },
    print() {},
    printErr(text) { console.warn(text); },
  };

  const script = document.createElement('script');
  script.src = pageName + '.js';
  script.onerror = () => fail('Could not download the page script (' + pageName + '.js).');
  document.body.appendChild(script);
})();
