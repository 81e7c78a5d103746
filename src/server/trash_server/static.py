"""Static files for the built page: content types (wasm, js, fonts), compressed bodies cached in
memory, ETags, and a path check that answers 404 for anything outside the web folder (.., %2e%2e,
backslashes, absolute paths, symlinks out) or for directories (no listings).

The build writes smaller precompressed siblings next to the big files (`x.wasm.br` with brotli,
`x.wasm.gz` with zopfli); when one is present and not older than its file it is sent as is, the
way nginx's gzip_static does. Without them files are gzipped here, once.

The page's index.html says which backend it talks to: as built, `static` (the shell then loads the
in-browser demo, as on any static file host); served from here, `server` (the page talks to this
API and never falls back to the demo). So the mode is told, never guessed from an error.
"""
import gzip
import hashlib
import mimetypes
import os
import threading
import urllib.parse

TYPES = {".wasm": "application/wasm", ".js": "text/javascript; charset=utf-8",
         ".mjs": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".json": "application/json", ".otf": "font/otf",
         ".ttf": "font/ttf", ".woff2": "font/woff2", ".svg": "image/svg+xml", ".png": "image/png",
         ".ico": "image/x-icon", ".map": "application/json", ".txt": "text/plain; charset=utf-8"}
COMPRESSIBLE = (".wasm", ".js", ".mjs", ".html", ".css", ".json", ".otf", ".ttf", ".svg", ".map", ".txt")
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))  # preferred first
BACKEND_STATIC = b'<meta name="trash-backend" content="static">'
BACKEND_SERVER = b'<meta name="trash-backend" content="server">'


def accepted_encodings(header):
    """The content codings an Accept-Encoding header allows (q=0 refuses one)."""
    accepted = set()
    for part in (header or "").split(","):
        name, _, params = part.partition(";")
        name = name.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            accepted.add(name)
    return accepted


class StaticFiles:
    def __init__(self, root):
        self.root = os.path.realpath(root)
        self._cache = {}
        self._lock = threading.Lock()

    def resolve(self, raw_path):
        """The real file a URL path names inside the root, or None."""
        path = urllib.parse.unquote(raw_path.split("?", 1)[0])
        if path in ("", "/"):
            path = "/index.html"
        parts = path.split("/")[1:]
        if ("\\" in path or "\0" in path or ":" in path
                or any(part in ("", ".", "..") for part in parts)):
            return None
        full = os.path.realpath(os.path.join(self.root, *parts))
        if not full.startswith(self.root + os.sep) or not os.path.isfile(full):
            return None
        return full

    def load(self, full):
        """(body, {coding: encoded body}, etag, content type), cached until a file changes."""
        stat = os.stat(full)
        siblings = [(coding, full + suffix) for coding, suffix in PRECOMPRESSED]
        key = (stat.st_mtime_ns, stat.st_size, tuple(_stamp(path) for _, path in siblings))
        with self._lock:
            cached = self._cache.get(full)
        if cached and cached[0] == key:
            return cached[1]
        with open(full, "rb") as f:
            body = f.read()
        ext = os.path.splitext(full)[1].lower()
        ctype = TYPES.get(ext) or mimetypes.guess_type(full)[0] or "application/octet-stream"
        page = full == os.path.join(self.root, "index.html")
        if page:  # its precompressed copies still say "static"
            body = body.replace(BACKEND_STATIC, BACKEND_SERVER)
        encoded = {}
        if ext in COMPRESSIBLE and len(body) > 512:
            for (coding, path), stamp in zip(siblings, key[2]):
                if page:
                    break
                if stamp is not None and stamp[0] >= stat.st_mtime_ns:  # an older one is stale
                    with open(path, "rb") as f:
                        encoded[coding] = f.read()
            if "gzip" not in encoded:
                encoded["gzip"] = gzip.compress(body, 6, mtime=0)
        entry = (body, encoded, '"%s"' % hashlib.sha256(body).hexdigest()[:32], ctype)
        with self._lock:
            self._cache[full] = (key, entry)
        return entry

    @staticmethod
    def pick(encoded, accept_encoding):
        """(coding, body) of the best encoding the client accepts, or (None, None)."""
        accepted = accepted_encodings(accept_encoding)
        for coding, _ in PRECOMPRESSED:
            if coding in encoded and coding in accepted:
                return coding, encoded[coding]
        return None, None


def _stamp(path):
    """(mtime, size) of a file, or None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if os.path.isfile(path) else None
