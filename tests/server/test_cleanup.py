"""Retention cleanup: `serve.py cleanup --now` purges exactly what is due, prints it, and is
idempotent; a run that crashes between batches, or a process killed mid-run, followed by another
run purges each item exactly once; the server's own thread runs it at start."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from tests.server.helper import ROOT, fresh_db
from trash_server import cleanup, db, listing, seed
from trash_server.jsonio import iso, now_ms, parse_iso

SERVE = os.path.join(ROOT, "serve.py")
DAY = 86400000


class CleanupTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="trash-cleanup-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.db_path = fresh_db(self.folder)
        self.conn = db.connect(self.db_path)
        self.addCleanup(self.conn.close)

    def items(self, workspace="ws_acme"):
        ws = self.conn.execute("SELECT * FROM workspaces WHERE id = ?", (workspace,)).fetchone()
        return listing.trash_items(self.conn, ws)

    def run_cli(self, *args):
        return subprocess.run([sys.executable, SERVE, "cleanup", "--db", self.db_path] + list(args),
                              capture_output=True, text=True, timeout=60)

    def audited(self):
        return self.conn.execute("SELECT type, item_id, name FROM audit_events WHERE action = 'cleanup'"
                                 " AND run_id IS NOT NULL").fetchall()

    def test_cli_purges_what_is_due_at_now(self):
        when = now_ms() + DAY
        due = sorted(i["id"] for i in self.items() if parse_iso(i["scheduledCleanupAt"]) <= when)
        self.assertEqual(due, ["1", "d_shelf"])  # the pilot version rides with its project
        result = self.run_cli("--now", iso(when))
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        # Due in the same batch as its project, the pilot version goes with it.
        self.assertEqual(lines[0], "purged project d_shelf 'Shelf Gap Finder' from ws_acme (314572800 bytes)")
        self.assertRegex(lines[-1], r"^cleanup at .*: purged 1 items, freed 314572800 bytes, deleted 0 images$")
        self.assertEqual([i for i in self.items() if i["id"] in due], [])
        self.assertEqual(self.conn.execute("SELECT via, actor_name FROM audit_events WHERE action = 'cleanup'").fetchall()[0][:],
                         ("cleanup", "Retention cleanup"))
        again = self.run_cli("--now", iso(when))
        self.assertIn("purged 0 items", again.stdout)

    def test_everything_goes_after_the_retention_window_with_flagged_images(self):
        result = self.run_cli("--now", iso(now_ms() + 31 * DAY))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual((self.items(), self.items("ws_globex")), ([], []))
        self.assertIn("deleted 240 images", result.stdout.splitlines()[-1])  # Pallet Counter's own; shared stay
        self.assertEqual(len(self.audited()), len(set(self.audited())))

    def test_bad_now_is_a_usage_error(self):
        result = self.run_cli("--now", "yesterday")
        self.assertEqual(result.returncode, 2)
        self.assertIn("not an ISO 8601 time", result.stderr)

    def remaining(self):
        return len(self.items()) + len(self.items("ws_globex"))

    def assert_each_purged_once(self, roots):
        """Every row is gone and audited once; the shelf pilot version is audited alone, or not at
        all when it shared a batch with its project (it then went with it)."""
        self.assertEqual(self.remaining(), 0)
        audited = self.audited()
        self.assertEqual(len(audited), len(set(audited)))
        self.assertIn(len(audited), (roots - 1, roots))

    def test_a_crash_between_batches_then_a_rerun_purges_each_item_once(self):
        seed.add_synthetic_items(self.conn, "acme-robotics", 500)
        roots = self.remaining()
        when = now_ms() + 40 * DAY

        def crash(batch):
            if batch == 3:
                raise KeyboardInterrupt("killed")
        with self.assertRaises(KeyboardInterrupt):
            cleanup.run_cleanup(self.conn, when, batch_size=40, out=lambda line: None, after_batch=crash)
        # Three batches committed, nothing after them.
        self.assertIn(self.remaining(), (roots - 120, roots - 121))
        self.assertIn(len(self.audited()), (119, 120))
        cleanup.run_cleanup(self.conn, when, batch_size=40, out=lambda line: None)
        self.assert_each_purged_once(roots)

    def test_a_killed_process_then_a_rerun_purges_each_item_once(self):
        seed.add_synthetic_items(self.conn, "acme-robotics", 4000)
        roots = self.remaining()
        when = iso(now_ms() + 40 * DAY)
        process = subprocess.Popen([sys.executable, SERVE, "cleanup", "--db", self.db_path, "--now", when,
                                    "--batch-size", "20"], stdout=subprocess.PIPE, text=True)
        for _ in range(30):
            process.stdout.readline()
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        process.stdout.close()
        partial = len(self.audited())
        self.assertTrue(0 < partial < roots - 1, partial)
        result = self.run_cli("--now", when, "--batch-size", "500")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assert_each_purged_once(roots)

    def test_the_server_thread_runs_cleanup_at_start(self):
        self.conn.execute("UPDATE deletion_events SET at = at - ? WHERE root_pk IN"
                          " (SELECT pk FROM items WHERE id = 'wf_webhooks')", (40 * DAY,))
        lines = []
        sweeper = cleanup.CleanupThread(self.db_path, interval=3600, log=lines.append)
        sweeper.start()
        deadline = time.time() + 10
        while not any(line.startswith("cleanup at") for line in lines) and time.time() < deadline:
            time.sleep(0.02)
        sweeper.stop()
        sweeper.join(5)
        self.assertFalse(sweeper.is_alive())
        self.assertEqual(lines[0], "purged workflow wf_webhooks 'Slow webhooks' from ws_acme (12288 bytes)")


if __name__ == "__main__":
    unittest.main()
