"""Retention cleanup: permanently delete every Trash row whose scheduledCleanupAt has passed.

Batched, each batch one transaction that deletes its rows and writes their audit events together:
a kill at any point loses at most the uncommitted batch, which the next run simply redoes, and
nothing can be purged twice because a purged row no longer exists. Runs daily inside the server
and as `serve.py cleanup` for cron and tests.

Each workspace's purges of one run are one entry in its Activity: a `cleanup` summary event,
written by the run's first batch there and grown by each later one, and a `cleanup` member event
per item carrying the summary's pk as run_id (so a killed run's summary counts what was purged).
"""
import json
import sys
import threading

from . import db, domain
from .jsonio import iso, now_ms

DAY_SECONDS = 86400
# Items per transaction: large enough that commits do not dominate (20,000 due items took 11.7 s in
# batches of 100 and 4.4 s in batches of 1000), small enough that a batch holds the write lock briefly.
BATCH_SIZE = 1000

# Oldest first through the (workspace_id, at) index, so each batch costs the same however full
# the Trash is. A child due before its parent goes alone; one due with it goes with it.
_DUE = """
SELECT i.* FROM deletion_events e JOIN items i ON i.pk = e.root_pk
WHERE e.workspace_id = :ws AND e.at <= :cutoff ORDER BY e.at, e.pk LIMIT :limit
"""


def _due(conn, now, limit):
    due = []
    for ws in conn.execute("SELECT id, retention_days FROM workspaces").fetchall():
        cutoff = now - ws["retention_days"] * domain.DAY_MS
        due += conn.execute(_DUE, {"ws": ws["id"], "cutoff": cutoff, "limit": limit - len(due)}).fetchall()
        if len(due) >= limit:
            break
    return due


def run_cleanup(conn, now=None, batch_size=BATCH_SIZE, out=print, after_batch=None):
    """Purge everything due at `now`; answers (items purged, bytes freed, images deleted).
    `after_batch(n)` runs after each committed batch (tests inject crashes there)."""
    now = now_ms() if now is None else now
    purged = freed = images = batches = 0
    runs = {}  # workspace id -> this run's summary event there
    while True:
        lines = []
        with db.transaction(conn):
            due = _due(conn, now, batch_size)
            for item, f, n in _purge_batch(conn, due, now, runs):
                purged, freed, images = purged + 1, freed + f, images + n
                lines.append("purged %s %s %r from %s (%d bytes%s)" % (
                    item["type"], item["id"], item["name"], item["workspace_id"], f,
                    ", %d images" % n if n else ""))
        for line in lines:
            out(line)
        if not due:
            break
        batches += 1
        if after_batch:
            after_batch(batches)
    out("cleanup at %s: purged %d items, freed %d bytes, deleted %d images"
        % (iso(now), purged, freed, images))
    return purged, freed, images


def _purge_batch(conn, due, now, runs):
    """Purge one batch (rows of one or more workspaces), each workspace's rows in its run."""
    results = []
    for workspace_id in dict.fromkeys(item["workspace_id"] for item in due):
        items = [item for item in due if item["workspace_id"] == workspace_id]
        runs[workspace_id], done = domain.purge_run(conn, workspace_id, items, domain.CLEANUP_ACTOR, now, "cleanup",
                                                    runs.get(workspace_id))
        results += done
    return results


class CleanupThread(threading.Thread):
    """Runs the cleanup at start and then every `interval` seconds until `stop()`."""

    def __init__(self, db_path, interval=DAY_SECONDS, log=None):
        super().__init__(name="trash-cleanup", daemon=True)
        self.db_path, self.interval = db_path, interval
        self.log = log or (lambda line: print(json.dumps({"time": iso(now_ms()), "cleanup": line}),
                                               file=sys.stderr, flush=True))
        self._stop_event = threading.Event()

    def run(self):
        conn = None
        try:
            while True:
                try:
                    if conn is None or conn.dialect.broken(conn):  # PostgreSQL restarted meanwhile
                        conn = db.connect(self.db_path)
                    run_cleanup(conn, out=self.log)
                except Exception as exc:  # a failed run must not end the daily schedule
                    self.log("cleanup failed: %r" % exc)
                if self._stop_event.wait(self.interval):
                    break
        finally:
            if conn is not None:
                conn.close()

    def stop(self):
        self._stop_event.set()
