"""Keyset paging of GET /:workspace/trash: the cursor holds the last row's sort key and id, so an
item that stays in Trash the whole time appears exactly once, whatever is restored or deleted
between two pages."""
from tests.server.helper import ACME, FULL_KEY, ServerTest
from trash_server import seed


class KeysetPaging(ServerTest):
    def setUp(self):
        super().setUp()
        conn = self.db()
        seed.add_synthetic_items(conn, ACME, 60)

    def get(self, query):
        status, body, _ = self.client(FULL_KEY).request("GET", "/%s/trash?%s" % (ACME, query))
        self.assertEqual(status, 200, body)
        return body

    def restore(self, item):
        body = {"type": item["type"], "id": item["id"]}
        if item.get("parentId"):
            body["parentId"] = item["parentId"]
        status, answer, _ = self.client(FULL_KEY).request("POST", "/%s/trash/restore" % ACME, body)
        return status

    def test_restores_between_pages_skip_nothing(self):
        for sort in ("-deletedAt", "name", "-sizeBytes", "type", "deletedByName"):
            with self.subTest(sort=sort):
                before = {(i["type"], i.get("parentId"), i["id"]) for i in self.get("sections=0&sort=" + sort)["items"]}
                seen, restored, query = [], set(), "sections=0&limit=7&sort=" + sort
                while True:
                    page = self.get(query)
                    self.assertEqual(set(page), {"items", "total", "version", "nextCursor"})
                    seen += [(i["type"], i.get("parentId"), i["id"]) for i in page["items"]]
                    # Restore rows already shown (they leave the earlier part of the order)...
                    for item in page["items"][:2]:
                        if item["type"] in ("dataset", "workflow") and self.restore(item) == 200:
                            restored.add((item["type"], item.get("parentId"), item["id"]))
                    if page["nextCursor"] is None:
                        break
                    self.assertIsInstance(page["nextCursor"], str)
                    query = "sections=0&limit=7&sort=%s&cursor=%s" % (sort, page["nextCursor"])
                stayed = before - restored
                self.assertTrue(restored)
                self.assertEqual(sorted(s for s in seen if s in stayed), sorted(stayed))
                self.assertEqual(len(seen), len(set(seen)))
                # Put them back in Trash is not possible through restore; the next sort starts smaller.

    def test_a_cursor_belongs_to_its_sort(self):
        cursor = self.get("sections=0&limit=3&sort=name")["nextCursor"]
        status, body, _ = self.client(FULL_KEY).request(
            "GET", "/%s/trash?sections=0&limit=3&sort=-sizeBytes&cursor=%s" % (ACME, cursor))
        self.assertEqual((status, body), (400, {"error": "cursor is not valid for this listing"}))
