"""The few statements that differ between SQLite and PostgreSQL, in one place. The domain code is
written once in SQLite's SQL; `Postgres.translate` rewrites each statement the first time it is
seen (placeholders, upserts, json_each, NOCASE, lastrowid), and the schema is rewritten the same
way, so there is one schema and one list of migrations (db.py)."""
import functools
import re

# Tables whose rows have an integer `pk` (an identity column on PostgreSQL): their INSERTs answer
# the new pk (RETURNING pk), which sqlite3 calls lastrowid.
PK_TABLES = ("roles", "deletion_events", "items", "images", "training_jobs", "audit_events", "sign_in_failures")
# INSERT OR REPLACE on PostgreSQL is an upsert on the table's key.
CONFLICT_KEYS = {"meta": "key", "idempotency_keys": "scope, key"}
# Integer milliseconds stay the columns the code reads and writes; PostgreSQL adds a timestamptz
# beside each (generated, so it can never disagree) for people and tools that query the database.
TIME_COLUMNS = ("at", "expires_at", "created_at")


class Sqlite:
    name = "sqlite"
    begin_write = ("BEGIN IMMEDIATE",)  # the one write lock up front: writers queue, never fail
    begin_read = ("BEGIN",)             # a snapshot for the length of the transaction (WAL)
    glob = "GLOB"

    @staticmethod
    def broken(conn):
        return False

    @staticmethod
    def iso(ms):
        """SQL for an ISO 8601 UTC text with milliseconds from an integer ms expression."""
        return ("(strftime('%%Y-%%m-%%dT%%H:%%M:%%S', (%s) / 1000, 'unixepoch') || printf('.%%03dZ', (%s) %% 1000))"
                % (ms, ms))

    json_object = "json_object"

    @staticmethod
    def json_bool(expr):
        return "json(CASE WHEN %s THEN 'true' ELSE 'false' END)" % expr

    @staticmethod
    def glob_pattern(pattern):
        return pattern


class Postgres:
    name = "postgresql"
    # Writes: READ COMMITTED behind one transaction-scoped advisory lock, the same one-writer-at-a-
    # time rule SQLite's BEGIN IMMEDIATE gives, across every instance on the database (see
    # ARCHITECTURE.md). Reads: REPEATABLE READ, one snapshot (a streamed listing is consistent).
    WRITE_LOCK = 7261
    begin_write = ("BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_xact_lock(%d)" % WRITE_LOCK)
    begin_read = ("BEGIN ISOLATION LEVEL REPEATABLE READ",)
    glob = "SIMILAR TO"

    @staticmethod
    def broken(conn):
        return conn.broken
    json_object = "json_build_object"

    @staticmethod
    def iso(ms):
        return ("(to_char(to_timestamp((%s) / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
                " || '.' || lpad(((%s) %% 1000)::text, 3, '0') || 'Z')" % (ms, ms))

    @staticmethod
    def json_bool(expr):
        return "(CASE WHEN %s THEN 'true' ELSE 'false' END)::json" % expr

    @staticmethod
    def glob_pattern(pattern):
        return pattern.replace("*", "%")

    @staticmethod
    @functools.lru_cache(maxsize=512)
    def translate(sql, named=()):
        """SQLite's statement as PostgreSQL's, with psycopg's placeholders (named: the names of
        a dict of parameters; `%` is doubled only when there are parameters)."""
        sql = _rewrite(sql)
        if named is None:
            return sql
        sql = sql.replace("%", "%%")
        if named:
            return re.sub(r"(?<![:\w]):(%s)\b" % "|".join(map(re.escape, named)), r"%(\1)s", sql)
        return sql.replace("?", "%s")


_REWRITES = [
    (re.compile(r"\(SELECT value FROM json_each\(\?\)\)"),
     "(SELECT t.v::bigint AS value FROM json_array_elements_text(?::json) AS t(v))"),
    (re.compile(r"SELECT value FROM json_each\(\?\)"),
     "SELECT value FROM (SELECT t.v::bigint AS value FROM json_array_elements_text(?::json) AS t(v)) AS j"),
    (re.compile(r"\bIS NOT (?!NULL\b)"), "IS DISTINCT FROM "),  # SQLite's IS [NOT] compares any values
    (re.compile(r"\bIS (?!NULL\b|NOT\b|DISTINCT\b)"), "IS NOT DISTINCT FROM "),
    (re.compile(r"\bifnull\("), "coalesce("),
    (re.compile(r"\binstr\("), "strpos("),
    (re.compile(r"([\w.]+) COLLATE NOCASE"), r"lower(\1)"),
    (re.compile(r"ORDER BY rowid"), "ORDER BY ctid"),
    (re.compile(r"WHERE \+i\."), "WHERE i."),  # SQLite's "no index here" hint
]


def _rewrite(sql):
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    upsert = re.match(r"\s*INSERT OR REPLACE INTO (\w+) \(([^)]*)\)", sql)
    if upsert:
        table, columns = upsert.group(1), [c.strip() for c in upsert.group(2).split(",")]
        keys = CONFLICT_KEYS[table]
        sets = ", ".join("%s = excluded.%s" % (c, c) for c in columns if c not in keys.split(", "))
        sql = sql.replace("INSERT OR REPLACE", "INSERT", 1) + " ON CONFLICT (%s) DO UPDATE SET %s" % (keys, sets)
    insert = re.match(r"\s*INSERT INTO (\w+)", sql)
    if insert and insert.group(1) in PK_TABLES and "RETURNING" not in sql:
        sql += " RETURNING pk"
    return sql


def schema(sqlite_sql):
    """A migration's SQLite DDL as PostgreSQL's."""
    sql = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sqlite_sql)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)
    sql = sql.replace("BLOB", "BYTEA").replace(") WITHOUT ROWID", ")").replace("ifnull(", "coalesce(")
    # Emails are unique whatever their case: SQLite's NOCASE column, PostgreSQL's index on lower().
    sql = sql.replace("email TEXT NOT NULL UNIQUE COLLATE NOCASE", "email TEXT NOT NULL")
    if "CREATE TABLE users" in sql:
        sql += ";\nCREATE UNIQUE INDEX users_email ON users (lower(email))"
    for column in TIME_COLUMNS:
        sql = re.sub(r"\n    %s BIGINT NOT NULL(,?)\n" % column,
                     r"\n    %s BIGINT NOT NULL,\n    %s_time timestamptz GENERATED ALWAYS AS"
                     r" (to_timestamp(%s / 1000.0)) STORED\1\n" % (column, column, column), sql)
    return sql


def for_target(target):
    return Postgres if is_url(target) else Sqlite


def is_url(target):
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))
