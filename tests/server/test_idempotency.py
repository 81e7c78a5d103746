"""Idempotency-Key on state-changing requests: a retry with the same key answers the stored
response without applying anything again (one audit event), the same key with another body is a
422, and keys expire after 24 hours. Keys are kept in the database."""
from tests.server.helper import ACME, FULL_KEY, ServerTest

RESTORE = "/%s/trash/restore" % ACME


class IdempotentRetries(ServerTest):
    def audit_count(self, action, item_id):
        return self.db().execute("SELECT count(*) FROM audit_events WHERE action = ? AND item_id = ?",
                                 (action, item_id)).fetchone()[0]

    def test_a_retried_restore_replays_the_answer(self):
        key = self.client(FULL_KEY)
        headers = {"Idempotency-Key": "restore-pallet-1"}
        first = key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"}, headers=headers)
        second = key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"}, headers=headers)
        self.assertEqual(first[:2], (200, {"restored": True, "type": "project", "id": "d_pallet",
                                           "url": "pallet-counter"}))
        self.assertEqual(second[:2], first[:2])
        self.assertEqual(second[2].getheader("Idempotent-Replayed"), "true")
        self.assertIsNone(first[2].getheader("Idempotent-Replayed"))
        self.assertEqual(self.audit_count("restore", "d_pallet"), 1)
        # Without the key the same request runs again (and finds nothing in Trash).
        self.assertEqual(key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"})[0], 404)

    def test_sessions_and_soft_deletes_too(self):
        alice = self.client(email="alice@acme.test")
        headers = {"Idempotency-Key": "trash-forklift"}
        first = alice.request("DELETE", "/%s/forklift-detector" % ACME, headers=headers)
        second = alice.request("DELETE", "/%s/forklift-detector" % ACME, headers=headers)
        self.assertEqual(first[0], 200, first[1])
        self.assertEqual(second[:2], first[:2])
        self.assertEqual(self.audit_count("trash", "d_forklift"), 1)
        # Another caller's identical key is its own.
        other = self.client(email="erin@acme.test").request("DELETE", "/%s/forklift-detector" % ACME, headers=headers)
        self.assertEqual(other[0], 404)

    def test_the_same_key_with_another_body_is_422(self):
        key = self.client(FULL_KEY)
        headers = {"Idempotency-Key": "k-1"}
        self.assertEqual(key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"}, headers=headers)[0], 200)
        status, body, _ = key.request("POST", RESTORE, {"type": "workflow", "id": "wf_webhooks"}, headers=headers)
        self.assertEqual(status, 422)
        self.assertEqual(body, {"error": "This Idempotency-Key was used with a different request"})

    def test_keys_expire_after_24_hours(self):
        key = self.client(FULL_KEY)
        headers = {"Idempotency-Key": "old-key"}
        self.assertEqual(key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"}, headers=headers)[0], 200)
        conn = self.db()
        conn.execute("UPDATE idempotency_keys SET created_at = created_at - 25 * 3600 * 1000")
        status, _, response = key.request("POST", RESTORE, {"type": "project", "id": "d_pallet"}, headers=headers)
        self.assertEqual(status, 404)
        self.assertIsNone(response.getheader("Idempotent-Replayed"))

    def test_bad_keys_are_400(self):
        for value in ("", "x" * 300, "caf\u00e9"):
            with self.subTest(value=value):
                status, body, _ = self.client(FULL_KEY).request(
                    "POST", RESTORE, {"type": "project", "id": "d_pallet"},
                    headers={"Idempotency-Key": value.encode("utf-8").decode("latin-1")})
                self.assertEqual((status, body), (400, {"error": "Idempotency-Key must be 1 to 200 printable ASCII characters"}))
