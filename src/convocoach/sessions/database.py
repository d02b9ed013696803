"""The sessions database itself: opening it (WAL, a busy timeout, an integrity check),
migrating it with a backup first, and one transaction per change.

A process killed at any moment loses at most the change in flight: every write is its own
``BEGIN IMMEDIATE`` ... ``COMMIT``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import (
    StoreError,
    StoreWriteError,
    about_the_file,
    describe,
    error_name,
)
from convocoach.sessions.integrity import EarlyCheck, check_integrity, connect_read_only
from convocoach.sessions.schema_sql import MIGRATIONS, SCHEMA_VERSION

Clock = Callable[[], datetime]
D = TypeVar("D", bound="Database")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


BUSY_SECONDS = 5.0
"""How long a write waits for another program's write to finish (the CLI's default)."""


class Database:
    """The connection, its transactions and its clock. Open with :meth:`open`; close with
    :meth:`close` or ``with``."""

    def __init__(self, db: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self._db = db
        self.path = path
        self._clock = clock

    @classmethod
    def open(
        cls: type[D],
        path: Path,
        clock: Clock = _utc_now,
        *,
        read_only: bool = False,
        busy_seconds: float = BUSY_SECONDS,
        checked: EarlyCheck | None = None,
    ) -> D:
        """Open (creating if needed) and migrate the database at ``path``.

        ``busy_seconds`` is how long a write waits for another program's to finish before it
        fails as "locked" (the app waits less and tries again later: see ``tui.saving``).

        ``read_only`` is for commands that only read: it works in a read-only folder and
        never writes. A database that does not exist yet, or needs migrating, is opened for
        writing all the same. A damaged database is refused either way, before anything
        can be read from it in part or written into it.
        """
        read_only = read_only and path.is_file()
        try:
            if read_only:
                db = connect_read_only(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(*describe(exc, path, "opening")) from None
        try:
            db.execute(f"PRAGMA busy_timeout = {int(busy_seconds * 1000)}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path} was written by a newer convocoach (database version {version}; "
                    f"this one knows up to {SCHEMA_VERSION}); it was left untouched",
                    "upgrade convocoach, or use another --data-dir",
                )
            if checked is None or not checked.passed():
                check_integrity(db, path)
            if read_only and version < SCHEMA_VERSION:
                db.close()
                return cls.open(path, clock, busy_seconds=busy_seconds)
            if not read_only:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            store = cls(db, path, clock)
            if not read_only:
                store._migrate(version)
        except sqlite3.DatabaseError as exc:
            db.close()
            if error_name(exc).startswith("SQLITE_NOTADB"):
                raise StoreError(
                    f"{path} is not a convocoach sessions database ({exc}); it was left untouched",
                    "move it aside, or use another --data-dir",
                ) from None
            raise StoreError(*describe(exc, path, "opening")) from None
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def sharing(cls: type[D], opened: Database) -> D:
        """This kind of store on ``opened``'s connection, already opened and migrated: the
        two are one database, closed once."""
        return cls(opened._db, opened.path, opened._clock)

    def _migrate(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            self._backup(self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}"))
        for number in range(version, SCHEMA_VERSION):
            with self._write():
                # Read again under the write lock: another process opening the same new
                # database may have applied this step since the version was first read.
                if self._db.execute("PRAGMA user_version").fetchone()[0] > number:
                    continue
                for statement in _statements(MIGRATIONS[number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _backup(self, target: Path) -> None:
        backup = sqlite3.connect(target)
        try:
            self._db.backup(backup)
        finally:
            backup.close()

    def close(self) -> None:
        self._db.close()

    def __enter__(self: D) -> D:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """For the modules that keep their own tables in this database (rehearsals)."""
        return self._db

    def transaction(self) -> AbstractContextManager[None]:
        """One atomic write: everything inside commits together or not at all."""
        return self._write()

    def now(self) -> str:
        """The store's clock, as stored (UTC, ISO 8601, seconds)."""
        return self._now()

    def data_version(self) -> int:
        """A number that changes when another connection commits (a cheap "anything new?")."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._failed(exc) from None
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and not isinstance(exc, StoreError):
                raise self._failed(exc) from None
            raise

    def _failed(self, exc: sqlite3.Error) -> sqlite3.Error:
        """A failed save, in words naming the cause and the file (others unchanged)."""
        if not about_the_file(exc):
            return exc
        return StoreWriteError(*describe(exc, self.path, "saving to"))

    def _now(self) -> str:
        return self._clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _touch(self, session_id: int) -> None:
        cur = self._db.execute(
            "UPDATE sessions SET updated_at = ? WHERE id = ?", (self._now(), session_id)
        )
        if cur.rowcount == 0:
            raise UserError(
                f"no session with id {session_id}", "run 'convocoach sessions list' to see ids"
            )


def _statements(script: str) -> list[str]:
    # executescript() would commit the surrounding transaction; run statements one by one.
    return [s.strip() for s in script.split(";") if s.strip()]
