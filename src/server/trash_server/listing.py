"""The Trash listing: one row per deletion event, with the fields the reference documents, plus
our optional filtering, sorting and cursor paging.

Built for 100,000 rows: SQLite filters and writes each item's JSON text itself (json_object,
timestamps by strftime), so Python only sorts (sort key, pk) pairs and joins strings. A Python dict
per item was several times slower, and so was ORDER BY in SQL, whose sorter carries the JSON text.
"""
import base64
import collections
import json
import operator
import tempfile

from .domain import DAY_MS
from .jsonio import TYPES, ApiError

SECTION_NAMES = {"project": "projects", "version": "versions", "workflow": "workflows",
                 "model": "models", "dataset": "datasets"}
SORT_COLUMNS = {"deletedAt": "at", "scheduledCleanupAt": "at", "name": "lower(name)",
                "sizeBytes": "size", "type": "type", "deletedByName": "lower(ifnull(deleter, ''))"}
MAX_LIMIT = 100000


# One row per Trash row: the fields to sort and filter on, then the item's JSON text.
_CTE = """
WITH rows AS (
  SELECT i.pk, i.type, i.id, i.name, i.url, i.cleanup_delete_images AS flagged, e.at, e.actor_id,
         coalesce(u.name, CASE WHEN e.via = 'api' THEN 'API key' END) AS deleter,
         p.id AS parent_id, p.name AS parent_name, p.url AS parent_url, p.trash_event IS NOT NULL AS parent_in_trash,
         CASE WHEN i.type = 'project' THEN (SELECT count(*) FROM items c WHERE c.parent_pk = i.pk
                                            AND c.trash_event = i.trash_event) END AS child_count,
         CASE WHEN i.type = 'project' THEN (SELECT count(*) FROM project_images pi WHERE pi.project_pk = i.pk
           AND NOT EXISTS (SELECT 1 FROM project_images o WHERE o.image_pk = pi.image_pk
                           AND o.project_pk != pi.project_pk)) END AS exclusive_images,
         i.size_bytes + CASE WHEN i.type != 'project' THEN 0 ELSE
           ifnull((SELECT sum(c.size_bytes) FROM items c WHERE c.parent_pk = i.pk AND c.trash_event = i.trash_event), 0)
           + CASE WHEN i.cleanup_delete_images != 0 THEN ifnull((
               SELECT sum(im.size_bytes) FROM project_images pi JOIN images im ON im.pk = pi.image_pk
               WHERE pi.project_pk = i.pk AND NOT EXISTS (SELECT 1 FROM project_images o
                 WHERE o.image_pk = pi.image_pk AND o.project_pk != pi.project_pk)), 0) ELSE 0 END
         END AS size
  FROM items i
  JOIN deletion_events e ON e.pk = i.trash_event AND e.root_pk = i.pk
  LEFT JOIN users u ON u.id = e.actor_id
  LEFT JOIN items p ON p.pk = i.parent_pk
  WHERE i.workspace_id = :ws {where}
)
"""
_ROWS = _CTE + """SELECT {key}, pk, type, CASE type
  WHEN 'project' THEN {json_object}({base}, 'url', url, 'cleanupDeleteImages', {flagged}, 'childCount', child_count,
                                  'exclusiveImageCount', exclusive_images)
  WHEN 'version' THEN {json_object}({base}, {parent})
  WHEN 'model' THEN {json_object}({base}, {parent})
  ELSE {json_object}({base}, 'url', url) END
FROM rows
"""
# A page needs only the sort keys of the rows around it: SQLite's top-N sort over (key, pk)
# skips what the page does not show (sizes, counts, JSON), then the page's rows are built alone.
_PAGE = _CTE + "SELECT pk FROM rows ORDER BY {key} {order}, pk {order} LIMIT :limit OFFSET :offset"
# The count needs neither the deleter nor the parent (each LEFT JOIN matches at most one row), and
# without them it reads only items_trash_size and the events' primary key: 3 times faster at 100k.
_COUNT = """SELECT count(*) FROM items i JOIN deletion_events e ON e.pk = i.trash_event AND e.root_pk = i.pk
WHERE i.workspace_id = :ws {where}"""


def _json_parts(dialect):
    """The item JSON's pieces in this database's dialect (its JSON builder, dates, booleans)."""
    base = ("'type', type, 'id', id, 'name', name, 'deletedAt', %s, 'scheduledCleanupAt', %s, 'deletedBy', actor_id,"
            " 'deletedByName', deleter, 'sizeBytes', size" % (dialect.iso("at"), dialect.iso("at + :retention")))
    parent = ("'parentId', parent_id, 'parentName', parent_name, 'parentUrl', parent_url,"
              " 'parentInTrash', %s" % dialect.json_bool("parent_in_trash"))
    return {"base": base, "parent": parent, "json_object": dialect.json_object,
            "flagged": dialect.json_bool("flagged != 0")}


def _check_type(kind):
    if kind is not None and kind not in TYPES:
        raise ApiError(400, 'Unknown type "%s"; expected one of %s' % (kind[:40], ", ".join(TYPES)))


def query_rows(conn, workspace, kind=None, needle=None, sort="-deletedAt", limit=-1, offset=0):
    """[(type, item JSON text)] for the workspace's Trash rows, and the total before paging."""
    where, args = "", {"ws": workspace["id"], "retention": workspace["retention_days"] * DAY_MS}
    if kind:
        where += " AND i.type = :type"
        args["type"] = kind
    if needle:
        where += " AND instr(lower(i.name), lower(:q)) > 0"
        args["q"] = needle
    key = SORT_COLUMNS[sort.lstrip("-")]
    if limit < 0:
        rows = conn.execute(_ROWS.format(where=where, key=key, **_json_parts(conn.dialect)), args).fetchall()
        rows.sort(key=operator.itemgetter(0, 1), reverse=sort.startswith("-"))
        return [(row[2], row[3]) for row in rows[offset:]], len(rows)
    # A page: the page's pks in order, then the JSON of those rows only.
    order = "DESC" if sort.startswith("-") else "ASC"
    total = conn.execute(_COUNT.format(where=where), args).fetchone()[0]
    pks = [row[0] for row in conn.execute(_PAGE.format(where=where, key=key, order=order),
                                          dict(args, limit=limit, offset=offset))]
    texts = {}
    if pks:  # integers read from the database just now, so they are written into the SQL as they are
        page_where = where + " AND i.pk IN (%s)" % ",".join(str(int(pk)) for pk in pks)
        for row in conn.execute(_ROWS.format(where=page_where, key=key, **_json_parts(conn.dialect)), args):
            texts[row[1]] = (row[2], row[3])
    return [texts[pk] for pk in pks], total


def trash_items(conn, workspace, kind=None):
    """Every Trash row as item dicts, newest deletion first (for batch operations and tests)."""
    return [json.loads(text) for _, text in query_rows(conn, workspace, kind)[0]]


def _items_json(rows):
    return "[" + ",".join(text for _, text in rows) + "]"


def _encode_cursor(sort, key, pk):
    """The last row's place in the order (its sort key and pk), opaque to the client."""
    return base64.urlsafe_b64encode(json.dumps([sort, key, pk]).encode()).decode().rstrip("=")


def _decode_cursor(text, sort):
    try:
        cursor_sort, key, pk = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        numeric = SORT_COLUMNS[sort.lstrip("-")] in ("at", "size")
        if (cursor_sort == sort and isinstance(pk, int) and not isinstance(pk, bool)
                and isinstance(key, int if numeric else str) and not isinstance(key, bool)):
            return key, pk
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


# Changes to a workspace's Trash always write an audit event (trash, restore, permanent deletion,
# cleanup, retention), so the newest event names the listing's state. The epoch in `meta` covers
# what changes without auditing (seeding, --demo-items); being in the database, it is the same
# on every instance, so a `since` from one instance is understood by the others.
EXTENSION_PARAMS = ("type", "q", "sort", "limit", "cursor", "sections", "since")
CHUNK_ROWS = 2000

ListingQuery = collections.namedtuple("ListingQuery", "kind needle sort limit after sections extended since")


def listing_version(conn, workspace):
    row = conn.execute("SELECT pk FROM audit_events WHERE workspace_id = ? ORDER BY pk DESC LIMIT 1",
                       (workspace["id"],)).fetchone()
    epoch = conn.execute("SELECT value FROM meta WHERE key = 'listing_epoch'").fetchone()
    return "%s.%s.%d" % (epoch[0] if epoch else "0", workspace["id"], row[0] if row else 0)


def parse_query(query):
    """The listing's parameters, checked before the answer starts (every mistake is a 400)."""
    kind = query.get("type")
    _check_type(kind)
    sort = query.get("sort", "-deletedAt")
    if sort.lstrip("-") not in SORT_COLUMNS:
        raise ApiError(400, "sort must be one of %s, optionally prefixed with -" % ", ".join(SORT_COLUMNS))
    limit = parse_int(query, "limit", None, 1, MAX_LIMIT)
    after = _decode_cursor(query["cursor"], sort) if "cursor" in query else None
    return ListingQuery(kind, query.get("q"), sort, limit, after, query.get("sections") != "0",
                        any(k in query for k in EXTENSION_PARAMS), query.get("since"))


def _filters(workspace, q):
    where, args = "", {"ws": workspace["id"], "retention": workspace["retention_days"] * DAY_MS}
    if q.kind:
        where += " AND i.type = :type"
        args["type"] = q.kind
    if q.needle:
        where += " AND instr(lower(i.name), lower(:q)) > 0"
        args["q"] = q.needle
    return where, args


def _keyset(q, key, args):
    """The rows after the cursor in the listing's order: (key, pk) past the last row shown."""
    if q.after is None:
        return ""
    args["after_key"], args["after_pk"] = q.after
    return " WHERE (%s, pk) %s (:after_key, :after_pk)" % (key, "<" if q.sort.startswith("-") else ">")


# Rows by pk: the unary + keeps SQLite from scanning the workspace's index for a few listed pks.
_ROWS_BY_PK = _ROWS.replace("WHERE i.workspace_id = :ws", "WHERE +i.workspace_id = :ws")


def _texts(conn, where, args, key, pks):
    """{pk: (type, item JSON text)} for these rows (integers just read from the database)."""
    page_where = where + " AND i.pk IN (%s)" % ",".join(str(int(pk)) for pk in pks)
    return {row[1]: (row[2], row[3])
            for row in conn.execute(_ROWS_BY_PK.format(where=page_where, key=key, **_json_parts(conn.dialect)), args)}


def workspace_listing(conn, workspace, q):
    """GET /:workspace/trash as chunks of JSON bytes. Without extension parameters the answer is
    exactly the reference's {"items", "sections"}; with any of them it adds "total" and "version"
    (and "nextCursor" when paging); sections=0 leaves the sections out; since=VERSION answers
    {"unchanged": true, "version"} when nothing changed, so a periodic refresh of a large Trash
    costs the client nothing. The whole listing is streamed in chunks of CHUNK_ROWS rows, so 100,000
    items never exist as one document."""
    version = listing_version(conn, workspace)
    if q.since == version:
        yield ('{"unchanged":true,"version":%s}' % json.dumps(version)).encode("utf-8")
        return
    where, args = _filters(workspace, q)
    key = SORT_COLUMNS[q.sort.lstrip("-")]
    if q.limit is not None:
        yield _page(conn, q, where, args, key, version)
        return
    keyset, order = _keyset(q, key, args), "DESC" if q.sort.startswith("-") else "ASC"
    # SQLite sorts the small (key, pk) records; the rows are read back CHUNK_ROWS at a time.
    ordered = conn.cursor()
    ordered.row_factory = None
    ordered.execute((_CTE + "SELECT pk, type FROM rows" + keyset + " ORDER BY {key} {order}, pk {order}")
                    .format(where=where, key=key, order=order), args)
    sections = {name: tempfile.SpooledTemporaryFile(max_size=1 << 18) for name in SECTION_NAMES.values()}
    total = 0
    try:
        yield b'{"items":['
        while True:
            rows = ordered.fetchmany(CHUNK_ROWS)
            if not rows:
                break
            texts = _texts(conn, where, args, key, [row[0] for row in rows])
            parts = []
            for pk, kind in rows:
                text = texts[pk][1].encode("utf-8")
                parts.append(text)
                spool = sections[SECTION_NAMES[kind]]
                spool.write(b"," + text if spool.tell() else text)
            yield (b"," if total else b"") + b",".join(parts)
            total += len(rows)
        yield b"]"
        if q.sections:
            yield from _sections(sections)
    finally:
        ordered.close()
        for spool in sections.values():
            spool.close()
    if q.after is not None:  # "total" counts every row the filters keep, not only those after the cursor
        total = conn.execute(_COUNT.format(where=where), args).fetchone()[0]
    tail = ',"total":%d,"version":%s' % (total, json.dumps(version)) if q.extended else ""
    yield (tail + "}").encode("utf-8")


def _sections(spools):
    yield b',"sections":{'
    for n, (name, spool) in enumerate(spools.items()):
        yield ('%s"%s":[' % ("," if n else "", name)).encode()
        spool.seek(0)
        while True:
            block = spool.read(1 << 16)
            if not block:
                break
            yield block
        yield b"]"
    yield b"}"


def _page(conn, q, where, args, key, version):
    """One page: SQLite's top-N sort over (key, pk) picks the rows past the cursor, then only those
    rows are built; nextCursor names the last one when more follow."""
    order = "DESC" if q.sort.startswith("-") else "ASC"
    total = conn.execute(_COUNT.format(where=where), args).fetchone()[0]
    keyset = _keyset(q, key, args)
    # By deletion time, the events' (workspace_id, at) index is already in the page's order: naming
    # the event's workspace (always the item's) lets SQLite read the first rows and stop, instead
    # of sorting all 100,000 (0.9 ms instead of 90).
    by_event = where + " AND e.workspace_id = :ws" if key == "at" else where
    picked = conn.execute((_CTE + "SELECT {key}, pk FROM rows" + keyset + " ORDER BY {key} {order}, pk {order}"
                           " LIMIT :limit").format(where=by_event, key=key, order=order),
                          dict(args, limit=q.limit + 1)).fetchall()
    more, picked = len(picked) > q.limit, picked[:q.limit]
    texts = _texts(conn, where, args, key, [row[1] for row in picked]) if picked else {}
    rows = [texts[row[1]] for row in picked]
    parts = ['"items":' + _items_json(rows)]
    if q.sections:
        parts.append('"sections":' + _sections_json(rows))
    parts.append('"total":%d' % total)
    parts.append('"version":' + json.dumps(version))
    cursor = _encode_cursor(q.sort, picked[-1][0], picked[-1][1]) if more else None
    parts.append('"nextCursor":' + json.dumps(cursor))
    return ("{" + ",".join(parts) + "}").encode("utf-8")


def _sections_json(rows):
    groups = {name: [] for name in SECTION_NAMES.values()}
    for kind, text in rows:
        groups[SECTION_NAMES[kind]].append(text)
    return "{%s}" % ",".join('"%s":[%s]' % (name, ",".join(texts)) for name, texts in groups.items())


def ultralytics_listing(conn, workspace, query):
    """GET /api/trash as JSON bytes: {"items", "total", "page", "limit"}, page from 1, limit up to 200."""
    kind = query.get("type")
    _check_type(kind)
    page = parse_int(query, "page", 1, 1, 10 ** 9)
    limit = parse_int(query, "limit", 50, 1, 200)
    rows, total = query_rows(conn, workspace, kind, limit=limit, offset=(page - 1) * limit)
    return ('{"items":%s,"total":%d,"page":%d,"limit":%d}' % (_items_json(rows), total, page, limit)).encode("utf-8")
