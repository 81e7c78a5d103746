"""The HTTP layer: a TrashServer accepts connections through the connection loop (a selector and a
fixed worker pool, see connections.py); the handler checks the Host, reads the body under a size
limit, resolves credentials and CSRF, replays or records Idempotency-Keys, dispatches through the
route table with one SQLite connection per request, falls back to the static page for GET, and
writes one JSON access-log line per request. Each answer leaves in one write (large listings in
64 KiB chunks). No exception text ever reaches a client: a 500 is a generic JSON error, logged here
with its trace.
"""
import http
import http.cookies
import http.server
import io
import ipaddress
import json
import socket
import sys
import threading
import time
import traceback
import urllib.parse
import zlib

from . import auth, db, idempotency, routes, sign_in
from .connections import Connection, ConnectionLoop
from .jsonio import MAX_BODY_BYTES, ApiError, dumps, iso, now_ms, parse_body
from .settings import Settings
from .static import StaticFiles, accepted_encodings

__all__ = ["Connection", "TrashServer"]

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")
GZIP_MIN_BYTES = 1400
FLUSH_BYTES = 64 * 1024


class Request:
    """What a route handler sees of one HTTP request."""

    def __init__(self, query, params, raw_body, conn, principal, headers=None, client=None, settings=None,
                 server=None):
        self.query, self.params = query, params
        self.raw_body, self.conn, self.principal = raw_body, conn, principal
        self.headers, self.client, self.settings, self.server = headers or {}, client, settings or Settings(), server

    def json(self):
        return parse_body(self.raw_body)


class TrashServer:
    """The server: a listening socket, the connection loop and what every request shares."""

    def __init__(self, address, db_path, web_dir, log=None, settings=None):
        self.settings = settings or Settings()
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.listener = socket.create_server(address, family=family, backlog=512)
        self.server_address = self.listener.getsockname()
        self.db_path = db_path
        self.static = StaticFiles(web_dir)
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.sign_in = sign_in.SignInGuard(self.settings)
        self.host_names = _host_names(address[0], self.settings.allowed_hosts)
        self.local = threading.local()
        self._conns, self._conns_lock = [], threading.Lock()  # the workers', closed with the server
        # Sign-ins wait for the hashing threads on workers of their own (see connections.py).
        self.loop = ConnectionLoop(self.listener, self.settings, self._handle, self.log, MAX_BODY_BYTES,
                                   slow_lane=(b"POST /api/session", self.settings.scrypt_concurrency))

    @property
    def url(self):
        host, port = self.server_address[:2]
        return "http://%s:%d/" % (host, port)

    def connection(self):
        """This worker's SQLite connection, opened once: a warm page cache makes a small answer
        cost about half of what a new connection per request did."""
        conn = getattr(self.local, "conn", None)
        if conn is not None and conn.dialect.broken(conn):  # PostgreSQL restarted or dropped it
            conn.close()
            conn = None
        if conn is None:
            try:
                conn = self.local.conn = db.connect(self.db_path)
            except RuntimeError:  # PostgreSQL down or unreachable: say so, the next request retries
                raise ApiError(503, "The database is unreachable") from None
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def serve_forever(self, poll_interval=0.5):
        self.loop.serve_forever(poll_interval)

    def request_stop(self):
        self.loop.request_stop()

    def shutdown(self):
        self.loop.shutdown()

    def server_close(self):
        self.listener.close()
        self.sign_in.close()
        with self._conns_lock:
            for conn in self._conns:
                conn.close()
            self._conns.clear()

    def open_connections(self):
        return self.loop.open_count()

    def _handle(self, conn, request):
        """One whole request on a worker; answers whether the connection stays open."""
        handler = Handler(conn, request, self)
        return not handler.close_connection


def _host_names(bound, extra):
    """Host names a request may name: the bound one, localhost, this machine's names when bound to
    every address, and --allowed-host. IP literals are always fine: DNS rebinding needs a name."""
    names = {"localhost", bound.lower()} | {name.lower() for name in extra}
    if bound in ("", "0.0.0.0", "::"):
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return names


def _host_allowed(value, names):
    if value is None:
        return False
    host = value.strip().lower()
    if host.startswith("["):  # [v6]:port
        host = host[1:host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":")[0]
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return host in names


class ResponseWriter:
    """Collects what the handler writes and sends it in one call, or in 64 KiB pieces for long bodies."""

    def __init__(self, conn):
        self.conn, self.pending, self.size = conn, [], 0

    def write(self, data):
        self.pending.append(data)
        self.size += len(data)
        if self.size >= FLUSH_BYTES:
            self.flush()
        return len(data)

    def flush(self):
        if self.pending:
            data = b"".join(self.pending)
            self.pending, self.size = [], 0
            self.conn.sendall(data)


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "TrashServer/1"
    sys_version = ""  # no interpreter version in the Server header
    protocol_version = "HTTP/1.1"

    def __init__(self, conn, request_bytes, server):
        self._request_bytes = request_bytes
        super().__init__(conn, conn.address, server)

    def setup(self):
        self.connection = self.request.sock
        self.rfile = io.BytesIO(self._request_bytes)
        self.wfile = ResponseWriter(self.request)

    def handle(self):
        self.close_connection = True
        self.handle_one_request()

    def finish(self):
        try:
            self.wfile.flush()
        except OSError:
            self.close_connection = True

    def handle_expect_100(self):
        return True  # the connection loop already sent "100 Continue" while the body arrived

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
        self._auth_kind, self._started = None, False
        url = urllib.parse.urlsplit(self.path)
        head = method == "HEAD"
        try:
            status, length = self._dispatch(method, url)
        except ApiError as exc:
            status, length = self._send_json(exc.status, exc.body(), exc.headers, head=head)
        except (ConnectionError, TimeoutError):
            # The client went away, or stopped reading, mid-answer; there is no one left to tell.
            self.close_connection = True
            status, length = "disconnected", 0
        except Exception:
            self.server.log(json.dumps({"time": iso(now_ms()), "error": traceback.format_exc()}))
            self.close_connection = True
            if self._started:  # mid-stream: the cut connection is the only signal left
                status, length = 500, 0
            else:
                status, length = self._send_json(500, {"error": "Internal server error"}, head=head)
        self.server.log(json.dumps({
            "time": iso(now_ms()), "method": method, "path": url.path, "status": status, "bytes": length,
            "ms": round((time.perf_counter() - started) * 1000, 1), "auth": self._auth_kind,
            "client": self._client()}))

    def _dispatch(self, method, url):
        raw_body = self._read_body()  # first: a refused body ends the connection, whatever else is wrong
        if self.request_version != "HTTP/1.0" and not _host_allowed(self.headers.get("Host"), self.server.host_names):
            raise ApiError(400, "Unknown Host header")
        if method in ("GET", "HEAD") and self.server.static.resolve(url.path) is not None:
            return self._send_static(url.path, method == "HEAD")  # files win over /:workspace
        # Routes match the raw path and decode each segment after, so "%2F" never splits one.
        route = routes.match("GET" if method == "HEAD" else method, url.path)
        if route is None:
            if method in ("GET", "HEAD"):
                return self._send_static(url.path, method == "HEAD")
            raise ApiError(404, "Not found")
        handler, who, params = route
        if who == routes.KEY and not self._has_key(url):
            return self._send_static(url.path, method == "HEAD")  # "/missing.js" stays a 404
        try:
            params = {k: urllib.parse.unquote(v, errors="strict") for k, v in params.items()}
        except UnicodeDecodeError:
            raise ApiError(400, "The path is not valid UTF-8") from None
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        conn = self.server.connection()
        try:
            principal = self._principal(conn, query, who)
            if "ws" in params and params["ws"] != principal.workspace["url"]:
                raise ApiError(404, "Not found")
            if who != routes.NO_AUTH and method in STATE_CHANGING:
                auth.check_csrf(principal, self.headers.get("X-CSRF-Token"))
            req = Request(query, params, raw_body, conn, principal, self.headers, self._client(),
                          self.server.settings, self.server)
            key = self.headers.get(idempotency.HEADER)
            if key is not None and principal is not None and method in STATE_CHANGING:
                answer = db.retrying(conn, lambda: idempotency.run(req, key, method, self.path, lambda: handler(req)))
            else:
                answer = db.retrying(conn, lambda: handler(req))
            status, body = answer[0], answer[1]
            return self._send_json(status, body, answer[2] if len(answer) > 2 else None, head=method == "HEAD")
        finally:
            if conn.in_transaction:  # only a bug leaves one open; the next request must not inherit it
                conn.execute("ROLLBACK")

    def _read_body(self):
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise ApiError(411, "Send the body with a Content-Length")
        lengths = self.headers.get_all("Content-Length") or ["0"]
        length = lengths[0].strip() or "0"
        if len(lengths) > 1 or not length.isdigit():
            self.close_connection = True
            raise ApiError(400, "Send one Content-Length, a number" if len(lengths) > 1
                           else "Content-Length must be a number")
        if int(length) > MAX_BODY_BYTES:
            # The unread body would be taken for the next request, so this connection ends here.
            self.close_connection = True
            raise ApiError(413, "Request body is larger than %d bytes" % MAX_BODY_BYTES)
        return self.rfile.read(int(length)) if int(length) else b""

    def _client(self):
        """The client's address; behind a --trusted-proxy, the address that proxy saw (the last
        X-Forwarded-For entry: earlier ones are whatever the client claimed)."""
        peer = self.client_address[0]
        forwarded = self.headers.get("X-Forwarded-For") if self.headers else None
        if forwarded and peer in self.server.settings.trusted_proxies:
            return forwarded.split(",")[-1].strip()[:64] or peer
        return peer

    def _has_key(self, url):
        return "api_key=" in url.query or self.headers.get("Authorization", "")[:7].lower() == "bearer "

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
        """`body` is a JSON-able object, bytes already encoded, or an iterable of byte chunks (the
        whole listing, streamed with chunked transfer coding so it never exists in one piece; a
        stream's headers may name another Content-Type, as the Activity's CSV does)."""
        extra = dict(headers or {}, **{"Cache-Control": "no-store"})
        if not isinstance(body, (bytes, dict, list)):
            return self._send_stream(status, body, extra, head)
        payload = body if isinstance(body, bytes) else dumps(body)
        if len(payload) >= GZIP_MIN_BYTES and self._accepts_gzip():
            # Level 1: a 100,000-item listing compresses 6x in a fraction of what level 9 costs.
            packer = zlib.compressobj(1, zlib.DEFLATED, 31)
            payload = packer.compress(payload) + packer.flush()
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] = "Accept-Encoding"
        return self._send(status, "application/json; charset=utf-8", payload, extra, head)

    def _send_stream(self, status, chunks, headers, head):
        packer = None
        if self._accepts_gzip():
            packer = zlib.compressobj(1, zlib.DEFLATED, 31)
            headers = dict(headers, **{"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        headers = dict(headers, **{"Transfer-Encoding": "chunked"})
        self._start(status, headers.pop("Content-Type", "application/json; charset=utf-8"), headers)
        sent = 0
        try:
            if head:
                return status, 0
            for chunk in chunks:
                data = packer.compress(chunk) if packer else chunk
                if data:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    sent += len(data)
            tail = packer.flush() if packer else b""
            if tail:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(tail), tail))
                sent += len(tail)
            self.wfile.write(b"0\r\n\r\n")
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()
        return status, sent

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

    def _start(self, status, ctype, headers):
        self._started = True
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            if name == "Set-Cookie" and self.server.settings.secure_cookies:
                value += "; Secure"
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()

    def _send(self, status, ctype, payload, headers, head=False):
        self._start(status, ctype, dict(headers, **{"Content-Length": str(len(payload))}))
        if not head:
            self.wfile.write(payload)
        return status, len(payload)
