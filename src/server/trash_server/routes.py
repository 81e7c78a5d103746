"""The route table and its handlers: Roboflow-compatible, Ultralytics-compatible and web-session
routes. A handler gets a Request (parsed path, query, body, credentials, an open connection),
runs one transaction and answers (status, JSON object[, headers]).

Order of checks on a workspace route: credentials (401), workspace (404, for another workspace's
ids as for unknown ones), then permission or scope, then the item itself.
"""
import json
import re

from . import activity, auth, db, domain, front_door, listing
from .jsonio import CHILD_TYPES, ApiError, get_bool, get_int, get_str, item_ref, now_ms

NO_AUTH, ANY, SESSION = "none", "any", "session"
KEY = "key"  # API keys only; without one the path is left to the static files (the SDK's GET routes)
MAX_BATCH = 10000


# [SECTION] Shared helpers

def _workspace(req):
    """The caller's workspace; the dispatcher has already answered 404 for any other one."""
    return req.principal.workspace


def _not_found(kind, name):
    return ApiError(404, "No %s %s" % (kind, name))


def _actor(req):
    return domain.Actor(req.principal.actor_id, req.principal.actor_name, req.principal.via, req.principal.key_name)


def whoami(conn, principal):
    ws = principal.workspace
    return {"user": principal.user, "role": {"name": principal.role,
                                             "permissions": sorted(principal.permissions, key=auth.PERMISSIONS.index)},
            "workspace": {"id": ws["id"], "url": ws["url"], "name": ws["name"],
                          "retentionDays": ws["retention_days"]},
            "storage": domain.storage(conn, ws), "csrfToken": principal.csrf}


def _key(ref):
    """An item's full key as answers echo it: parentId for versions and models."""
    kind, item_id, parent_id = ref
    return dict({"type": kind, "id": item_id}, **({"parentId": parent_id} if parent_id else {}))


def _listing_change(req, ws, before):
    """The listing's version before and after an action (our extension on the web page's batch
    routes): a page that still holds `before` applies the answer to its own rows and takes
    `after`, so its next refresh answers {"unchanged": true} instead of the whole listing."""
    return {"before": before, "after": listing.listing_version(req.conn, ws)}


def _refs(body):
    """The items of a batch body, parents first so "restore a project and its version" works."""
    items = body.get("items")
    if not isinstance(items, list) or not items:
        raise ApiError(400, "items must be a non-empty array")
    if len(items) > MAX_BATCH:
        raise ApiError(400, "items may hold at most %d entries" % MAX_BATCH)
    refs = [item_ref(item) for item in items]
    return sorted(refs, key=lambda ref: ref[0] in CHILD_TYPES)


# [SECTION] Moving items to Trash (Roboflow-compatible)

def _soft_delete(req, kind, find, answer, delete_images=False):
    req.principal.need(auth.TRASH_PERMISSION[kind], auth.UPDATE_SCOPE[kind])
    with db.transaction(req.conn):
        ws = _workspace(req)
        item = find(ws)
        if kind == "project" and req.principal.kind == "session" and item["owner_id"] != req.principal.actor_id:
            owner = req.conn.execute("SELECT name FROM users WHERE id = ?", (item["owner_id"],)).fetchone()
            name = owner["name"] if owner else "someone else"
            raise ApiError(403, "Only the project owner (%s) can move this project to Trash" % name,
                           extra={"ownerName": name})
        domain.soft_delete(req.conn, item, _actor(req), now_ms(), delete_images)
        return 200, dict({"deleted": True, "type": kind, "workspace": ws["url"]}, **answer(item), trash=True)


def _active_project(req, ws):
    project = domain.find_active_by_url(req.conn, ws["id"], "project", req.params["project"])
    if project is None:
        raise _not_found("project", req.params["project"])
    return project


def delete_project(req):
    flag = req.query.get("deleteImages", "false")
    if flag not in ("true", "false"):
        raise ApiError(400, "deleteImages must be true or false")
    return _soft_delete(req, "project", lambda ws: _active_project(req, ws),
                        lambda p: {"project": p["url"], "projectId": p["id"]}, flag == "true")


def _child_finder(req, kind, key):
    def find(ws):
        project = _active_project(req, ws)
        child = domain.find_active_child(req.conn, project, kind, req.params[key])
        if child is None:
            raise _not_found(kind, req.params[key])
        req.params["projectId"] = project["id"]
        return child
    return find


def delete_version(req):
    return _soft_delete(req, "version", _child_finder(req, "version", "version"),
                        lambda v: {"project": req.params["project"], "projectId": req.params["projectId"],
                                   "version": v["id"]})


def delete_model(req):
    return _soft_delete(req, "model", _child_finder(req, "model", "model"),
                        lambda m: {"project": req.params["project"], "projectId": req.params["projectId"],
                                   "model": m["id"]})


def _top_finder(req, kind):
    def find(ws):
        item = domain.find_active_by_url(req.conn, ws["id"], kind, req.params["url"])
        if item is None:
            raise _not_found(kind, req.params["url"])
        return item
    return find


def delete_workflow(req):
    return _soft_delete(req, "workflow", _top_finder(req, "workflow"),
                        lambda w: {"workflow": w["url"], "workflowId": w["id"]})


def delete_dataset(req):
    return _soft_delete(req, "dataset", _top_finder(req, "dataset"),
                        lambda d: {"dataset": d["url"], "datasetId": d["id"]})


# [SECTION] Listing and restore

def list_trash(req):
    req.principal.need("view_trash", "project:read")
    query = listing.parse_query(req.query)
    # Streamed: the chunks are made while the answer is written, inside one read transaction.
    return 200, db.read_stream(req.conn, lambda: listing.workspace_listing(req.conn, _workspace(req), query))


def _restore_one(req, ws, ref):
    kind, item_id, parent_id = ref
    req.principal.need(auth.RESTORE_PERMISSION[kind], auth.UPDATE_SCOPE[kind])
    return domain.restore(req.conn, ws["id"], kind, item_id, parent_id, _actor(req), now_ms())


def restore(req, id_names=("id",)):
    body = req.json()
    if "items" not in body and "all" not in body:
        ref = item_ref(body, id_names)
        with db.transaction(req.conn):
            result = _restore_one(req, _workspace(req), ref)
        return 200, dict({"restored": True}, **result)
    if req.principal.kind != "session":
        raise ApiError(403, "Restoring several items at once is only available from the web app")
    # Its per-item failures name what is in Trash, so only a role that may see the Trash gets them.
    req.principal.need_permission("view_trash")
    with db.transaction(req.conn):
        ws = _workspace(req)
        before = listing.listing_version(req.conn, ws)
        if get_bool(body, "all"):
            restored, failed = domain.restore_all(req.conn, ws["id"], _actor(req), now_ms(), lambda kind: _refusal(req, kind))
            return 200, {"restored": restored, "failed": failed, "listingVersion": _listing_change(req, ws, before)}
        restored, failed = domain.restore_batch(req.conn, ws["id"], _refs(body), _actor(req), now_ms(),
                                                lambda kind: _refusal(req, kind))
        change = _listing_change(req, ws, before)
    failed = [dict(_key(ref), status=exc.status, error=exc.message) for ref, exc in failed]
    return 200, {"restored": restored, "failed": failed, "listingVersion": change}


def _refusal(req, kind):
    """The error restoring an item of this type would give this caller, or None."""
    try:
        req.principal.need(auth.RESTORE_PERMISSION[kind], auth.UPDATE_SCOPE[kind])
    except ApiError as exc:
        return exc
    return None


# [SECTION] Permanent deletion (web session only)

def _permanent_body(req, confirmed=True):
    """What every permanent deletion checks first: a web session whose role may, then (for the
    item routes) the explicit confirmation. Answers the body."""
    req.principal.need_session()
    req.principal.need_permission("delete_permanently")
    body = req.json()
    if confirmed and body.get("confirm") is not True:
        raise ApiError(400, "confirm must be true to delete permanently")
    return body


def _purge_refs(req, refs):
    """Permanently delete the referenced Trash items, all or nothing (404 if one is not there)."""
    with db.transaction(req.conn):
        ws = _workspace(req)
        before = listing.listing_version(req.conn, ws)
        items = []
        for kind, item_id, parent_id in refs:
            item = domain.find_item(req.conn, ws["id"], kind, item_id, parent_id, in_trash=True)
            if item is None:
                raise ApiError(404, "No %s in Trash" % domain.describe(kind, item_id, parent_id))
            items.append(item)
        exact = domain.purge_changes_only(req.conn, items)
        results = domain.purge(req.conn, items, _actor(req), now_ms())
        answer = {"deleted": [_key(ref) for ref in refs],
                  "freedBytes": sum(r[1] for r in results), "imagesDeleted": sum(r[2] for r in results)}
        if exact:
            answer["listingVersion"] = _listing_change(req, ws, before)
    return 200, answer


def delete_permanently(req):
    return _purge_refs(req, _refs(_permanent_body(req)))


def empty_trash(req):
    body = _permanent_body(req, confirmed=False)
    with db.transaction(req.conn):
        ws = _workspace(req)
        if body.get("confirm") != ws["name"]:
            raise ApiError(400, "Type the workspace name to confirm")
        before = listing.listing_version(req.conn, ws)
        count, freed, images = domain.empty_trash(req.conn, ws["id"], _actor(req), now_ms())
        change = _listing_change(req, ws, before)
    return 200, {"deleted": count, "freedBytes": freed, "imagesDeleted": images, "listingVersion": change}


# [SECTION] Projects page, audit log, workspace settings

def list_projects(req):
    if req.principal.kind == "key":
        req.principal.need_scope("project:read")
    with db.transaction(req.conn, write=False):
        return 200, {"projects": domain.active_projects(req.conn, _workspace(req)["id"])}


def audit_log(req):
    """The Activity screen's events (activity.py): a page of JSON, or every match as CSV."""
    if req.principal.kind == "key":
        raise ApiError(403, "The audit log is only available from the web app")
    req.principal.need_permission("view_activity")
    form = req.query.get("format", "json")
    if form not in ("json", "csv"):
        raise ApiError(400, "format must be json or csv")
    if form == "csv":
        headers, chunks = activity.csv_export(req.conn, req.query, _workspace(req))
        return 200, chunks, headers
    return 200, activity.events_page(req.conn, req.query, _workspace(req)["id"])


def patch_workspace(req):
    """The retention period; with "dryRun" only its preview; with "expectedRetentionDays" a 409
    when someone else changed it since the caller read it."""
    body = req.json()
    days = get_int(body, "retentionDays", 1, 90)
    dry_run = get_bool(body, "dryRun")
    expected = body.get("expectedRetentionDays")
    if expected is not None:
        expected = get_int(body, "expectedRetentionDays", 1, 90)
    if req.principal.role != "Owner":
        raise ApiError(403, "Only the workspace Owner can change the retention period")
    with db.transaction(req.conn, write=not dry_run):
        ws = req.conn.execute("SELECT * FROM workspaces WHERE id = ?", (_workspace(req)["id"],)).fetchone()
        if expected is not None and expected != ws["retention_days"]:
            raise ApiError(409, "The retention period was changed to %d days by someone else" % ws["retention_days"],
                           extra={"retentionDays": ws["retention_days"]})
        if dry_run:
            return 200, {"preview": activity.retention_preview(req.conn, ws, days, now_ms())}
        domain.set_retention(req.conn, ws, days, _actor(req), now_ms())
    req.principal.workspace = dict(ws, retention_days=days)
    with db.transaction(req.conn, write=False):
        return 200, whoami(req.conn, req.principal)


# [SECTION] Ultralytics-compatible routes (the credential's workspace)

def ultra_list(req):
    req.principal.need("view_trash", "project:read")
    with db.transaction(req.conn, write=False):
        return 200, listing.ultralytics_listing(req.conn, _workspace(req), req.query)


def ultra_restore(req):
    return restore(req, id_names=("id", "itemId"))


def ultra_delete(req):
    return _purge_refs(req, [item_ref(_permanent_body(req), ("id", "itemId"))])


# [SECTION] Web session

def sign_in(req):
    # Only JSON: a form or text/plain post from another site (no CORS preflight) must not sign a
    # visitor in to an account of the attacker's choosing.
    if req.headers.get("Content-Type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, "Send the sign-in as application/json")
    body = req.json()
    user_id = req.server.sign_in.check(req.conn, get_str(body, "email"), get_str(body, "password"), req.client)
    with db.transaction(req.conn):
        token = auth.create_session(req.conn, user_id)
        principal = auth.principal_for_session(req.conn, token)
        answer = whoami(req.conn, principal)
    return 200, answer, {"Set-Cookie": "%s=%s; HttpOnly; SameSite=Strict; Path=/" % (auth.SESSION_COOKIE, token)}


def get_session(req):
    with db.transaction(req.conn, write=False):
        return 200, whoami(req.conn, req.principal)


def sign_out(req):
    with db.transaction(req.conn):
        auth.sign_out(req.conn, req.principal)
    return 200, {"signedOut": True}, {"Set-Cookie": "%s=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"
                                      % auth.SESSION_COOKIE}


def demo(req):
    value = db.get_meta(req.conn, "demo")
    if value is None:
        raise ApiError(404, "Not found")
    return 200, json.loads(value)


def healthz(req):
    """For load balancers: the database answers, and at which schema version (no sign-in)."""
    try:
        version = db.schema_version(req.conn)
    except Exception:  # any driver's "cannot reach the database"
        raise ApiError(503, "The database is unreachable") from None
    return 200, {"ok": True, "database": req.conn.dialect.name, "schemaVersion": version}


# [SECTION] The route table: method, path pattern, handler, who may call

_SEG = r"[^/]+"
ROUTES = [(method, re.compile("^%s$" % pattern.replace("{", "(?P<").replace("}", ">%s)" % _SEG)), handler, who)
          for method, pattern, handler, who in [
    ("POST", "/api/session", sign_in, NO_AUTH),
    ("GET", "/api/session", get_session, SESSION),
    ("DELETE", "/api/session", sign_out, SESSION),
    ("GET", "/api/demo", demo, NO_AUTH),
    ("GET", "/healthz", healthz, NO_AUTH),
    ("PATCH", "/api/workspace", patch_workspace, SESSION),
    ("GET", "/api/trash", ultra_list, ANY),
    ("POST", "/api/trash", ultra_restore, ANY),
    ("DELETE", "/api/trash", ultra_delete, ANY),
    ("POST", "/api/trash/empty", empty_trash, ANY),
    ("DELETE", "/api/trash/empty", empty_trash, ANY),
    ("GET", "/{ws}/trash", list_trash, ANY),
    ("POST", "/{ws}/trash/restore", restore, ANY),
    ("POST", "/{ws}/trash/delete", delete_permanently, ANY),
    ("POST", "/{ws}/trash/empty", empty_trash, ANY),
    ("GET", "/{ws}/projects", list_projects, ANY),
    ("GET", "/{ws}/audit", audit_log, ANY),
    ("DELETE", "/{ws}/workflows/{url}", delete_workflow, ANY),
    ("DELETE", "/{ws}/datasets/{url}", delete_dataset, ANY),
    ("DELETE", "/{ws}/{project}/models/{model}", delete_model, ANY),
    ("DELETE", "/{ws}/{project}/{version}", delete_version, ANY),
    ("DELETE", "/{ws}/{project}", delete_project, ANY),
    # The Roboflow SDK's front door (static files win over these for GET: see httpd).
    ("POST", "/", front_door.check_key, ANY),
    ("GET", "/{ws}", front_door.workspace, KEY),
    ("GET", "/{ws}/{project}", front_door.project, KEY),
    ("GET", "/{ws}/{project}/{version}", front_door.version, KEY),
]]


def match(method, path):
    """(handler, who, params) for an API route, or None; a path that only other methods serve
    is a 405, except for GET, which falls through to the static files."""
    allowed = False
    for route_method, pattern, handler, who in ROUTES:
        found = pattern.match(path)
        if found:
            if route_method == method:
                return handler, who, found.groupdict()
            allowed = True
    if allowed and method not in ("GET", "HEAD"):
        raise ApiError(405, "Method not allowed")
    return None
