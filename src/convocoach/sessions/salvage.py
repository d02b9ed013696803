"""Copy what can still be read out of a damaged sessions database into a new one.

Table by table, row by row: a damaged page loses the rows on it and no others. Rows that
lost the session they belong to are dropped, and the copy is checked before it replaces
the damaged file, which is kept beside it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.store import SessionStore

_LINEAR_PROBES = 256  # rowids tried one by one past a damaged spot, then in growing steps
_LAST_ROWID = 2**62


@dataclass(frozen=True, slots=True)
class SalvageReport:
    """How much of each table was copied, and where the damaged file went."""

    copied: dict[str, int]
    sessions_before: int | None  # None when the damaged file could not even count them
    kept_as: Path


def salvage(path: Path, now: datetime | None = None) -> SalvageReport:
    """Replace the database at ``path`` with the rows that can be read from it."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%d-%H%M%S")
    kept_as = path.with_name(f"{path.name}.damaged-{stamp}")
    fresh = path.with_name(f"{path.name}.salvage-{stamp}")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read {path}: {exc}", "check that the file exists") from None
    try:
        copied, before = _copy_into(source, fresh)
    finally:
        source.close()
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{kept_as}{suffix}")
    os.replace(fresh, path)
    return SalvageReport(copied, before, kept_as)


def _copy_into(source: sqlite3.Connection, fresh: Path) -> tuple[dict[str, int], int | None]:
    SessionStore.open(fresh).close()  # the current schema, empty
    target = sqlite3.connect(fresh, isolation_level=None)
    try:
        target.execute("PRAGMA foreign_keys = OFF")
        target.execute("BEGIN")
        copied = {table: _copy_table(source, target, table) for table in _tables(target)}
        orphans = {str(row[0]) for row in target.execute("PRAGMA foreign_key_check")}
        for table in orphans:  # rows whose session (or workshop) was on a damaged page
            copied[table] -= _drop_orphans(target, table)
        target.execute("COMMIT")
        if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreError(
                f"the copy in {fresh} failed its own check", "keep both files and report this"
            )
    finally:
        target.close()
    return copied, _count(source, "sessions")


def _tables(db: sqlite3.Connection) -> list[str]:
    return [
        str(row[0])
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid"
        )
    ]


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> int:
    wanted = [str(row[1]) for row in target.execute(f"PRAGMA table_info({table})")]
    try:
        have = {str(row[1]) for row in source.execute(f"PRAGMA table_info({table})")}
    except sqlite3.DatabaseError:
        return 0
    columns = [c for c in wanted if c in have]  # an older file lacks the newest columns
    if not columns:
        return 0
    names = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    count = 0
    for row in _readable_rows(source, f"SELECT rowid, {names} FROM {table}"):
        count += target.execute(insert, row).rowcount
    return count


def _readable_rows(db: sqlite3.Connection, select: str) -> Iterator[tuple[object, ...]]:
    """Every row that can be read, in rowid order, stepping over damaged pages."""
    last = -_LAST_ROWID
    stuck = False
    while True:
        moved = False
        try:
            for row in db.execute(f"{select} WHERE rowid > ? ORDER BY rowid", (last,)):
                last, moved = int(row[0]), True
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            # A row that reads alone but not in a scan would be found again and again: after
            # a failure with no row read, the search starts past it.
            resume = _next_readable(db, select, last + 1 if stuck and not moved else last)
            if resume is None:
                return
            stuck = True
            last = resume - 1


def _next_readable(db: sqlite3.Connection, select: str, last: int) -> int | None:
    step, probe = 1, last + 1
    while probe < _LAST_ROWID:
        try:
            row = db.execute(
                f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (probe,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = ()
        if row is None:
            return None  # nothing readable past here
        if row:
            return int(row[0])
        if probe - last > _LINEAR_PROBES:
            step *= 2
        probe += step
    return None


def _drop_orphans(db: sqlite3.Connection, table: str) -> int:
    rowids = [row[1] for row in db.execute(f"PRAGMA foreign_key_check({table})")]
    db.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rowids])
    return len(rowids)


def _count(db: sqlite3.Connection, table: str) -> int | None:
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.DatabaseError:
        return None
