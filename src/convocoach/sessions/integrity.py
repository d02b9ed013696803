"""The database's integrity check, before anything is read from it; and the same check
started early, in a thread of its own.

The app checks the whole file before it reads anything from it (a damaged database is
refused, never shown in part). With a long history that check reads megabytes; SQLite lets
go of the interpreter while it reads, so started before the app's modules are imported it
runs beside them on another core and is done by the time the home screen reads the file.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from convocoach.sessions.db_errors import StoreError, damaged

CHECK_CACHE_KIB = -256
"""The page cache the integrity check reads through (negative: KiB, as SQLite counts)."""


def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
    try:
        db.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError:
        # In a read-only folder a WAL database cannot get its shared-memory file: no other
        # program can be writing there either, so the file is read as it stands.
        db.close()
        db = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None)
    return db


def check_integrity(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file at once: a partial list would look like success."""
    # The check reads every page once: a small cache for it, so that a long history does
    # not leave megabytes of pages in memory that nothing reads again.
    size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {CHECK_CACHE_KIB}")
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    finally:
        db.execute(f"PRAGMA cache_size = {int(size)}")
    if problems != ["ok"]:
        detail = " ".join("; ".join(problems).replace("*** in database main ***", "").split())
        raise StoreError(*damaged(path, detail))


class EarlyCheck:
    """``Database.open(..., checked=this)`` waits for it, and runs its own check only when
    this one could not say (no file yet, or not a database: the opening says which)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._passed = False
        self._error: StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if not self.path.is_file():
            return
        try:
            db = connect_read_only(self.path)
        except sqlite3.Error:
            return
        try:
            check_integrity(db, self.path)
            self._passed = True
        except StoreError as exc:
            self._error = exc
        except sqlite3.Error:
            pass  # left to the opening, which words it
        finally:
            db.close()

    def passed(self) -> bool:
        """Whether the file was found whole; :class:`StoreError` if it was found damaged."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._passed
