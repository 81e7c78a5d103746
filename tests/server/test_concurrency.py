"""Concurrent restores, deletions and permanent deletions of the same items from several threads
leave a consistent database: every success is audited once, state matches the successes, and
no event, child or image is left dangling."""
import collections
import threading
import unittest

from tests.server.helper import ACME, BACKEND, FULL_KEY, ServerTest
from trash_server.jsonio import now_ms

ROUNDS = 12


class Concurrency(ServerTest):
    def hammer(self, workers):
        errors, threads = [], []
        barrier = threading.Barrier(len(workers))

        def run(work):
            try:
                barrier.wait()
                work()
            except Exception as exc:  # surfaced by the assertion below
                errors.append(exc)
        for work in workers:
            threads.append(threading.Thread(target=run, args=(work,)))
            threads[-1].start()
        for thread in threads:
            thread.join(120)
        self.assertEqual(errors, [])

    def check_consistency(self):
        conn = self.db()
        if BACKEND == "sqlite":  # PostgreSQL checks every foreign key at each statement
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(conn.execute("PRAGMA foreign_key_check").fetchall(), [])
        # Every event is owned by its root, which is in Trash under it; no event is left empty.
        self.assertEqual(conn.execute(
            "SELECT count(*) FROM deletion_events e LEFT JOIN items i ON i.pk = e.root_pk"
            " WHERE i.pk IS NULL OR i.trash_event IS NOT e.pk").fetchone()[0], 0)
        # A child in Trash under another item's event rides with its own parent.
        self.assertEqual(conn.execute(
            "SELECT count(*) FROM items c JOIN deletion_events e ON e.pk = c.trash_event"
            " WHERE e.root_pk != c.pk AND e.root_pk != c.parent_pk").fetchone()[0], 0)

    def test_restores_and_deletes_of_the_same_items(self):
        outcomes = collections.Counter()
        lock = threading.Lock()
        bob = self.client(email="bob@acme.test")

        def record(label, status):
            with lock:
                outcomes[label, status] += 1

        def restorer(client):
            def work():
                for _ in range(ROUNDS):
                    record("restore", client.request("POST", "/%s/trash/restore" % ACME,
                                                      {"type": "project", "id": "d_pallet"})[0])
                    record("restore-version", client.request("POST", "/%s/trash/restore" % ACME,
                                                              {"type": "version", "id": "2", "parentId": "d_forklift"})[0])
            return work

        def deleter(client):
            def work():
                for _ in range(ROUNDS):
                    record("trash", client.request("DELETE", "/%s/pallet-counter" % ACME)[0])
                    record("trash-version", client.request("DELETE", "/%s/forklift-detector/2" % ACME)[0])
            return work
        started = now_ms()
        self.hammer([restorer(self.client(FULL_KEY)), restorer(bob), deleter(self.client(FULL_KEY)), deleter(bob),
                     restorer(self.client(email="alice@acme.test")), deleter(self.client(FULL_KEY))])
        # Only 200 or 404, never a 409 or 500. Whether any 404 comes depends on how the threads
        # interleave: when every request happens to alternate, all of them succeed.
        self.assertLessEqual(set(status for _, status in outcomes), {200, 404}, outcomes)
        conn = self.db()
        for item, restore, trash in (("d_pallet", "restore", "trash"), ("2", "restore-version", "trash-version")):
            restored, trashed = outcomes[restore, 200], outcomes[trash, 200]
            self.assertIn(restored - trashed, (0, 1))  # both began in Trash; successes alternate
            in_trash = self.find(self.trash(), "project" if item == "d_pallet" else "version", item) is not None
            self.assertEqual(in_trash, restored == trashed)
            audited = dict(conn.execute(
                "SELECT action, count(*) FROM audit_events WHERE item_id = ? AND action IN ('trash', 'restore')"
                " AND at >= ? GROUP BY action", (item, started)).fetchall())
            self.assertEqual((audited.get("restore", 0), audited.get("trash", 0)), (restored, trashed))
        # The pallet's children ride with it whenever it is in Trash.
        pallet = self.find(self.trash(), "project", "d_pallet")
        if pallet:
            self.assertEqual(pallet["childCount"], 4)
        self.check_consistency()

    def test_permanent_deletion_races_delete_each_item_once(self):
        clients = [self.client(email="alice@acme.test") for _ in range(3)] + [self.client(email="erin@acme.test")]
        results = collections.Counter()
        lock = threading.Lock()

        def work(client):
            def run():
                for ref in ({"type": "project", "id": "d_pallet"}, {"type": "dataset", "id": "ds_night"}):
                    status, body, _ = client.request("POST", "/%s/trash/delete" % ACME, {"items": [ref], "confirm": True})
                    with lock:
                        results[ref["id"], status] += 1
                        if status == 200:
                            results[ref["id"], "images"] += body["imagesDeleted"]
                status, body, _ = client.request("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})
                with lock:
                    results["empty", status] += 1
                    results["emptied"] += body["deleted"]
            return run
        self.hammer([work(c) for c in clients])
        self.assertEqual((results["d_pallet", 200], results["d_pallet", 404]), (1, 3))
        self.assertEqual((results["ds_night", 200], results["ds_night", 404]), (1, 3))
        self.assertEqual((results["d_pallet", "images"], results["empty", 200]), (240, 4))
        self.assertEqual(results["emptied"], 12)  # 14 rows, less the two deleted one by one
        purged = self.db().execute("SELECT item_id, count(*) FROM audit_events WHERE action = 'delete_permanently'"
                                   " GROUP BY item_id HAVING count(*) > 1").fetchall()
        self.assertEqual(purged, [])
        self.assertEqual(self.trash(), [])
        self.check_consistency()


if __name__ == "__main__":
    unittest.main()
