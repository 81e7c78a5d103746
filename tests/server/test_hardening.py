"""Issue 11's smaller holes: a lone surrogate in JSON on every body route, the Viewer's Restore
All, duplicate Content-Length, the Host check, Secure cookies, and each response in one write
(with the keep-alive latency of the demo listing printed)."""
import http.client
import socket
import statistics
import time

from tests.server.helper import ACME, FULL_KEY, ServerTest
from trash_server import httpd
from trash_server.settings import Settings

SURROGATE = '"\\ud800"'


def raw_exchange(port, data, timeout=5):
    """Send raw bytes, answer the status line and the rest of what the server sent."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    break
        except socket.timeout:
            pass
    return b"".join(chunks)


class LoneSurrogates(ServerTest):
    def test_every_json_route_answers_400(self):
        alice = self.client(email="alice@acme.test")
        key = self.client(FULL_KEY)
        body = ('{"email": %s, "password": %s, "type": "project", "id": %s, "itemId": %s, "parentId": %s,'
                ' "confirm": %s, "items": [{"type": "project", "id": %s}], "retentionDays": 10}'
                % ((SURROGATE,) * 7)).encode()
        cases = [(None, "POST", "/api/session"), (key, "POST", "/%s/trash/restore" % ACME),
                 (key, "POST", "/api/trash"), (alice, "POST", "/%s/trash/restore" % ACME),
                 (alice, "DELETE", "/api/trash"), (alice, "POST", "/%s/trash/delete" % ACME),
                 (alice, "POST", "/%s/trash/empty" % ACME), (alice, "POST", "/api/trash/empty"),
                 (alice, "PATCH", "/api/workspace")]
        for client, method, path in cases:
            with self.subTest(method=method, path=path):
                status, answer, _ = (client or self.client()).request(method, path, raw=body)
                self.assertEqual(status, 400, answer)
                self.assertIn("surrogate", answer["error"])
        self.assertFalse([line for line in self.log_lines if '"error"' in line and "Traceback" in line])


class ViewerRestoreAll(ServerTest):
    def test_a_caller_without_view_trash_learns_nothing(self):
        dan = self.client(email="dan@acme.test")  # Viewer: no permissions at all
        for body in ({"all": True}, {"items": [{"type": "project", "id": "d_pallet"}]}):
            with self.subTest(body=body):
                status, answer, _ = dan.request("POST", "/%s/trash/restore" % ACME, body)
                self.assertEqual(status, 403)
                self.assertEqual(answer, {"error": "Your role lacks the view_trash permission"})


class HeaderChecks(ServerTest):
    def test_duplicate_content_length_is_400(self):
        body = b'{"type": "project", "id": "d_pallet"}'
        head = ("POST /%s/trash/restore?api_key=%s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\nContent-Length: 2\r\n\r\n" % (ACME, FULL_KEY, len(body))).encode()
        answer = raw_exchange(self.port, head + body)
        self.assertTrue(answer.startswith(b"HTTP/1.1 400 "), answer[:200])
        self.assertIsNotNone(self.find(self.trash(), "project", "d_pallet"))

    def test_unknown_host_is_400(self):
        for host, expected in (("evil.example", 400), ("evil.example:%d" % self.port, 400),
                               ("127.0.0.1:%d" % self.port, 200), ("localhost:%d" % self.port, 200)):
            with self.subTest(host=host):
                status, answer, _ = self.client(FULL_KEY).request("GET", "/%s/trash" % ACME, headers={"Host": host})
                self.assertEqual(status, expected, answer)
                if expected == 400:
                    self.assertEqual(answer, {"error": "Unknown Host header"})

    def test_cookies_are_not_secure_by_default(self):
        _, _, response = self.client().request("POST", "/api/session",
                                               {"email": "alice@acme.test", "password": "demo-alice"})
        self.assertNotIn("Secure", response.getheader("Set-Cookie"))


class AllowedHost(ServerTest):
    def settings(self):
        return Settings(scrypt_n=2 ** 10, allowed_hosts=("trash.example",), secure_cookies=True)

    def test_allowed_host_and_secure_cookies(self):
        status, _, _ = self.client(FULL_KEY).request("GET", "/%s/trash" % ACME,
                                                     headers={"Host": "trash.example:8443"})
        self.assertEqual(status, 200)
        status, _, response = self.client().request("POST", "/api/session",
                                                    {"email": "alice@acme.test", "password": "demo-alice"})
        self.assertEqual(status, 200)
        self.assertIn("; Secure", response.getheader("Set-Cookie"))


class OneWritePerResponse(ServerTest):
    def test_each_response_is_one_write_and_keep_alive_is_fast(self):
        writes = []
        original = httpd.Connection.sendall

        def counting(conn, data):
            writes.append(len(data))
            return original(conn, data)

        httpd.Connection.sendall = counting
        self.addCleanup(setattr, httpd.Connection, "sendall", original)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        self.addCleanup(conn.close)
        times = []
        for _ in range(25):
            writes.clear()
            started = time.perf_counter()
            conn.request("GET", "/%s/trash?api_key=%s" % (ACME, FULL_KEY))
            response = conn.getresponse()
            response.read()
            times.append(time.perf_counter() - started)
            self.assertEqual(response.status, 200)
            self.assertEqual(len(writes), 1, writes)
        print("\n  keep-alive demo listing: median %.2f ms over 20 requests on one connection"
              % (statistics.median(times[5:]) * 1000))
