"""Heavy measurements, off by default (TRASH_HEAVY_TESTS=1 runs them, about a minute): serve.py's
peak memory while 8 clients fetch the whole listing of a 100,000-item Trash at once."""
import gzip
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from tests.server.helper import ACME, FULL_KEY, ROOT, fresh_db
from tests.server.test_sign_in import vm_peak_kb


@unittest.skipUnless(os.environ.get("TRASH_HEAVY_TESTS"), "set TRASH_HEAVY_TESTS=1 to run")
class ConcurrentLargeListings(unittest.TestCase):
    def test_8_whole_listings_of_100k_items_under_400_mb(self):
        folder = tempfile.mkdtemp(prefix="trash-heavy-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "serve.py"), "--port", "0", "--db", fresh_db(folder),
                                 "--web", folder, "--cleanup-interval", "0", "--demo-items", "100000"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(proc.wait)
        self.addCleanup(proc.terminate)
        port = int(proc.stdout.readline().strip().rstrip("/").rsplit(":", 1)[1])
        base = vm_peak_kb(proc.pid)
        counts = []

        def fetch():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            conn.request("GET", "/%s/trash?api_key=%s" % (ACME, FULL_KEY), headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            body = gzip.decompress(response.read())
            counts.append((response.status, body.count(b'"scheduledCleanupAt"')))
            conn.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=fetch) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        peak = vm_peak_kb(proc.pid)
        print("\n  8 concurrent whole listings of 100k items: %.1f s, server peak %d MB (before them %d MB)"
              % (time.perf_counter() - started, peak // 1024, base // 1024))
        # Each item is written twice: in "items" and in its section.
        self.assertEqual(counts, [(200, 2 * (100000 + 14))] * 8)
        self.assertLess(peak, 400 * 1024)
