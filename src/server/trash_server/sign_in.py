"""Sign-in under attack: the password check runs at most `scrypt_concurrency` hashes at a time and
does the same work whether or not the email has an account; failed attempts are limited per
account and per client address (429 with Retry-After, audited once per limit); a hash made at an
older cost is replaced at the next successful sign-in.

Failed attempts are kept in the database (`sign_in_failures`), so several servers share them.
While an account is over its limit, only the addresses that failed on it are refused: the real
user, signing in from elsewhere, still gets in.
"""
import concurrent.futures
import secrets

from . import auth, db, domain
from .jsonio import ApiError, now_ms

WRONG = "Wrong email or password"


class SignInGuard:
    """What every sign-in of one server shares: the hashing threads and a decoy hash for unknown
    emails. Hashes run on their own `scrypt_concurrency` threads, not on the request workers: a
    semaphore alone bounds the hashes at once, but each worker's malloc arena would keep its own
    scrypt buffer (measured: 8 workers x 16 MiB held after 64 sign-ins at N=2^14)."""

    def __init__(self, settings):
        self.settings = settings
        self.hashers = concurrent.futures.ThreadPoolExecutor(max(1, settings.scrypt_concurrency),
                                                             thread_name_prefix="trash-scrypt")
        self._decoy = None

    def _hash(self, password):
        return self.hashers.submit(auth.hash_password, password, self.settings.scrypt_n).result()

    def _verify(self, password, stored):
        return self.hashers.submit(auth.verify_password, password, stored).result()

    def close(self):
        self.hashers.shutdown(wait=False)

    def decoy(self):
        """A hash of a random password at the current cost: an unknown email is checked against it,
        so it costs one hash like a known one (not two, as hashing on the spot did)."""
        if self._decoy is None:
            self._decoy = self._hash(secrets.token_urlsafe(16))
        return self._decoy

    def check(self, conn, email, password, address):
        """The user id for these credentials; 401 without saying which half was wrong, 429 when
        this account or this address has failed too often. Runs outside any write transaction:
        hashing must not hold the write lock."""
        now = now_ms()
        row = conn.execute("SELECT id, workspace_id, password_hash FROM users WHERE lower(email) = lower(?)", (email,)).fetchone()
        self._refuse_if_limited(conn, email, address, row, now)
        stored = row["password_hash"] if row else self.decoy()
        if not self._verify(password, stored) or row is None:
            with db.transaction(conn):
                conn.execute("INSERT INTO sign_in_failures (at, email, address) VALUES (?, ?, ?)",
                             (now, email.lower(), address))
                conn.execute("DELETE FROM sign_in_failures WHERE at < ?", (now - self.settings.sign_in_window_ms,))
            raise ApiError(401, WRONG)
        if auth.hash_cost(stored) != self.settings.scrypt_n:
            upgraded = self._hash(password)
            with db.transaction(conn):
                conn.execute("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?",
                             (upgraded, row["id"], stored))
        return row["id"]

    def _refuse_if_limited(self, conn, email, address, row, now):
        since = now - self.settings.sign_in_window_ms
        by_address = conn.execute("SELECT count(*), min(at) FROM sign_in_failures WHERE address = ? AND at >= ?",
                                  (address, since)).fetchone()
        by_account = conn.execute("SELECT count(*), min(at) FROM sign_in_failures WHERE email = ? AND at >= ?",
                                  (email.lower(), since)).fetchone()
        mine = conn.execute("SELECT count(*) FROM sign_in_failures WHERE email = ? AND address = ? AND at >= ?",
                            (email.lower(), address, since)).fetchone()[0]
        if by_address[0] >= self.settings.sign_in_failures_per_address:
            oldest, why = by_address[1], "address"
        elif by_account[0] >= self.settings.sign_in_failures_per_account and mine:
            oldest, why = by_account[1], "account"
        else:
            return
        retry_after = max(1, -(-(oldest + self.settings.sign_in_window_ms - now) // 1000))
        if row is not None:
            self._audit_once(conn, row, email, address, why, now)
        raise ApiError(429, "Too many failed sign-ins; try again in %d seconds" % retry_after,
                       headers={"Retry-After": str(retry_after)})

    def _audit_once(self, conn, row, email, address, why, now):
        """One audit event per account, address and window, not one per refused attempt."""
        detail = "%s from %s: too many failed attempts for this %s" % (email.lower(), address, why)
        with db.transaction(conn):
            seen = conn.execute("SELECT 1 FROM audit_events WHERE workspace_id = ? AND action = 'sign_in_throttled'"
                                " AND detail = ? AND at >= ?", (row["workspace_id"], detail,
                                                                now - self.settings.sign_in_window_ms)).fetchone()
            if seen is None:
                domain.audit(conn, row["workspace_id"], domain.Actor(None, "Sign-in limit", "web"),
                             "sign_in_throttled", now, detail=detail)
