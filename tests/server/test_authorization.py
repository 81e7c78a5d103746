"""The authorisation matrix: every API-key scope and every demo role, against every type, for
trash, restore, listing and permanent deletion, in the caller's workspace and in another one."""
import itertools
import unittest

from tests.server.helper import ACME, FULL_KEY, GLOBEX_KEY, ServerTest
from trash_server import auth, db, domain
from trash_server.jsonio import TYPES, now_ms

WEB_ONLY = {"error": "Permanent deletion is only available from the Trash page in the web app"}
ROLE_USERS = {"Owner": "alice@acme.test", "Admin": "bob@acme.test", "Reviewer": "carol@acme.test",
              "Viewer": "dan@acme.test"}
USER_IDS = {"alice@acme.test": "u_alice", "bob@acme.test": "u_bob", "carol@acme.test": "u_carol",
            "dan@acme.test": "u_dan"}


class Matrix(ServerTest):
    def setUp(self):
        super().setUp()
        self.conn = self.db()
        self.counter = itertools.count(1)
        with db.transaction(self.conn):
            for scope in auth.SCOPES:
                self.conn.execute("INSERT INTO api_keys (key_hash, workspace_id, name, scopes) VALUES (?, 'ws_acme', ?, ?)",
                                  (auth.token_hash("only-" + scope), scope, scope))

    def make(self, kind, owner="u_alice", trashed=False):
        """A fresh item of `kind` (under a fresh active project for versions and models); answers
        its DELETE path and its restore body."""
        n = next(self.counter)
        with db.transaction(self.conn):
            def insert(k, ident, parent=None, url=None):
                return self.conn.execute(
                    "INSERT INTO items (workspace_id, type, id, parent_pk, name, url, owner_id, size_bytes)"
                    " VALUES ('ws_acme', ?, ?, ?, ?, ?, ?, 10)", (k, ident, parent, "%s %d" % (k, n), url, owner)).lastrowid
            parent = None
            if kind in ("version", "model"):
                parent = insert("project", "d_mx%d" % n, url="mx-%d" % n)
            ident = {"project": "d_x%d", "version": "%d", "model": "m_x%d", "dataset": "ds_x%d",
                     "workflow": "wf_x%d"}[kind] % n
            pk = insert(kind, ident, parent, None if parent else "x-%d" % n)
            if trashed:
                item = self.conn.execute("SELECT * FROM items WHERE pk = ?", (pk,)).fetchone()
                domain.soft_delete(self.conn, item, domain.Actor(owner, "x", "ui"), now_ms())
        path = {"project": "/%s/x-%d" % (ACME, n), "version": "/%s/mx-%d/%s" % (ACME, n, ident),
                "model": "/%s/mx-%d/models/%s" % (ACME, n, ident), "dataset": "/%s/datasets/x-%d" % (ACME, n),
                "workflow": "/%s/workflows/x-%d" % (ACME, n)}[kind]
        body = {"type": kind, "id": ident}
        if parent:
            body["parentId"] = "d_mx%d" % n
        return path, body

    def test_each_scope_against_each_type(self):
        for scope, kind in itertools.product(auth.SCOPES, TYPES):
            with self.subTest(scope=scope, type=kind):
                client = self.client("only-" + scope)
                allowed = scope == auth.UPDATE_SCOPE[kind]
                path, _ = self.make(kind)
                status, body, _ = client.request("DELETE", path)
                self.assertEqual(status, 200 if allowed else 401, body)
                if not allowed:
                    self.assertEqual(body, {"error": "This API key lacks the %s scope" % auth.UPDATE_SCOPE[kind]})
                _, restore_body = self.make(kind, trashed=True)
                status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, restore_body)
                self.assertEqual(status, 200 if allowed else 401, body)

    def test_listing_needs_project_read(self):
        for scope in auth.SCOPES:
            with self.subTest(scope=scope):
                status, _, _ = self.client("only-" + scope).request("GET", "/%s/trash" % ACME)
                self.assertEqual(status, 200 if scope == "project:read" else 401)

    def test_each_role_against_each_type(self):
        for role, kind in itertools.product(ROLE_USERS, TYPES):
            with self.subTest(role=role, type=kind):
                email = ROLE_USERS[role]
                client = self.client(email=email)
                permissions = client.request("GET", "/api/session")[1]["role"]["permissions"]
                path, _ = self.make(kind, owner=USER_IDS[email])
                status, body, _ = client.request("DELETE", path)
                can_trash = auth.TRASH_PERMISSION[kind] in permissions
                self.assertEqual(status, 200 if can_trash else 403, body)
                if not can_trash:
                    self.assertEqual(body["error"], "Your role lacks the %s permission" % auth.TRASH_PERMISSION[kind])
                _, restore_body = self.make(kind, trashed=True)
                status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, restore_body)
                self.assertEqual(status, 200 if auth.RESTORE_PERMISSION[kind] in permissions else 403, body)

    def test_roles_on_listing_and_permanent_deletion(self):
        for role, email in ROLE_USERS.items():
            with self.subTest(role=role):
                client = self.client(email=email)
                permissions = client.request("GET", "/api/session")[1]["role"]["permissions"]
                status, _, _ = client.request("GET", "/%s/trash" % ACME)
                self.assertEqual(status, 200 if "view_trash" in permissions else 403)
                _, ref = self.make("dataset", trashed=True)
                status, body, _ = client.request("POST", "/%s/trash/delete" % ACME, {"items": [ref], "confirm": True})
                self.assertEqual(status, 200 if role == "Owner" else 403, body)

    def test_another_workspace_answers_404_for_everything(self):
        gina = self.client(email="gina@globex.test")
        for client in (self.client(GLOBEX_KEY), gina):
            for kind in TYPES:
                with self.subTest(client=client.key or "session", type=kind):
                    path, _ = self.make(kind)
                    self.assertEqual(client.request("DELETE", path)[:2], (404, {"error": "Not found"}))
                    _, ref = self.make(kind, trashed=True)
                    self.assertEqual(client.request("POST", "/%s/trash/restore" % ACME, ref)[:2],
                                     (404, {"error": "Not found"}))
            for method, path, body in (("GET", "/%s/trash" % ACME, None), ("GET", "/%s/projects" % ACME, None),
                                       ("GET", "/%s/audit" % ACME, None),
                                       ("POST", "/%s/trash/delete" % ACME, {"items": [ref], "confirm": True}),
                                       ("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})):
                self.assertEqual(client.request(method, path, body)[:2], (404, {"error": "Not found"}), path)
        # Ids of the other workspace, asked through one's own workspace, are simply not there.
        status, body, _ = gina.request("POST", "/globex-vision/trash/restore", {"type": "workflow", "id": "wf_webhooks"})
        self.assertEqual((status, body), (404, {"error": "No workflow wf_webhooks in Trash"}))
        self.assertIsNotNone(self.find(self.trash(), "workflow", "wf_webhooks"))

    def test_no_api_key_can_delete_permanently(self):
        _, ref = self.make("dataset", trashed=True)
        for key in [FULL_KEY] + ["only-" + s for s in auth.SCOPES]:
            client = self.client(key)
            for method, path, body in (("POST", "/%s/trash/delete" % ACME, {"items": [ref], "confirm": True}),
                                       ("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"}),
                                       ("DELETE", "/api/trash", dict(ref, confirm=True)),
                                       ("POST", "/api/trash/empty", {"confirm": "Acme Robotics"}),
                                       ("DELETE", "/api/trash/empty", {"confirm": "Acme Robotics"})):
                with self.subTest(key=key, path=path, method=method):
                    self.assertEqual(client.request(method, path, body)[:2], (403, WEB_ONLY))
        self.assertIsNotNone(self.find(self.trash(), "dataset", ref["id"]))


class Credentials(ServerTest):
    def test_missing_and_invalid_credentials_are_401(self):
        self.assertEqual(self.client().request("GET", "/%s/trash" % ACME)[:2],
                         (401, {"error": "Sign in or pass an API key"}))
        self.assertEqual(self.client("wrong-key").request("GET", "/%s/trash" % ACME)[:2],
                         (401, {"error": "Invalid API key"}))
        client = self.client()
        client.cookie = "trash_session=forged"
        self.assertEqual(client.request("GET", "/api/session")[:2], (401, {"error": "Not signed in"}))

    def test_an_expired_session_is_signed_out(self):
        client = self.client(email="alice@acme.test")
        conn = self.db()
        with db.transaction(conn):
            conn.execute("UPDATE sessions SET expires_at = ?", (now_ms() - 1,))
        self.assertEqual(client.request("GET", "/%s/trash" % ACME)[:2], (401, {"error": "Sign in or pass an API key"}))

    def test_bearer_header_works_like_api_key(self):
        status, _, _ = self.client().request("GET", "/%s/trash" % ACME, headers={"Authorization": "Bearer " + FULL_KEY})
        self.assertEqual(status, 200)

    def test_state_changing_session_requests_need_the_csrf_token(self):
        client = self.client(email="alice@acme.test")
        missing = client.request("DELETE", "/%s/workflows/inference-router" % ACME, csrf=False)
        self.assertEqual(missing[:2], (403, {"error": "Missing or invalid CSRF token"}))
        client.csrf = "x" * 43
        self.assertEqual(client.request("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})[0], 403)
        self.assertEqual(client.request("GET", "/%s/trash" % ACME)[0], 200)

    def test_only_the_project_owner_may_trash_a_project(self):
        status, body, _ = self.client(email="bob@acme.test").request("DELETE", "/%s/forklift-detector" % ACME)
        self.assertEqual((status, body), (403, {"error": "Only the project owner (Alice Chen) can move this project to Trash",
                                                "ownerName": "Alice Chen"}))
        status, _, _ = self.client(email="erin@acme.test").request("DELETE", "/%s/forklift-detector" % ACME)
        self.assertEqual(status, 403)
        status, _, _ = self.client(email="alice@acme.test").request("DELETE", "/%s/forklift-detector" % ACME)
        self.assertEqual(status, 200)

    def test_session_only_routes_refuse_keys(self):
        client = self.client(FULL_KEY)
        self.assertEqual(client.request("GET", "/api/session")[0], 403)
        self.assertEqual(client.request("GET", "/%s/audit" % ACME)[0], 403)
        self.assertEqual(client.request("POST", "/%s/trash/restore" % ACME, {"all": True})[0], 403)


if __name__ == "__main__":
    unittest.main()
