"""Storage: connections (SQLite: WAL, foreign keys, busy timeout; or PostgreSQL for a
postgresql:// URL, see pg.py), the schema and its migrations (written once, in SQLite's SQL;
dialect.py rewrites them for PostgreSQL), and the transaction helper every request and the
cleanup job use.

Schema in one paragraph: `items` holds every resource (project, version, model, dataset,
workflow) with `parent_pk` for versions and models. An item is in Trash when `trash_event` points
at a `deletion_events` row; the children that went to Trash with their parent share its event, and
the event's `root_pk` is the item that was deleted, so the listing shows one row per event root.
Permanent deletion removes rows (children cascade). Scheduled cleanup is computed, never stored:
deletion time plus the workspace's current retention.
"""
import contextlib
import random
import sqlite3
import time

from . import dialect

SCHEMA_VERSION = 6

MIGRATIONS = {
    1: """
CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    retention_days INTEGER NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 90),
    quota_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE roles (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    permissions TEXT NOT NULL,
    UNIQUE (workspace_id, name)
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role_pk INTEGER NOT NULL REFERENCES roles(pk)
);
CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL
);
CREATE TABLE deletion_events (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    root_pk INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_id TEXT,
    via TEXT NOT NULL
);
CREATE TABLE items (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('project', 'version', 'model', 'dataset', 'workflow')),
    id TEXT NOT NULL,
    parent_pk INTEGER REFERENCES items(pk) ON DELETE CASCADE,
    trained_on_pk INTEGER REFERENCES items(pk) ON DELETE SET NULL,
    name TEXT NOT NULL,
    url TEXT,
    owner_id TEXT,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    deployed INTEGER NOT NULL DEFAULT 0,
    cleanup_delete_images INTEGER NOT NULL DEFAULT 0,
    trash_event INTEGER REFERENCES deletion_events(pk)
);
CREATE UNIQUE INDEX items_identity ON items (workspace_id, type, ifnull(parent_pk, 0), id);
CREATE UNIQUE INDEX items_active_url ON items (workspace_id, type, url)
    WHERE trash_event IS NULL AND url IS NOT NULL;
CREATE INDEX items_trash ON items (workspace_id, trash_event) WHERE trash_event IS NOT NULL;
CREATE INDEX items_parent ON items (parent_pk);
CREATE INDEX events_due ON deletion_events (at);
CREATE TABLE images (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (workspace_id, id)
);
CREATE TABLE project_images (
    project_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
    image_pk INTEGER NOT NULL REFERENCES images(pk) ON DELETE CASCADE,
    PRIMARY KEY (project_pk, image_pk)
) WITHOUT ROWID;
CREATE INDEX project_images_image ON project_images (image_pk);
CREATE TABLE training_jobs (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    item_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE TABLE audit_events (
    pk INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    via TEXT NOT NULL,
    type TEXT,
    item_id TEXT,
    name TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_time ON audit_events (workspace_id, at DESC, pk DESC);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""",
    # Sessions came after the first release of the API, which knew only API keys.
    2: """
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
""",
    # Every foreign key needs an index on its child column, or each permanent deletion scans the
    # referencing tables: emptying a 20,000-item Trash took 95 s without these.
    3: """
CREATE INDEX items_by_event ON items (trash_event);
CREATE INDEX items_trained_on ON items (trained_on_pk);
CREATE INDEX training_jobs_item ON training_jobs (item_pk);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX events_by_workspace ON deletion_events (workspace_id, at);
DROP INDEX events_due;
""",
    # Issue 11: failed sign-ins (for the rate limits) and idempotency keys live in the database, so
    # several servers on one database (PostgreSQL, later) share them.
    4: """
CREATE TABLE sign_in_failures (
    pk INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    email TEXT NOT NULL,
    address TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
""",
    # Issue 14: the Activity screen. Events say more (the API key's name, the parent project, the
    # slug a restore used, what a deletion freed, a retention change's values), an Empty Trash or
    # a cleanup run is one summary event whose members carry run_id (the summary's pk), and the
    # names are the API's: delete, sign_in_throttled, via web. The new view_activity permission
    # goes to the roles that had the audit log's powers by default (Owner, Admin).
    5: """
ALTER TABLE audit_events ADD COLUMN run_id INTEGER;
ALTER TABLE audit_events ADD COLUMN run_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_events ADD COLUMN key_name TEXT;
ALTER TABLE audit_events ADD COLUMN parent_name TEXT;
ALTER TABLE audit_events ADD COLUMN slug TEXT;
ALTER TABLE audit_events ADD COLUMN images INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_events ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_events ADD COLUMN old_value INTEGER;
ALTER TABLE audit_events ADD COLUMN new_value INTEGER;
UPDATE audit_events SET action = 'delete' WHERE action = 'delete_permanently';
UPDATE audit_events SET action = 'sign_in_throttled' WHERE action = 'sign_in_limited';
UPDATE audit_events SET via = 'web' WHERE via = 'ui';
UPDATE deletion_events SET via = 'web' WHERE via = 'ui';
UPDATE roles SET permissions = trim(permissions || ' view_activity') WHERE name IN ('Owner', 'Admin')
    AND ' ' || permissions || ' ' NOT LIKE '% view_activity %';
CREATE INDEX audit_top ON audit_events (workspace_id, at, pk) WHERE run_id IS NULL;
CREATE INDEX audit_by_run ON audit_events (workspace_id, run_id, at, pk) WHERE run_id IS NOT NULL;
CREATE INDEX audit_by_item ON audit_events (workspace_id, item_id, at, pk);
CREATE INDEX audit_by_actor ON audit_events (workspace_id, actor_id, at, pk)
""",
    # Issue 10: the session's storage figures read only indexes at 100,000 items (the used sum
    # scanned the table, the Trash sum looked up every row: 150 ms a session). items_trash_size
    # replaces items_trash, whose columns it starts with; items_flagged holds the few projects
    # whose exclusive images count toward the Trash.
    6: """
CREATE INDEX items_size ON items (workspace_id, size_bytes);
CREATE INDEX items_trash_size ON items (workspace_id, trash_event, size_bytes) WHERE trash_event IS NOT NULL;
DROP INDEX items_trash;
CREATE INDEX items_flagged ON items (workspace_id, trash_event)
    WHERE type = 'project' AND trash_event IS NOT NULL AND cleanup_delete_images = 1
""",
}


class SqliteConnection(sqlite3.Connection):
    dialect = dialect.Sqlite


def connect(target):
    """A connection in autocommit mode: transactions are opened explicitly by `transaction`.
    `target` is a SQLite file or a postgresql://USER@HOST:PORT/DBNAME URL."""
    if dialect.is_url(target):
        from . import pg  # the driver is needed (and imported) only for PostgreSQL
        return pg.Connection(target)
    try:
        conn = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False,
                               factory=SqliteConnection)
    except sqlite3.OperationalError as exc:
        raise RuntimeError("cannot open the database %s: %s" % (target, exc)) from None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def schema_version(conn):
    if conn.dialect is dialect.Sqlite:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0


def migrate(conn, target=SCHEMA_VERSION):
    """Bring the schema up to `target`, one migration per transaction; refuse newer databases.
    On PostgreSQL the write lock is taken first, so instances started together migrate once."""
    if conn.dialect is dialect.Sqlite:
        conn.execute("PRAGMA journal_mode = WAL")
    elif schema_version(conn) != target:
        with transaction(conn):
            _migrate_steps(conn, target)
        return
    _migrate_steps(conn, target)


def _migrate_steps(conn, target):
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise RuntimeError("database schema %d is newer than this server (%d)" % (version, SCHEMA_VERSION))
    postgres = conn.dialect is dialect.Postgres
    if postgres:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
    for step in range(version + 1, target + 1):
        with transaction(conn):
            sql = dialect.schema(MIGRATIONS[step]) if postgres else MIGRATIONS[step]
            for statement in sql.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            if postgres:
                conn.execute("INSERT INTO schema_version (version) VALUES (%d)" % step)
            else:
                conn.execute("PRAGMA user_version = %d" % step)


def sync_ids(conn, tables):
    """After rows were inserted with explicit pks: PostgreSQL's identity sequences must continue
    after them (SQLite's rowid needs nothing)."""
    if conn.dialect is dialect.Postgres:
        for table in tables:
            conn.execute("SELECT setval(pg_get_serial_sequence('%s', 'pk'), (SELECT max(pk) FROM %s))"
                         % (table, table))


@contextlib.contextmanager
def transaction(conn, write=True):
    """One transaction; writes take the lock up front (BEGIN IMMEDIATE) so concurrent restores and
    deletes serialise instead of failing half-way with SQLITE_BUSY on upgrade. Inside another
    transaction (a request kept with its Idempotency-Key) it is a savepoint of that one."""
    if conn.in_transaction:
        with savepoint(conn):
            yield conn
        return
    for statement in conn.dialect.begin_write if write else conn.dialect.begin_read:
        conn.execute(statement)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def retrying(conn, run, attempts=8):
    """`run()`, again after a serialisation failure or deadlock (PostgreSQL's "try again": the
    transaction was rolled back whole), so a race between instances is never a 5xx."""
    for attempt in range(attempts):
        try:
            return run()
        except Exception as exc:
            if getattr(exc, "sqlstate", None) not in ("40001", "40P01") or attempt == attempts - 1:
                raise
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            time.sleep(0.005 * (attempt + 1) * random.random())


def read_stream(conn, produce):
    """Iterate the chunks of `produce()` inside one read transaction that lasts as long as the
    iteration: a streamed answer is one snapshot, written while it is made."""
    for statement in conn.dialect.begin_read:
        conn.execute(statement)
    try:
        yield from produce()
    finally:
        conn.execute("COMMIT")


@contextlib.contextmanager
def savepoint(conn):
    """A nested step inside a transaction that can fail alone (one item of a batch)."""
    conn.execute("SAVEPOINT item")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK TO item")
        conn.execute("RELEASE item")
        raise
    conn.execute("RELEASE item")


def is_empty(conn):
    return conn.execute("SELECT count(*) FROM workspaces").fetchone()[0] == 0


def get_meta(conn, key):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None
