// Scripts the bench installs in a page before anything of it runs (context.addInitScript): a log
// of every XMLHttpRequest (emscripten_fetch runs on it) with start, end and whether any is pending,
// the time of the last mousedown, and per page kind the moment its first rows are drawn.
export function commonHook() {
  const bench = (window.__bench = { xhr: [], pending: 0, lastDown: null, firstRowsMs: null, listingLoadedMs: null });
  performance.setResourceTimingBufferSize(100000);
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__benchEntry = { method, url: String(url) };
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const entry = this.__benchEntry;
    if (entry) {
      entry.start = performance.now();
      bench.pending++;
      bench.xhr.push(entry);
      // Registered after the page's own handlers, so `end` is when the page has handled the answer.
      this.addEventListener('loadend', () => {
        entry.end = performance.now();
        entry.status = this.status;
        entry.bytes = this.response instanceof ArrayBuffer ? this.response.byteLength : String(this.response ?? '').length;
        bench.pending--;
      });
    }
    return send.apply(this, args);
  };
  addEventListener('mousedown', (e) => { bench.lastDown = e.timeStamp; }, true);
}

// The Trash page publishes window.trashPage after every frame it draws (frames, then itemCount,
// then listingLoaded, after the frame was rendered): accessors note when rows were first drawn,
// when the whole listing was, and run `__bench.watch` (a test on the widgets) once per frame.
export function trashPageHook() {
  const bench = window.__bench;
  const page = (window.trashPage = {});
  const state = { frames: 0, itemCount: 0, listingLoaded: false, ready: false };
  const field = (name, onSet) => Object.defineProperty(page, name, {
    configurable: true, enumerable: true, get: () => state[name],
    set(value) { state[name] = value; onSet(value); },
  });
  field('frames', () => {
    const watch = bench.watch;
    if (!watch || watch.doneMs !== null) return;
    const hit = (page.widgets || []).find((w) => w.role === 'alert' && new RegExp(watch.source).test(w.label) &&
                                                 !watch.before.includes(w.label));
    if (hit) { watch.doneMs = performance.now(); watch.label = hit.label; }
  });
  field('itemCount', (n) => { if (n > 0 && bench.firstRowsMs === null) bench.firstRowsMs = performance.now(); });
  field('listingLoaded', (v) => { if (v && bench.listingLoadedMs === null) bench.listingLoadedMs = performance.now(); });
  field('ready', (v) => { if (v && !bench.readyMs) bench.readyMs = performance.now(); });
}

// The bare ImGui page reports its own first rows (window.benchPage.firstRowsMs, set at the end of
// the first frame whose clipper drew rows); it draws everything at once, so rows = whole listing.
export function imguiHook() {}

// AG Grid: the first body row element in the DOM (a MutationObserver runs at the end of the task
// that inserted it, before style, layout and paint).
export function aggridHook() {
  const bench = window.__bench;
  const observer = new MutationObserver(() => {
    if (document.querySelector('.ag-row[row-index]')) {
      bench.firstRowsMs = bench.listingLoadedMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
