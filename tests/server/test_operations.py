"""Operations on either backend: `serve.py migrate` brings a new database to the current schema
and seeds it, TRASH_DB is the default --db, and GET /healthz answers the database and its schema
version without signing in."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from tests.server.helper import BACKEND, ROOT, ServerTest, new_database
from trash_server import db

SERVE = os.path.join(ROOT, "serve.py")


class Health(ServerTest):
    def test_healthz_names_the_database_and_its_schema_version(self):
        status, body, _ = self.client().request("GET", "/healthz")
        self.assertEqual((status, body), (200, {"ok": True, "database": BACKEND, "schemaVersion": db.SCHEMA_VERSION}))


class Unreachable(ServerTest):
    def setUp(self):
        super().setUp()
        self.server.db_path = ("postgresql://nobody@127.0.0.1:1/none" if BACKEND == "postgresql"
                               else os.path.join(self.folder, "no", "such", "folder.db"))

    def test_healthz_is_a_503_when_the_database_is_unreachable(self):
        status, body, _ = self.client().request("GET", "/healthz")
        self.assertEqual((status, body), (503, {"error": "The database is unreachable"}))


class Migrate(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-migrate-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def test_migrate_brings_a_new_database_up_and_seeds_it_once(self):
        target = new_database(self.folder)
        env = dict(os.environ, TRASH_DB=target)  # the default --db
        for _ in range(2):
            result = subprocess.run([sys.executable, SERVE, "migrate", "--scrypt-n", "1024"], env=env, capture_output=True, text=True, timeout=120)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("schema version %d" % db.SCHEMA_VERSION, result.stdout)
        conn = db.connect(target)
        self.addCleanup(conn.close)
        self.assertEqual(db.schema_version(conn), db.SCHEMA_VERSION)
        self.assertEqual(conn.execute("SELECT count(*) FROM workspaces").fetchone()[0], 2)
        self.assertEqual(json.loads(db.get_meta(conn, "demo"))["workspace"], "acme-robotics")

    def test_an_unreachable_database_is_a_clear_error(self):
        if BACKEND == "sqlite":
            target = os.path.join(self.folder, "missing", "deeper", "t.db")
            open(os.path.join(self.folder, "missing"), "w").close()  # a file where a folder must be
        else:
            target = "postgresql://nobody@127.0.0.1:1/none"
        result = subprocess.run([sys.executable, SERVE, "migrate", "--db", target], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("serve.py migrate:", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


if __name__ == "__main__":
    unittest.main()
