"""The sessions database opened for ``convocoach due``: read-only, and without the store.

The store's own opening (``sessions/database.py``) brings in the session model and its
schema, which a shell prompt cannot wait for. This opens the file read-only with the
standard library alone and hands every case it is not sure of (an older database to
migrate, one from a newer convocoach, a read-only folder) to the store's opening, so those
behave exactly as in every other command.
"""

from __future__ import annotations

import os
import sqlite3

READS_VERSION = 11
"""The database version this reader knows (``schema_sql.SCHEMA_VERSION``; a test checks)."""
READS_TABLES = ("sessions", "next_steps", "checkins")
"""The tables the due list reads: each is checked (with its indexes) before it is read, as
the store checks the whole file, so that a damaged one is never taken for "nothing due"."""


def open_for_due(path: str | os.PathLike[str]) -> sqlite3.Connection | None:
    """A read-only connection to the sessions database; None when there is none yet (then
    nothing is due, and nothing is created)."""
    if not os.path.isfile(path):
        return None
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0, isolation_level=None)
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


def read_only_uri(path: str | os.PathLike[str]) -> str:
    """SQLite's read-only URI of the file at ``path``.

    SQLite decodes %HH in a URI's path and ends the path at ? or #, so only those three are
    escaped (pathlib's ``as_uri`` would cost a shell prompt pathlib and urllib).
    """
    absolute = os.path.abspath(os.fspath(path))
    escaped = absolute.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"file://{escaped}?mode=ro"


def _store_open(path: str | os.PathLike[str]) -> sqlite3.Connection:
    # Lazy: the store's opening (the session model, the schema) only when this one was not
    # sure: a migration, a newer or damaged file, a read-only folder. It says why in words.
    from pathlib import Path

    from convocoach.sessions.database import Database  # Lazy: as above

    return Database.open(Path(path), read_only=True).connection
