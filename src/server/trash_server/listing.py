"""The Trash listing: one row per deletion event, with the fields the reference documents, plus
our optional filtering, sorting and cursor paging. Built for 100,000 rows: one query, plain
dicts, one json.dumps by the caller.
"""
import base64
import json

from .domain import DAY_MS, exclusive_images
from .jsonio import TYPES, ApiError, iso

SECTION_NAMES = {"project": "projects", "version": "versions", "workflow": "workflows",
                 "model": "models", "dataset": "datasets"}
SORT_KEYS = {
    "deletedAt": lambda item: item["deletedAt"],
    "scheduledCleanupAt": lambda item: item["scheduledCleanupAt"],
    "name": lambda item: item["name"].casefold(),
    "sizeBytes": lambda item: item["sizeBytes"],
    "type": lambda item: item["type"],
    "deletedByName": lambda item: (item["deletedByName"] or "").casefold(),
}
MAX_LIMIT = 100000

_QUERY = """
SELECT i.pk, i.type, i.id, i.name, i.url, i.size_bytes, i.cleanup_delete_images, e.at, e.actor_id,
       e.via, u.name AS deleter, p.id AS parent_id, p.name AS parent_name, p.url AS parent_url,
       p.trash_event IS NOT NULL AS parent_in_trash, ride.n AS ride_count, ride.bytes AS ride_bytes
FROM items i
JOIN deletion_events e ON e.pk = i.trash_event AND e.root_pk = i.pk
LEFT JOIN users u ON u.id = e.actor_id
LEFT JOIN items p ON p.pk = i.parent_pk
LEFT JOIN (SELECT parent_pk, trash_event, count(*) AS n, sum(size_bytes) AS bytes FROM items
           WHERE workspace_id = ? AND trash_event IS NOT NULL AND parent_pk IS NOT NULL
           GROUP BY parent_pk, trash_event) ride ON ride.parent_pk = i.pk AND ride.trash_event = i.trash_event
WHERE i.workspace_id = ?
"""


def trash_items(conn, workspace, kind=None):
    """Every Trash row of the workspace as the API's item objects, newest deletion first."""
    retention = workspace["retention_days"] * DAY_MS
    sql, args = _QUERY, [workspace["id"], workspace["id"]]
    if kind:
        sql += " AND i.type = ?"
        args.append(kind)
    sql += " ORDER BY e.at DESC, i.pk DESC"
    items = []
    for r in conn.execute(sql, args):
        kind_ = r["type"]
        item = {"type": kind_, "id": r["id"], "name": r["name"], "deletedAt": iso(r["at"]),
                "scheduledCleanupAt": iso(r["at"] + retention), "deletedBy": r["actor_id"],
                "deletedByName": r["deleter"] or ("API key" if r["via"] == "api" else None),
                "sizeBytes": r["size_bytes"] + (r["ride_bytes"] or 0)}
        if r["url"] is not None:
            item["url"] = r["url"]
        if kind_ == "project":
            item["cleanupDeleteImages"] = bool(r["cleanup_delete_images"])
            item["childCount"] = r["ride_count"] or 0
            if r["cleanup_delete_images"]:
                item["sizeBytes"] += sum(im["size_bytes"] for im in exclusive_images(conn, r["pk"]))
        elif r["parent_id"] is not None:
            item["parentId"] = r["parent_id"]
            item["parentName"] = r["parent_name"]
            item["parentUrl"] = r["parent_url"]
            item["parentInTrash"] = bool(r["parent_in_trash"])
        items.append(item)
    return items


def with_sections(items):
    sections = {name: [] for name in SECTION_NAMES.values()}
    for item in items:
        sections[SECTION_NAMES[item["type"]]].append(item)
    return {"items": items, "sections": sections}


def _encode_cursor(offset, sort):
    return base64.urlsafe_b64encode(json.dumps([offset, sort]).encode()).decode().rstrip("=")


def _decode_cursor(text, sort):
    try:
        offset, cursor_sort = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0 and cursor_sort == sort:
            return offset
    except (ValueError, TypeError):
        pass
    raise ApiError(400, "cursor is not valid for this listing")


def parse_int(query, name, default, low, high):
    text = query.get(name)
    if text is None:
        return default
    if not text.isdigit() or not low <= int(text) <= high:
        raise ApiError(400, "%s must be an integer from %d to %d" % (name, low, high))
    return int(text)


def workspace_listing(conn, workspace, query):
    """GET /:workspace/trash. Without extension parameters the answer is exactly the reference's
    {"items", "sections"}; with any of them it adds "total" (and "nextCursor" when paging)."""
    kind = query.get("type")
    if kind is not None and kind not in TYPES:
        raise ApiError(400, 'Unknown type "%s"; expected one of %s' % (kind[:40], ", ".join(TYPES)))
    items = trash_items(conn, workspace, kind)
    extended = any(k in query for k in ("type", "q", "sort", "limit", "cursor"))
    needle = query.get("q")
    if needle:
        needle = needle.casefold()
        items = [item for item in items if needle in item["name"].casefold()]
    sort = query.get("sort", "-deletedAt")
    key = SORT_KEYS.get(sort.lstrip("-"))
    if key is None:
        raise ApiError(400, "sort must be one of %s, optionally prefixed with -" % ", ".join(SORT_KEYS))
    if sort != "-deletedAt":
        items.sort(key=key, reverse=sort.startswith("-"))
    total = len(items)
    limit = parse_int(query, "limit", None, 1, MAX_LIMIT)
    offset = _decode_cursor(query["cursor"], sort) if "cursor" in query else 0
    if limit is not None or offset:
        end = offset + limit if limit is not None else total
        items = items[offset:end]
        next_cursor = _encode_cursor(end, sort) if end < total else None
    body = with_sections(items) if query.get("sections") != "0" else {"items": items}
    if extended:
        body["total"] = total
        if limit is not None:
            body["nextCursor"] = next_cursor
    return body


def ultralytics_listing(conn, workspace, query):
    """GET /api/trash: {"items", "total", "page", "limit"} with page from 1 and limit up to 200."""
    kind = query.get("type")
    if kind is not None and kind not in TYPES:
        raise ApiError(400, 'Unknown type "%s"; expected one of %s' % (kind[:40], ", ".join(TYPES)))
    page = parse_int(query, "page", 1, 1, 10 ** 9)
    limit = parse_int(query, "limit", 50, 1, 200)
    items = trash_items(conn, workspace, kind)
    return {"items": items[(page - 1) * limit:page * limit], "total": len(items), "page": page,
            "limit": limit}
