"""The Activity screen's server side: GET /:workspace/audit (the workspace's audit events newest
first, filtered, paged by a keyset cursor on (at, pk), or all of them as a CSV download) and the
retention preview of PATCH /api/workspace {"dryRun": true}.

An Empty Trash or a cleanup run is one summary event whose members carry its pk as run_id: the
plain list shows summaries and standalone events only (the audit_top index), `run=ID` lists one
run's members, and a search for an item (`item`, `q`, `type`) finds members one by one.
"""
import base64
import functools
import json
import re
import time

from . import db, listing
from .domain import DAY_MS
from .jsonio import ApiError, check_type, iso, now_ms, parse_iso

ACTIONS = ("trash", "restore", "delete", "empty_trash", "cleanup", "set_retention", "sign_in_throttled")
DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
CSV_COLUMNS = ("at", "actor", "action", "via", "key", "type", "name", "parent", "slug", "images", "bytes", "detail")
CSV_CHUNK_ROWS = 2000
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV injection list).
FORMULA_STARTS = "=+-@\t\r"
_NEEDS_QUOTES = re.compile('[,"\r\n]')
_COLUMNS = ("pk, at, actor_id, actor_name, action, via, key_name, type, item_id, name, parent_name, slug,"
            " run_id, run_count, images, bytes, detail, old_value, new_value")


# [SECTION] Parameters

def _param(query, name):
    """A filter's value; an empty one is no filter (the page's address may carry `q=`)."""
    value = query.get(name)
    return value if value else None


def _limit(query):
    text = query.get("limit")
    if text is None:
        return DEFAULT_LIMIT
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise ApiError(400, "limit must be an integer from 1 to %d" % MAX_LIMIT)
    return int(text)


def _time(query, name):
    text = _param(query, name)
    if text is None:
        return None
    try:
        return parse_iso(text)
    except (ValueError, OverflowError):
        raise ApiError(400, "%s must be an ISO 8601 time, e.g. 2026-12-01T00:00:00Z" % name) from None


def encode_cursor(at, pk):
    return base64.urlsafe_b64encode(json.dumps([at, pk]).encode()).decode().rstrip("=")


def decode_cursor(text):
    try:
        at, pk = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2 ** 62 for v in (at, pk)):
            return at, pk
    except (ValueError, TypeError):
        pass
    raise ApiError(400, "cursor is not valid for this list")


def parse_filters(query, workspace_id):
    """(SQL conditions joined by AND, their parameters) for the query's filters; 400 naming the
    first bad parameter."""
    where, args = ["workspace_id = :ws"], {"ws": workspace_id}
    actions = _param(query, "action")
    if actions is not None:
        names = actions.split(",")
        if any(name not in ACTIONS for name in names):
            raise ApiError(400, "action must be a comma-separated list of %s" % ", ".join(ACTIONS))
        where.append("action IN (%s)" % ", ".join(":action%d" % n for n in range(len(names))))
        args.update(("action%d" % n, name) for n, name in enumerate(names))
    for name, column in (("actor", "actor_id"), ("item", "item_id")):
        if _param(query, name) is not None:
            where.append("%s = :%s" % (column, name))
            args[name] = query[name][:200]
    kind = _param(query, "type")
    if kind is not None:
        where.append("type = :type")
        args["type"] = check_type(kind)
    if _param(query, "q") is not None:
        where.append("instr(lower(name), lower(:q)) > 0")
        args["q"] = query["q"][:200]
    for name, key, op in (("from", "since", ">="), ("to", "until", "<")):  # from inclusive, to exclusive
        at = _time(query, name)
        if at is not None:
            where.append("at %s :%s" % (op, key))
            args[key] = at
    run = _param(query, "run")
    if run is not None:
        if not run.isdigit() or len(run) > 18:
            raise ApiError(400, "run must be a run id (the runId of an event)")
        where.append("run_id = :run")
        args["run"] = int(run)
    elif kind is None and "q" not in args and "item" not in args:
        where.append("run_id IS NULL")  # spelled as audit_top's condition, so that index answers
    return " AND ".join(where), args


# [SECTION] The list

def event_json(row):
    """One audit_events row as the API's EVENT. A summary's runId is its own id (when it has
    members); a member's is its summary's."""
    run_id = row["run_id"] if row["run_id"] is not None else (row["pk"] if row["run_count"] else None)
    return {"eventId": str(row["pk"]), "at": iso(row["at"]), "actorId": row["actor_id"],
            "actorName": row["actor_name"], "action": row["action"], "via": row["via"], "keyName": row["key_name"],
            "type": row["type"], "id": row["item_id"], "name": row["name"], "parentName": row["parent_name"],
            "slug": row["slug"], "runId": None if run_id is None else str(run_id), "runCount": row["run_count"],
            "images": row["images"], "bytes": row["bytes"], "detail": row["detail"],
            "oldValue": row["old_value"], "newValue": row["new_value"]}


def page_sql(where):
    return ("SELECT %s FROM audit_events WHERE %s ORDER BY at DESC, pk DESC LIMIT :limit" % (_COLUMNS, where))


def events_page(conn, query, workspace_id):
    """{"events", "nextCursor", "actors"} for one page."""
    where, args = parse_filters(query, workspace_id)
    limit = _limit(query)
    if "cursor" in query:
        args["after_at"], args["after_pk"] = decode_cursor(query["cursor"])
        where += " AND (at, pk) < (:after_at, :after_pk)"
    with db.transaction(conn, write=False):
        rows = conn.execute(page_sql(where), dict(args, limit=limit + 1)).fetchall()
        actors = _actors(conn, workspace_id)
    more, rows = len(rows) > limit, rows[:limit]
    return {"events": [event_json(row) for row in rows],
            "nextCursor": encode_cursor(rows[-1]["at"], rows[-1]["pk"]) if more else None,
            "actors": actors}


# Each distinct actor by one index probe (a skip scan of audit_by_actor), not by reading every event.
_ACTOR_IDS = """
WITH RECURSIVE a(id) AS (
  SELECT min(actor_id) FROM audit_events WHERE workspace_id = :ws
  UNION ALL
  SELECT (SELECT min(actor_id) FROM audit_events WHERE workspace_id = :ws AND actor_id > a.id) FROM a
  WHERE a.id IS NOT NULL)
SELECT id FROM a WHERE id IS NOT NULL
"""


def _actors(conn, workspace_id):
    """Everyone in the workspace's audit trail (for the user filter), by name: the user's current
    name, else the name the newest event recorded (a user since removed)."""
    actors = []
    for (actor_id,) in conn.execute(_ACTOR_IDS, {"ws": workspace_id}).fetchall():
        row = conn.execute("SELECT name FROM users WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            row = conn.execute("SELECT actor_name FROM audit_events WHERE workspace_id = ? AND actor_id = ?"
                               " ORDER BY at DESC, pk DESC LIMIT 1", (workspace_id, actor_id)).fetchone()
        actors.append({"id": actor_id, "name": row[0]})
    return sorted(actors, key=lambda a: ((a["name"] or "").lower(), a["id"]))


# [SECTION] CSV

def csv_cell(value):
    """RFC 4180 quoting, after neutralising a would-be formula with a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    if text and text[0] in FORMULA_STARTS:
        text = "'" + text
    if _NEEDS_QUOTES.search(text):
        text = '"%s"' % text.replace('"', '""')
    return text


# The CSV's columns in the database, in CSV_COLUMNS' order (rows read as plain tuples: 100k of
# them are written in about a second, not ten).
_CSV_SELECT = "at, actor_name, action, via, key_name, type, name, parent_name, slug, images, bytes, detail"


def csv_line(row, when=iso):
    """One CSV record of a _CSV_SELECT row; `when` formats `at` (a run's members share one)."""
    return "%s,%s,%d,%d,%s\r\n" % (when(row[0]), ",".join(map(csv_cell, row[1:9])), row[9], row[10],
                                    csv_cell(row[11]))


def csv_export(conn, query, workspace):
    """(headers, chunks) of every event the filters keep (limit and cursor do not apply), streamed
    inside one read transaction."""
    where, args = parse_filters(query, workspace["id"])
    date = time.strftime("%Y-%m-%d", time.gmtime(now_ms() // 1000))
    headers = {"Content-Type": "text/csv; charset=utf-8",
               "Content-Disposition": 'attachment; filename="activity-%s-%s.csv"' % (workspace["url"], date)}

    def produce():
        yield (",".join(CSV_COLUMNS) + "\r\n").encode("utf-8")
        when = functools.lru_cache(maxsize=256)(iso)
        rows = conn.cursor()
        rows.row_factory = None
        try:
            rows.execute("SELECT %s FROM audit_events WHERE %s ORDER BY at DESC, pk DESC" % (_CSV_SELECT, where), args)
            while True:
                chunk = rows.fetchmany(CSV_CHUNK_ROWS)
                if not chunk:
                    break
                yield "".join([csv_line(row, when) for row in chunk]).encode("utf-8")
        finally:
            rows.close()
    return headers, db.read_stream(conn, produce)


# [SECTION] Retention preview

_PREVIEW = """
SELECT due, count(*), sum(size) FROM (SELECT at + :new <= :now AS due, size FROM rows) AS r GROUP BY due
"""


def retention_preview(conn, workspace, days, now):
    """What changing the retention to `days` would do to the Trash rows as listed: due now (purged
    by the next cleanup), expiring sooner, or later, than under the current period."""
    current = workspace["retention_days"]
    figures = {"dueNow": {"count": 0, "bytes": 0}, "sooner": {"count": 0, "bytes": 0},
               "later": {"count": 0, "bytes": 0}}
    args = {"ws": workspace["id"], "new": days * DAY_MS, "now": now}
    # The Trash rows and their sizes exactly as the listing computes them.
    for due, count, size in conn.execute(listing._CTE.format(where="") + _PREVIEW, args).fetchall():
        name = "dueNow" if due else ("sooner" if days < current else "later" if days > current else None)
        if name is not None:
            figures[name] = {"count": count, "bytes": size}
    return dict({"retentionDays": days, "currentDays": current}, **figures)
