"""Domain rules of design.md section 2, through the API: deletion events and cascades, cancelled
training and serving, restore (409 for a parent in Trash, new slug when taken), permanent deletion
with exclusive images judged at that moment, storage figures, retention and the audit trail."""
import collections
import shutil
import tempfile
import unittest

from tests.server.helper import ACME, FULL_KEY, ServerTest, fresh_db
from trash_server import db, domain
from trash_server.jsonio import ApiError
from trash_server.jsonio import parse_iso

DAY = 86400000


class SoftDelete(ServerTest):
    def pk(self, conn, item_id):
        return conn.execute("SELECT pk FROM items WHERE id = ? AND workspace_id = 'ws_acme' AND parent_pk IS NULL",
                            (item_id,)).fetchone()[0]

    def test_project_goes_with_its_active_children_as_one_row(self):
        conn = self.db()
        model = conn.execute("SELECT pk FROM items WHERE id = 'm_forklift_y8'").fetchone()[0]
        self.assertTrue(domain.is_serving(conn, model))
        conn.execute("INSERT INTO training_jobs (workspace_id, id, item_pk, status) SELECT 'ws_acme', 'job_v3', pk,"
                     " 'running' FROM items WHERE parent_pk = ? AND id = '3'", (self.pk(conn, "d_forklift"),))
        client = self.client(email="alice@acme.test")
        self.assertEqual(client.request("DELETE", "/%s/forklift-detector" % ACME)[0], 200)
        items = self.trash()
        project = self.find(items, "project", "d_forklift")
        self.assertEqual(project["childCount"], 3)  # versions 1 and 3, model m_forklift_y8
        self.assertEqual(project["deletedByName"], "Alice Chen")
        self.assertIsNone(self.find(items, "version", "3"))
        # Children deleted earlier on their own keep their own rows, now with the parent in Trash.
        self.assertTrue(self.find(items, "version", "4")["parentInTrash"])
        self.assertTrue(self.find(items, "model", "m_forklift_old")["parentInTrash"])
        self.assertFalse(domain.is_serving(conn, model))
        self.assertEqual(conn.execute("SELECT status FROM training_jobs WHERE id = 'job_v3'").fetchone()[0], "cancelled")
        self.assertNotIn("d_forklift", [p["id"] for p in client.request("GET", "/%s/projects" % ACME)[1]["projects"]])
        self.assertEqual(client.request("DELETE", "/%s/forklift-detector" % ACME)[:2],
                         (404, {"error": "No project forklift-detector"}))

    def test_seeded_deletions_cancelled_their_training(self):
        conn = self.db()
        statuses = dict(conn.execute("SELECT id, status FROM training_jobs").fetchall())
        self.assertEqual(statuses, {"job_pallet_3": "cancelled", "job_helmet_7": "cancelled"})

    def test_trashing_a_version_stops_its_model_serving(self):
        conn = self.db()
        model = conn.execute("SELECT pk FROM items WHERE id = 'm_forklift_y8'").fetchone()[0]
        self.client(FULL_KEY).request("DELETE", "/%s/forklift-detector/3" % ACME)
        self.assertFalse(domain.is_serving(conn, model))
        self.client(FULL_KEY).request("POST", "/%s/trash/restore" % ACME, {"type": "version", "id": "3", "parentId": "d_forklift"})
        self.assertTrue(domain.is_serving(conn, model))

    def test_restoring_a_project_brings_back_only_what_went_with_it(self):
        client = self.client(email="alice@acme.test")
        client.request("DELETE", "/%s/forklift-detector" % ACME)
        status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, {"type": "project", "id": "d_forklift"})
        self.assertEqual((status, body["url"]), (200, "forklift-detector"))
        projects = client.request("GET", "/%s/projects" % ACME)[1]["projects"]
        forklift = next(p for p in projects if p["id"] == "d_forklift")
        self.assertEqual((forklift["versionCount"], forklift["modelCount"]), (2, 1))
        self.assertFalse(self.find(self.trash(), "version", "4")["parentInTrash"])


class Restore(ServerTest):
    def test_child_of_a_project_in_trash_is_409(self):
        status, body, _ = self.client(FULL_KEY).request(
            "POST", "/%s/trash/restore" % ACME, {"type": "version", "id": "1", "parentId": "d_shelf"})
        self.assertEqual((status, body), (409, {"error": "The parent project is in Trash: restore the parent project first"}))
        self.assertIsNotNone(self.find(self.trash(), "version", "1"))

    def test_taken_slug_gets_a_new_unique_one(self):
        client = self.client(FULL_KEY)
        status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, {"type": "project", "id": "d_dock_old"})
        self.assertEqual((status, body["url"]), (200, "dock-door-monitor-2"))
        urls = {p["id"]: p["url"] for p in client.request("GET", "/%s/projects" % ACME)[1]["projects"]}
        self.assertEqual((urls["d_dock"], urls["d_dock_old"]), ("dock-door-monitor", "dock-door-monitor-2"))

    def test_restore_needs_the_item_in_trash(self):
        client = self.client(FULL_KEY)
        self.assertEqual(client.request("POST", "/%s/trash/restore" % ACME, {"type": "project", "id": "d_forklift"})[:2],
                         (404, {"error": "No project d_forklift in Trash"}))
        ok = client.request("POST", "/%s/trash/restore" % ACME, {"type": "dataset", "id": "ds_night"})
        again = client.request("POST", "/%s/trash/restore" % ACME, {"type": "dataset", "id": "ds_night"})
        self.assertEqual((ok[0], again[0]), (200, 404))


class RestoreAll(unittest.TestCase):
    """Restore All runs as set operations; it must end exactly where restoring each row one by
    one, parents first, ends: same rows back, same refusals, same slugs, same audit trail."""
    ACTOR = domain.Actor("u_alice", "Alice Chen", "ui")

    def copy(self):
        folder = tempfile.mkdtemp(prefix="trash-restore-all-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        conn = db.connect(fresh_db(folder))
        self.addCleanup(conn.close)
        # A taken slug: an active project now has the URL of the project in Trash that has a
        # version of its own in Trash too (both must take the one-by-one path).
        clash = conn.execute("SELECT p.url FROM items p JOIN items c ON c.parent_pk = p.pk WHERE p.type = 'project'"
                             " AND p.trash_event IS NOT NULL AND c.trash_event IS NOT NULL"
                             " AND c.trash_event != p.trash_event LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO items (workspace_id, type, id, name, url) VALUES ('ws_acme', 'project', 'd_clash',"
                     " 'Clash', ?)", (clash,))
        return conn

    def state(self, conn):
        items = conn.execute("SELECT type, id, parent_pk, url, trash_event IS NULL, cleanup_delete_images FROM items"
                             " WHERE workspace_id = 'ws_acme' ORDER BY pk").fetchall()
        audit = conn.execute("SELECT action, type, item_id, name, detail FROM audit_events WHERE workspace_id = 'ws_acme'"
                             " AND at = 42").fetchall()
        events = conn.execute("SELECT count(*) FROM deletion_events WHERE workspace_id = 'ws_acme'").fetchone()[0]
        return [tuple(r) for r in items], collections.Counter(tuple(r) for r in audit), events

    def one_by_one(self, conn, refusal):
        restored, failed = [], []
        parents = dict(conn.execute("SELECT pk, id FROM items").fetchall())
        for item in domain.trash_roots(conn, "ws_acme"):
            parent_id = parents.get(item["parent_pk"])
            try:
                with db.savepoint(conn):
                    if refusal(item["type"]):
                        raise refusal(item["type"])
                    restored.append(domain.restore(conn, "ws_acme", item["type"], item["id"], parent_id, self.ACTOR, 42))
            except ApiError as exc:
                failed.append(dict({"type": item["type"], "id": item["id"]}, **({"parentId": parent_id} if parent_id else {}),
                                   status=exc.status, error=exc.message))
        return restored, failed

    def check(self, refusal):
        fast, slow = self.copy(), self.copy()
        with db.transaction(fast):
            got = domain.restore_all(fast, "ws_acme", self.ACTOR, 42, refusal)
        with db.transaction(slow):
            want = self.one_by_one(slow, refusal)
        key = lambda entry: sorted(entry.items())
        self.assertEqual(sorted(got[0], key=key), sorted(want[0], key=key))
        self.assertEqual(sorted(got[1], key=key), sorted(want[1], key=key))
        self.assertEqual(self.state(fast), self.state(slow))
        return got

    def test_everything_comes_back_like_one_by_one_with_a_taken_slug(self):
        restored, failed = self.check(lambda kind: None)
        self.assertEqual(failed, [])
        self.assertTrue(any(entry.get("url", "").endswith("-2") for entry in restored), restored)

    def test_a_refused_type_fails_alone_and_its_children_with_parents_in_trash_get_409(self):
        refusal = lambda kind: ApiError(403, "Your role lacks the restore_dataset permission") if kind == "project" else None
        restored, failed = self.check(refusal)
        self.assertEqual({entry["status"] for entry in failed}, {403, 409})
        self.assertTrue(restored)



class RestoreBatch(RestoreAll):
    """The page's batch restore restores its plain rows together (domain.restore_batch); it must
    answer, in the same order, and end exactly where restoring each ref in turn ends, whatever the
    refs hold: rows and the children that went with them, a duplicate, one not in Trash."""

    def refs(self, conn):
        parents = dict(conn.execute("SELECT pk, id FROM items").fetchall())
        refs = [(r["type"], r["id"], parents.get(r["parent_pk"])) for r in conn.execute(
            "SELECT * FROM items WHERE workspace_id = 'ws_acme' AND trash_event IS NOT NULL ORDER BY pk DESC")]
        refs += [refs[0], ("dataset", "ds_nowhere", None)]
        return sorted(refs, key=lambda ref: ref[0] in ("version", "model"))  # parents first, as routes._refs

    def in_turn(self, conn, refs, refusal):
        restored, failed = [], []
        for ref in refs:
            try:
                with db.savepoint(conn):
                    if refusal(ref[0]):
                        raise refusal(ref[0])
                    restored.append(domain.restore(conn, "ws_acme", ref[0], ref[1], ref[2], self.ACTOR, 42))
            except ApiError as exc:
                failed.append((ref, exc.status, exc.message))
        return restored, failed

    def check(self, refusal):
        fast, slow = self.copy(), self.copy()
        refs = self.refs(fast)
        with db.transaction(fast):
            restored, failed = domain.restore_batch(fast, "ws_acme", refs, self.ACTOR, 42, refusal)
        with db.transaction(slow):
            want = self.in_turn(slow, refs, refusal)
        self.assertEqual((restored, [(ref, exc.status, exc.message) for ref, exc in failed]), want)
        self.assertEqual(self.state(fast), self.state(slow))
        trail = "SELECT action, type, item_id, detail FROM audit_events WHERE at = 42 ORDER BY pk"
        self.assertEqual(fast.execute(trail).fetchall(), slow.execute(trail).fetchall())  # in the same order too
        return want

    def test_everything_comes_back_like_one_by_one_with_a_taken_slug(self):
        restored, failed = self.check(lambda kind: None)
        self.assertEqual({status for _, status, _ in failed}, {404})
        self.assertTrue(any(entry.get("url", "").endswith("-2") for entry in restored), restored)

    def test_a_refused_type_fails_alone_and_its_children_with_parents_in_trash_get_409(self):
        refusal = lambda kind: ApiError(403, "Your role lacks the restore_dataset permission") if kind == "project" else None
        restored, failed = self.check(refusal)
        self.assertEqual({status for _, status, _ in failed}, {403, 404, 409})
        self.assertTrue(restored)

    def test_only_the_named_rows_change(self):
        conn = self.copy()
        before = self.state(conn)[0]
        ref = next(r for r in self.refs(conn) if r[0] == "dataset")
        with db.transaction(conn):
            restored, failed = domain.restore_batch(conn, "ws_acme", [ref], self.ACTOR, 42, lambda kind: None)
        after = self.state(conn)[0]
        changed = [(old[0], old[1]) for old, new in zip(before, after) if old != new]
        self.assertEqual((changed, failed), ([ref[:2]], []))


class PermanentDeletion(ServerTest):
    def images(self):
        return dict(self.db().execute("SELECT substr(id, 1, instr(id, '-0') - 1), count(*) FROM images GROUP BY 1").fetchall())

    def delete(self, client, *refs):
        status, body, _ = client.request("POST", "/%s/trash/delete" % ACME, {"items": list(refs), "confirm": True})
        self.assertEqual(status, 200, body)
        return body

    def test_exclusive_images_are_judged_when_deleting(self):
        client = self.client(email="alice@acme.test")
        body = self.delete(client, {"type": "project", "id": "d_pallet"})
        self.assertEqual(body["imagesDeleted"], 240)  # the 60 shared with Forklift Detector stay
        self.assertEqual(body["freedBytes"], 402653184 + 209715200 + 314572800 + 524288000 + 22544384 + 240 * 180000)
        self.assertEqual(self.images()["warehouse-shared"], 60)
        # Now Forklift Detector is the only project holding the warehouse images.
        client.request("DELETE", "/%s/forklift-detector?deleteImages=true" % ACME)
        self.assertTrue(self.find(self.trash(), "project", "d_forklift")["cleanupDeleteImages"])
        body = self.delete(client, {"type": "project", "id": "d_forklift"})
        self.assertEqual(body["imagesDeleted"], 300 + 60)  # conveyor-shared stays: Conveyor Defects exists
        body = self.delete(client, {"type": "project", "id": "d_conveyor"})
        self.assertEqual(body["imagesDeleted"], 120)
        self.assertEqual(set(self.images()), {"shelf", "helmet"})

    def test_empty_trash_judges_images_after_everything_is_gone(self):
        client = self.client(email="alice@acme.test")
        client.request("DELETE", "/%s/forklift-detector" % ACME)  # without the image flag
        status, body, _ = client.request("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})
        # Pallet Counter's 240 + the 60 it shared with Forklift Detector, and Conveyor Defects' 120
        # shared with Forklift Detector: no remaining project uses them. Unflagged projects keep theirs.
        self.assertEqual((status, body["imagesDeleted"]), (200, 240 + 60 + 120))
        self.assertEqual(self.images(), {"forklift": 300, "shelf": 80, "helmet": 150})

    def test_children_go_too_and_images_stay_without_the_flag(self):
        client = self.client(email="alice@acme.test")
        body = self.delete(client, {"type": "project", "id": "d_shelf"})
        self.assertEqual((body["imagesDeleted"], body["freedBytes"]), (0, 157286400 + 52428800 + 104857600))
        self.assertIsNone(self.find(self.trash(), "version", "1"))
        self.assertEqual(self.images()["shelf"], 80)
        self.assertEqual(self.db().execute("SELECT count(*) FROM items WHERE parent_pk NOT IN (SELECT pk FROM items)").fetchone()[0], 0)

    def test_a_project_and_its_own_child_row_in_one_request(self):
        body = self.delete(self.client(email="erin@acme.test"), {"type": "version", "id": "1", "parentId": "d_shelf"},
                           {"type": "project", "id": "d_shelf"})
        self.assertEqual(len(body["deleted"]), 2)
        self.assertEqual(body["freedBytes"], 157286400 + 52428800 + 104857600)

    def test_confirmation_is_required(self):
        client = self.client(email="alice@acme.test")
        before = self.trash()
        ref = {"type": "workflow", "id": "wf_webhooks"}
        self.assertEqual(client.request("POST", "/%s/trash/delete" % ACME, {"items": [ref]})[:2],
                         (400, {"error": "confirm must be true to delete permanently"}))
        self.assertEqual(client.request("POST", "/%s/trash/empty" % ACME, {"confirm": "acme robotics"})[:2],
                         (400, {"error": "Type the workspace name to confirm"}))
        self.assertEqual(client.request("POST", "/%s/trash/delete" % ACME, {"items": [{"type": "workflow", "id": "wf_router"}],
                                                                             "confirm": True})[:2],
                         (404, {"error": "No workflow wf_router in Trash"}))
        self.assertEqual(self.trash(), before)

    def test_storage_figures_follow_deletions(self):
        client = self.client(email="alice@acme.test")
        storage = client.request("GET", "/api/session")[1]["storage"]
        self.assertEqual(storage["trashBytes"], sum(i["sizeBytes"] for i in self.trash()))
        self.assertEqual(storage["quotaBytes"], 107374182400)
        client.request("DELETE", "/%s/workflows/inference-router" % ACME)
        moved = client.request("GET", "/api/session")[1]["storage"]
        self.assertEqual((moved["usedBytes"], moved["trashBytes"]), (storage["usedBytes"], storage["trashBytes"] + 20480))
        body = self.delete(client, {"type": "workflow", "id": "wf_router"})
        freed = client.request("GET", "/api/session")[1]["storage"]
        self.assertEqual(freed["usedBytes"], storage["usedBytes"] - body["freedBytes"])


class RetentionAndAudit(ServerTest):
    def test_scheduled_cleanup_is_deletion_plus_retention(self):
        for item in self.trash():
            self.assertEqual(parse_iso(item["scheduledCleanupAt"]) - parse_iso(item["deletedAt"]), 30 * DAY)
        status, body, _ = self.client("globex_full_demo_key").request("GET", "/globex-vision/trash")
        self.assertEqual({parse_iso(i["scheduledCleanupAt"]) - parse_iso(i["deletedAt"]) for i in body["items"]}, {14 * DAY})

    def test_demo_shows_every_expiry_band_and_several_deleters(self):
        items = self.trash()
        now = max(parse_iso(i["deletedAt"]) for i in items)
        left = [(parse_iso(i["scheduledCleanupAt"]) - now) / DAY for i in items]
        self.assertTrue(any(d < 1 for d in left) and any(1 < d < 7 for d in left) and any(d > 29 for d in left))
        self.assertGreaterEqual(len({i["deletedByName"] for i in items}), 4)
        self.assertTrue(any(i.get("cleanupDeleteImages") for i in items))

    def test_every_action_is_audited_with_who_and_how(self):
        client = self.client(email="alice@acme.test")
        client.request("DELETE", "/%s/workflows/inference-router" % ACME)
        self.client(FULL_KEY).request("POST", "/%s/trash/restore" % ACME, {"type": "workflow", "id": "wf_router"})
        client.request("POST", "/%s/trash/delete" % ACME, {"items": [{"type": "workflow", "id": "wf_webhooks"}], "confirm": True})
        events = client.request("GET", "/%s/audit?limit=3" % ACME)[1]["events"]
        self.assertEqual([(e["action"], e["via"], e["actorName"], e["keyName"], e["id"]) for e in events],
                         [("delete", "web", "Alice Chen", None, "wf_webhooks"),
                          ("restore", "api", "API key", "CI pipeline", "wf_router"),
                          ("trash", "web", "Alice Chen", None, "wf_router")])


if __name__ == "__main__":
    unittest.main()
