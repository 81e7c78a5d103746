"""Idempotency-Key: a state-changing request sent with a key runs inside one transaction that also
stores its answer, so a client whose connection dropped can send it again and get that answer
without anything being applied twice. The same key with another request is a 422; keys are kept
24 hours (`Settings.idempotency_ttl_ms`), per caller (an API key, or a user's sessions).
"""
import hashlib
import json

from . import db
from .jsonio import ApiError, dumps, now_ms

HEADER = "Idempotency-Key"
MAX_KEY_CHARS = 200


def _scope(principal):
    return "key:%s" % principal.key_hash if principal.kind == "key" else "user:%s" % principal.actor_id


def _check_key(key):
    if not 1 <= len(key) <= MAX_KEY_CHARS or not all(" " <= c <= "~" for c in key):
        raise ApiError(400, "Idempotency-Key must be 1 to %d printable ASCII characters" % MAX_KEY_CHARS)


def run(req, key, method, target, handle):
    """Answer (status, body, headers) for this request: the stored one for a known key, else what
    `handle()` answers (an ApiError too), stored in the same transaction as its changes."""
    _check_key(key)
    fingerprint = hashlib.sha256(b"%s %s\n%s" % (method.encode(), target.encode("utf-8", "replace"),
                                                  req.raw_body)).hexdigest()
    scope, now = _scope(req.principal), now_ms()
    with db.transaction(req.conn):
        row = req.conn.execute("SELECT * FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at >= ?",
                               (scope, key, now - req.settings.idempotency_ttl_ms)).fetchone()
        if row is not None:
            if row["fingerprint"] != fingerprint:
                raise ApiError(422, "This Idempotency-Key was used with a different request")
            return row["status"], bytes(row["body"]), dict(json.loads(row["headers"]), **{"Idempotent-Replayed": "true"})
        try:
            answer = handle()
        except ApiError as exc:
            answer = (exc.status, exc.body(), exc.headers)
        status, body = answer[0], answer[1]
        headers = answer[2] if len(answer) > 2 and answer[2] else {}
        payload = body if isinstance(body, bytes) else dumps(body)
        req.conn.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (now - req.settings.idempotency_ttl_ms,))
        req.conn.execute("INSERT OR REPLACE INTO idempotency_keys (scope, key, fingerprint, created_at, status,"
                         " headers, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (scope, key, fingerprint, now, status, json.dumps(headers), payload))
    return status, payload, headers
