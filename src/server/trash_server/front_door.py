"""The Roboflow SDK's front door: the routes roboflow-python calls before any Trash route, in the
shapes it reads. `Roboflow(api_key)` posts the key to `/` and reads "workspace"; `workspace()`
reads `GET /:workspace` ({"workspace": {"name", "url", "projects"}}); `project()` reads
`GET /:workspace/:project` ("project", and "versions" for `project.version(N)`). Only what the SDK
reads, from the live data; what this server does not know (project type, classes, times) is
null or empty. Items in Trash are 404, as everywhere.
"""
from . import db
from .jsonio import ApiError


def _need_read(req):
    if req.principal.kind == "key":
        req.principal.need_scope("project:read")


def check_key(req):
    """Roboflow.__init__'s key check: any valid credential answers its workspace."""
    return 200, {"workspace": req.principal.workspace["url"]}


# Active projects with what the SDK's Project reads; callers add a condition and its order.
_PROJECTS = ("SELECT p.pk, p.id, p.url, p.name, (SELECT count(*) FROM project_images pi WHERE pi.project_pk = p.pk)"
             " AS images, (SELECT count(*) FROM items v WHERE v.parent_pk = p.pk AND v.type = 'version'"
             " AND v.trash_event IS NULL) AS versions FROM items p WHERE p.workspace_id = ? AND p.type = 'project'"
             " AND p.trash_event IS NULL")


def _active_project(req, ws):
    row = req.conn.execute(_PROJECTS + " AND p.url = ?", (ws["id"], req.params["project"])).fetchone()
    if row is None:
        raise ApiError(404, "No project %s" % req.params["project"])
    return row


def _project_json(ws, row):
    return {"id": "%s/%s" % (ws["url"], row["url"]), "name": row["name"], "type": None, "versions": row["versions"],
            "images": row["images"], "unannotated": None, "annotation": None, "classes": {}, "colors": {},
            "splits": {}, "public": False, "created": None, "updated": None}


def _version_json(ws, project, row):
    return {"id": "%s/%s/%s" % (ws["url"], project["url"], row["id"]), "name": row["name"], "created": None,
            "images": None, "splits": {}, "augmentation": {}, "preprocessing": {}, "exports": [],
            "generating": False, "progress": None}


def _workspace_json(ws):
    return {"name": ws["name"], "url": ws["url"]}


def workspace(req):
    _need_read(req)
    ws = req.principal.workspace
    with db.transaction(req.conn, write=False):
        projects = [_project_json(ws, row) for row in req.conn.execute(
            _PROJECTS + " ORDER BY p.name COLLATE NOCASE, p.pk", (ws["id"],))]
    return 200, {"workspace": dict(_workspace_json(ws), projects=projects)}


def _versions(req, project):
    return req.conn.execute("SELECT id, name FROM items WHERE parent_pk = ? AND type = 'version' AND trash_event IS NULL"
                            " ORDER BY CAST(id AS INTEGER), id", (project["pk"],)).fetchall()


def project(req):
    _need_read(req)
    ws = req.principal.workspace
    with db.transaction(req.conn, write=False):
        row = _active_project(req, ws)
        versions = [_version_json(ws, row, v) for v in _versions(req, row)]
    return 200, {"workspace": _workspace_json(ws), "project": _project_json(ws, row), "versions": versions}


def version(req):
    _need_read(req)
    ws = req.principal.workspace
    with db.transaction(req.conn, write=False):
        row = _active_project(req, ws)
        found = next((v for v in _versions(req, row) if v["id"] == req.params["version"]), None)
        if found is None:
            raise ApiError(404, "No version %s of project %s" % (req.params["version"], row["url"]))
    return 200, {"workspace": _workspace_json(ws), "project": _project_json(ws, row),
                 "version": _version_json(ws, row, found)}
