"""The sessions database opened for ``convocoach due``: read-only, and without the store.

The store's own opening (``sessions/database.py``) brings in the session model and its
schema, which a shell prompt cannot wait for. This opens the file read-only with the
standard library alone and hands every case it is not sure of (an older database to
migrate, one from a newer convocoach, a read-only folder) to the store's opening, so those
behave exactly as in every other command.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

READS_VERSION = 10
"""The database version this reader knows (``schema_sql.SCHEMA_VERSION``; a test checks)."""
READS_TABLES = ("sessions", "next_steps", "checkins")
"""The tables the due list reads: each is checked (with its indexes) before it is read, as
the store checks the whole file, so that a damaged one is never taken for "nothing due"."""


def open_for_due(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the sessions database; None when there is none yet (then
    nothing is due, and nothing is created)."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0, isolation_level=None
        )
        try:
            db.execute("PRAGMA busy_timeout = 5000")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            ok = all(
                db.execute(f"PRAGMA quick_check({table})").fetchall() == [("ok",)]
                for table in READS_TABLES
            )
        except BaseException:
            db.close()
            raise
    except sqlite3.Error:
        version, ok = -1, False
    if version == READS_VERSION and ok:
        return db
    if version != -1:
        db.close()
    return _store_open(path)


def _store_open(path: Path) -> sqlite3.Connection:
    # Lazy: the store's opening (the session model, the schema) only when this one was not
    # sure: a migration, a newer or damaged file, a read-only folder. It says why in words.
    from convocoach.sessions.database import Database

    return Database.open(path, read_only=True).connection
