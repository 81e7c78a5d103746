"""Several serve.py processes on one database (the suite's backend: SQLite, or PostgreSQL as in
production): races across instances give exactly one success per item, a session or an
Idempotency-Key made on one instance holds on the other, and cleanups started together (one of
them killed with SIGKILL mid-batch) purge each due item exactly once."""
import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

from tests.server.helper import ACME, BACKEND, PASSWORDS, ROOT, Client, fresh_db
from trash_server import db, listing, seed
from trash_server.jsonio import iso, now_ms

SERVE = os.path.join(ROOT, "serve.py")
DAY = 86400000
CLIENTS = 16


def _key(ref):
    return ref["type"], ref["id"], ref.get("parentId")


def figure(text):
    """A measured figure for the report, on stderr (the suite's log keeps it)."""
    print("\n[%s] %s" % (BACKEND, text), file=sys.stderr, flush=True)


class MultiInstance(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-multi-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.db_path = fresh_db(self.folder)
        self.conn = db.connect(self.db_path)
        self.addCleanup(self.conn.close)

    def instance(self):
        process = subprocess.Popen([sys.executable, SERVE, "--port", "0", "--db", self.db_path, "--web", self.folder,
                                    "--cleanup-interval", "0", "--scrypt-n", "1024"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(process.stdout.close)
        self.addCleanup(process.wait)
        self.addCleanup(process.terminate)
        return int(process.stdout.readline().strip().rstrip("/").rsplit(":", 1)[1])

    def trash(self):
        ws = self.conn.execute("SELECT * FROM workspaces WHERE url = ?", (ACME,)).fetchone()
        return listing.trash_items(self.conn, ws)

    def test_16_clients_race_restores_and_permanent_deletions_across_two_instances(self):
        seed.add_synthetic_items(self.conn, ACME, 40)
        refs = [dict({"type": i["type"], "id": i["id"]}, **({"parentId": i["parentId"]} if "parentId" in i else {}))
                for i in self.trash() if i["name"].startswith("Synthetic ")]  # independent of each other
        self.assertEqual(len(refs), 40)
        ports = [self.instance(), self.instance()]
        outcomes, lock = collections.Counter(), threading.Lock()
        barrier = threading.Barrier(CLIENTS)

        def client(n):
            api, order = Client(ports[n % 2]), random.Random(n).sample(refs, len(refs))
            api.sign_in("alice@acme.test")  # an Owner: API keys may not delete permanently
            barrier.wait()
            for ref in order:
                if n % 4 < 2:
                    status = api.request("POST", "/%s/trash/restore" % ACME, ref)[0]
                else:
                    status = api.request("POST", "/%s/trash/delete" % ACME, {"items": [ref], "confirm": True})[0]
                with lock:
                    outcomes[_key(ref), status] += 1
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(300)
        statuses = collections.Counter()
        for (_, status), count in outcomes.items():
            statuses[status] += count
        self.assertEqual(set(statuses), {200, 404}, statuses)  # no 5xx, no 409 from a lost race
        for ref in refs:
            self.assertEqual(outcomes[_key(ref), 200], 1, ref)
        audited = self.conn.execute("SELECT count(*) FROM audit_events WHERE action IN ('restore', 'delete')"
                                    " AND name LIKE 'Synthetic %'").fetchone()[0]
        self.assertEqual(audited, 40)  # one audit event per success
        self.assertEqual([i for i in self.trash() if i["name"].startswith("Synthetic ")], [])
        figure("race: %d requests from %d clients on 2 instances, %d items: %d successes, %d answered 404"
               % (sum(statuses.values()), CLIENTS, len(refs), statuses[200], statuses[404]))

    def test_a_session_and_an_idempotency_key_made_on_one_instance_hold_on_the_other(self):
        first, second = self.instance(), self.instance()
        alice = Client(first)
        alice.sign_in("alice@acme.test")
        elsewhere = Client(second)
        elsewhere.cookie, elsewhere.csrf = alice.cookie, alice.csrf
        self.assertEqual(elsewhere.request("GET", "/api/session")[0], 200)
        headers = {"Idempotency-Key": "restore-pallet-across"}
        body = {"type": "project", "id": "d_pallet"}
        made = alice.request("POST", "/%s/trash/restore" % ACME, body, headers=headers)
        replayed = elsewhere.request("POST", "/%s/trash/restore" % ACME, body, headers=headers)
        self.assertEqual((made[0], replayed[0]), (200, 200))
        self.assertEqual(replayed[2].getheader("Idempotent-Replayed"), "true")
        # Failed sign-ins count across instances: the limit is the database's, not a process's.
        statuses = [Client((first, second)[n % 2]).request(
            "POST", "/api/session", {"email": "bob@acme.test", "password": "wrong"})[0] for n in range(6)]
        self.assertEqual(statuses, [401] * 5 + [429])
        bob = Client(second).request("POST", "/api/session", {"email": "bob@acme.test", "password": PASSWORDS["bob@acme.test"]})
        self.assertEqual(bob[0], 429)
        # A listing version from one instance is understood by the other.
        version = alice.request("GET", "/%s/trash?sections=1" % ACME)[1]["version"]
        self.assertEqual(elsewhere.request("GET", "/%s/trash?since=%s" % (ACME, version))[1],
                         {"unchanged": True, "version": version})
        # Signing out on the second instance ends the session on the first.
        self.assertEqual(elsewhere.request("DELETE", "/api/session")[0], 200)
        self.assertEqual(alice.request("GET", "/api/session")[0], 401)

    def cleanup_process(self, when, batch):
        return subprocess.Popen([sys.executable, SERVE, "cleanup", "--db", self.db_path, "--now", iso(when),
                                 "--batch-size", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def remaining(self):
        return self.conn.execute("SELECT count(*) FROM deletion_events").fetchone()[0]

    def assert_each_purged_once(self, roots):
        audited = self.conn.execute("SELECT type, item_id, name FROM audit_events WHERE action = 'cleanup'"
                                    " AND run_id IS NOT NULL").fetchall()
        self.assertEqual(self.remaining(), 0)
        self.assertEqual(len(audited), len(set(audited)))
        self.assertIn(len(audited), (roots - 1, roots))  # the shelf's pilot version may ride with its project
        return len(audited)

    def test_two_cleanups_started_together_purge_each_item_once(self):
        seed.add_synthetic_items(self.conn, ACME, 2000)
        roots = self.remaining()
        when = now_ms() + 40 * DAY
        processes = [self.cleanup_process(when, 50) for _ in range(2)]
        outputs = [p.communicate(timeout=300) for p in processes]
        self.assertEqual([p.returncode for p in processes], [0, 0], [err for _, err in outputs])
        purged = [int(out.splitlines()[-1].split("purged ")[1].split(" ")[0]) for out, _ in outputs]
        audited = self.assert_each_purged_once(roots)
        self.assertEqual(sum(purged), audited)
        figure("two cleanups at once: %d due rows, purged %s (together %d), %d audit events"
               % (roots, purged, sum(purged), audited))

    def test_a_cleanup_killed_mid_batch_is_finished_by_the_other(self):
        seed.add_synthetic_items(self.conn, ACME, 3000)
        roots = self.remaining()
        when = now_ms() + 40 * DAY
        doomed, survivor = self.cleanup_process(when, 20), self.cleanup_process(when, 20)
        for _ in range(60):  # well into its batches, then SIGKILL (its open batch rolls back)
            doomed.stdout.readline()
        doomed.send_signal(signal.SIGKILL)
        doomed.communicate(timeout=60)
        out, err = survivor.communicate(timeout=300)
        self.assertEqual(survivor.returncode, 0, err)
        audited = self.assert_each_purged_once(roots)
        finished = int(out.splitlines()[-1].split("purged ")[1].split(" ")[0])
        self.assertLess(finished, audited)  # the killed one had purged some
        figure("kill -9 mid-batch: %d due rows, the survivor purged %d, the killed one %d, %d audit events"
               % (roots, finished, audited - finished, audited))


if __name__ == "__main__":
    unittest.main()
