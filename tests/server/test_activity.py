"""The Activity screen's server side (issue 14): GET /:workspace/audit's filters, runs, keyset
paging under concurrent writes, CSV escaping, and its speed with 100k events; the retention
preview (PATCH /api/workspace {"dryRun": true}) on a fixture with known expiries, the 409 and 400s."""
import csv
import http.client
import io
import shutil
import tempfile
import threading
import time
import unittest

from tests.server.helper import ACME, BACKEND, FULL_KEY, GLOBEX, ServerTest, new_database
from trash_server import activity, auth, db, domain, jsonio

DAY = domain.DAY_MS


class AuditList(ServerTest):
    def get(self, client, query, status=200):
        code, body, response = client.request("GET", "/%s/audit?%s" % (ACME, query))
        self.assertEqual(code, status, body)
        return body

    def test_who_may_read_it(self):
        self.assertEqual(self.client(FULL_KEY).request("GET", "/%s/audit" % ACME)[0], 403)
        status, body, _ = self.client(email="carol@acme.test").request("GET", "/%s/audit" % ACME)
        self.assertEqual((status, body["error"]), (403, "Your role lacks the view_activity permission"))
        for email in ("alice@acme.test", "bob@acme.test"):  # Owner and Admin
            self.assertEqual(self.client(email=email).request("GET", "/%s/audit" % ACME)[0], 200)

    def test_bad_parameters_are_400_naming_them(self):
        alice = self.client(email="alice@acme.test")
        for query, name in (("limit=0", "limit"), ("limit=1001", "limit"), ("limit=x", "limit"),
                            ("cursor=nonsense", "cursor"), ("cursor=WzEsMl0x", "cursor"),
                            ("action=trash,explode", "action"), ("type=folder", "type"),
                            ("from=yesterday", "from"), ("to=2026-13-01", "to"), ("run=abc", "run"),
                            ("format=xml", "format")):
            with self.subTest(query=query):
                self.assertIn(name, self.get(alice, query, 400)["error"])

    def test_filters(self):
        alice = self.client(email="alice@acme.test")
        alice.request("DELETE", "/%s/workflows/inference-router" % ACME)
        self.client(FULL_KEY).request("POST", "/%s/trash/restore" % ACME, {"type": "workflow", "id": "wf_router"})
        body = self.get(alice, "action=restore,trash&limit=2")
        self.assertEqual([(e["action"], e["via"], e["keyName"], e["slug"]) for e in body["events"]],
                         [("restore", "api", "CI pipeline", "inference-router"), ("trash", "web", None, None)])
        self.assertEqual({e["actorName"] for e in self.get(alice, "actor=u_bob")["events"]}, {"Bob Martins"})
        self.assertEqual({e["type"] for e in self.get(alice, "type=version")["events"]}, {"version"})
        self.assertEqual({e["name"] for e in self.get(alice, "q=SHELF")["events"]}, {"Shelf Gap Finder"})
        self.assertEqual([e["action"] for e in self.get(alice, "item=wf_router&type=workflow")["events"]],
                         ["restore", "trash"])
        newest = self.get(alice, "limit=1")["events"][0]["at"]
        self.assertEqual(self.get(alice, "from=%s" % newest)["events"][0]["at"], newest)
        self.assertNotIn(newest, [e["at"] for e in self.get(alice, "to=%s" % newest)["events"]])
        versions = [e for e in self.get(alice, "type=version")["events"] if e["id"] == "7"]
        self.assertEqual(versions[0]["parentName"], "Helmet Compliance")
        self.assertEqual({a["id"] for a in self.get(alice, "")["actors"]}, {"u_alice", "u_bob", "u_erin"})

    def test_empty_trash_is_one_run(self):
        alice = self.client(email="alice@acme.test")
        rows = len(self.trash())
        status, answer, _ = alice.request("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})
        self.assertEqual(status, 200, answer)
        top = self.get(alice, "limit=1")["events"][0]
        self.assertEqual((top["action"], answer["deleted"], top["bytes"], top["images"]),
                         ("empty_trash", rows, answer["freedBytes"], answer["imagesDeleted"]))
        self.assertEqual(top["runId"], top["eventId"])
        members = self.get(alice, "run=%s&limit=5" % top["runId"])
        self.assertEqual({(e["action"], e["runId"], e["runCount"]) for e in members["events"]},
                         {("delete", top["runId"], 0)})
        seen = members["events"]
        while members["nextCursor"]:
            members = self.get(alice, "run=%s&limit=5&cursor=%s" % (top["runId"], members["nextCursor"]))
            seen += members["events"]
        # A version whose project went in the same run is counted with it, as its Trash row was.
        self.assertEqual((len(seen), sum(e["bytes"] for e in seen)), (top["runCount"], answer["freedBytes"]))
        self.assertEqual(top["runCount"], rows - 1)
        # Without an item search the members stay folded in their summary.
        self.assertNotIn("delete", {e["action"] for e in self.get(alice, "limit=1000")["events"]})
        self.assertEqual(self.get(alice, "q=pallet")["events"][0]["runId"], top["runId"])

    def test_paging_under_concurrent_writes(self):
        """Events written between pages (newer than any page shown) neither repeat nor push older
        events out of the later pages; ties of `at` are broken by id."""
        conn = self.db()
        with db.transaction(conn):
            at = jsonio.now_ms() - DAY
            for n in range(120):  # 40 groups of three events at the same instant
                domain.audit(conn, "ws_acme", domain.Actor("u_alice", "Alice Chen", "web"), "set_retention",
                             at - (n // 3) * 1000, detail="filler %d" % n)
        alice = self.client(email="alice@acme.test")
        before = [e["eventId"] for e in self.get(alice, "limit=1000")["events"]]
        stop, written = threading.Event(), []

        def writer():
            writer_conn = db.connect(self.db_path)
            try:
                while not stop.is_set():
                    with db.transaction(writer_conn):
                        written.append(domain.audit(writer_conn, "ws_acme", domain.CLEANUP_ACTOR, "set_retention",
                                                    jsonio.now_ms(), detail="meanwhile"))
                    time.sleep(0.002)
            finally:
                writer_conn.close()
        thread = threading.Thread(target=writer)
        thread.start()
        try:
            seen, page = [], self.get(alice, "limit=7")
            first = {e["eventId"] for e in page["events"]}
            seen += [e["eventId"] for e in page["events"]]
            while page["nextCursor"]:
                page = self.get(alice, "limit=7&cursor=" + page["nextCursor"])
                seen += [e["eventId"] for e in page["events"]]
        finally:
            stop.set()
            thread.join(10)
        self.assertTrue(written)
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual([e for e in seen if e not in first], [e for e in before if e not in first])

    def test_csv_export_escapes_and_neutralises(self):
        gina = self.client(email="gina@globex.test")
        for url in ("labels-export", "sum-report"):
            self.assertEqual(gina.request("DELETE", "/%s/workflows/%s" % (GLOBEX, url))[0], 200)
        status, _, response = gina.request("GET", "/%s/audit?format=csv&type=workflow" % GLOBEX)
        self.assertEqual(status, 200)
        self.assertEqual(response.getheader("Content-Type"), "text/csv; charset=utf-8")
        self.assertRegex(response.getheader("Content-Disposition"),
                         r'^attachment; filename="activity-globex-vision-\d{4}-\d\d-\d\d\.csv"$')
        text = self.read_csv(gina)
        self.assertTrue(text.startswith("at,actor,action,via,key,type,name,parent,slug,images,bytes,detail\r\n"))
        self.assertIn(',"Labels, ""v2""\nexport",', text)
        self.assertIn(",'=SUM(A1:A9) report,", text)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual([r[6] for r in rows[1:]], ["'=SUM(A1:A9) report", 'Labels, "v2"\nexport'])

    def read_csv(self, client):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", "/%s/audit?format=csv&type=workflow" % GLOBEX, headers={"Cookie": client.cookie})
            return conn.getresponse().read().decode("utf-8")
        finally:
            conn.close()

    def test_csv_cells(self):
        self.assertEqual([activity.csv_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a,b",
                                                         'say "hi"', "two\nlines", None, 42, "plain")],
                         ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "\"'\rx\"", '"a,b"', '"say ""hi"""',
                          '"two\nlines"', "", "42", "plain"])

    def test_100k_events_a_page_stays_fast(self):
        """A cleanup run of 100,000 members plus 2,000 standalone events: the first page, a page deep
        in the run and the actors list each take milliseconds; SQLite answers the plain list from
        the audit_top index (no sort, no scan of the members)."""
        conn = self.db()
        now = jsonio.now_ms()
        with db.transaction(conn):
            run = domain.audit(conn, "ws_acme", domain.CLEANUP_ACTOR, "cleanup", now, run_count=100000)
            conn.executemany(domain._AUDIT_INSERT, [
                domain.audit_row("ws_acme", domain.CLEANUP_ACTOR, "cleanup", now,
                                 {"type": "dataset", "id": "ds_%06d" % n, "name": "Synthetic %d" % n}, run_id=run)
                for n in range(100000)])
            conn.executemany(domain._AUDIT_INSERT, [
                domain.audit_row("ws_acme", domain.Actor("u_bob", "Bob Martins", "web"), "trash", now - n * 1000,
                                 {"type": "workflow", "id": "wf_%d" % n, "name": "W %d" % n}) for n in range(2000)])
        if BACKEND == "sqlite":
            conn.execute("ANALYZE")
            where, args = activity.parse_filters({}, "ws_acme")
            plan = " ".join(str(tuple(r)) for r in conn.execute("EXPLAIN QUERY PLAN " + activity.page_sql(where),
                                                                 dict(args, limit=101)))
            self.assertIn("audit_top", plan)
            self.assertNotIn("TEMP B-TREE", plan)
        alice = self.client(email="alice@acme.test")
        for query in ("limit=100", "run=%d&limit=100" % run, "q=synthetic%2099&limit=100", "action=cleanup"):
            started = time.perf_counter()
            body = self.get(alice, query)
            elapsed = time.perf_counter() - started
            with self.subTest(query=query):
                self.assertTrue(body["events"])
                self.assertLess(elapsed, 1.5, "%s took %.2f s" % (query, elapsed))
        self.assertEqual(self.get(alice, "limit=1&action=cleanup")["events"][0]["runCount"], 100000)


class RetentionPreview(ServerTest):
    """A workspace of the demo with known expiries: the clock stands still and five rows were
    deleted 40, 29, 25, 20 and 5 days ago under a 30-day retention."""

    def setUp(self):
        super().setUp()
        self.addCleanup(setattr, jsonio, "clock", jsonio.clock)
        self.now = jsonio.now_ms()
        jsonio.clock = lambda: self.now
        conn = self.db()
        with db.transaction(conn):
            conn.execute("DELETE FROM items WHERE workspace_id = 'ws_acme' AND trash_event IS NOT NULL")
            conn.execute("DELETE FROM deletion_events WHERE workspace_id = 'ws_acme'")
            for days_ago, size, url in ((40, 4000, "a"), (29, 1000, "b"), (25, 500, "c"), (20, 2000, "d"),
                                        (5, 3000, "e")):
                pk = conn.execute("INSERT INTO items (workspace_id, type, id, name, url, size_bytes)"
                                  " VALUES ('ws_acme', 'dataset', ?, ?, ?, ?)",
                                  ("ds_" + url, "Known " + url, "known-" + url, size)).lastrowid
                item = conn.execute("SELECT * FROM items WHERE pk = ?", (pk,)).fetchone()
                domain.soft_delete(conn, item, domain.Actor("u_alice", "Alice Chen", "web"),
                                   self.now - days_ago * DAY)
        self.alice = self.client(email="alice@acme.test")

    def patch(self, body, status=200):
        code, answer, _ = self.alice.request("PATCH", "/api/workspace", body)
        self.assertEqual(code, status, answer)
        return answer

    def test_preview_against_known_expiries(self):
        def bands(preview):
            return tuple((preview[k]["count"], preview[k]["bytes"]) for k in ("dueNow", "sooner", "later"))
        preview = self.patch({"retentionDays": 7, "dryRun": True})["preview"]
        self.assertEqual((preview["retentionDays"], preview["currentDays"]), (7, 30))
        self.assertEqual(bands(preview), ((4, 7500), (1, 3000), (0, 0)))
        # 20 days: the row deleted 20 days ago is due exactly now (deletedAt + period <= now).
        self.assertEqual(bands(self.patch({"retentionDays": 20, "dryRun": True})["preview"]),
                         ((4, 7500), (1, 3000), (0, 0)))
        self.assertEqual(bands(self.patch({"retentionDays": 21, "dryRun": True})["preview"]),
                         ((3, 5500), (2, 5000), (0, 0)))
        self.assertEqual(bands(self.patch({"retentionDays": 30, "dryRun": True})["preview"]),
                         ((1, 4000), (0, 0), (0, 0)))
        self.assertEqual(bands(self.patch({"retentionDays": 45, "dryRun": True})["preview"]),
                         ((0, 0), (0, 0), (5, 10500)))
        self.assertEqual(self.alice.request("GET", "/api/session")[1]["workspace"]["retentionDays"], 30)

    def test_the_change_is_audited_and_moves_the_schedule_at_once(self):
        answer = self.patch({"retentionDays": 7, "expectedRetentionDays": 30})
        self.assertEqual(answer["workspace"]["retentionDays"], 7)
        event = self.alice.request("GET", "/%s/audit?action=set_retention" % ACME)[1]["events"][0]
        self.assertEqual((event["oldValue"], event["newValue"], event["actorId"]), (30, 7, "u_alice"))
        item = self.find(self.trash(), "dataset", "ds_e")
        self.assertEqual(jsonio.parse_iso(item["scheduledCleanupAt"]) - jsonio.parse_iso(item["deletedAt"]), 7 * DAY)

    def test_someone_else_changed_it(self):
        self.patch({"retentionDays": 14})
        for body in ({"retentionDays": 7, "expectedRetentionDays": 30},
                     {"retentionDays": 7, "expectedRetentionDays": 30, "dryRun": True}):
            self.assertEqual(self.patch(body, 409), {"error": "The retention period was changed to 14 days by someone else",
                                                     "retentionDays": 14})
        self.assertEqual(self.patch({"retentionDays": 7, "expectedRetentionDays": 14})["workspace"]["retentionDays"], 7)

    def test_bad_values_are_400_naming_the_field(self):
        for body, field in (({"retentionDays": 0}, "retentionDays"), ({"retentionDays": 91}, "retentionDays"),
                            ({"retentionDays": 7.5}, "retentionDays"), ({"retentionDays": True}, "retentionDays"),
                            ({"retentionDays": "7"}, "retentionDays"), ({}, "retentionDays"),
                            ({"retentionDays": 7, "dryRun": "yes"}, "dryRun"),
                            ({"retentionDays": 7, "expectedRetentionDays": "30"}, "expectedRetentionDays")):
            with self.subTest(body=body):
                self.assertIn(field, self.patch(body, 400)["error"])
        bob = self.client(email="bob@acme.test")
        self.assertEqual(bob.request("PATCH", "/api/workspace", {"retentionDays": 7, "dryRun": True})[0], 403)


class MigrationTo5(unittest.TestCase):
    """A database of the serve.py before issue 14 keeps its audit trail under the new names, and its
    Owner and Admin roles get view_activity."""

    def test_old_names_and_roles(self):
        folder = tempfile.mkdtemp(prefix="trash-migrate-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        conn = db.connect(new_database(folder))
        self.addCleanup(conn.close)
        db.migrate(conn, target=4)
        old = " ".join(auth.PERMISSIONS[:-1])
        with db.transaction(conn):
            conn.execute("INSERT INTO workspaces (id, url, name) VALUES ('ws', 'ws', 'W')")
            for name, permissions in (("Owner", old), ("Admin", "view_trash trash_dataset"), ("Reviewer", "view_trash")):
                conn.execute("INSERT INTO roles (workspace_id, name, permissions) VALUES ('ws', ?, ?)", (name, permissions))
            for action, via in (("delete_permanently", "ui"), ("sign_in_limited", "ui"), ("trash", "api")):
                conn.execute("INSERT INTO audit_events (workspace_id, at, action, via) VALUES ('ws', 1, ?, ?)", (action, via))
        db.migrate(conn, target=5)
        self.assertEqual(db.schema_version(conn), 5)
        roles = dict(conn.execute("SELECT name, permissions FROM roles").fetchall())
        self.assertEqual(roles, {"Owner": " ".join(auth.PERMISSIONS), "Admin": "view_trash trash_dataset view_activity",
                                 "Reviewer": "view_trash"})
        self.assertEqual([tuple(row) for row in conn.execute("SELECT action, via, run_id, run_count, images, bytes"
                                                             " FROM audit_events ORDER BY pk").fetchall()],
                         [("delete", "web", None, 0, 0, 0), ("sign_in_throttled", "web", None, 0, 0, 0),
                          ("trash", "api", None, 0, 0, 0)])
