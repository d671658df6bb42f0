"""Remembering which Slack deliveries were already answered, across worker processes.

Slack retries an event it thinks failed (same ``event_id``), and a mention can arrive both as
``app_mention`` and as ``message`` (different ``event_id``, same channel and ``ts``). Bolt does
not de-duplicate, and gunicorn workers share no memory, so the memory is a small SQLite file:
a unique key claimed in one transaction is claimed by exactly one process on the host.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from pathlib import Path

# Slack retries over about five minutes (immediately, after 1 and after 5); an hour is ample.
DEFAULT_TTL_SECONDS = 3600.0
DEFAULT_PATH = Path(tempfile.gettempdir()) / "citebot-slack-seen.sqlite3"


class Dedupe:
    """A set of delivery keys with expiry, in a SQLite file shared by every process that opens it."""

    def __init__(self, path: Path = DEFAULT_PATH, ttl_seconds: float = DEFAULT_TTL_SECONDS):
        self.path = path
        self.ttl_seconds = ttl_seconds
        self._lock = threading.Lock()  # one connection per process, used by Bolt's listener threads
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so the claim is one write lock.
        self._db = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # A lost claim after a power cut means at worst one duplicate reply: not worth an fsync per event.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, expires_at REAL NOT NULL)")
        self._db.execute("CREATE INDEX IF NOT EXISTS seen_expiry ON seen (expires_at)")

    def first_time(self, *keys: str) -> bool:
        """Record ``keys``; return True only if none of them was seen before (and has not expired)."""
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM seen WHERE expires_at < ?", (now,))
                fresh = True
                for key in keys:
                    # Insert every key even after a hit, so a later copy under any of them is caught too.
                    inserted = self._db.execute(
                        "INSERT OR IGNORE INTO seen (key, expires_at) VALUES (?, ?)", (key, now + self.ttl_seconds)
                    ).rowcount
                    fresh = fresh and inserted == 1
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return fresh

    def close(self) -> None:
        """Close this process's connection; the file stays for the other workers."""
        with self._lock:
            self._db.close()
