"""Static files for the built page: content types (wasm, js, fonts), gzip cached in memory, ETags,
and a path check that answers 404 for anything outside the web folder (.., %2e%2e, backslashes,
absolute paths, symlinks out) or for directories (no listings).
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
        """(body, gzipped body or None, etag, content type), cached until the file changes."""
        stat = os.stat(full)
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(full)
        if cached and cached[0] == key:
            return cached[1]
        with open(full, "rb") as f:
            body = f.read()
        ext = os.path.splitext(full)[1].lower()
        ctype = TYPES.get(ext) or mimetypes.guess_type(full)[0] or "application/octet-stream"
        packed = gzip.compress(body, 6, mtime=0) if ext in COMPRESSIBLE and len(body) > 512 else None
        entry = (body, packed, '"%s"' % hashlib.sha256(body).hexdigest()[:32], ctype)
        with self._lock:
            self._cache[full] = (key, entry)
        return entry
