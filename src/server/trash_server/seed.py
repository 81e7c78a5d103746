"""Workspace fixtures: load the documented JSON format (README, "Workspace fixture format") into a
new database, and fill a Trash with synthetic items for load tests.

Deletion times in a fixture are relative to the moment of seeding ("deletedDaysAgo"), so the demo
always shows items expiring today, this week and in 29 days. Trash entries are replayed through
the real soft-delete operation, oldest first, so deletion events, cancelled training jobs and the
audit trail are exactly what the server itself would have produced.
"""
import json
import random
import secrets

from . import auth, db, domain
from .jsonio import now_ms, parse_iso

DAY_MS = domain.DAY_MS
FORMAT = 1
JOB_STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")


class FixtureError(ValueError):
    """A fixture that does not follow the format; the message names the offending place."""


def _need(obj, key, kind, where):
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise FixtureError("%s: %s is required (%s)" % (where, key, getattr(kind, "__name__", kind)))
    return value


def load_file(conn, path, scrypt_n=auth.SCRYPT_N, now=None):
    with open(path, encoding="utf-8") as f:
        fixture = json.load(f)
    load(conn, fixture, scrypt_n=scrypt_n, now=now)


def load(conn, fixture, scrypt_n=auth.SCRYPT_N, now=None):
    """Seed every workspace of the fixture in one transaction."""
    if not isinstance(fixture, dict) or fixture.get("format") != FORMAT:
        raise FixtureError("fixture: format must be %d" % FORMAT)
    now = now_ms() if now is None else now
    with db.transaction(conn):
        demo = {"workspace": None, "users": [], "apiKeys": []}
        for ws in _need(fixture, "workspaces", list, "fixture"):
            _load_workspace(conn, ws, scrypt_n, now, demo)
        if fixture.get("demo") is True:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', ?)", (json.dumps(demo),))
        new_listing_epoch(conn)


def new_listing_epoch(conn):
    """Rows changed without an audit event (seeding, synthetic items): every listing version
    changes. Kept in the database, so every instance on it names the same versions."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('listing_epoch', ?)", (secrets.token_hex(4),))


def _load_workspace(conn, ws, scrypt_n, now, demo):
    wid = _need(ws, "id", str, "workspace")
    url = _need(ws, "url", str, wid)
    if url in domain.RESERVED_WORKSPACE_SLUGS:
        raise FixtureError("%s: the url %r is reserved" % (wid, url))
    conn.execute("INSERT INTO workspaces (id, url, name, retention_days, quota_bytes) VALUES (?, ?, ?, ?, ?)",
                 (wid, url, _need(ws, "name", str, wid), ws.get("retentionDays", 30), ws.get("quotaBytes", 0)))
    demo["workspace"] = demo["workspace"] or url
    roles = {}
    for role in _need(ws, "roles", list, wid):
        try:
            permissions = auth.parse_permissions(role.get("permissions", []))
        except (ValueError, TypeError) as exc:
            raise FixtureError("%s role %s: %s" % (wid, role.get("name"), exc)) from None
        roles[role["name"]] = conn.execute("INSERT INTO roles (workspace_id, name, permissions) VALUES (?, ?, ?)",
                                           (wid, role["name"], " ".join(permissions))).lastrowid
    users = {}
    for user in ws.get("users", []):
        uid = _need(user, "id", str, wid + " user")
        if user.get("role") not in roles:
            raise FixtureError("%s user %s: unknown role %r" % (wid, uid, user.get("role")))
        password = _need(user, "password", str, uid)
        conn.execute("INSERT INTO users (id, workspace_id, email, name, password_hash, role_pk) VALUES (?, ?, ?, ?, ?, ?)",
                     (uid, wid, _need(user, "email", str, uid), _need(user, "name", str, uid),
                      auth.hash_password(password, n=scrypt_n), roles[user["role"]]))
        users[uid] = user["name"]
        demo["users"].append({"email": user["email"], "name": user["name"], "role": user["role"],
                              "password": password, "workspace": url})
    for key in ws.get("apiKeys", []):
        scopes = _need(key, "scopes", list, wid + " api key")
        unknown = [s for s in scopes if s not in auth.SCOPES]
        if unknown:
            raise FixtureError("%s api key %s: unknown scopes %s" % (wid, key.get("name"), unknown))
        conn.execute("INSERT INTO api_keys (key_hash, workspace_id, name, scopes) VALUES (?, ?, ?, ?)",
                     (auth.token_hash(_need(key, "key", str, wid + " api key")), wid,
                      key.get("name", "key"), " ".join(scopes)))
        demo["apiKeys"].append({"key": key["key"], "name": key.get("name", "key"), "scopes": scopes,
                                "workspace": url})
    loader = _ItemLoader(conn, wid, users, now)
    # Trashed items first: an active item may since have taken a trashed one's slug.
    for kind, plural in (("project", "projects"), ("dataset", "datasets"), ("workflow", "workflows")):
        entries = ws.get(plural, [])
        for entry in sorted(entries, key=lambda e: "trash" not in e):
            loader.add_top(kind, entry)
    for group in ws.get("imageGroups", []):
        loader.add_images(group)


class _ItemLoader:
    def __init__(self, conn, workspace_id, users, now):
        self.conn, self.wid, self.users, self.now = conn, workspace_id, users, now
        self.projects = {}

    def insert(self, kind, entry, parent_pk=None, owner=None):
        where = "%s %s" % (kind, entry.get("id"))
        size = entry.get("sizeBytes", 0)
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise FixtureError("%s: sizeBytes must be a non-negative integer" % where)
        url = entry.get("url") if kind in ("project", "dataset", "workflow") else None
        if kind in ("project", "dataset", "workflow") and not isinstance(url, str):
            raise FixtureError("%s: url is required" % where)
        if kind == "project" and url in domain.RESERVED_PROJECT_SLUGS:
            raise FixtureError("%s: the url %r is reserved" % (where, url))
        owner = entry.get("owner", owner)
        if owner is not None and owner not in self.users:
            raise FixtureError("%s: unknown owner %r" % (where, owner))
        pk = self.conn.execute(
            "INSERT INTO items (workspace_id, type, id, parent_pk, name, url, owner_id, size_bytes, deployed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.wid, kind, _need(entry, "id", str, kind), parent_pk, _need(entry, "name", str, where),
             url, owner, size, 1 if entry.get("deployed") else 0)).lastrowid
        for job in entry.get("trainingJobs", []):
            if job.get("status") not in JOB_STATUSES:
                raise FixtureError("%s: training job status must be one of %s" % (where, JOB_STATUSES))
            self.conn.execute("INSERT INTO training_jobs (workspace_id, id, item_pk, status) VALUES (?, ?, ?, ?)",
                              (self.wid, _need(job, "id", str, where + " job"), pk, job["status"]))
        return pk

    def add_top(self, kind, entry):
        pk = self.insert(kind, entry)
        pending = [(entry, pk)]
        if kind == "project":
            self.projects[entry["id"]] = pk
            versions = {}
            for version in entry.get("versions", []):
                versions[version.get("id")] = vpk = self.insert("version", version, pk, entry.get("owner"))
                pending.append((version, vpk))
            for model in entry.get("models", []):
                mpk = self.insert("model", model, pk, entry.get("owner"))
                if model.get("trainedOn") is not None:
                    if model["trainedOn"] not in versions:
                        raise FixtureError("model %s: trainedOn %r is not a version of %s"
                                           % (model["id"], model["trainedOn"], entry["id"]))
                    self.conn.execute("UPDATE items SET trained_on_pk = ? WHERE pk = ?",
                                      (versions[model["trainedOn"]], mpk))
                pending.append((model, mpk))
        trashes = sorted(((self._deleted_at(e), e, p) for e, p in pending if "trash" in e), key=lambda t: t[0])
        for at, e, p in trashes:
            item = self.conn.execute("SELECT * FROM items WHERE pk = ?", (p,)).fetchone()
            trash = e["trash"]
            by = trash.get("by")
            if by is not None and by not in self.users:
                raise FixtureError("%s: trash.by %r is not a user" % (e["id"], by))
            via = trash.get("via", "web" if by else "api")
            via = "web" if via == "ui" else via  # the name before issue 14
            actor = domain.Actor(by, self.users.get(by, "API key"), via)
            domain.soft_delete(self.conn, item, actor, at, delete_images=bool(trash.get("deleteImages")))

    def _deleted_at(self, entry):
        trash = entry["trash"]
        if "deletedAt" in trash:
            return parse_iso(trash["deletedAt"])
        days = trash.get("deletedDaysAgo")
        if isinstance(days, bool) or not isinstance(days, (int, float)) or days < 0:
            raise FixtureError("%s: trash needs deletedDaysAgo (a number >= 0) or deletedAt" % entry.get("id"))
        return self.now - int(days * DAY_MS)

    def add_images(self, group):
        prefix = _need(group, "prefix", str, "image group")
        projects = [self.projects.get(p) for p in _need(group, "projects", list, prefix)]
        if None in projects:
            raise FixtureError("image group %s: unknown project in %s" % (prefix, group["projects"]))
        count, each = _need(group, "count", int, prefix), group.get("bytesEach", 0)
        for n in range(count):
            image = self.conn.execute("INSERT INTO images (workspace_id, id, size_bytes) VALUES (?, ?, ?)",
                                      (self.wid, "%s-%05d" % (prefix, n + 1), each)).lastrowid
            self.conn.executemany("INSERT INTO project_images (project_pk, image_pk) VALUES (?, ?)",
                                  [(p, image) for p in projects])


# What add_synthetic_items names its rows ("Synthetic <type>-<batch>-<nnnnnn>").
SYNTHETIC_NAME = "Synthetic *-[0-9]*-[0-9][0-9][0-9][0-9][0-9][0-9]"


def synthetic_in_trash(conn, workspace_url):
    """How many synthetic rows the workspace's Trash holds now."""
    return conn.execute(
        "SELECT count(*) FROM items i JOIN workspaces w ON w.id = i.workspace_id"
        " WHERE w.url = ? AND i.trash_event IS NOT NULL AND i.name %s ?" % conn.dialect.glob,
        (workspace_url, conn.dialect.glob_pattern(SYNTHETIC_NAME))).fetchone()[0]


def top_up_synthetic_items(conn, workspace_url, count, now=None):
    """Make the workspace's Trash hold `count` synthetic rows: add only what is missing, so
    restarting `serve.py --demo-items N` on the same database keeps N (not N per start).
    Answers how many rows it added."""
    missing = count - synthetic_in_trash(conn, workspace_url)
    if missing > 0:
        add_synthetic_items(conn, workspace_url, missing, now)
    return max(0, missing)


def add_synthetic_items(conn, workspace_url, count, now=None, seed=7):
    """Fill a workspace's Trash with `count` synthetic rows of every type (versions and models
    under one active project), deleted over the retention window by its users. Fast: executemany."""
    now = now_ms() if now is None else now
    rng = random.Random(seed)
    with db.transaction(conn):
        ws = conn.execute("SELECT * FROM workspaces WHERE url = ?", (workspace_url,)).fetchone()
        if ws is None:
            raise FixtureError("no workspace %r" % workspace_url)
        wid, window = ws["id"], ws["retention_days"] * DAY_MS
        users = [r[0] for r in conn.execute("SELECT id FROM users WHERE workspace_id = ?", (wid,))] or [None]
        tag = conn.execute("SELECT ifnull(max(pk), 0) + 1 FROM items").fetchone()[0]
        holder = conn.execute(
            "INSERT INTO items (workspace_id, type, id, name, url, owner_id, size_bytes) VALUES (?, 'project', ?, ?, ?, ?, 0)",
            (wid, "d_synthetic%d" % tag, "Synthetic load %d" % tag, "synthetic-load-%d" % tag, users[0])).lastrowid
        item_pk = conn.execute("SELECT max(pk) FROM items").fetchone()[0] + 1
        event_pk = conn.execute("SELECT ifnull(max(pk), 0) FROM deletion_events").fetchone()[0] + 1
        kinds = ("dataset", "workflow", "project", "version", "model")
        prefixes = {"dataset": "ds_syn", "workflow": "wf_syn", "project": "d_syn", "model": "m_syn"}
        items, events = [], []
        for n in range(count):
            kind = kinds[n % len(kinds)]
            label = "%s-%d-%06d" % (kind, tag, n)
            ident = str(n + 1) if kind == "version" else "%s%d_%06d" % (prefixes[kind], tag, n)
            parent = holder if kind in ("version", "model") else None
            url = None if parent else "synthetic-" + label
            items.append((item_pk, wid, kind, ident, parent, "Synthetic %s" % label, url, users[0],
                          rng.randrange(1000, 5 * 10 ** 9), event_pk))
            events.append((event_pk, wid, item_pk, now - rng.randrange(0, window), rng.choice(users),
                           "web"))
            item_pk, event_pk = item_pk + 1, event_pk + 1
        conn.executemany("INSERT INTO deletion_events (pk, workspace_id, root_pk, at, actor_id, via)"
                         " VALUES (?, ?, ?, ?, ?, ?)", events)
        conn.executemany("INSERT INTO items (pk, workspace_id, type, id, parent_pk, name, url, owner_id,"
                         " size_bytes, trash_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
        db.sync_ids(conn, ("items", "deletion_events"))
        new_listing_epoch(conn)
