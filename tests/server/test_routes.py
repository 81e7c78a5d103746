"""The success shape of every route, as the README's table and the reference documents give it."""
import re
import unittest

from tests.server.helper import ACME, FULL_KEY, ServerTest
from trash_server.jsonio import parse_iso

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
BASE_FIELDS = {"type", "id", "name", "deletedAt", "scheduledCleanupAt", "deletedBy", "deletedByName", "sizeBytes"}


class RoboflowRoutes(ServerTest):
    def test_delete_project_answers_the_reference_shape(self):
        status, body, _ = self.client(FULL_KEY).request("DELETE", "/%s/forklift-detector" % ACME)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"deleted": True, "type": "project", "workspace": ACME,
                                "project": "forklift-detector", "projectId": "d_forklift", "trash": True})

    def test_delete_version_answers_the_reference_shape(self):
        status, body, _ = self.client(FULL_KEY).request("DELETE", "/%s/forklift-detector/3" % ACME)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"deleted": True, "type": "version", "workspace": ACME,
                                "project": "forklift-detector", "projectId": "d_forklift", "version": "3",
                                "trash": True})

    def test_delete_workflow_answers_the_reference_shape(self):
        status, body, _ = self.client(FULL_KEY).request("DELETE", "/%s/workflows/inference-router" % ACME)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"deleted": True, "type": "workflow", "workspace": ACME,
                                "workflow": "inference-router", "workflowId": "wf_router", "trash": True})

    def test_delete_dataset_and_model(self):
        client = self.client(FULL_KEY)
        status, body, _ = client.request("DELETE", "/%s/datasets/warehouse-labels" % ACME)
        self.assertEqual((status, body["datasetId"], body["type"]), (200, "ds_labels", "dataset"))
        status, body, _ = client.request("DELETE", "/%s/forklift-detector/models/m_forklift_y8" % ACME)
        self.assertEqual((status, body["model"], body["projectId"]), (200, "m_forklift_y8", "d_forklift"))

    def test_listing_items_and_sections(self):
        status, body, _ = self.client(FULL_KEY).request("GET", "/%s/trash" % ACME)
        self.assertEqual(status, 200)
        self.assertEqual(set(body), {"items", "sections"})
        self.assertEqual(set(body["sections"]), {"projects", "versions", "workflows", "models", "datasets"})
        self.assertEqual(sum(len(s) for s in body["sections"].values()), len(body["items"]))
        dates = [item["deletedAt"] for item in body["items"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        for item in body["items"]:
            self.assertTrue(BASE_FIELDS <= set(item), item)
            self.assertRegex(item["deletedAt"], ISO)
            self.assertRegex(item["scheduledCleanupAt"], ISO)
            if item["type"] == "project":
                self.assertIsInstance(item["cleanupDeleteImages"], bool)
                self.assertIsInstance(item["childCount"], int)
                self.assertIn("url", item)
            if item["type"] in ("workflow", "dataset"):
                self.assertIn("url", item)
            if item["type"] in ("version", "model"):
                self.assertTrue({"parentId", "parentName", "parentUrl", "parentInTrash"} <= set(item))

    def test_restore_answers_the_reference_shape(self):
        status, body, _ = self.client(FULL_KEY).request(
            "POST", "/%s/trash/restore" % ACME, {"type": "version", "id": "2", "parentId": "d_forklift"})
        self.assertEqual((status, body), (200, {"restored": True, "type": "version", "id": "2", "parentId": "d_forklift"}))
        status, body, _ = self.client(FULL_KEY).request(
            "POST", "/%s/trash/restore" % ACME, {"type": "workflow", "id": "wf_webhooks"})
        self.assertEqual(body, {"restored": True, "type": "workflow", "id": "wf_webhooks", "url": "slow-webhooks"})

    def test_projects_page(self):
        status, body, _ = self.client(FULL_KEY).request("GET", "/%s/projects" % ACME)
        self.assertEqual(status, 200)
        forklift = next(p for p in body["projects"] if p["id"] == "d_forklift")
        self.assertEqual(forklift, {"id": "d_forklift", "name": "Forklift Detector", "url": "forklift-detector",
                                    "ownerId": "u_alice", "ownerName": "Alice Chen", "versionCount": 2,
                                    "modelCount": 1, "imageCount": 480, "exclusiveImageCount": 300,
                                    "sizeBytes": 1288490188 + 734003200 + 1073741824 + 6291456})
        self.assertNotIn("d_pallet", [p["id"] for p in body["projects"]])


class SessionRoutes(ServerTest):
    def test_sign_in_sets_a_strict_http_only_cookie_and_answers_who_am_i(self):
        client = self.client()
        status, body, response = client.request("POST", "/api/session",
                                                {"email": "alice@acme.test", "password": "demo-alice"})
        self.assertEqual(status, 200)
        cookie = response.getheader("Set-Cookie")
        self.assertRegex(cookie, r"^trash_session=[^;]+; HttpOnly; SameSite=Strict; Path=/$")
        self.assertEqual(set(body), {"user", "role", "workspace", "storage", "csrfToken"})
        self.assertEqual(body["user"], {"id": "u_alice", "name": "Alice Chen", "email": "alice@acme.test"})
        self.assertEqual(body["role"]["name"], "Owner")
        self.assertIn("delete_permanently", body["role"]["permissions"])
        self.assertEqual(body["workspace"], {"id": "ws_acme", "url": ACME, "name": "Acme Robotics",
                                             "retentionDays": 30})
        self.assertEqual(set(body["storage"]), {"usedBytes", "trashBytes", "quotaBytes"})

    def test_who_am_i_and_sign_out(self):
        client = self.client(email="bob@acme.test")
        status, body, _ = client.request("GET", "/api/session")
        self.assertEqual((status, body["role"]["name"]), (200, "Admin"))
        self.assertNotIn("delete_permanently", body["role"]["permissions"])
        status, body, response = client.request("DELETE", "/api/session")
        self.assertEqual((status, body), (200, {"signedOut": True}))
        self.assertIn("Max-Age=0", response.getheader("Set-Cookie"))
        self.assertEqual(client.request("GET", "/api/session")[:2], (401, {"error": "Not signed in"}))

    def test_wrong_password_is_401_without_saying_which_half(self):
        status, body, _ = self.client().request("POST", "/api/session",
                                                {"email": "alice@acme.test", "password": "nope"})
        self.assertEqual((status, body), (401, {"error": "Wrong email or password"}))
        status, body, _ = self.client().request("POST", "/api/session",
                                                {"email": "nobody@acme.test", "password": "nope"})
        self.assertEqual((status, body), (401, {"error": "Wrong email or password"}))

    def test_demo_lists_users_and_keys(self):
        status, body, _ = self.client().request("GET", "/api/demo")
        self.assertEqual(status, 200)
        self.assertEqual(body["workspace"], ACME)
        alice = next(u for u in body["users"] if u["email"] == "alice@acme.test")
        self.assertEqual((alice["role"], alice["password"], alice["name"]), ("Owner", "demo-alice", "Alice Chen"))
        key = next(k for k in body["apiKeys"] if k["key"] == FULL_KEY)
        self.assertEqual((key["workspace"], "project:read" in key["scopes"]), (ACME, True))

    def test_batch_restore_restores_parents_before_children(self):
        client = self.client(email="alice@acme.test")
        status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, {"items": [
            {"type": "version", "id": "1", "parentId": "d_shelf"}, {"type": "project", "id": "d_shelf"},
            {"type": "workflow", "id": "wf_nope"}]})
        self.assertEqual(status, 200)
        self.assertEqual(body["restored"], [{"type": "project", "id": "d_shelf", "url": "shelf-gap-finder"},
                                            {"type": "version", "id": "1", "parentId": "d_shelf"}])
        self.assertEqual(body["failed"], [{"type": "workflow", "id": "wf_nope", "status": 404,
                                           "error": "No workflow wf_nope in Trash"}])

    def test_restore_all(self):
        client = self.client(email="alice@acme.test")
        count = len(self.trash())
        status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, {"all": True})
        self.assertEqual((status, len(body["restored"]), body["failed"]), (200, count, []))
        self.assertEqual(self.trash(), [])

    def test_restore_echoes_the_full_key_of_every_restored_item(self):
        """Versions and models carry parentId on success as on failure, so clients match by key."""
        client = self.client(email="alice@acme.test")
        children = [item for item in self.trash() if item["type"] in ("version", "model")]
        self.assertTrue(children)
        status, body, _ = client.request("POST", "/%s/trash/restore" % ACME, {"all": True})
        self.assertEqual(status, 200)
        for item in children:
            self.assertIn({"type": item["type"], "id": item["id"], "parentId": item["parentId"]},
                          [{k: r[k] for k in ("type", "id", "parentId") if k in r} for r in body["restored"]])
        for item in body["restored"]:
            self.assertEqual("parentId" in item, item["type"] in ("version", "model"))

    def test_permanent_delete(self):
        client = self.client(email="alice@acme.test")
        status, body, _ = client.request("POST", "/%s/trash/delete" % ACME, {
            "items": [{"type": "workflow", "id": "wf_webhooks"}], "confirm": True})
        self.assertEqual((status, body), (200, {"deleted": [{"type": "workflow", "id": "wf_webhooks"}],
                                                "freedBytes": 12288, "imagesDeleted": 0}))

    def test_empty_trash(self):
        client = self.client(email="alice@acme.test")
        before = client.request("GET", "/api/session")[1]["storage"]
        count = len(self.trash())
        status, body, _ = client.request("POST", "/%s/trash/empty" % ACME, {"confirm": "Acme Robotics"})
        self.assertEqual((status, body["deleted"], body["freedBytes"]), (200, count, before["trashBytes"]))
        self.assertEqual(body["imagesDeleted"], 240)
        after = client.request("GET", "/api/session")[1]["storage"]
        self.assertEqual(after["trashBytes"], 0)
        self.assertEqual(after["usedBytes"], before["usedBytes"] - before["trashBytes"])

    def test_audit_log(self):
        client = self.client(email="alice@acme.test")
        client.request("DELETE", "/%s/workflows/inference-router" % ACME)
        status, body, _ = client.request("GET", "/%s/audit?limit=2" % ACME)
        self.assertEqual((status, len(body["events"])), (200, 2))
        event = body["events"][0]
        self.assertEqual(set(event), {"eventId", "at", "actorId", "actorName", "action", "via", "keyName", "type", "id",
                                      "name", "parentName", "slug", "runId", "runCount", "images", "bytes", "detail",
                                      "oldValue", "newValue"})
        self.assertEqual((event["action"], event["via"], event["id"], event["actorName"]),
                         ("trash", "web", "wf_router", "Alice Chen"))
        self.assertEqual(set(body), {"events", "nextCursor", "actors"})

    def test_patch_retention(self):
        client = self.client(email="alice@acme.test")
        status, body, _ = client.request("PATCH", "/api/workspace", {"retentionDays": 7})
        self.assertEqual((status, body["workspace"]["retentionDays"]), (200, 7))
        item = self.find(self.trash(), "workflow", "wf_webhooks")
        self.assertEqual(parse_iso(item["scheduledCleanupAt"]) - parse_iso(item["deletedAt"]), 7 * 86400000)
        self.assertEqual(client.request("PATCH", "/api/workspace", {"retentionDays": 91})[:2],
                         (400, {"error": "retentionDays must be between 1 and 90"}))
        bob = self.client(email="bob@acme.test")
        self.assertEqual(bob.request("PATCH", "/api/workspace", {"retentionDays": 9})[0], 403)


class UltralyticsRoutes(ServerTest):
    def test_listing_pages(self):
        client = self.client(FULL_KEY)
        status, body, _ = client.request("GET", "/api/trash?limit=5&page=2")
        self.assertEqual(status, 200)
        self.assertEqual(set(body), {"items", "total", "page", "limit"})
        self.assertEqual((body["page"], body["limit"], len(body["items"])), (2, 5, 5))
        self.assertEqual(body["total"], len(self.trash()))
        status, body, _ = client.request("GET", "/api/trash?type=dataset")
        self.assertEqual({i["type"] for i in body["items"]}, {"dataset"})

    def test_restore_with_item_id(self):
        status, body, _ = self.client(FULL_KEY).request("POST", "/api/trash", {"itemId": "ds_night", "type": "dataset"})
        self.assertEqual((status, body), (200, {"restored": True, "type": "dataset", "id": "ds_night",
                                                "url": "night-shift-captures"}))

    def test_session_deletes_one_and_empties(self):
        client = self.client(email="alice@acme.test")
        status, body, _ = client.request("DELETE", "/api/trash", {"id": "ds_night", "type": "dataset", "confirm": True})
        self.assertEqual((status, body["deleted"], body["freedBytes"]), (200, [{"type": "dataset", "id": "ds_night"}], 987654321))
        status, body, _ = client.request("DELETE", "/api/trash/empty", {"confirm": "Acme Robotics"})
        self.assertEqual(status, 200)
        self.assertGreater(body["deleted"], 5)
        self.assertEqual(self.trash(), [])


if __name__ == "__main__":
    unittest.main()
