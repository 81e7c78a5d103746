"""The REST contract on serve.py: every tests/contract/*.json scenario (format in that folder's
README) runs against its own server on a copy of the demo database seeded at T0, with the server's
clock standing at T0 plus what the scenario's advanceClock steps added. One test per scenario; a
coverage test fails when a rule, a page route or an error status the README requires has no scenario.
"""
import glob
import http.client
import json
import os
import re
import select
import shutil
import socket
import sys
import tempfile
import threading
import unittest

from tests.server.contract_match import Mismatch, match, resolve_pointer, short, substitute
from tests.server.helper import DEMO_FIXTURE, ROOT, new_database, seeded_template
from trash_server import cleanup, db, jsonio, seed
from trash_server.httpd import TrashServer
from trash_server.settings import Settings

CONTRACT_DIR = os.path.join(ROOT, "tests", "contract")
T0 = jsonio.parse_iso("2026-12-01T12:00:00.000Z")
DAY_MS = 86400 * 1000
ACTIONS = ("signIn", "signOut", "send", "advanceClock", "cleanup")
SEND_FIELDS = ("method", "path", "json", "raw", "oversize", "headers", "csrf", "cookie")
SCENARIO_FIELDS = ("name", "covers", "steps", "notes")
SESSION_COOKIE = "trash_session"

def template_db():
    """The demo fixture seeded once at T0 (cheap scrypt); every scenario runs on a copy."""
    return seeded_template("contract", lambda conn: seed.load_file(conn, DEMO_FIXTURE, scrypt_n=2 ** 10, now=T0))


def fixture_passwords():
    with open(DEMO_FIXTURE, encoding="utf-8") as f:
        fixture = json.load(f)
    return {user["email"]: user["password"] for ws in fixture["workspaces"] for user in ws.get("users", [])}


def _no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError("duplicate keys %s" % duplicates)  # the C++ runner would keep another one
    return dict(pairs)


def _reject_constant(name):
    raise ValueError("%s is not JSON" % name)


def load_scenarios():
    """[(file name, scenario)] in file-name order; strict JSON (no duplicate keys, no NaN)."""
    scenarios = []
    for path in sorted(glob.glob(os.path.join(CONTRACT_DIR, "*.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                scenario = json.load(f, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
            except ValueError as exc:
                raise ValueError("%s: %s" % (path, exc)) from None
        scenarios.append((os.path.basename(path), scenario))
    return scenarios


def required_coverage():
    """The rule, route and status names the README's Coverage section requires."""
    with open(os.path.join(CONTRACT_DIR, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## Coverage"):]
    names = re.findall(r"`((?:rule:[a-z-]+)|(?:route:(?:GET|POST|PUT|PATCH|DELETE) /[^`]*)|(?:status:\d{3}))`",
                       section)
    return sorted(set(names))


# [SECTION] Which steps show a route or a status (a `covers` claim must be backed by a step)


def route_pattern(route):
    method, path = route.split(" ", 1)
    return method, re.compile("^" + re.sub(r":[A-Za-z]+", "[^/?]+", path) + r"(\?.*)?$")


def step_requests(step):
    """(method, path) of the request a step sends, or None."""
    if "signIn" in step:
        return "POST", "/api/session"
    if "signOut" in step:
        return "DELETE", "/api/session"
    if "send" in step:
        return step["send"].get("method"), step["send"].get("path", "")
    return None


def expected_statuses(step):
    statuses = set()
    if "send" in step:
        statuses.add(step.get("expect", {}).get("status", 200))

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("status"), int):
                statuses.add(value["status"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(step.get("expect", {}).get("json"))
    return statuses


# [SECTION] Running a scenario


class Run:
    """One scenario against one server: the client's cookie and CSRF token, saved values, the clock."""

    def __init__(self, db_path, port, passwords):
        self.db_path, self.port, self.passwords = db_path, port, passwords
        self.cookie = self.csrf = None
        self.saved = {}
        self.now = T0
        self.body = b""  # the last answer's bytes, for `expect.lines`

    def step(self, step):
        """Run one step; answers (status, answer JSON, HTTP response), each None where the step has none."""
        actions = [key for key in step if key in ACTIONS]
        unknown = [key for key in step if key not in ACTIONS + ("expect", "save")]
        if len(actions) != 1 or unknown:
            raise Mismatch("", "a step needs exactly one action of %s (got %s)" % (", ".join(ACTIONS), sorted(step)))
        return getattr(self, "_" + actions[0])(step[actions[0]])

    def _signIn(self, email):
        status, answer, response = self.request(
            "POST", "/api/session", {"email": email, "password": self.passwords[email]}, csrf=False)
        self._need_ok("signIn", status, answer)
        self.cookie = response.getheader("Set-Cookie").split(";")[0]
        self.csrf = answer["csrfToken"]
        return status, answer, response

    def _signOut(self, _):
        status, answer, response = self.request("DELETE", "/api/session")
        self._need_ok("signOut", status, answer)
        self.cookie = self.csrf = None
        return status, answer, response

    def _advanceClock(self, spec):
        self.now += round(spec["days"] * DAY_MS)
        return None, None, None

    def _cleanup(self, _):
        conn = db.connect(self.db_path)
        try:
            purged, freed, images = cleanup.run_cleanup(conn, now=self.now, out=lambda line: None)
        finally:
            conn.close()
        return None, {"purged": purged, "freedBytes": freed, "imagesDeleted": images}, None

    def _need_ok(self, action, status, answer):
        if status != 200:
            raise Mismatch("", "%s answered %s %s" % (action, status, short(answer)))

    def _send(self, spec):
        unknown = [key for key in spec if key not in SEND_FIELDS]
        if unknown:
            raise Mismatch("", "unknown send fields %s" % unknown)
        spec = substitute(spec, self.saved)
        headers = {}
        body = None
        if "json" in spec:
            body = json.dumps(spec["json"]).encode("utf-8")
        elif "raw" in spec:
            body = spec["raw"].encode("utf-8")
        if body is not None or "oversize" in spec:
            headers["Content-Type"] = "application/json"
        if "oversize" in spec:
            return self.send_oversize(spec, headers)
        return self.request(spec["method"], spec["path"], body=body, headers=headers,
                            csrf=spec.get("csrf", True), cookie=spec.get("cookie", True),
                            extra=spec.get("headers", {}))

    def _headers(self, method, headers, csrf, cookie, extra):
        headers = dict(headers)
        if self.cookie and cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        for name, value in extra.items():
            for old in [h for h in headers if h.lower() == name.lower()]:
                del headers[old]
            headers[name] = value
        return headers

    def request(self, method, path, body=None, headers=None, csrf=True, cookie=True, extra=None):
        if isinstance(body, dict):
            body, headers = json.dumps(body).encode("utf-8"), {"Content-Type": "application/json"}
        head = self._headers(method, headers or {}, csrf, cookie, extra or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=head)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        self.body = data
        return response.status, _parse(data), response

    def send_oversize(self, spec, headers):
        """Headers first, then the answer if it comes at once (serve.py refuses by Content-Length
        and closes), else the body: sending all of it into a closed socket would lose the answer."""
        size = int(spec["oversize"])
        head = self._headers(spec["method"], headers, spec.get("csrf", True), spec.get("cookie", True),
                             spec.get("headers", {}))
        lines = ["%s %s HTTP/1.1" % (spec["method"], spec["path"]), "Host: 127.0.0.1",
                 "Content-Length: %d" % size, "Connection: close"]
        lines += ["%s: %s" % item for item in head.items()]
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
            if not select.select([sock], [], [], 2)[0]:
                try:
                    sock.sendall(b"x" * size)
                except OSError:
                    pass
            response = http.client.HTTPResponse(sock, method=spec["method"])
            response.begin()
            data = response.read()
        return response.status, _parse(data), response


def _parse(data):
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None


def text_lines(body):
    """A text answer (the Activity's CSV) as its CRLF-separated records, without the last CRLF."""
    records = body.decode("utf-8").split("\r\n")
    return records[:-1] if records and records[-1] == "" else records


def check_expect(run, step, status, answer, response):
    expect = step.get("expect", {})
    if "send" in step:
        want = expect.get("status", 200)
        if status != want:
            raise Mismatch("(status)", "expected %s, got %s %s" % (want, status, short(answer)))
    if "json" in expect:
        if answer is None:
            raise Mismatch("", "expected a JSON answer, got none")
        match(expect["json"], answer, run.saved)
    if "lines" in expect:
        match(expect["lines"], text_lines(run.body), run.saved, "(lines)")
    for name, pattern in expect.get("header", {}).items():
        value = response.getheader(name) if response is not None else None
        if value is None:
            raise Mismatch("(header %s)" % name, "missing")
        match(pattern, value, run.saved, "(header %s)" % name)
    for name, pointer in step.get("save", {}).items():
        try:
            run.saved[name] = resolve_pointer(answer, pointer)
        except KeyError:
            raise Mismatch(pointer, "nothing to save as %r" % name) from None


class ContractTest(unittest.TestCase):
    """One test per scenario file (generated below), each on a fresh server and database."""

    scenarios = load_scenarios()

    @classmethod
    def setUpClass(cls):
        print("\ncontract: %d scenarios in tests/contract" % len(cls.scenarios), file=sys.stderr)
        cls.passwords = fixture_passwords()

    def run_scenario(self, file_name, scenario):
        unknown = [key for key in scenario if key not in SCENARIO_FIELDS]
        self.assertFalse(unknown, "%s: unknown scenario fields %s" % (file_name, unknown))
        folder = tempfile.mkdtemp(prefix="trash-contract-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        db_path = new_database(folder, "trash.db", template_db())
        # scrypt as cheap as the template's hashes (the default, 2^17, would re-hash at each sign-in)
        server = TrashServer(("127.0.0.1", 0), db_path, folder, log=lambda line: None,
                             settings=Settings(scrypt_n=2 ** 10))
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        self.addCleanup(thread.join, 5)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        run = Run(db_path, server.server_address[1], self.passwords)
        self.addCleanup(setattr, jsonio, "clock", jsonio.clock)
        jsonio.clock = lambda: run.now
        for index, step in enumerate(scenario["steps"]):
            failure = None
            try:
                status, answer, response = run.step(step)
                check_expect(run, step, status, answer, response)
            except (Mismatch, KeyError, TypeError, ValueError) as exc:
                failure = "%s (%s), steps[%d] %s: %s" % (file_name, scenario.get("name"), index, short(step)[:160], exc)
            if failure:
                self.fail(failure)


def _add_tests():
    for file_name, scenario in ContractTest.scenarios:
        name = "test_" + re.sub(r"\W", "_", file_name[:-len(".json")])
        setattr(ContractTest, name, lambda self, f=file_name, s=scenario: self.run_scenario(f, s))


_add_tests()


class CoverageTest(unittest.TestCase):
    """Every rule, page route and error status the README lists has a scenario, and every claim
    in a `covers` list is backed by a step that sends that route or expects that status."""

    def test_every_required_name_has_a_scenario(self):
        required = required_coverage()
        self.assertTrue(any(n.startswith("route:") for n in required), "no routes found in the README")
        covered = {name for _, s in load_scenarios() for name in s.get("covers", [])}
        missing = [name for name in required if name not in covered]
        self.assertFalse(missing, "no scenario covers: %s" % ", ".join(missing))

    def test_every_scenario_has_a_name_claims_and_steps(self):
        names = set()
        for file_name, scenario in load_scenarios():
            self.assertIsInstance(scenario.get("name"), str, file_name)
            self.assertNotIn(scenario["name"], names, "%s: another scenario has this name" % file_name)
            names.add(scenario["name"])
            self.assertTrue(isinstance(scenario.get("covers"), list) and scenario["covers"], "%s: covers" % file_name)
            self.assertTrue(isinstance(scenario.get("steps"), list) and scenario["steps"], "%s: steps" % file_name)

    def test_covers_claims_are_backed_by_steps(self):
        for file_name, scenario in load_scenarios():
            steps = scenario["steps"]
            for name in scenario.get("covers", []):
                kind, _, what = name.partition(":")
                if kind == "route":
                    method, pattern = route_pattern(what)
                    sent = [step_requests(s) for s in steps]
                    self.assertTrue(any(r and r[0] == method and pattern.match(r[1]) for r in sent),
                                    "%s covers %s but sends no such request" % (file_name, name))
                elif kind == "status":
                    self.assertTrue(any(int(what) in expected_statuses(s) for s in steps),
                                    "%s covers %s but expects no such status" % (file_name, name))
                else:
                    self.assertEqual(kind, "rule", "%s: unknown covers name %s" % (file_name, name))


class MatcherTest(unittest.TestCase):
    """The pattern rules both runners must agree on, on small cases."""

    def assertMismatch(self, pattern, value, where, saved=None):
        with self.assertRaises(Mismatch) as caught:
            match(pattern, value, saved or {})
        self.assertTrue(str(caught.exception).startswith(where + ":"), str(caught.exception))

    def test_objects_need_at_least_their_keys_and_arrays_exactly_their_length(self):
        match({"a": 1}, {"a": 1.0, "b": 2}, {})
        self.assertMismatch({"a": {"b": 1}}, {"a": {}}, "/a/b")
        self.assertMismatch([1, 2], [1, 2, 3], "/")
        self.assertMismatch([{"x": "y"}], [{"x": "z"}], "/0/x")

    def test_scalars_compare_by_type_and_value(self):
        self.assertMismatch(True, 1, "/")
        self.assertMismatch(0, False, "/")
        self.assertMismatch(None, 0, "/")
        self.assertMismatch("1", 1, "/")

    def test_operators(self):
        match({"n": {"$gte": 2}, "m": {"$lte": 2}, "s": {"$len": 3}, "t": {"$type": "null"}, "gone": {"$absent": True}},
              {"n": 2, "m": 1.5, "s": "abc", "t": None}, {})
        match({"$contains": {"id": "b"}}, [{"id": "a"}, {"id": "b"}], {})
        match({"$each": {"$type": "number"}}, [], {})
        match({"$saved": "v"}, "x.1", {"v": "x.1"})
        match({"$prefix": "trash_session="}, "trash_session=abc; Path=/", {})
        self.assertMismatch({"gone": {"$absent": True}}, {"gone": None}, "/gone")
        self.assertMismatch({"$each": {"$type": "number"}}, [1, "2"], "/1")
        self.assertMismatch({"$contains": 3}, [1, 2], "/")
        self.assertMismatch({"$gte": 1}, True, "/")
        self.assertMismatch({"$whatever": 1}, 1, "/")

    def test_pointers_and_substitution(self):
        self.assertEqual(resolve_pointer({"a": [{"b/c": 5}]}, "/a/0/b~1c"), 5)
        self.assertEqual(resolve_pointer({"a": 1}, ""), {"a": 1})
        self.assertRaises(KeyError, resolve_pointer, {"a": []}, "/a/0")
        self.assertEqual(substitute({"p": "/x?since=${v}&n=${n}"}, {"v": "a.b", "n": 14}), {"p": "/x?since=a.b&n=14"})
        self.assertRaises(KeyError, substitute, "${missing}", {})


if __name__ == "__main__":
    unittest.main()
