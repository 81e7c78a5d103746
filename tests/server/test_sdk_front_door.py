"""The Roboflow SDK's front door, in the shapes roboflow-python sends and reads: the key check of
Roboflow() (POST /?api_key=), workspace() (GET /:workspace), project() (GET /:workspace/:project,
whose "versions" project.version(N) reads) and GET /:workspace/:project/:version; then the
reference's delete-and-restore example over those handles. Items in Trash are 404."""
import json
import os
import urllib.error
import urllib.request

from tests.server.helper import ACME, FULL_KEY, GLOBEX, READ_KEY, ServerTest


class FrontDoor(ServerTest):
    def call(self, method, path, key=FULL_KEY, body=None):
        """Like requests in the SDK: the key in the query string, JSON bodies."""
        url = "http://127.0.0.1:%d%s%sapi_key=%s" % (self.port, path, "&" if "?" in path else "?", key)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"Content-Type": "application/json"} if data else {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def test_key_check(self):
        self.assertEqual(self.call("POST", "/"), (200, {"workspace": ACME}))
        self.assertEqual(self.call("POST", "/", key="globex_full_demo_key"), (200, {"workspace": GLOBEX}))
        self.assertEqual(self.call("POST", "/", key="wrong_key"), (401, {"error": "Invalid API key"}))

    def test_workspace_lists_active_projects(self):
        status, body = self.call("GET", "/" + ACME)
        self.assertEqual(status, 200, body)
        ws = body["workspace"]
        self.assertEqual((ws["name"], ws["url"]), ("Acme Robotics", ACME))
        ids = [p["id"] for p in ws["projects"]]
        self.assertIn(ACME + "/forklift-detector", ids)
        self.assertNotIn(ACME + "/pallet-counter", ids)  # in Trash
        for project in ws["projects"]:
            self.check_project(project)
        self.assertEqual(self.call("GET", "/" + GLOBEX)[0], 404)

    def check_project(self, project):
        # Project.__init__ reads every one of these.
        for field in ("annotation", "classes", "colors", "created", "id", "images", "name", "public",
                      "splits", "type", "unannotated", "updated"):
            self.assertIn(field, project)
        workspace, slug = project["id"].rsplit("/")
        self.assertEqual(workspace, ACME)

    def test_project_and_versions(self):
        status, body = self.call("GET", "/%s/forklift-detector" % ACME)
        self.assertEqual(status, 200, body)
        self.check_project(body["project"])
        self.assertEqual(body["project"]["name"], "Forklift Detector")
        self.assertEqual(body["workspace"]["url"], ACME)
        numbers = [os.path.basename(v["id"]) for v in body["versions"]]
        self.assertEqual(numbers, ["1", "3"])  # 2 and 4 are in Trash
        for version in body["versions"]:
            for field in ("augmentation", "created", "id", "images", "preprocessing", "splits", "exports"):
                self.assertIn(field, version)
        status, body = self.call("GET", "/%s/forklift-detector/3" % ACME)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["version"]["id"], ACME + "/forklift-detector/3")
        self.assertEqual(body["version"]["name"], "augmented-640")
        self.assertFalse(body["version"]["generating"])
        for path in ("/%s/forklift-detector/2" % ACME, "/%s/pallet-counter" % ACME, "/%s/pallet-counter/1" % ACME,
                     "/%s/no-such-project" % ACME, "/%s/traffic-cones" % GLOBEX):
            with self.subTest(path=path):
                self.assertEqual(self.call("GET", path)[0], 404)

    def test_the_reference_example_end_to_end(self):
        # rf = Roboflow(api_key); project = rf.workspace().project("forklift-detector")
        workspace = self.call("POST", "/")[1]["workspace"]
        ws = self.call("GET", "/" + workspace)[1]["workspace"]
        project = self.call("GET", "/%s/forklift-detector" % ws["url"])[1]["project"]
        ws_url, slug = project["id"].rsplit("/")
        # project.delete(), then project.restore() by the slug it had
        self.assertEqual(self.call("DELETE", "/%s/%s" % (ws_url, slug))[0], 200)
        self.assertEqual(self.call("GET", "/%s/%s" % (ws_url, slug))[0], 404)
        trash = self.call("GET", "/%s/trash" % ws_url)[1]
        item = next(i for i in trash["sections"]["projects"] if i["url"] == slug)
        self.assertEqual(self.call("POST", "/%s/trash/restore" % ws_url, body={"type": "project", "id": item["id"]})[0], 200)
        # version = project.version(3); version.delete(); version.restore()
        versions = self.call("GET", "/%s/%s" % (ws_url, slug))[1]["versions"]
        version = next(v for v in versions if os.path.basename(v["id"]) == "3")
        self.assertEqual(self.call("DELETE", "/" + version["id"])[0], 200)
        self.assertEqual(self.call("GET", "/" + version["id"])[0], 404)
        trash = self.call("GET", "/%s/trash" % ws_url)[1]
        entry = next(i for i in trash["sections"]["versions"] if i["id"] == "3" and i["parentUrl"] == slug)
        status, body = self.call("POST", "/%s/trash/restore" % ws_url,
                                 body={"type": "version", "id": "3", "parentId": entry["parentId"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.call("GET", "/" + version["id"])[0], 200)

    def test_a_read_key_may_look(self):
        self.assertEqual(self.call("GET", "/" + ACME, key=READ_KEY)[0], 200)


class StaticStillServed(ServerTest):
    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.folder, "web"), exist_ok=True)
        with open(os.path.join(self.folder, "web", "index.html"), "w") as f:
            f.write("<!doctype html><title>Trash</title>")
        with open(os.path.join(self.folder, "web", "trash_page.js"), "w") as f:
            f.write("// page")

    def test_files_win_over_the_workspace_route(self):
        for path in ("/index.html", "/trash_page.js", "/"):
            with self.subTest(path=path):
                with urllib.request.urlopen("http://127.0.0.1:%d%s" % (self.port, path), timeout=10) as response:
                    self.assertEqual(response.status, 200)
