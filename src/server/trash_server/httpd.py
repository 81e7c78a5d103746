"""The HTTP layer: a ThreadingHTTPServer whose handler reads the body under a size limit,
resolves credentials and CSRF, dispatches through the route table with one SQLite connection per
request, falls back to the static page for GET, and writes one JSON access-log line per request.
No exception text ever reaches a client: a 500 is a generic JSON error, logged here with its trace.
"""
import gzip
import http
import http.cookies
import http.server
import json
import sys
import time
import traceback
import urllib.parse

from . import auth, db, routes
from .jsonio import MAX_BODY_BYTES, ApiError, dumps, iso, now_ms, parse_body
from .static import StaticFiles, accepted_encodings

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")
GZIP_MIN_BYTES = 1400


class Request:
    """What a route handler sees of one HTTP request."""

    def __init__(self, query, params, raw_body, conn, principal):
        self.query, self.params = query, params
        self.raw_body, self.conn, self.principal = raw_body, conn, principal

    def json(self):
        return parse_body(self.raw_body)


class TrashServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, db_path, web_dir, log=None):
        super().__init__(address, Handler)
        self.db_path = db_path
        self.static = StaticFiles(web_dir)
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))

    @property
    def url(self):
        host, port = self.server_address[:2]
        return "http://%s:%d/" % (host, port)


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "TrashServer/1"
    sys_version = ""  # no interpreter version in the Server header
    protocol_version = "HTTP/1.1"
    timeout = 60  # a client that stalls mid-request does not hold its thread forever

    def do_GET(self):
        self._handle("GET")

    def do_HEAD(self):
        self._handle("HEAD")

    def do_POST(self):
        self._handle("POST")

    def do_PUT(self):
        self._handle("PUT")

    def do_PATCH(self):
        self._handle("PATCH")

    def do_DELETE(self):
        self._handle("DELETE")

    def log_message(self, format, *args):
        """http.server's own lines (malformed request lines) go to the same log, as JSON."""
        self.server.log(json.dumps({"time": iso(now_ms()), "message": format % args}))

    def log_request(self, code="-", size="-"):
        """Replaced by the JSON access-log line written in `_handle`."""

    def send_error(self, code, message=None, explain=None):
        """http.server's own refusals (a garbled request line, an unknown method, huge headers)
        are JSON errors like every other answer, not its HTML page."""
        self.close_connection = True
        body = dumps({"error": message or http.HTTPStatus(code).phrase})
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # [SECTION] Dispatch

    def _handle(self, method):
        started = time.perf_counter()
        self._auth_kind = None
        url = urllib.parse.urlsplit(self.path)
        head = method == "HEAD"
        try:
            status, length = self._dispatch(method, url)
        except ApiError as exc:
            status, length = self._send_json(exc.status, exc.body(), head=head)
        except ConnectionError:
            # The client went away mid-answer; there is no one left to tell.
            self.close_connection = True
            status, length = "disconnected", 0
        except Exception:
            self.server.log(json.dumps({"time": iso(now_ms()), "error": traceback.format_exc()}))
            status, length = self._send_json(500, {"error": "Internal server error"}, head=head)
        self.server.log(json.dumps({
            "time": iso(now_ms()), "method": method, "path": url.path, "status": status, "bytes": length,
            "ms": round((time.perf_counter() - started) * 1000, 1), "auth": self._auth_kind,
            "client": self.client_address[0]}))

    def _dispatch(self, method, url):
        raw_body = self._read_body()
        # Routes match the raw path and decode each segment after, so "%2F" never splits one.
        route = routes.match("GET" if method == "HEAD" else method, url.path)
        if route is None:
            if method in ("GET", "HEAD"):
                return self._send_static(url.path, method == "HEAD")
            raise ApiError(404, "Not found")
        handler, who, params = route
        try:
            params = {k: urllib.parse.unquote(v, errors="strict") for k, v in params.items()}
        except UnicodeDecodeError:
            raise ApiError(400, "The path is not valid UTF-8") from None
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        conn = db.connect(self.server.db_path)
        try:
            principal = self._principal(conn, query, who)
            if "ws" in params and params["ws"] != principal.workspace["url"]:
                raise ApiError(404, "Not found")
            if who != routes.NO_AUTH and method in STATE_CHANGING:
                auth.check_csrf(principal, self.headers.get("X-CSRF-Token"))
            answer = handler(Request(query, params, raw_body, conn, principal))
        finally:
            conn.close()
        status, body = answer[0], answer[1]
        return self._send_json(status, body, answer[2] if len(answer) > 2 else None, head=method == "HEAD")

    def _read_body(self):
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise ApiError(411, "Send the body with a Content-Length")
        length = self.headers.get("Content-Length", "0").strip() or "0"
        if not length.isdigit():
            self.close_connection = True
            raise ApiError(400, "Content-Length must be a number")
        if int(length) > MAX_BODY_BYTES:
            # The unread body would be taken for the next request, so this connection ends here.
            self.close_connection = True
            raise ApiError(413, "Request body is larger than %d bytes" % MAX_BODY_BYTES)
        return self.rfile.read(int(length)) if int(length) else b""

    def _principal(self, conn, query, who):
        if who == routes.NO_AUTH:
            return None
        key = query.get("api_key")
        bearer = self.headers.get("Authorization", "")
        if key is None and bearer[:7].lower() == "bearer ":
            key = bearer[7:].strip()
        if key is not None:
            principal = auth.principal_for_key(conn, key)
            self._auth_kind = "key"
            if who == routes.SESSION:
                raise ApiError(403, "This route is only available to a signed-in web session")
            return principal
        principal = None
        cookies = http.cookies.SimpleCookie()
        try:
            cookies.load(self.headers.get("Cookie", ""))
        except http.cookies.CookieError:
            pass
        if auth.SESSION_COOKIE in cookies:
            principal = auth.principal_for_session(conn, cookies[auth.SESSION_COOKIE].value)
        if principal is None:
            raise ApiError(401, "Not signed in" if who == routes.SESSION else "Sign in or pass an API key")
        self._auth_kind = "session"
        return principal

    # [SECTION] Responses

    def _accepts_gzip(self):
        return "gzip" in accepted_encodings(self.headers.get("Accept-Encoding"))

    def _send_json(self, status, body, headers=None, head=False):
        """`body` is a JSON-able object, or bytes already encoded (the big listings)."""
        payload = body if isinstance(body, bytes) else dumps(body)
        extra = dict(headers or {}, **{"Cache-Control": "no-store"})
        if len(payload) >= GZIP_MIN_BYTES and self._accepts_gzip():
            # Level 1: a 100,000-item listing compresses 6x in a fraction of what level 9 costs.
            payload = gzip.compress(payload, 1, mtime=0)
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] = "Accept-Encoding"
        return self._send(status, "application/json; charset=utf-8", payload, extra, head)

    def _send_static(self, raw_path, head):
        full = self.server.static.resolve(raw_path)
        if full is None:
            raise ApiError(404, "Not found")
        body, encoded, etag, ctype = self.server.static.load(full)
        extra = {"Cache-Control": "no-cache", "ETag": etag, "Vary": "Accept-Encoding"}
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, None, b"", extra, head=True)
        coding, packed = self.server.static.pick(encoded, self.headers.get("Accept-Encoding"))
        if coding:
            body = packed
            extra["Content-Encoding"] = coding
        return self._send(200, ctype, body, extra, head)

    def _send(self, status, ctype, payload, headers, head=False):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(payload)
        return status, len(payload)
