// Shell logic: checks for WebGL2 before downloading anything, downloads the wasm with a progress
// bar (fonts in parallel), then hands both to the Emscripten runtime. window.trashShell is how the
// page reports readiness or a fatal error back to the shell.
'use strict';
(function () {
  const statusEl = document.getElementById('status');
  const progressEl = document.getElementById('progress');
  const splash = document.getElementById('splash');

  function fail(message) {
    splash.classList.add('failed');
    statusEl.textContent = message;
    document.body.classList.remove('ready');
  }
  window.trashShell = { ready() {}, fail };

  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    fail('This page needs WebGL2, which this browser or device does not provide. ' +
         'Try a current version of Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.');
    return;
  }

  const fontFiles = ['fonts/Inter-Regular.otf', 'fonts/Inter-SemiBold.otf', 'fonts/icons.ttf'];
  const fonts = Promise.all(fontFiles.map((url) =>
    fetch(url).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null)));

  async function downloadWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('Could not download the page (' + response.status + ')');
    const length = Number(response.headers.get('Content-Length')) || 0;
    // Compressed transfers report the compressed length; the bytes we count are uncompressed
    // (the wasm shrinks about 2.5 times with brotli, 2.2 times with gzip).
    const encoding = response.headers.get('Content-Encoding');
    const estimate = length * (encoding === 'br' ? 2.5 : encoding ? 2.2 : 1);
    if (!response.body || !estimate) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      progressEl.style.width = Math.min(95, (100 * received) / estimate).toFixed(1) + '%';
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    preRun: [function () {
      Module.addRunDependency('fonts');
      fonts.then((buffers) => { Module.trashFonts = buffers; Module.removeRunDependency('fonts'); });
    }],
    instantiateWasm(imports, done) {
      downloadWasm('trash_page.wasm')
        .then((bytes) => { statusEl.textContent = 'Starting…'; progressEl.style.width = '100%';
                           return WebAssembly.instantiate(bytes, imports); })
        .then((result) => done(result.instance, result.module))
        .catch((error) => fail(String(error.message || error)));
      return {};
    },
    onAbort(what) { fail('The page stopped unexpectedly: ' + what); },
    print() {},
    printErr(text) { console.warn(text); },
  };

  const script = document.createElement('script');
  script.src = 'trash_page.js';
  script.onerror = () => fail('Could not download the page script.');
  document.body.appendChild(script);
})();
