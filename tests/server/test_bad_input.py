"""Hostile and careless input: malformed, oversized and wrongly typed JSON, unknown types, a
missing parentId, bad query parameters, tricks in paths; a crash inside a handler answers a
generic 500 and is logged; every request writes one JSON access-log line without secrets."""
import json
import socket
import time
import unittest

from tests.server.helper import ACME, FULL_KEY, ServerTest
from trash_server import routes

RESTORE = "/%s/trash/restore" % ACME


class BadBodies(ServerTest):
    def post(self, raw, path=RESTORE, client=None):
        return (client or self.client(FULL_KEY)).request("POST", path, raw=raw)[:2]

    def test_malformed_json(self):
        for raw in (b'{"type": "project",', b"{'type': 'project'}", b'{"a": NaN}', b'{"a": Infinity}',
                    b'{"type": "project", "type": "dataset", "id": "x"}', b"\xff\xfe{}", b"[" * 100000):
            with self.subTest(raw=raw[:30]):
                status, body = self.post(raw)
                self.assertEqual(status, 400)
                self.assertTrue(body["error"].startswith("Malformed JSON"), body)

    def test_bodies_that_are_not_objects(self):
        for raw in (b"", b"[]", b'"project"', b"42", b"null", b"true"):
            with self.subTest(raw=raw):
                self.assertEqual(self.post(raw), (400, {"error": "Request body must be a JSON object"}))

    def test_wrong_types_and_missing_fields(self):
        cases = [({"type": 5, "id": "x"}, "type must be a string"),
                 ({"id": "x"}, "type is required"),
                 ({"type": "project"}, "id is required"),
                 ({"type": "project", "id": 7}, "id must be a non-empty string"),
                 ({"type": "project", "id": ""}, "id must be a non-empty string"),
                 ({"type": "project", "id": "x" * 500}, "id is too long"),
                 ({"type": "version", "id": "3"}, "parentId is required for versions"),
                 ({"type": "model", "id": "m_1", "parentId": None}, "parentId is required for models"),
                 ({"type": "version", "id": "3", "parentId": ["d_x"]}, "parentId must be a non-empty string"),
                 ({"type": "dataset_version", "id": "x"},
                  'Unknown type "dataset_version"; expected one of project, version, model, dataset, workflow')]
        for body, message in cases:
            with self.subTest(body=body):
                self.assertEqual(self.post(json.dumps(body).encode()), (400, {"error": message}))

    def test_wrongly_typed_session_bodies(self):
        alice = self.client(email="alice@acme.test")
        cases = [(RESTORE, {"all": "true"}, "all must be true or false"),
                 (RESTORE, {"items": {"type": "project"}}, "items must be a non-empty array"),
                 (RESTORE, {"items": []}, "items must be a non-empty array"),
                 (RESTORE, {"items": ["d_x"]}, "Each item must be a JSON object"),
                 ("/%s/trash/delete" % ACME, {"items": [{"type": "project", "id": "d_pallet"}], "confirm": "yes"},
                  "confirm must be true to delete permanently"),
                 ("/%s/trash/empty" % ACME, {"confirm": True}, "Type the workspace name to confirm"),
                 ("/api/session", {"email": "alice@acme.test", "password": 1}, "password must be a non-empty string")]
        for path, body, message in cases:
            with self.subTest(path=path, body=body):
                self.assertEqual(self.post(json.dumps(body).encode(), path, alice), (400, {"error": message}))
        status, body, _ = alice.request("PATCH", "/api/workspace", {"retentionDays": "7"})
        self.assertEqual((status, body), (400, {"error": "retentionDays must be an integer"}))

    def raw_request(self, head):
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(head)
            data = b""
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        status = int(data.split(b" ", 2)[1])
        return status, json.loads(data.split(b"\r\n\r\n", 1)[1])

    def test_oversized_body_is_413_and_the_connection_ends(self):
        head = ("POST %s?api_key=%s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n" % (RESTORE, FULL_KEY, 2 * 1024 * 1024)).encode()
        self.assertEqual(self.raw_request(head + b"{" + b" " * 1000),
                         (413, {"error": "Request body is larger than 1048576 bytes"}))

    def test_http_level_errors_are_json_too(self):
        self.assertEqual(self.raw_request(b"OPTIONS /api/demo HTTP/1.1\r\nHost: x\r\n\r\n"),
                         (501, {"error": "Unsupported method ('OPTIONS')"}))
        self.assertEqual(self.raw_request(b"GET / extra HTTP/1.1\r\n\r\n")[0], 400)
        self.assertEqual(self.raw_request(b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n")[0], 414)

    def test_chunked_and_bad_lengths(self):
        base = "POST %s?api_key=%s HTTP/1.1\r\nHost: x\r\n" % (RESTORE, FULL_KEY)
        self.assertEqual(self.raw_request((base + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n").encode())[0], 411)
        self.assertEqual(self.raw_request((base + "Content-Length: -5\r\nConnection: close\r\n\r\n").encode())[0], 400)


class BadPathsAndQueries(ServerTest):
    def test_tricks_in_api_paths(self):
        client = self.client(FULL_KEY)
        for path in ("/%s/%%2e%%2e" % ACME, "/%s/..%%2f..%%2fetc" % ACME, "/%s/x'%%20OR%%20'1'='1" % ACME,
                     "/%s/%%00" % ACME, "/%s/%%ff" % ACME, "/%s/forklift-detector%%2F3" % ACME):
            with self.subTest(path=path):
                status, body, _ = client.request("DELETE", path)
                self.assertIn(status, (400, 404), body)
                self.assertIn("error", body)
        self.assertEqual(client.request("GET", "/%s%%2Ftrash" % ACME)[0], 404)
        self.assertEqual(len(client.request("GET", "/%s/projects" % ACME)[1]["projects"]), 4)

    def test_bad_listing_parameters(self):
        client = self.client(FULL_KEY)
        for query, message in (("type=folder", 'Unknown type "folder"; expected one of project, version, model, dataset, workflow'),
                               ("sort=password", "sort must be one of deletedAt, scheduledCleanupAt, name, sizeBytes, type, deletedByName, optionally prefixed with -"),
                               ("limit=abc", "limit must be an integer from 1 to 100000"),
                               ("limit=0", "limit must be an integer from 1 to 100000"),
                               ("limit=5&cursor=garbage", "cursor is not valid for this listing")):
            with self.subTest(query=query):
                self.assertEqual(client.request("GET", "/%s/trash?%s" % (ACME, query))[:2], (400, {"error": message}))
        self.assertEqual(client.request("GET", "/api/trash?limit=201")[:2],
                         (400, {"error": "limit must be an integer from 1 to 200"}))

    def test_unknown_routes_and_methods(self):
        client = self.client(FULL_KEY)
        self.assertEqual(client.request("POST", "/nothing/here/at/all")[:2], (404, {"error": "Not found"}))
        self.assertEqual(client.request("PUT", "/%s/trash" % ACME)[:2], (405, {"error": "Method not allowed"}))


class Failures(ServerTest):
    def test_a_crash_is_a_generic_500_logged_with_its_trace(self):
        def broken(req):
            raise RuntimeError("secret detail /etc/shadow")
        original = routes.ROUTES[:]
        routes.ROUTES.insert(0, ("GET", __import__("re").compile("^/boom$"), broken, routes.NO_AUTH))
        self.addCleanup(routes.ROUTES.__setitem__, slice(None), original)
        status, body, _ = self.client().request("GET", "/boom")
        self.assertEqual((status, body), (500, {"error": "Internal server error"}))
        self.assertTrue(any("secret detail" in line and "Traceback" in line for line in self.log_lines))

    def test_one_json_access_log_line_per_request_without_the_key(self):
        client = self.client(FULL_KEY)
        client.request("GET", "/%s/trash" % ACME)
        client.request("POST", RESTORE, raw=b"[")
        deadline = time.time() + 5
        while len(self.log_lines) < 2 and time.time() < deadline:  # written just after the response
            time.sleep(0.01)
        lines = [json.loads(line) for line in self.log_lines]
        self.assertEqual([(l["method"], l["path"], l["status"], l["auth"]) for l in lines],
                         [("GET", "/%s/trash" % ACME, 200, "key"), ("POST", RESTORE, 400, "key")])
        self.assertFalse(any(FULL_KEY in line for line in self.log_lines))


if __name__ == "__main__":
    unittest.main()
