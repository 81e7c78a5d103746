"""Storage: the schema migrates step by step from any earlier version and refuses a newer one;
the storage figures are read from indexes (migration 6) and stay the same across it;
fixtures are validated with messages naming the bad place; passwords and keys are stored hashed."""
import shutil
import tempfile
import unittest

from tests.server.helper import BACKEND, DEMO_FIXTURE, new_database, template_db
from trash_server import auth, db, domain, seed


class Migrations(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-db-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.conn = db.connect(new_database(self.folder))
        self.addCleanup(self.conn.close)

    def version(self):
        return db.schema_version(self.conn)

    def index_names(self):
        if BACKEND == "sqlite":
            return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        return {r[0] for r in self.conn.execute("SELECT indexname FROM pg_indexes")}

    def test_a_version_2_database_is_brought_up_to_date(self):
        db.migrate(self.conn, target=2)
        self.assertEqual(self.version(), 2)
        db.migrate(self.conn)
        self.assertEqual(self.version(), db.SCHEMA_VERSION)
        self.assertTrue({"items_by_event", "events_by_workspace"} <= self.index_names())
        if BACKEND == "sqlite":
            self.assertEqual(self.conn.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        db.migrate(self.conn)  # idempotent
        self.assertEqual(self.version(), db.SCHEMA_VERSION)

    def test_version_5_gets_the_storage_indexes_and_the_same_figures(self):
        db.migrate(self.conn, target=5)
        seed.load_file(self.conn, DEMO_FIXTURE, scrypt_n=2 ** 10)
        with db.transaction(self.conn):  # a flagged project in Trash, so its exclusive images count
            self.conn.execute("UPDATE items SET cleanup_delete_images = 1 WHERE type = 'project'"
                              " AND trash_event IS NOT NULL")
        workspaces = [dict(w) for w in self.conn.execute("SELECT * FROM workspaces ORDER BY id").fetchall()]
        before = [domain.storage(self.conn, w) for w in workspaces]
        self.assertIn("items_trash", self.index_names())
        db.migrate(self.conn)
        self.assertEqual(self.version(), db.SCHEMA_VERSION)
        names = self.index_names()
        self.assertTrue({"items_size", "items_trash_size", "items_flagged"} <= names)
        self.assertNotIn("items_trash", names)  # items_trash_size starts with its columns
        self.assertEqual([domain.storage(self.conn, w) for w in workspaces], before)
        self.assertGreater(before[0]["trashBytes"], 0)

    def test_the_storage_sums_read_only_indexes(self):
        if BACKEND != "sqlite":
            self.skipTest("PostgreSQL's plans depend on its statistics")
        db.migrate(self.conn)
        for sql, index in (("SELECT sum(size_bytes) FROM items WHERE workspace_id = ?", "COVERING INDEX items_size"),
                           ("SELECT sum(size_bytes) FROM items WHERE workspace_id = ? AND trash_event IS NOT NULL",
                            "COVERING INDEX items_trash_size"),
                           ("SELECT pk FROM items WHERE workspace_id = ? AND type = 'project' AND trash_event IS NOT NULL"
                            " AND cleanup_delete_images = 1", "INDEX items_flagged")):
            plan = " ".join(row[3] for row in self.conn.execute("EXPLAIN QUERY PLAN " + sql, ("ws",)))
            self.assertIn(index, plan, sql)

    def test_a_newer_database_is_refused(self):
        if BACKEND == "sqlite":
            self.conn.execute("PRAGMA user_version = %d" % (db.SCHEMA_VERSION + 1))
        else:
            db.migrate(self.conn)
            self.conn.execute("INSERT INTO schema_version (version) VALUES (%d)" % (db.SCHEMA_VERSION + 1))
        with self.assertRaisesRegex(RuntimeError, "newer than this server"):
            db.migrate(self.conn)


class Fixtures(unittest.TestCase):
    def setUp(self):
        folder = tempfile.mkdtemp(prefix="trash-db-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        self.conn = db.connect(new_database(folder))
        self.addCleanup(self.conn.close)
        db.migrate(self.conn)

    def workspace(self, **changes):
        ws = {"id": "ws_t", "url": "t", "name": "T", "roles": [{"name": "Owner", "permissions": "all"}],
              "users": [{"id": "u_t", "email": "t@t.test", "name": "T", "password": "pw", "role": "Owner"}]}
        ws.update(changes)
        return {"format": 1, "workspaces": [ws]}

    def test_bad_fixtures_name_the_place(self):
        cases = [({"format": 2}, "fixture: format must be 1"),
                 (self.workspace(roles=[{"name": "R", "permissions": ["fly"]}]), "ws_t role R: unknown permissions: fly"),
                 (self.workspace(apiKeys=[{"key": "k", "scopes": ["project:delete"]}]), "unknown scopes"),
                 (self.workspace(projects=[{"id": "d_1", "url": "trash", "name": "X"}]), "the url 'trash' is reserved"),
                 (self.workspace(workflows=[{"id": "wf_1", "url": "w", "name": "W", "trash": {"by": "u_t"}}]),
                  "wf_1: trash needs deletedDaysAgo"),
                 (self.workspace(datasets=[{"id": "ds_1", "url": "d", "name": "D", "owner": "u_nobody"}]),
                  "unknown owner 'u_nobody'"),
                 (self.workspace(projects=[{"id": "d_1", "url": "p", "name": "P", "sizeBytes": -1}]),
                  "sizeBytes must be a non-negative integer")]
        for fixture, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(seed.FixtureError, message):
                    seed.load(self.conn, fixture, scrypt_n=2 ** 10)
                self.assertTrue(db.is_empty(self.conn))  # all or nothing

    def test_secrets_are_stored_hashed(self):
        conn = db.connect(template_db())
        self.addCleanup(conn.close)
        stored = conn.execute("SELECT password_hash FROM users WHERE id = 'u_alice'").fetchone()[0]
        self.assertTrue(stored.startswith("scrypt$"))
        self.assertTrue(auth.verify_password("demo-alice", stored))
        self.assertFalse(auth.verify_password("demo-alicE", stored))
        keys = [r[0] for r in conn.execute("SELECT key_hash FROM api_keys")]
        self.assertIn(auth.token_hash("acme_full_demo_key"), keys)
        self.assertNotIn("acme_full_demo_key", keys)


if __name__ == "__main__":
    unittest.main()
