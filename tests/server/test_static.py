"""The built page as static files (content types, gzip, ETag, no listings, no way out of the
folder), and serve.py as a command: the one-line URL on stdout, --seed, --demo-items, Ctrl-C."""
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from tests.server.helper import ROOT, ServerTest
from trash_server.static import accepted_encodings  # noqa: E402  (helper puts it on the path)

SERVE = os.path.join(ROOT, "serve.py")


def _interruptible():
    # A test run started in the background by a shell ignores SIGINT, and its children inherit
    # that: Ctrl-C (SIGINT) must reach serve.py as it would from a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def make_web(folder):
    web = os.path.join(folder, "web")
    os.makedirs(os.path.join(web, "sub"))
    files = {"index.html": b"<!doctype html><title>Trash</title>" + b" " * 2000, "trash.js": b"console.log(1);" * 200,
             "trash.wasm": b"\0asm" + bytes(range(256)) * 20, "Inter.otf": b"OTTO" + b"\1" * 3000,
             "icons.ttf": b"\0\1\0\0" + b"\2" * 3000, "data.json": b'{"a": 1}', "sub/page.html": b"<p>sub</p>"}
    for name, data in files.items():
        with open(os.path.join(web, name), "wb") as f:
            f.write(data)
    with open(os.path.join(folder, "secret.txt"), "w") as f:
        f.write("secret")
    os.symlink(os.path.join(folder, "secret.txt"), os.path.join(web, "link-out"))
    return web, files


class StaticFiles(ServerTest):
    def setUp(self):
        self.outer = tempfile.mkdtemp(prefix="trash-web-")
        self.addCleanup(shutil.rmtree, self.outer, ignore_errors=True)
        self.web_dir, self.files = make_web(self.outer)
        super().setUp()

    def get(self, path, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response, data

    def test_index_and_content_types(self):
        expected = {"/": "text/html; charset=utf-8", "/trash.js": "text/javascript; charset=utf-8",
                    "/trash.wasm": "application/wasm", "/Inter.otf": "font/otf", "/icons.ttf": "font/ttf",
                    "/data.json": "application/json", "/sub/page.html": "text/html; charset=utf-8"}
        for path, ctype in expected.items():
            with self.subTest(path=path):
                response, data = self.get(path)
                self.assertEqual((response.status, response.getheader("Content-Type")), (200, ctype))
                self.assertEqual(data, self.files["index.html" if path == "/" else path[1:]])
                self.assertEqual(response.getheader("Cache-Control"), "no-cache")

    def test_gzip_when_accepted_and_etag_revalidation(self):
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "gzip, br"})
        self.assertEqual(response.getheader("Content-Encoding"), "gzip")
        self.assertEqual(gzip.decompress(data), self.files["trash.wasm"])
        response, data = self.get("/trash.wasm")
        self.assertIsNone(response.getheader("Content-Encoding"))
        etag = response.getheader("ETag")
        response, data = self.get("/trash.wasm", {"If-None-Match": etag})
        self.assertEqual((response.status, data), (304, b""))

    def test_precompressed_siblings_are_sent_as_they_are(self):
        wasm = os.path.join(self.web_dir, "trash.wasm")
        # Stand-ins for what brotli and zopfli write: recognisable bytes, not the file's encoding.
        for suffix, data in ((".br", b"BROTLI-BODY"), (".gz", gzip.compress(b"zopfli stand-in", mtime=0))):
            with open(wasm + suffix, "wb") as f:
                f.write(data)
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "gzip, deflate, br, zstd"})
        self.assertEqual((response.getheader("Content-Encoding"), data), ("br", b"BROTLI-BODY"))
        self.assertEqual(response.getheader("Vary"), "Accept-Encoding")
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "gzip"})
        self.assertEqual((response.getheader("Content-Encoding"), gzip.decompress(data)), ("gzip", b"zopfli stand-in"))
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "br;q=0, gzip"})
        self.assertEqual(response.getheader("Content-Encoding"), "gzip")
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "identity"})
        self.assertEqual((response.getheader("Content-Encoding"), data), (None, self.files["trash.wasm"]))
        # A file rebuilt after its siblings makes them stale: they are ignored, gzip is made here.
        stamp = os.stat(wasm + ".br").st_mtime_ns + 10**9
        os.utime(wasm, ns=(stamp, stamp))
        response, data = self.get("/trash.wasm", {"Accept-Encoding": "gzip, br"})
        self.assertEqual((response.getheader("Content-Encoding"), gzip.decompress(data)), ("gzip", self.files["trash.wasm"]))

    def test_the_page_is_told_it_has_a_server(self):
        # As built, index.html names the in-browser demo (what any static host serves); served
        # from here it names this server, in every encoding, so the page never picks the demo.
        page = os.path.join(self.web_dir, "index.html")
        built = b'<!doctype html><meta name="trash-backend" content="static"><title>Trash</title>' + b" " * 2000
        with open(page, "wb") as f:
            f.write(built)
        with open(page + ".br", "wb") as f:
            f.write(b"BROTLI OF THE STATIC PAGE")
        served = built.replace(b'content="static"', b'content="server"')
        for path in ("/", "/index.html"):
            for accept in ("gzip, br", "br", "identity"):
                with self.subTest(path=path, accept=accept):
                    response, data = self.get(path, {"Accept-Encoding": accept})
                    if response.getheader("Content-Encoding") == "gzip":
                        data = gzip.decompress(data)
                    self.assertEqual((response.status, data), (200, served))

    def test_accept_encoding_parsing(self):
        self.assertEqual(accepted_encodings("gzip, deflate, br, zstd"), {"gzip", "deflate", "br", "zstd"})
        self.assertEqual(accepted_encodings("BR;q=0.5, gzip;q=0, *;q=0.1"), {"br", "*"})
        self.assertEqual(accepted_encodings("gzip;q=x"), set())
        self.assertEqual(accepted_encodings(None), set())

    def test_nothing_outside_the_folder_and_no_listings(self):
        for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt", "/sub/%2E%2E/%2E%2E/secret.txt",
                     "/sub\\..\\..\\secret.txt", "/%5c..%5csecret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
                     "/link-out", "/sub", "/sub/", "/missing.js", "/./index.html", "/C:/Windows/win.ini",
                     "/index.html%00.js"):
            with self.subTest(path=path):
                response, data = self.get(path)
                self.assertEqual(response.status, 404)
                self.assertEqual(json.loads(data), {"error": "Not found"})

    def test_api_json_is_gzipped_when_accepted(self):
        response, data = self.get("/api/demo", {"Accept-Encoding": "gzip"})
        self.assertEqual(response.getheader("Content-Encoding"), "gzip")
        self.assertEqual(json.loads(gzip.decompress(data))["workspace"], "acme-robotics")


class Command(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-cli-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def start(self, *args):
        process = subprocess.Popen([sys.executable, SERVE, "--db", os.path.join(self.folder, "t.db"), "--port", "0",
                                    "--cleanup-interval", "0", "--scrypt-n", "1024"] + list(args),
                                   stdout=subprocess.PIPE, stderr=self.stderr_file(), text=True,
                                   preexec_fn=_interruptible)
        self.addCleanup(self.stop, process)
        line = process.stdout.readline()
        found = re.fullmatch(r"Serving the Trash page on http://127\.0\.0\.1:(\d+)/\n", line)
        self.assertIsNotNone(found, line)
        return process, int(found.group(1))

    def stderr_file(self):
        path = os.path.join(self.folder, "stderr-%d.log" % len(os.listdir(self.folder)))
        self.logs = getattr(self, "logs", []) + [path]
        stream = open(path, "w")
        self.addCleanup(stream.close)
        return stream

    def stopped(self, process):
        """The exit code once it stops cleanly within 10 s, or a failure with what it printed
        (a stop that hangs dumps every thread's stack there and exits with 1)."""
        try:
            code = process.wait(10)
        except subprocess.TimeoutExpired:
            code = "still running after 10 s"
        if code != 0:
            with open(self.logs[-1]) as log:
                self.fail("serve.py did not stop cleanly (%s); its stderr:\n%s" % (code, log.read()))
        return code

    def stop(self, process):
        if process.poll() is None:
            process.kill()
        process.wait(10)
        process.stdout.close()

    def get(self, port, path):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, body

    def test_prints_the_url_serves_and_stops_on_ctrl_c(self):
        web, files = make_web(self.folder)
        process, port = self.start("--web", web, "--demo-items", "2000")
        self.assertEqual(self.get(port, "/"), (200, files["index.html"]))
        status, body = self.get(port, "/acme-robotics/trash?limit=1&api_key=acme_full_demo_key")
        self.assertEqual((status, json.loads(body)["total"]), (200, 2000 + 14))
        process.send_signal(signal.SIGINT)
        self.assertEqual(process.wait(10), 0)

    def test_demo_items_are_topped_up_not_added_again_on_each_start(self):
        listing = "/acme-robotics/trash?limit=1&api_key=acme_full_demo_key"
        for start in range(2):  # the same database, started twice with the same option
            process, port = self.start("--demo-items", "300")
            status, body = self.get(port, listing)
            self.assertEqual((start, status, json.loads(body)["total"]), (start, 200, 300 + 14))
            process.send_signal(signal.SIGINT)
            self.assertEqual(process.wait(10), 0)
        process, port = self.start("--demo-items", "500")  # a larger N adds only the difference
        self.assertEqual(json.loads(self.get(port, listing)[1])["total"], 500 + 14)

    def test_sigterm_stops_it_cleanly(self):
        process, port = self.start()
        self.assertEqual(self.get(port, "/api/demo")[0], 200)
        process.send_signal(signal.SIGTERM)
        self.assertEqual(self.stopped(process), 0)

    def test_sigterm_in_the_middle_of_requests_stops_it_cleanly(self):
        # The signal once raised wherever the main thread was, and could leave a queue's lock held:
        # now it only asks the loop to stop. Sent while keep-alive clients are busy, a few times.
        for attempt in range(3):
            process, port = self.start()
            done = threading.Event()

            def hammer():
                while not done.is_set():
                    try:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                        for _ in range(20):
                            conn.request("GET", "/api/demo")
                            conn.getresponse().read()
                        conn.close()
                    except (OSError, http.client.HTTPException):
                        return  # the server went away mid-request, as it should
            clients = [threading.Thread(target=hammer) for _ in range(4)]
            for client in clients:
                client.start()
            time.sleep(0.2 + 0.1 * attempt)
            process.send_signal(signal.SIGTERM)
            try:
                self.assertEqual((attempt, self.stopped(process)), (attempt, 0))
            finally:
                done.set()
                for client in clients:
                    client.join(10)

    def test_seed_loads_a_fixture_into_a_new_database(self):
        fixture = {"format": 1, "workspaces": [{
            "id": "ws_tiny", "url": "tiny", "name": "Tiny", "retentionDays": 3,
            "roles": [{"name": "Owner", "permissions": "all"}],
            "users": [{"id": "u_t", "email": "t@tiny.test", "name": "T", "password": "pw", "role": "Owner"}],
            "apiKeys": [{"key": "tiny_key", "scopes": ["project:read"]}],
            "workflows": [{"id": "wf_t", "url": "t", "name": "T flow", "owner": "u_t", "sizeBytes": 5,
                           "trash": {"deletedAt": "2026-01-01T00:00:00Z", "by": "u_t"}}]}]}
        path = os.path.join(self.folder, "tiny.json")
        with open(path, "w") as f:
            json.dump(fixture, f)
        process, port = self.start("--seed", path)
        status, body = self.get(port, "/tiny/trash?api_key=tiny_key")
        item = json.loads(body)["items"][0]
        self.assertEqual((item["deletedAt"], item["scheduledCleanupAt"]), ("2026-01-01T00:00:00.000Z", "2026-01-04T00:00:00.000Z"))
        self.assertEqual(self.get(port, "/api/demo")[0], 404)

    def test_a_bad_fixture_is_a_clear_error(self):
        path = os.path.join(self.folder, "bad.json")
        with open(path, "w") as f:
            json.dump({"format": 1, "workspaces": [{"id": "ws_b", "url": "api", "name": "B", "roles": []}]}, f)
        result = subprocess.run([sys.executable, SERVE, "--db", os.path.join(self.folder, "b.db"), "--seed", path],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn("ws_b: the url 'api' is reserved", result.stderr)


if __name__ == "__main__":
    unittest.main()
