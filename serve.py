#!/usr/bin/env python3
"""serve.py: the reference Trash server. One command serves the built page and the Trash REST API
on an embedded SQLite database (seeded with the demo workspace on first run) or on PostgreSQL
(several instances may share one), and runs the daily retention cleanup. Python 3.11 standard
library only; PostgreSQL also needs psycopg 3 (Debian's python3-psycopg).

    python3 serve.py [--host 127.0.0.1] [--port 8000] [--db build/trash.db] [--web build/web]
                     [--seed FILE] [--demo-items N] [--cleanup-interval SECONDS]
                     [--allowed-host NAME]... [--secure-cookies] [--trusted-proxy ADDRESS]...
                     [--workers N] [--max-connections N]
    python3 serve.py cleanup --db PATH|URL [--now ISO-TIME] [--batch-size N]
    python3 serve.py migrate --db PATH|URL [--seed FILE]

--db is a SQLite file or postgresql://USER@HOST:PORT/DBNAME; TRASH_DB in the environment is the
default.

The code lives in src/server/trash_server/ (one module per concern; see its __init__ and the
README's "Server" section). This file is configuration and start-up only.
"""
import argparse
import faulthandler
import json
import os
import signal
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "src", "server"))

from trash_server import cleanup, db, dialect, seed  # noqa: E402  (needs the path above)
from trash_server.httpd import TrashServer  # noqa: E402
from trash_server.jsonio import parse_iso  # noqa: E402
from trash_server.settings import Settings  # noqa: E402

STOP_DEADLINE_SECONDS = 8

DEFAULT_DB = os.environ.get("TRASH_DB") or os.path.join(ROOT, "build", "trash.db")
DB_HELP = "SQLite file or postgresql://USER@HOST:PORT/DBNAME (default: $TRASH_DB, else build/trash.db)"
DEFAULT_WEB = os.path.join(ROOT, "build", "web")
DEMO_FIXTURE = os.path.join(ROOT, "assets", "demo", "workspace.json")


def open_database(path, fixture=DEMO_FIXTURE, scrypt_n=None):
    """Open (creating and migrating) the database; a new one is seeded from `fixture`."""
    if not dialect.is_url(path) and os.path.dirname(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    conn = db.connect(path)
    db.migrate(conn)
    with db.transaction(conn):  # under the write lock: instances started together seed once
        empty = db.is_empty(conn)
        if empty:
            seed.load_file(conn, fixture, **({"scrypt_n": scrypt_n} if scrypt_n else {}))
    if not empty and fixture != DEMO_FIXTURE:
        print("serve.py: %s already holds a workspace; --seed applies to a new database only" % path,
              file=sys.stderr)
    return conn


def serve(argv):
    parser = argparse.ArgumentParser(prog="serve.py", description="Serve the Trash page and API.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one")
    parser.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    parser.add_argument("--web", default=DEFAULT_WEB, help="folder of the built page (default build/web)")
    parser.add_argument("--seed", default=DEMO_FIXTURE, help="workspace fixture for a new database")
    parser.add_argument("--demo-items", type=int, default=0, metavar="N",
                        help="keep N synthetic items in the demo workspace's Trash, adding only what is missing (load tests)")
    parser.add_argument("--cleanup-interval", type=float, default=cleanup.DAY_SECONDS, metavar="SECONDS",
                        help="seconds between retention cleanups (default one day; 0 disables)")
    parser.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="a Host name to accept besides the bound one and localhost (repeatable)")
    parser.add_argument("--secure-cookies", action="store_true",
                        help="mark the session cookie Secure (behind HTTPS)")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                        help="a proxy's address whose X-Forwarded-For names the client (repeatable)")
    parser.add_argument("--workers", type=int, default=Settings.workers, help="worker threads (default 8)")
    parser.add_argument("--max-connections", type=int, default=Settings.max_connections,
                        help="open connections at most (default 512)")
    parser.add_argument("--scrypt-n", type=int, default=Settings.scrypt_n, help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)
    settings = Settings(workers=args.workers, max_connections=args.max_connections, scrypt_n=args.scrypt_n,
                        allowed_hosts=tuple(args.allowed_host), secure_cookies=args.secure_cookies,
                        trusted_proxies=tuple(args.trusted_proxy))
    try:
        conn = open_database(args.db, args.seed, args.scrypt_n)
        if args.demo_items > 0:
            demo = json.loads(db.get_meta(conn, "demo") or "{}").get("workspace")
            first = conn.execute("SELECT url FROM workspaces ORDER BY rowid LIMIT 1").fetchone()[0]
            seed.top_up_synthetic_items(conn, demo or first, args.demo_items)
        conn.close()
    except (OSError, ValueError, RuntimeError) as exc:
        parser.exit(2, "serve.py: %s\n" % exc)
    if not os.path.isfile(os.path.join(args.web, "index.html")):
        print("serve.py: no built page in %s (bash .ci/start builds it); serving the API only" % args.web,
              file=sys.stderr)
    server = TrashServer((args.host, args.port), args.db, args.web, settings=settings)
    sweeper = cleanup.CleanupThread(args.db, args.cleanup_interval) if args.cleanup_interval > 0 else None
    if sweeper:
        sweeper.start()
    # Ctrl-C and SIGTERM (how scripts and tests stop it) ask the loop to stop at its next turn
    # instead of raising wherever the main thread happens to be; a second one interrupts at once.
    def stop(signum, frame):
        if server.loop.stop_requested:
            raise KeyboardInterrupt
        # A stop that hangs says where every thread is and ends the process rather than linger.
        faulthandler.dump_traceback_later(STOP_DEADLINE_SECONDS, exit=True)
        server.request_stop()
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # started with SIGINT ignored: keep it so
        signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print("Serving the Trash page on %s" % server.url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if not server.loop.stop_requested:  # stopped by an error, not a signal
            faulthandler.dump_traceback_later(STOP_DEADLINE_SECONDS, exit=True)
        if sweeper:
            sweeper.stop()
        server.server_close()


def run_cleanup(argv):
    parser = argparse.ArgumentParser(prog="serve.py cleanup",
                                     description="Permanently delete every Trash item that is due.")
    parser.add_argument("--db", default=os.environ.get("TRASH_DB"), required="TRASH_DB" not in os.environ,
                        help=DB_HELP)
    parser.add_argument("--now", help="the time to judge expiry at, ISO 8601 (default: now)")
    parser.add_argument("--batch-size", type=int, default=cleanup.BATCH_SIZE)
    args = parser.parse_args(argv)
    try:
        now = parse_iso(args.now) if args.now else None
    except ValueError as exc:
        parser.exit(2, "serve.py cleanup: %s\n" % exc)
    if not dialect.is_url(args.db) and not os.path.exists(args.db):
        parser.exit(2, "serve.py cleanup: no database at %s\n" % args.db)
    try:
        conn = db.connect(args.db)
        db.migrate(conn)
    except RuntimeError as exc:
        parser.exit(2, "serve.py cleanup: %s\n" % exc)
    cleanup.run_cleanup(conn, now, max(1, args.batch_size), out=lambda line: print(line, flush=True))
    conn.close()


def run_migrate(argv):
    parser = argparse.ArgumentParser(prog="serve.py migrate",
                                     description="Bring a database to the current schema (seeding a new one).")
    parser.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    parser.add_argument("--seed", default=DEMO_FIXTURE, help="workspace fixture for a new database")
    parser.add_argument("--scrypt-n", type=int, default=None, help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)
    try:
        open_database(args.db, args.seed, args.scrypt_n).close()
    except (OSError, ValueError, RuntimeError) as exc:
        parser.exit(2, "serve.py migrate: %s\n" % exc)
    print("serve.py migrate: schema version %d" % db.SCHEMA_VERSION, flush=True)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cleanup"]:
        run_cleanup(argv[1:])
    elif argv[:1] == ["migrate"]:
        run_migrate(argv[1:])
    else:
        serve(argv)


if __name__ == "__main__":
    main()
