"""Sign-in under attack: JSON only (415), the same work for unknown and known emails, failed
attempts limited per account and per client address (429 with Retry-After, audited) without
locking out the real user, scrypt at OWASP's cost with old hashes upgraded, and at most two hashes
at a time, so 64 parallel sign-ins keep the server's memory bounded."""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from tests.server.helper import ACME, FULL_KEY, PASSWORDS, ROOT, ServerTest, fresh_db
from trash_server import auth
from trash_server.settings import Settings


def sign_in_body(email, password):
    return {"email": email, "password": password}


class ContentType(ServerTest):
    def test_only_json_signs_in(self):
        body = json.dumps(sign_in_body("alice@acme.test", "demo-alice")).encode()
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
            with self.subTest(ctype=ctype):
                status, answer, response = self.client().request("POST", "/api/session", raw=body,
                                                                 headers={"Content-Type": ctype or ""})
                self.assertEqual(status, 415, answer)
                self.assertEqual(answer, {"error": "Send the sign-in as application/json"})
                self.assertIsNone(response.getheader("Set-Cookie"))
        status, _, _ = self.client().request("POST", "/api/session", raw=body,
                                             headers={"Content-Type": "application/json; charset=utf-8"})
        self.assertEqual(status, 200)


class Timing(ServerTest):
    def settings(self):
        # Dearer than the template's 2^10 so the hash dominates; the known user is re-hashed to it first.
        return Settings(scrypt_n=2 ** 13, sign_in_failures_per_account=1000, sign_in_failures_per_address=1000)

    def test_unknown_and_known_emails_cost_the_same(self):
        self.client().sign_in("bob@acme.test")  # re-hash bob's password at this server's cost
        known, unknown = [], []
        for i in range(15):
            for email, times in (("bob@acme.test", known), ("nobody%d@acme.test" % i, unknown)):
                started = time.perf_counter()
                status, _, _ = self.client().request("POST", "/api/session", sign_in_body(email, "wrong"))
                times.append(time.perf_counter() - started)
                self.assertEqual(status, 401)
        ratio = statistics.median(unknown) / statistics.median(known)
        print("\n  wrong password: known email %.1f ms, unknown %.1f ms (median of 15), ratio %.2f"
              % (statistics.median(known) * 1000, statistics.median(unknown) * 1000, ratio))
        self.assertLess(abs(ratio - 1), 0.25)


class RateLimit(ServerTest):
    def settings(self):
        return Settings(scrypt_n=2 ** 10, sign_in_window_ms=60000, sign_in_failures_per_account=3,
                        sign_in_failures_per_address=6)

    def test_wrong_passwords_for_one_account_get_429_but_not_the_real_user(self):
        attacker = self.client(source="127.0.0.2")
        for _ in range(3):
            self.assertEqual(attacker.request("POST", "/api/session", sign_in_body("bob@acme.test", "guess"))[0], 401)
        status, answer, response = attacker.request("POST", "/api/session", sign_in_body("bob@acme.test", "guess"))
        self.assertEqual(status, 429, answer)
        self.assertGreaterEqual(int(response.getheader("Retry-After")), 1)
        # The right password from the attacker's address is refused too while it is limited...
        self.assertEqual(attacker.request("POST", "/api/session",
                                          sign_in_body("bob@acme.test", PASSWORDS["bob@acme.test"]))[0], 429)
        # ...but the real user, from another address, still signs in.
        self.client(source="127.0.0.3").sign_in("bob@acme.test")
        events = self.client(email="alice@acme.test").request("GET", "/%s/audit" % ACME)[1]["events"]
        limited = [e for e in events if e["action"] == "sign_in_throttled"]
        self.assertTrue(limited, events[:3])
        self.assertIn("bob@acme.test", limited[0]["detail"])
        self.assertIn("127.0.0.2", limited[0]["detail"])

    def test_one_address_guessing_many_accounts_gets_429(self):
        attacker = self.client(source="127.0.0.4")
        statuses = [attacker.request("POST", "/api/session", sign_in_body("user%d@acme.test" % i, "guess"))[0]
                    for i in range(8)]
        self.assertEqual(statuses[:6], [401] * 6)
        self.assertEqual(statuses[6:], [429, 429])
        self.client(source="127.0.0.5").sign_in("carol@acme.test")


class BehindAProxy(ServerTest):
    def settings(self):
        return Settings(scrypt_n=2 ** 10, sign_in_failures_per_address=2, trusted_proxies=("127.0.0.6",))

    def test_the_proxy_names_the_client(self):
        proxy, stranger = self.client(source="127.0.0.6"), self.client(source="127.0.0.7")
        guess = sign_in_body("nobody@acme.test", "guess")
        for _ in range(2):
            self.assertEqual(proxy.request("POST", "/api/session", guess, headers={"X-Forwarded-For": "203.0.113.9"})[0], 401)
        # That client is limited; another one behind the same proxy is not.
        self.assertEqual(proxy.request("POST", "/api/session", guess, headers={"X-Forwarded-For": "203.0.113.9"})[0], 429)
        self.assertEqual(proxy.request("POST", "/api/session", guess,
                                       headers={"X-Forwarded-For": "198.51.100.4, 203.0.113.10"})[0], 401)
        # A peer that is not a trusted proxy cannot choose its address.
        for i in range(2):
            self.assertEqual(stranger.request("POST", "/api/session", guess, headers={"X-Forwarded-For": "192.0.2.%d" % i})[0], 401)
        self.assertEqual(stranger.request("POST", "/api/session", guess, headers={"X-Forwarded-For": "192.0.2.99"})[0], 429)


class Rehash(ServerTest):
    def settings(self):
        return Settings(scrypt_n=2 ** 11)

    def test_production_cost_and_old_hashes_upgraded_on_sign_in(self):
        self.assertEqual(Settings().scrypt_n, 2 ** 17)
        self.assertEqual((auth.SCRYPT_R, auth.SCRYPT_P), (8, 1))
        read = "SELECT password_hash FROM users WHERE email = 'carol@acme.test'"
        self.assertTrue(self.db().execute(read).fetchone()[0].startswith("scrypt$1024$"))
        self.client().sign_in("carol@acme.test")
        self.assertTrue(self.db().execute(read).fetchone()[0].startswith("scrypt$2048$8$1$"))
        self.client().sign_in("carol@acme.test")  # the new hash verifies


class SignInFlood(ServerTest):
    def settings(self):
        return Settings(scrypt_n=2 ** 14)

    def test_ordinary_requests_are_served_while_sign_ins_queue(self):
        self.client().sign_in("bob@acme.test")  # stored at this cost now, so each sign-in is one hash
        statuses, threads = [], []
        for _ in range(48):
            thread = threading.Thread(target=lambda: statuses.append(self.client().request(
                "POST", "/api/session", sign_in_body("bob@acme.test", PASSWORDS["bob@acme.test"]))[0]))
            thread.start()
            threads.append(thread)
        time.sleep(0.3)  # the sign-ins are queued or hashing
        started = time.perf_counter()
        status, _, _ = self.client(FULL_KEY).request("GET", "/%s/trash" % ACME)
        waited = time.perf_counter() - started
        for thread in threads:
            thread.join()
        print("\n  a listing among 48 queued sign-ins (N=2^14): %.0f ms" % (waited * 1000))
        self.assertEqual(status, 200)
        self.assertEqual(statuses, [200] * 48)
        self.assertLess(waited, 1.0)


def vm_peak_kb(pid):
    with open("/proc/%d/status" % pid) as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))


class ParallelSignInMemory(unittest.TestCase):
    """serve.py as its own process (so its peak memory is its own), 64 sign-ins at once."""

    def test_64_parallel_sign_ins_stay_bounded(self):
        folder = tempfile.mkdtemp(prefix="trash-memory-")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "serve.py"), "--port", "0", "--db", fresh_db(folder),
                                 "--web", folder, "--cleanup-interval", "0", "--scrypt-n", str(2 ** 13)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(proc.wait)
        self.addCleanup(proc.terminate)
        port = int(proc.stdout.readline().strip().rstrip("/").rsplit(":", 1)[1])
        base = vm_peak_kb(proc.pid)
        emails = sorted(PASSWORDS)
        statuses = []

        def sign_in(i):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            email = emails[i % len(emails)]
            conn.request("POST", "/api/session", json.dumps(sign_in_body(email, PASSWORDS[email])),
                         {"Content-Type": "application/json"})
            statuses.append(conn.getresponse().status)
            conn.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=sign_in, args=(i,)) for i in range(64)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        peak = vm_peak_kb(proc.pid)
        print("\n  64 parallel sign-ins at N=2^13: %.1f s, server peak %d MB (idle %d MB)"
              % (time.perf_counter() - started, peak // 1024, base // 1024))
        self.assertEqual(statuses, [200] * 64)
        # Two 8 MiB hashes at a time (plus the interpreter's slack), never 64 (512 MiB).
        self.assertLess(peak - base, 64 * 1024)
