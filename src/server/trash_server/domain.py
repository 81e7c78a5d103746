"""The domain rules of design.md section 2: soft delete with its deletion event, restore,
permanent deletion (single, batch, Empty Trash, cleanup), storage figures and the audit trail.

Every function here runs inside a transaction opened by its caller and never commits itself, so a
route or a cleanup batch is all-or-nothing.
"""
import collections
import json

from .db import savepoint
from .jsonio import CHILD_TYPES, ApiError

# `key`: the API key's name when via is "api".
Actor = collections.namedtuple("Actor", "id name via key", defaults=(None,))
CLEANUP_ACTOR = Actor(None, "Retention cleanup", "cleanup")

# Project slugs live beside these path segments under /:workspace/, so they can never be slugs.
RESERVED_PROJECT_SLUGS = frozenset({"trash", "projects", "audit", "workflows", "datasets"})
RESERVED_WORKSPACE_SLUGS = frozenset({"api", "assets", "static", "web", "build", "index.html"})
DAY_MS = 86400 * 1000


# [SECTION] The audit trail

_AUDIT_COLUMNS = ("workspace_id", "at", "actor_id", "actor_name", "action", "via", "key_name", "type", "item_id",
                  "name", "parent_name", "slug", "images", "bytes", "old_value", "new_value", "run_id", "run_count",
                  "detail")
_AUDIT_INSERT = "INSERT INTO audit_events (%s) VALUES (%s)" % (", ".join(_AUDIT_COLUMNS),
                                                                ", ".join("?" * len(_AUDIT_COLUMNS)))


def audit_row(workspace_id, actor, action, now, item=None, parent=None, detail="", **columns):
    """One audit event as _AUDIT_INSERT's parameters. `parent` is a version's or model's project as
    (id, name): a version id ("3") means nothing without it. `columns` sets the others (slug,
    images, bytes, old_value, new_value, run_id, run_count)."""
    row = dict(workspace_id=workspace_id, at=now, actor_id=actor.id, actor_name=actor.name, action=action,
               via=actor.via, key_name=actor.key, type=item["type"] if item else None,
               item_id=item["id"] if item else None, name=item["name"] if item else None,
               parent_name=parent[1] if parent else None, slug=None, images=0, bytes=0, old_value=None,
               new_value=None, run_id=None, run_count=0,
               detail="project %s%s" % (parent[0], "; " + detail if detail else "") if parent else detail)
    row.update(columns)
    return tuple(row[name] for name in _AUDIT_COLUMNS)


def audit(conn, workspace_id, actor, action, now, item=None, detail="", **columns):
    """Write one audit event; answers its pk."""
    parent = None
    if item is not None and item["parent_pk"] is not None:
        found = conn.execute("SELECT id, name FROM items WHERE pk = ?", (item["parent_pk"],)).fetchone()
        parent = (found["id"], found["name"])
    return conn.execute(_AUDIT_INSERT, audit_row(workspace_id, actor, action, now, item, parent, detail,
                                                 **columns)).lastrowid


def _run_detail(count, freed, images):
    return "%d items, freed %d bytes%s" % (count, freed, ", deleted %d images" % images if images else "")


def purge_run(conn, workspace_id, items, actor, now, action, run_id=None):
    """Permanently delete items as one run (an Empty Trash, a cleanup): one summary event `action`
    (made here when `run_id` is None, else the run's summary is grown, as each cleanup batch does)
    whose runCount, images and bytes are its members' totals, and one member event per item that
    carries the summary's pk as run_id. Answers (run_id, purge's results)."""
    if run_id is None:
        run_id = audit(conn, workspace_id, actor, action, now, detail=_run_detail(0, 0, 0))
    results = purge(conn, items, actor, now, run_id) if items else []
    conn.execute("UPDATE audit_events SET run_count = run_count + ?, images = images + ?, bytes = bytes + ?"
                 " WHERE pk = ?", (len(results), sum(r[2] for r in results), sum(r[1] for r in results), run_id))
    total = conn.execute("SELECT run_count, bytes, images FROM audit_events WHERE pk = ?", (run_id,)).fetchone()
    conn.execute("UPDATE audit_events SET detail = ? WHERE pk = ?", (_run_detail(total[0], total[1], total[2]), run_id))
    return run_id, results


# [SECTION] Finding items

def _by_identity(conn, workspace_id, kind, parent_pk, item_id):
    # Spelled like the items_identity index (ifnull(parent_pk, 0)) so that index answers it.
    return conn.execute("SELECT * FROM items WHERE workspace_id = ? AND type = ? AND ifnull(parent_pk, 0) = ?"
                        " AND id = ?", (workspace_id, kind, parent_pk, item_id)).fetchone()


def find_item(conn, workspace_id, kind, item_id, parent_id=None, in_trash=None):
    """One item by its public identity; a version or model is identified within its project."""
    parent_pk = 0
    if kind in CHILD_TYPES:
        parent = _by_identity(conn, workspace_id, "project", 0, parent_id)
        if parent is None:
            return None
        parent_pk = parent["pk"]
    row = _by_identity(conn, workspace_id, kind, parent_pk, item_id)
    if row is None or (in_trash is not None and (row["trash_event"] is not None) != in_trash):
        return None
    return row


def find_active_by_url(conn, workspace_id, kind, url):
    return conn.execute("SELECT * FROM items WHERE workspace_id = ? AND type = ? AND url = ?"
                        " AND trash_event IS NULL", (workspace_id, kind, url)).fetchone()


def find_active_child(conn, parent, kind, item_id):
    row = _by_identity(conn, parent["workspace_id"], kind, parent["pk"], item_id)
    return row if row is not None and row["trash_event"] is None else None


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


def is_serving(conn, model_pk):
    row = conn.execute(
        "SELECT m.deployed != 0 AND m.trash_event IS NULL AND p.trash_event IS NULL"
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
    result = {"type": kind, "id": item_id}  # the full key, so clients match results by key
    if kind in CHILD_TYPES:
        result["parentId"] = parent_id
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
    audit(conn, workspace_id, actor, "restore", now, item, detail, slug=result.get("url"))
    return result


def restore_all(conn, workspace_id, actor, now, refusal):
    """Restore All: every Trash row, with the outcome restoring each one parents first would have,
    in a few statements for the whole Trash. `refusal(kind)` answers the ApiError a restore of
    that type would raise for this caller, or None. Rows whose slug is taken (or whose project
    is one of those) take the one-by-one path, which picks "slug-2". Answers (restored, failed)."""
    roots = trash_roots(conn, workspace_id)
    refused = {kind: refusal(kind) for kind in {item["type"] for item in roots}}
    in_trash = {item["pk"] for item in roots}
    parents = {row[0]: (row[1], row[2]) for row in conn.execute(
        "SELECT pk, id, name FROM items WHERE pk IN (SELECT value FROM json_each(?))",
        (_pk_list({item["parent_pk"] for item in roots if item["parent_pk"] is not None}),))}
    parent_ids = {pk: parent[0] for pk, parent in parents.items()}
    taken = {(row[0], row[1]) for row in conn.execute(
        "SELECT type, url FROM items WHERE workspace_id = ? AND trash_event IS NULL AND url IS NOT NULL", (workspace_id,))}
    fast, slow, failed, coming_back, slow_pks = [], [], [], set(), set()
    for item in roots:  # parents first, as one-by-one restores would go
        kind, parent_pk = item["type"], item["parent_pk"]
        if refused[kind] is not None:
            failed.append((item, refused[kind]))
        elif kind in CHILD_TYPES and parent_pk in in_trash and parent_pk not in coming_back:
            failed.append((item, ApiError(409, "The parent project is in Trash: restore the parent project first")))
        elif (item["url"] is not None and ((kind, item["url"]) in taken or
                                          (kind == "project" and item["url"] in RESERVED_PROJECT_SLUGS))) \
                or parent_pk in slow_pks:
            slow.append(item)
            slow_pks.add(item["pk"])
            coming_back.add(item["pk"])
        else:
            fast.append(item)
            coming_back.add(item["pk"])
            if item["url"] is not None:
                taken.add((kind, item["url"]))
    restored, audit_rows = _restore_rows(conn, workspace_id, fast, parents, actor, now)
    conn.executemany(_AUDIT_INSERT, audit_rows)
    for item in slow:
        restored.append(restore(conn, workspace_id, item["type"], item["id"], parent_ids.get(item["parent_pk"]),
                                actor, now))
    return restored, [dict({"type": item["type"], "id": item["id"]},
                           **({"parentId": parent_ids[item["parent_pk"]]} if item["parent_pk"] is not None else {}),
                           status=error.status, error=error.message) for item, error in failed]


def _restore_rows(conn, workspace_id, fast, parents, actor, now):
    """Restore Trash rows known to come back as they are (each the root of its deletion event, its
    slug free, its project active or among them) in a few statements for all of them; `parents`
    maps a parent pk to its (id, name). Answers their references and their audit rows (not yet
    written: the caller writes them in the order the one-by-one path would), in `fast`'s order."""
    events = _pk_list(item["trash_event"] for item in fast)
    went_with = dict(conn.execute("SELECT trash_event, count(*) - 1 FROM items WHERE trash_event IN"
                                  " (SELECT value FROM json_each(?)) GROUP BY trash_event", (events,)).fetchall())
    conn.execute("UPDATE items SET trash_event = NULL, cleanup_delete_images = 0"
                 " WHERE trash_event IN (SELECT value FROM json_each(?))", (events,))
    conn.execute("DELETE FROM deletion_events WHERE pk IN (SELECT value FROM json_each(?))", (events,))
    restored, audit_rows = [], []
    for item in fast:
        children = went_with.get(item["trash_event"], 0)
        parent = parents.get(item["parent_pk"])
        audit_rows.append(audit_row(workspace_id, actor, "restore", now, item, parent,
                                    "with %d children" % children if children else "", slug=item["url"]))
        restored.append(dict({"type": item["type"], "id": item["id"]},
                             **({"parentId": parent[0]} if item["parent_pk"] is not None else {}),
                             **({"url": item["url"]} if item["url"] is not None else {})))
    return restored, audit_rows


def restore_batch(conn, workspace_id, refs, actor, now, refusal):
    """The web page's batch restore: what restoring each (type, id, parentId) of `refs` in turn
    would answer (refs come parents first), as (restored, failed) in refs' order, failed as
    (ref, ApiError). The plain rows (the root of their own deletion event, slug free, project
    active or restored in the same batch) go through `_restore_rows` together: at 1,000 rows the
    one-by-one path took about 2 s. Everything else (refused, missing, a duplicate, a child whose
    project stays in Trash, a slug to pick) takes the one-by-one path afterwards, in order."""
    refused, found = {}, []
    for ref in refs:
        kind = ref[0]
        if kind not in refused:
            refused[kind] = refusal(kind)
        found.append(None if refused[kind] else find_item(conn, workspace_id, kind, ref[1], ref[2], in_trash=True))
    rows = [item for item in found if item is not None]
    roots = {r[0] for r in conn.execute("SELECT root_pk FROM deletion_events WHERE pk IN (SELECT value FROM json_each(?))",
                                        (_pk_list({item["trash_event"] for item in rows}),))}
    parents = {r[0]: r for r in conn.execute("SELECT pk, id, name, trash_event FROM items WHERE pk IN"
                                             " (SELECT value FROM json_each(?))",
                                             (_pk_list({item["parent_pk"] for item in rows if item["parent_pk"]}),))}
    taken = set()
    # Slugs are text: json_each's PostgreSQL rewrite reads integers, so these go as placeholders,
    # 500 at a time (well under either database's limit on parameters).
    for kind in {item["type"] for item in rows if item["url"] is not None}:
        urls = sorted({item["url"] for item in rows if item["type"] == kind and item["url"] is not None})
        for at in range(0, len(urls), 500):
            chunk = urls[at:at + 500]
            taken.update((kind, r[0]) for r in conn.execute(
                "SELECT url FROM items WHERE workspace_id = ? AND type = ? AND trash_event IS NULL AND url IN (%s)"
                % ", ".join("?" * len(chunk)), (workspace_id, kind, *chunk)))
    fast, fast_pks, plan = [], set(), []
    for item in found:
        plain = (item is not None and item["pk"] in roots and item["pk"] not in fast_pks
                 and (item["parent_pk"] is None or parents[item["parent_pk"]]["trash_event"] is None
                      or item["parent_pk"] in fast_pks)
                 and (item["url"] is None or ((item["type"], item["url"]) not in taken and not
                                              (item["type"] == "project" and item["url"] in RESERVED_PROJECT_SLUGS))))
        plan.append(plain)
        if plain:
            fast.append(item)
            fast_pks.add(item["pk"])
            if item["url"] is not None:
                taken.add((item["type"], item["url"]))
    done, audit_rows = _restore_rows(conn, workspace_id, fast, {pk: (r[1], r[2]) for pk, r in parents.items()},
                                     actor, now)
    done, audit_rows = iter(done), iter(audit_rows)
    restored, failed, unwritten = [], [], []
    for ref, plain in zip(refs, plan):
        if plain:
            restored.append(next(done))
            unwritten.append(next(audit_rows))
            continue
        conn.executemany(_AUDIT_INSERT, unwritten)  # the audit trail in refs' order, as one by one
        unwritten = []
        kind, item_id, parent_id = ref
        try:
            if refused[kind] is not None:
                raise refused[kind]
            with savepoint(conn):
                restored.append(restore(conn, workspace_id, kind, item_id, parent_id, actor, now))
        except ApiError as exc:
            failed.append((ref, exc))
    conn.executemany(_AUDIT_INSERT, unwritten)
    return restored, failed


# [SECTION] Permanent deletion

def exclusive_images(conn, project_pk):
    """Images of this project that no other existing project (active or in Trash) uses."""
    return conn.execute(
        "SELECT im.pk, im.size_bytes FROM project_images pi JOIN images im ON im.pk = pi.image_pk"
        " WHERE pi.project_pk = ? AND NOT EXISTS (SELECT 1 FROM project_images o"
        " WHERE o.image_pk = pi.image_pk AND o.project_pk != pi.project_pk)", (project_pk,)).fetchall()


def _pk_list(pks):
    """A list of primary keys as one parameter, for `IN (SELECT value FROM json_each(?))`."""
    return json.dumps(list(pks))


def purge_changes_only(conn, items):
    """Whether permanently deleting these Trash rows changes the listing by exactly them and their
    children: not when one went to Trash inside another item's deletion event (its row is the
    parent's), nor when a flagged project left in Trash shares images with them (those images
    become its own, so its size grows)."""
    pks = _pk_list(item["pk"] for item in items)
    inside = conn.execute(
        "SELECT 1 FROM items i JOIN deletion_events e ON e.pk = i.trash_event WHERE i.pk IN (SELECT value FROM"
        " json_each(?)) AND e.root_pk != i.pk AND e.root_pk NOT IN (SELECT value FROM json_each(?)) LIMIT 1",
        (pks, pks)).fetchone()
    shared = conn.execute(
        "SELECT 1 FROM project_images a JOIN project_images b ON b.image_pk = a.image_pk JOIN items p ON p.pk = b.project_pk"
        " WHERE a.project_pk IN (SELECT value FROM json_each(?)) AND b.project_pk NOT IN (SELECT value FROM json_each(?))"
        " AND p.trash_event IS NOT NULL AND p.cleanup_delete_images != 0 LIMIT 1", (pks, pks)).fetchone()
    return inside is None and shared is None


def purge(conn, items, actor, now, run_id=None):
    """Permanently delete items in Trash with all their children, a few statements for the whole
    set. A project flagged "also delete images" takes its images that no remaining project uses,
    judged once the whole set is gone. Answers [(item, freedBytes, imagesDeleted)]; an item whose
    parent is in the same set goes with it and is counted there. Each item's audit event is a
    `delete` (a `cleanup` for the cleanup), a member of run `run_id` if given."""
    chosen = {item["pk"]: item for item in items}
    roots = [item for item in chosen.values() if item["parent_pk"] not in chosen]
    pks = _pk_list(item["pk"] for item in roots)
    children = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT parent_pk, sum(size_bytes), count(*) FROM items WHERE parent_pk IN (SELECT value FROM json_each(?))"
        " GROUP BY parent_pk", (pks,))}
    parents = {row[0]: (row[1], row[2]) for row in conn.execute(
        "SELECT i.pk, p.id, p.name FROM items i JOIN items p ON p.pk = i.parent_pk"
        " WHERE i.pk IN (SELECT value FROM json_each(?))", (pks,))}
    flagged = _pk_list(item["pk"] for item in roots if item["type"] == "project" and item["cleanup_delete_images"])
    candidates = conn.execute(
        "SELECT pi.project_pk, im.pk, im.size_bytes FROM project_images pi JOIN images im ON im.pk = pi.image_pk"
        " WHERE pi.project_pk IN (SELECT value FROM json_each(?))", (flagged,)).fetchall()
    events = _pk_list(r[0] for r in conn.execute(
        "SELECT trash_event FROM items WHERE pk IN (SELECT value FROM json_each(?)) UNION"
        " SELECT trash_event FROM items WHERE parent_pk IN (SELECT value FROM json_each(?))", (pks, pks)))
    conn.execute("DELETE FROM items WHERE pk IN (SELECT value FROM json_each(?))", (pks,))
    conn.execute("DELETE FROM deletion_events WHERE pk IN (SELECT value FROM json_each(?))"
                 " AND NOT EXISTS (SELECT 1 FROM items WHERE trash_event = deletion_events.pk)", (events,))
    unused = {r[0] for r in conn.execute(
        "SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM project_images WHERE image_pk = value)",
        (_pk_list({c[1] for c in candidates}),))}
    conn.execute("DELETE FROM images WHERE pk IN (SELECT value FROM json_each(?))", (_pk_list(unused),))
    taken = collections.defaultdict(lambda: [0, 0])
    for project_pk, image_pk, size in candidates:
        if image_pk in unused:
            unused.discard(image_pk)  # an image two flagged projects shared counts once
            taken[project_pk][0] += 1
            taken[project_pk][1] += size
    results, audit_rows = [], []
    action = "cleanup" if actor.via == "cleanup" else "delete"
    for item in roots:
        child_bytes, child_count = children.get(item["pk"], (0, 0))
        images, image_bytes = taken.get(item["pk"], (0, 0))
        freed = item["size_bytes"] + child_bytes + image_bytes
        detail = ["freed %d bytes" % freed]
        if child_count:
            detail.append("with %d children" % child_count)
        if images:
            detail.append("deleted %d exclusive images" % images)
        audit_rows.append(audit_row(item["workspace_id"], actor, action, now, item, parents.get(item["pk"]),
                                    "; ".join(detail), images=images, bytes=freed, run_id=run_id))
        results.append((item, freed, images))
    conn.executemany(_AUDIT_INSERT, audit_rows)
    return results


def trash_roots(conn, workspace_id):
    """Every Trash row (one per deletion event), parents before their own children."""
    return conn.execute(
        "SELECT i.* FROM items i JOIN deletion_events e ON e.pk = i.trash_event AND e.root_pk = i.pk"
        " WHERE i.workspace_id = ? ORDER BY i.parent_pk IS NOT NULL, e.at, i.pk", (workspace_id,)).fetchall()


def empty_trash(conn, workspace_id, actor, now):
    """Permanently delete every Trash row, as one run (an `empty_trash` summary event, a `delete`
    member per row). Answers (rows, freedBytes, imagesDeleted)."""
    roots = trash_roots(conn, workspace_id)
    _, results = purge_run(conn, workspace_id, roots, actor, now, "empty_trash")
    return len(roots), sum(r[1] for r in results), sum(r[2] for r in results)


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


def set_retention(conn, workspace, days, actor, now):
    conn.execute("UPDATE workspaces SET retention_days = ? WHERE id = ?", (days, workspace["id"]))
    audit(conn, workspace["id"], actor, "set_retention", now,
          detail="%d days, was %d" % (days, workspace["retention_days"]),
          old_value=workspace["retention_days"], new_value=days)


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
