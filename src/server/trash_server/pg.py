"""PostgreSQL through psycopg 3 behind the small part of sqlite3's connection API the server uses
(execute, executemany, rows by index and by name, lastrowid, rowcount, in_transaction), so the
domain code is the same on both backends. Imported only when a postgresql:// URL is chosen."""
import decimal
import re
import sys

try:
    import psycopg
    import psycopg.adapt
    import psycopg.types.string
except ImportError:  # Debian's python3-psycopg, seen from another Python 3.11 (pyenv, venv)
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import psycopg
        import psycopg.adapt
        import psycopg.types.string
    except ImportError:
        raise RuntimeError("PostgreSQL needs psycopg 3: apt-get install python3-psycopg") from None

from . import dialect
from .jsonio import ApiError


class Row(tuple):
    """A row by position or by column name, like sqlite3.Row."""
    __slots__ = ()
    names = ()

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self.names)


# sum() of bigint is numeric on PostgreSQL and booleans are 0/1 on SQLite: the same Python types,
# made by the loaders (per value, in the driver), not by a pass over every row.
class _NumericLoader(psycopg.adapt.Loader):
    def load(self, data):
        value = decimal.Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


class _BoolLoader(psycopg.adapt.Loader):
    def load(self, data):
        return 1 if bytes(data) == b"t" else 0


def _row_factory(cursor):
    names = tuple(c.name for c in cursor.description or ())
    return type("Row", (Row,), {"__slots__": (), "names": names})


def _refuse_nul(params):
    """PostgreSQL's text cannot hold NUL: such a value can match nothing stored and cannot be
    stored, so it is the client's mistake (SQLite would answer 404 or keep it)."""
    values = params.values() if isinstance(params, dict) else params or ()
    if any(isinstance(v, str) and "\x00" in v for v in values):
        raise ApiError(400, "Text must not contain NUL characters")


class Cursor:
    def __init__(self, cursor, lastrowid=None):
        self._cursor, self.lastrowid, self.rowcount = cursor, lastrowid, cursor.rowcount

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self):
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())


class StreamCursor:
    """conn.cursor() as the streamed listing uses it: execute, then fetchmany."""
    row_factory = None

    def __init__(self, conn):
        self._conn, self._cursor = conn, None

    def execute(self, sql, params=None):
        _refuse_nul(params)
        self._cursor = self._conn.execute(sql, params)._cursor
        return self

    def fetchmany(self, size):
        return self._cursor.fetchmany(size)

    def close(self):
        if self._cursor is not None:
            self._cursor.close()


_PLAIN_INSERT = re.compile(r"^INSERT INTO (\w+) \(([\w, ]+)\) VALUES \(\?(?:, \?)*\)$")


class Connection:
    dialect = dialect.Postgres

    def __init__(self, url):
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:
            raise RuntimeError("cannot connect to PostgreSQL: %s" % str(exc).strip()) from None
        # JSON comes back as its text: the listing joins the items' JSON as it is, like SQLite's.
        self._conn.adapters.register_loader("json", psycopg.types.string.TextLoader)
        self._conn.adapters.register_loader("numeric", _NumericLoader)
        self._conn.adapters.register_loader("bool", _BoolLoader)

    @property
    def in_transaction(self):
        return self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql, params=None):
        _refuse_nul(params)
        named = tuple(params) if isinstance(params, dict) else (None if params is None else ())
        text = dialect.Postgres.translate(sql, named)
        cursor = self._conn.cursor()
        cursor.execute(text, params)
        lastrowid = None
        if text.endswith(" RETURNING pk"):
            lastrowid = cursor.fetchone()[0]
        return Cursor(cursor, lastrowid)

    def cursor(self):
        return StreamCursor(self)

    def executemany(self, sql, rows):
        rows = list(rows)
        for row in rows:
            _refuse_nul(row)
        plain = _PLAIN_INSERT.match(sql)
        if plain:  # COPY: 100,000 synthetic rows in about a second, not a minute of INSERTs
            with self._conn.cursor() as cursor:
                with cursor.copy("COPY %s (%s) FROM STDIN" % (plain.group(1), plain.group(2))) as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        text = dialect.Postgres.translate(sql, ())
        if text.endswith(" RETURNING pk"):
            text = text[:-len(" RETURNING pk")]
        with self._conn.cursor() as cursor:
            cursor.executemany(text, rows)

    @property
    def broken(self):
        return self._conn.closed or self._conn.info.status != psycopg.pq.ConnStatus.OK

    def close(self):
        self._conn.close()
