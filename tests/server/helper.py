"""Shared test fixtures: a seeded template database copied for each test, the server on port 0 in
a thread (shut down cleanly), and a small JSON client for API keys and web sessions."""
import atexit
import gzip
import http.client
import json
import os
import secrets
import shutil
import sys
import tempfile
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "src", "server"))

from trash_server import db, seed  # noqa: E402
from trash_server.httpd import TrashServer  # noqa: E402
from trash_server.settings import Settings  # noqa: E402

DEMO_FIXTURE = os.path.join(ROOT, "assets", "demo", "workspace.json")
ACME, GLOBEX = "acme-robotics", "globex-vision"
FULL_KEY, READ_KEY, VERSION_KEY = "acme_full_demo_key", "acme_read_demo_key", "acme_version_demo_key"
GLOBEX_KEY = "globex_full_demo_key"
PASSWORDS = {"alice@acme.test": "demo-alice", "erin@acme.test": "demo-erin", "bob@acme.test": "demo-bob",
             "carol@acme.test": "demo-carol", "dan@acme.test": "demo-dan", "gina@globex.test": "demo-gina",
             "hank@globex.test": "demo-hank"}

# The backend every test runs on: SQLite files (the default) or PostgreSQL databases made from a
# template in the cluster TRASH_TEST_PG_URL names (.ci/run starts one and runs the suite twice).
BACKEND = os.environ.get("TRASH_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("TRASH_TEST_PG_URL", "")
if BACKEND not in ("sqlite", "postgresql") or (BACKEND == "postgresql" and not PG_URL):
    raise SystemExit("TRASH_TEST_BACKEND=postgresql needs TRASH_TEST_PG_URL (a cluster's admin URL)")

_template = {}
_RUN = secrets.token_hex(4)
_made = []  # databases made by this run; left to the throwaway cluster (a DROP costs ~2 s each)


def _admin(statement):
    """One statement on the cluster's admin database (CREATE/DROP DATABASE)."""
    conn = db.connect(PG_URL)
    try:
        conn.execute(statement)
    finally:
        conn.close()


def new_database(folder, name="t.db", template=None):
    """An empty database (or a copy of `template`) for this backend: a file in `folder`, or a new
    PostgreSQL database (CREATE DATABASE ... TEMPLATE copies a seeded one in a few ms)."""
    if BACKEND == "sqlite":
        path = os.path.join(folder, name)
        if template:
            shutil.copyfile(template, path)
        return path
    db_name = "trash_%s_%d" % (_RUN, len(_made))
    _made.append(db_name)
    _admin("CREATE DATABASE %s" % db_name + (" TEMPLATE %s" % template.rsplit("/", 1)[1] if template else ""))
    return PG_URL.rsplit("/", 1)[0] + "/" + db_name


def seeded_template(cache_key, fill):
    """A database made once per test run by `fill(conn)` on a migrated one, then only copied."""
    if cache_key not in _template:
        folder = tempfile.mkdtemp(prefix="trash-template-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        target = new_database(folder, "template.db")
        conn = db.connect(target)
        db.migrate(conn)
        fill(conn)
        if BACKEND == "sqlite":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        _template[cache_key] = target
    return _template[cache_key]


def template_db():
    """The demo workspace seeded once per test run (cheap scrypt), copied by every test."""
    return seeded_template("demo", lambda conn: seed.load_file(conn, DEMO_FIXTURE, scrypt_n=2 ** 10))


def fresh_db(folder):
    return new_database(folder, "trash.db", template_db())


class Client:
    """JSON over http.client; `key` adds ?api_key=, a signed-in client sends cookie and CSRF."""

    def __init__(self, port, key=None, source=None):
        self.port, self.key, self.source = port, key, source  # source: another loopback address
        self.cookie = self.csrf = None

    def request(self, method, path, body=None, raw=None, headers=None, csrf=True, key=None):
        key = key or self.key
        if key:
            path += ("&" if "?" in path else "?") + "api_key=" + key
        head = dict(headers or {})
        if self.cookie:
            head["Cookie"] = self.cookie
            if csrf and self.csrf and method != "GET":
                head["X-CSRF-Token"] = self.csrf
        if body is not None:
            raw = json.dumps(body).encode()
        if raw is not None:
            head.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60,
                                          source_address=(self.source, 0) if self.source else None)
        try:
            conn.request(method, path, body=raw, headers=head)
            response = conn.getresponse()
            data = response.read()
            if response.getheader("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
        finally:
            conn.close()
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return response.status, parsed, response

    def sign_in(self, email):
        status, body, response = self.request("POST", "/api/session",
                                              {"email": email, "password": PASSWORDS[email]})
        assert status == 200, body
        self.cookie = response.getheader("Set-Cookie").split(";")[0]
        self.csrf = body["csrfToken"]
        return body


class ServerTest(unittest.TestCase):
    """Each test gets its own copy of the demo database and its own server on a free port."""

    web_dir = None

    def settings(self):
        """The server's settings for this test: scrypt as cheap as the template's hashes."""
        return Settings(scrypt_n=2 ** 10)

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-test-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.db_path = fresh_db(self.folder)
        self.log_lines = []
        web = self.web_dir or os.path.join(self.folder, "web")
        self.server = TrashServer(("127.0.0.1", 0), self.db_path, web, log=self.log_lines.append,
                                  settings=self.settings())
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()
        self.addCleanup(self._stop)
        self.port = self.server.server_address[1]

    def _stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def client(self, key=None, email=None, source=None):
        client = Client(self.port, key, source)
        if email:
            client.sign_in(email)
        return client

    def db(self):
        conn = db.connect(self.db_path)
        self.addCleanup(conn.close)
        return conn

    def trash(self, client=None):
        status, body, _ = (client or self.client(FULL_KEY)).request("GET", "/%s/trash" % ACME)
        self.assertEqual(status, 200, body)
        return body["items"]

    def find(self, items, kind, item_id):
        return next((i for i in items if i["type"] == kind and i["id"] == item_id), None)
