"""The domain rules of design.md section 2: soft delete with its deletion event, restore,
permanent deletion (single, batch, Empty Trash, cleanup), storage figures and the audit trail.

Every function here runs inside a transaction opened by its caller and never commits itself, so a
route or a cleanup batch is all-or-nothing.
"""
import collections

from .jsonio import CHILD_TYPES, ApiError

Actor = collections.namedtuple("Actor", "id name via")
CLEANUP_ACTOR = Actor(None, "Retention cleanup", "cleanup")

# Project slugs live beside these path segments under /:workspace/, so they can never be slugs.
RESERVED_PROJECT_SLUGS = frozenset({"trash", "projects", "audit", "workflows", "datasets"})
RESERVED_WORKSPACE_SLUGS = frozenset({"api", "assets", "static", "web", "build", "index.html"})
DAY_MS = 86400 * 1000


def audit(conn, workspace_id, actor, action, now, item=None, detail=""):
    if item is not None and item["parent_pk"] is not None:
        # A version id ("3") means nothing without its project.
        parent = conn.execute("SELECT id FROM items WHERE pk = ?", (item["parent_pk"],)).fetchone()
        detail = "project %s%s" % (parent["id"], "; " + detail if detail else "")
    conn.execute(
        "INSERT INTO audit_events (workspace_id, at, actor_id, actor_name, action, via, type, item_id,"
        " name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (workspace_id, now, actor.id, actor.name, action, actor.via,
         item["type"] if item else None, item["id"] if item else None,
         item["name"] if item else None, detail))


# [SECTION] Finding items

def find_item(conn, workspace_id, kind, item_id, parent_id=None, in_trash=None):
    """One item by its public identity; a version or model is identified within its project."""
    if kind in CHILD_TYPES:
        row = conn.execute(
            "SELECT c.* FROM items c JOIN items p ON p.pk = c.parent_pk WHERE c.workspace_id = ?"
            " AND c.type = ? AND c.id = ? AND p.type = 'project' AND p.id = ?",
            (workspace_id, kind, item_id, parent_id)).fetchone()
    else:
        row = conn.execute("SELECT * FROM items WHERE workspace_id = ? AND type = ? AND id = ?"
                           " AND parent_pk IS NULL", (workspace_id, kind, item_id)).fetchone()
    if row is None or (in_trash is not None and (row["trash_event"] is not None) != in_trash):
        return None
    return row


def find_active_by_url(conn, workspace_id, kind, url):
    return conn.execute("SELECT * FROM items WHERE workspace_id = ? AND type = ? AND url = ?"
                        " AND trash_event IS NULL", (workspace_id, kind, url)).fetchone()


def find_active_child(conn, parent, kind, item_id):
    return conn.execute("SELECT * FROM items WHERE parent_pk = ? AND type = ? AND id = ?"
                        " AND trash_event IS NULL", (parent["pk"], kind, item_id)).fetchone()


def describe(kind, item_id, parent_id=None):
    return "%s %s%s" % (kind, item_id, " of project %s" % parent_id if parent_id else "")


# [SECTION] Soft delete

def soft_delete(conn, item, actor, now, delete_images=False):
    """Move an active item, and its active children, to Trash as one deletion event; cancel the
    in-flight training of everything that went. Serving stops by itself: a model serves only while
    it, its project and the version it was trained on are all active (see `is_serving`)."""
    event = conn.execute(
        "INSERT INTO deletion_events (workspace_id, root_pk, at, actor_id, via) VALUES (?, ?, ?, ?, ?)",
        (item["workspace_id"], item["pk"], now, actor.id, actor.via)).lastrowid
    conn.execute("UPDATE items SET trash_event = ?, cleanup_delete_images = ? WHERE pk = ?",
                 (event, 1 if delete_images and item["type"] == "project" else 0, item["pk"]))
    children = conn.execute("UPDATE items SET trash_event = ? WHERE parent_pk = ? AND trash_event IS NULL",
                            (event, item["pk"])).rowcount
    cancelled = conn.execute(
        "UPDATE training_jobs SET status = 'cancelled' WHERE status IN ('queued', 'running')"
        " AND item_pk IN (SELECT pk FROM items WHERE trash_event = ? AND workspace_id = ?)",
        (event, item["workspace_id"])).rowcount
    detail = []
    if children:
        detail.append("with %d children" % children)
    if cancelled:
        detail.append("cancelled %d training jobs" % cancelled)
    if delete_images and item["type"] == "project":
        detail.append("exclusive images will be deleted at cleanup")
    audit(conn, item["workspace_id"], actor, "trash", now, item, "; ".join(detail))
    return children


def is_serving(conn, model_pk):
    row = conn.execute(
        "SELECT m.deployed AND m.trash_event IS NULL AND p.trash_event IS NULL"
        " AND (v.pk IS NULL OR v.trash_event IS NULL) FROM items m JOIN items p ON p.pk = m.parent_pk"
        " LEFT JOIN items v ON v.pk = m.trained_on_pk WHERE m.pk = ?", (model_pk,)).fetchone()
    return bool(row and row[0])


# [SECTION] Restore

def unique_slug(conn, workspace_id, kind, url):
    """The slug itself if free, else the first free "slug-2", "slug-3", ..."""
    candidate, n = url, 1
    while (find_active_by_url(conn, workspace_id, kind, candidate)
           or (kind == "project" and candidate in RESERVED_PROJECT_SLUGS)):
        n += 1
        candidate = "%s-%d" % (url, n)
    return candidate


def restore(conn, workspace_id, kind, item_id, parent_id, actor, now):
    """Bring an item (and the children that went with it) back; answers the restored reference."""
    item = find_item(conn, workspace_id, kind, item_id, parent_id, in_trash=True)
    if item is None:
        raise ApiError(404, "No %s in Trash" % describe(kind, item_id, parent_id))
    if kind in CHILD_TYPES:
        parent = conn.execute("SELECT trash_event FROM items WHERE pk = ?", (item["parent_pk"],)).fetchone()
        if parent["trash_event"] is not None:
            raise ApiError(409, "The parent project is in Trash: restore the parent project first")
    result = {"type": kind, "id": item_id}
    if item["url"] is not None:
        slug = unique_slug(conn, workspace_id, kind, item["url"])
        if slug != item["url"]:
            conn.execute("UPDATE items SET url = ? WHERE pk = ?", (slug, item["pk"]))
        result["url"] = slug
    event = item["trash_event"]
    children = conn.execute("UPDATE items SET trash_event = NULL WHERE trash_event = ? AND pk != ?"
                            " AND workspace_id = ?", (event, item["pk"], workspace_id)).rowcount
    conn.execute("UPDATE items SET trash_event = NULL, cleanup_delete_images = 0 WHERE pk = ?", (item["pk"],))
    conn.execute("DELETE FROM deletion_events WHERE pk = ?", (event,))
    detail = "with %d children" % children if children else ""
    if item["url"] is not None and result["url"] != item["url"]:
        detail = ("%s; " % detail if detail else "") + "slug taken, restored as %s" % result["url"]
    audit(conn, workspace_id, actor, "restore", now, item, detail)
    return result


# [SECTION] Permanent deletion

def exclusive_images(conn, project_pk):
    """Images of this project that no other existing project (active or in Trash) uses."""
    return conn.execute(
        "SELECT im.pk, im.size_bytes FROM project_images pi JOIN images im ON im.pk = pi.image_pk"
        " WHERE pi.project_pk = ? AND NOT EXISTS (SELECT 1 FROM project_images o"
        " WHERE o.image_pk = pi.image_pk AND o.project_pk != pi.project_pk)", (project_pk,)).fetchall()


def purge(conn, item, actor, now):
    """Permanently delete an item in Trash with all its children; a project flagged "also delete
    images" takes the images exclusive to it, judged now. Answers (freedBytes, imagesDeleted)."""
    freed = conn.execute("SELECT ifnull(sum(size_bytes), 0), count(*) FROM items WHERE pk = ? OR parent_pk = ?",
                         (item["pk"], item["pk"])).fetchone()
    freed_bytes, rows = freed[0], freed[1]
    images = exclusive_images(conn, item["pk"]) if item["type"] == "project" and item["cleanup_delete_images"] else []
    if images:
        conn.executemany("DELETE FROM images WHERE pk = ?", [(im["pk"],) for im in images])
        freed_bytes += sum(im["size_bytes"] for im in images)
    events = [r[0] for r in conn.execute(
        "SELECT DISTINCT trash_event FROM items WHERE (pk = ? OR parent_pk = ?) AND trash_event IS NOT NULL",
        (item["pk"], item["pk"]))]
    conn.execute("DELETE FROM items WHERE pk = ?", (item["pk"],))
    conn.executemany("DELETE FROM deletion_events WHERE pk = ? AND NOT EXISTS"
                     " (SELECT 1 FROM items WHERE trash_event = deletion_events.pk AND workspace_id = ?)",
                     [(e, item["workspace_id"]) for e in events])
    detail = "freed %d bytes" % freed_bytes
    if rows > 1:
        detail += "; with %d children" % (rows - 1)
    if images:
        detail += "; deleted %d exclusive images" % len(images)
    audit(conn, item["workspace_id"], actor, "cleanup" if actor.via == "cleanup" else "delete_permanently",
          now, item, detail)
    return freed_bytes, len(images)


def trash_roots(conn, workspace_id):
    """Every Trash row (one per deletion event), parents before their own children."""
    return conn.execute(
        "SELECT i.* FROM items i JOIN deletion_events e ON e.pk = i.trash_event AND e.root_pk = i.pk"
        " WHERE i.workspace_id = ? ORDER BY i.parent_pk IS NOT NULL, e.at, i.pk", (workspace_id,)).fetchall()


def empty_trash(conn, workspace_id, actor, now):
    """Permanently delete every Trash row. Answers (count, freedBytes, imagesDeleted)."""
    count = freed = images = 0
    for item in trash_roots(conn, workspace_id):
        count += 1
        # A child row went with its parent (parents come first), and its bytes were counted there.
        if conn.execute("SELECT 1 FROM items WHERE pk = ?", (item["pk"],)).fetchone() is None:
            continue
        f, n = purge(conn, item, actor, now)
        freed, images = freed + f, images + n
    return count, freed, images


# [SECTION] Storage and retention

def storage(conn, workspace):
    """Used = everything not permanently deleted; in Trash = the sum of the Trash rows' sizes, so
    the two figures agree with what Empty Trash would free."""
    wid = workspace["id"]
    items = conn.execute("SELECT ifnull(sum(size_bytes), 0) FROM items WHERE workspace_id = ?", (wid,)).fetchone()[0]
    images = conn.execute("SELECT ifnull(sum(size_bytes), 0) FROM images WHERE workspace_id = ?", (wid,)).fetchone()[0]
    trash = conn.execute("SELECT ifnull(sum(size_bytes), 0) FROM items WHERE workspace_id = ?"
                         " AND trash_event IS NOT NULL", (wid,)).fetchone()[0]
    for project in conn.execute("SELECT pk FROM items WHERE workspace_id = ? AND type = 'project'"
                                " AND trash_event IS NOT NULL AND cleanup_delete_images = 1", (wid,)).fetchall():
        trash += sum(im["size_bytes"] for im in exclusive_images(conn, project["pk"]))
    return {"usedBytes": items + images, "trashBytes": trash, "quotaBytes": workspace["quota_bytes"]}


def set_retention(conn, workspace_id, days):
    conn.execute("UPDATE workspaces SET retention_days = ? WHERE id = ?", (days, workspace_id))


# [SECTION] Projects page

def active_projects(conn, workspace_id):
    rows = conn.execute(
        "SELECT p.pk, p.id, p.name, p.url, p.owner_id, u.name AS owner_name, p.size_bytes"
        " + ifnull((SELECT sum(c.size_bytes) FROM items c WHERE c.parent_pk = p.pk AND c.trash_event IS NULL), 0) AS size,"
        " (SELECT count(*) FROM items c WHERE c.parent_pk = p.pk AND c.type = 'version' AND c.trash_event IS NULL) AS versions,"
        " (SELECT count(*) FROM items c WHERE c.parent_pk = p.pk AND c.type = 'model' AND c.trash_event IS NULL) AS models,"
        " (SELECT count(*) FROM project_images pi WHERE pi.project_pk = p.pk) AS images"
        " FROM items p LEFT JOIN users u ON u.id = p.owner_id WHERE p.workspace_id = ? AND p.type = 'project'"
        " AND p.trash_event IS NULL ORDER BY p.name COLLATE NOCASE, p.pk", (workspace_id,)).fetchall()
    projects = []
    for r in rows:
        projects.append({"id": r["id"], "name": r["name"], "url": r["url"], "ownerId": r["owner_id"],
                         "ownerName": r["owner_name"], "versionCount": r["versions"],
                         "modelCount": r["models"], "imageCount": r["images"],
                         "exclusiveImageCount": len(exclusive_images(conn, r["pk"])), "sizeBytes": r["size"]})
    return projects
