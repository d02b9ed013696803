"""The sessions database: SQLite in WAL mode, every change its own transaction.

A process killed at any moment loses at most the change in flight. Two running copies
each write single fields, and a write that carries the value its screen last read is
checked against the stored one in the same transaction (see ``merge``): a change made in
the other copy is never overwritten unseen.
"""

from __future__ import annotations

import sqlite3
import uuid as uuid_module
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from convocoach.diagnostics import UserError
from convocoach.sessions import limits
from convocoach.sessions.db_errors import (
    StoreError,
    StoreWriteError,
    about_the_file,
    damaged,
    describe,
    error_name,
)
from convocoach.sessions.merge import WriteConflict, merge_lists
from convocoach.sessions.model import Answer, Case, Client, Meeting, NextStep, Session
from convocoach.sessions.schema_sql import (
    CASE_FACTS,
    MIGRATIONS,
    SCALAR_COLUMNS,
    SCHEMA_VERSION,
)
from convocoach.textsafety import clean_text

Clock = Callable[[], datetime]
_LIST_KINDS = ("phrases", "points")
_STEP_FIELDS = ("action", "owner_kind", "owner_name", "due", "status")
UNCHECKED = object()
"""No base given: the write is not compared (the CLI, imports)."""


class SessionRow(NamedTuple):
    """One line of ``sessions list``."""

    id: int
    uuid: str
    title: str
    playbook_id: str
    client: str
    company: str
    meeting_date: str
    updated_at: str


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


BUSY_SECONDS = 5.0
"""How long a write waits for another program's write to finish (the CLI's default)."""


class SessionStore:
    """Sessions on disk. Open with :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, db: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self._db = db
        self.path = path
        self._clock = clock

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock = _utc_now,
        *,
        read_only: bool = False,
        busy_seconds: float = BUSY_SECONDS,
    ) -> SessionStore:
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
                db = _connect_read_only(path)
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
            _check_integrity(db, path)
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

    def __enter__(self) -> SessionStore:
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

    # --- creating, reading, deleting -------------------------------------------------------

    def create(self, playbook_id: str, playbook_digest: str = "", title: str = "") -> int:
        """A new, empty session for a playbook; returns its id."""
        now = self._now()
        with self._write():
            cur = self._db.execute(
                "INSERT INTO sessions (uuid, playbook_id, playbook_digest, title, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    str(uuid_module.uuid4()),
                    playbook_id,
                    playbook_digest,
                    clean_text(title),
                    now,
                    now,
                ),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def list_sessions(self) -> list[SessionRow]:
        """Every session, most recently changed first."""
        rows = self._db.execute(
            "SELECT id, uuid, title, playbook_id, client_name, client_company, meeting_date, "
            "updated_at FROM sessions ORDER BY updated_at DESC, id DESC"
        ).fetchall()
        return [SessionRow(*row) for row in rows]

    def get(self, session_id: int) -> Session:
        """The whole session; :class:`UserError` if there is none with that id."""
        self._db.execute("BEGIN")  # one consistent read across the tables
        try:
            return self._read(session_id)
        finally:
            self._db.execute("COMMIT")

    def find_titled(self, playbook_id: str, title: str) -> int | None:
        """The most recent session with this playbook and title (a practice or demo session)."""
        row = self._db.execute(
            "SELECT id FROM sessions WHERE playbook_id = ? AND title = ? "
            "ORDER BY updated_at DESC, id DESC LIMIT 1",
            (playbook_id, clean_text(title)),
        ).fetchone()
        return None if row is None else int(row[0])

    def find_uuid(self, uuid: str) -> int | None:
        row = self._db.execute("SELECT id FROM sessions WHERE uuid = ?", (uuid,)).fetchone()
        return None if row is None else int(row[0])

    def _read(self, session_id: int) -> Session:
        self._db.row_factory = sqlite3.Row
        try:
            row = self._db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise UserError(
                    f"no session with id {session_id}", "run 'convocoach sessions list' to see ids"
                )
            answers = tuple(
                Answer(r["section"], r["position"], r["prompt"], r["answer"])
                for r in self._db.execute(
                    "SELECT * FROM answers WHERE session_id = ? ORDER BY section, position",
                    (session_id,),
                )
            )
            lists: dict[str, list[str]] = {kind: [] for kind in _LIST_KINDS}
            for r in self._db.execute(
                "SELECT kind, text FROM list_items WHERE session_id = ? ORDER BY kind, position",
                (session_id,),
            ):
                lists[r["kind"]].append(r["text"])
            steps = tuple(
                NextStep(
                    r["action"], r["owner_kind"], r["owner_name"], r["due"], r["status"], r["id"]
                )
                for r in self._db.execute(
                    "SELECT * FROM next_steps WHERE session_id = ? ORDER BY position, id",
                    (session_id,),
                )
            )
        finally:
            self._db.row_factory = None
        return Session(
            uuid=row["uuid"],
            playbook_id=row["playbook_id"],
            playbook_digest=row["playbook_digest"],
            title=row["title"],
            client=Client(
                row["client_name"],
                row["client_company"],
                row["client_role"],
                row["client_seniority"],
                row["client_tech_level"],
                row["client_language"],
                row["client_email"],
            ),
            meeting=Meeting(
                row["meeting_date"],
                row["meeting_time"],
                row["meeting_duration_min"],
                row["meeting_channel"],
                row["meeting_place"],
            ),
            stakes=row["stakes"],
            case=Case(**{name: row[f"case_{name}"] for name in CASE_FACTS}),
            answers=answers,
            phrases=tuple(lists["phrases"]),
            points=tuple(lists["points"]),
            next_steps=steps,
            cadence=row["cadence"],
            next_checkin=row["next_checkin"],
            checkin_until=row["checkin_until"],
            notes=row["notes"],
            step=row["step"],
            template=row["template"],
            email_draft=row["email_draft"],
            exported_at=row["exported_at"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            id=row["id"],
        )

    def delete(self, session_id: int) -> None:
        with self._write():
            cur = self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if cur.rowcount == 0:
                raise UserError(
                    f"no session with id {session_id}", "run 'convocoach sessions list' to see ids"
                )

    # --- changing one thing at a time ------------------------------------------------------

    def set_field(
        self, session_id: int, name: str, value: str | int, expected: object = UNCHECKED
    ) -> str | int:
        """Set one field (``client.name``, ``meeting.date``, ``notes`` ...); returns it as
        stored. With ``expected`` (the value the caller last read), :class:`WriteConflict`
        if the stored value is another one: nothing is written then."""
        column = SCALAR_COLUMNS.get(name)
        if column is None:
            raise ValueError(f"unknown session field {name!r}")
        stored: str | int = clean_text(value) if isinstance(value, str) else int(value)
        if isinstance(stored, str):
            limits.check_field(name, stored)
        with self._write():
            self._touch(session_id)
            if expected is not UNCHECKED:
                now = self._db.execute(
                    f"SELECT {column} FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()[0]
                if now != expected:
                    raise WriteConflict(name, now)
            self._db.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (stored, session_id))
        return stored

    def set_answer(
        self,
        session_id: int,
        section: str,
        position: int,
        prompt: str,
        answer: str,
        expected: object = UNCHECKED,
    ) -> str:
        """Store the user's answer to one preparation prompt (an empty answer removes it).
        ``expected``: as for :meth:`set_field` (no answer stored reads as "")."""
        prompt, answer = clean_text(prompt), clean_text(answer)
        limits.check_text("An answer", answer, limits.PROSE)
        limits.check_text("A preparation prompt", prompt, limits.PROMPT)
        with self._write():
            self._touch(session_id)
            if expected is not UNCHECKED:
                row = self._db.execute(
                    "SELECT answer FROM answers WHERE session_id = ? AND section = ? "
                    "AND position = ?",
                    (session_id, section, position),
                ).fetchone()
                now = "" if row is None else row[0]
                if now != expected:
                    raise WriteConflict(f"answer {section} {position}", now)
            if answer:
                others = self._db.execute(
                    "SELECT COUNT(*) FROM answers WHERE session_id = ? "
                    "AND (section, position) != (?, ?)",
                    (session_id, section, position),
                ).fetchone()[0]
                limits.check_count("Answers", others + 1, limits.ANSWERS)
                self._db.execute(
                    "INSERT INTO answers (session_id, section, position, prompt, answer) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, section, position) "
                    "DO UPDATE SET prompt = excluded.prompt, answer = excluded.answer",
                    (session_id, section, position, prompt, answer),
                )
            else:
                self._db.execute(
                    "DELETE FROM answers WHERE session_id = ? AND section = ? AND position = ?",
                    (session_id, section, position),
                )
        return answer

    def set_list(
        self, session_id: int, kind: str, items: Sequence[str], base: Sequence[str] | None = None
    ) -> tuple[str, ...]:
        """Replace the chosen ``phrases`` or the discussion ``points``; returns the list as
        stored. With ``base`` (the list the caller last read), changes made since by another
        copy are kept: the two are merged item by item (:func:`merge.merge_lists`)."""
        if kind not in _LIST_KINDS:
            raise ValueError(f"unknown list {kind!r}")
        items = tuple(clean_text(text) for text in items)
        with self._write():
            self._touch(session_id)
            if base is not None:
                theirs = tuple(
                    r[0]
                    for r in self._db.execute(
                        "SELECT text FROM list_items WHERE session_id = ? AND kind = ? "
                        "ORDER BY position",
                        (session_id, kind),
                    )
                )
                if theirs != tuple(base):
                    items = merge_lists(base, items, theirs)
            limits.check_list(kind, items)  # after a merge too, which can only add
            self._db.execute(
                "DELETE FROM list_items WHERE session_id = ? AND kind = ?", (session_id, kind)
            )
            self._db.executemany(
                "INSERT INTO list_items (session_id, kind, position, text) VALUES (?, ?, ?, ?)",
                [(session_id, kind, n, text) for n, text in enumerate(items)],
            )
        return items

    def add_next_step(self, session_id: int, step: NextStep) -> int:
        """Append a next step; returns its id."""
        limits.check_step(step)
        with self._write():
            self._touch(session_id)
            count = self._db.execute(
                "SELECT COUNT(*) FROM next_steps WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
            limits.check_count("Next steps", count + 1, limits.NEXT_STEPS)
            position = self._db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM next_steps WHERE session_id = ?",
                (session_id,),
            ).fetchone()[0]
            cur = self._db.execute(
                "INSERT INTO next_steps (session_id, position, action, owner_kind, owner_name, "
                "due, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, position, *(clean_text(str(getattr(step, f))) for f in _STEP_FIELDS)),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def update_next_step(
        self, step_id: int, expected: NextStep | None = None, **changes: str
    ) -> None:
        """Change fields of one next step (``action``, ``owner_kind``, ``due`` ...).

        With ``expected`` (the step as the caller last read it) only the fields that differ
        from it are written, and :class:`WriteConflict` (nothing written) if the step is gone
        or another copy changed one of those fields to something else since."""
        unknown = set(changes) - set(_STEP_FIELDS)
        if unknown:
            raise ValueError(f"unknown next-step fields {sorted(unknown)}")
        limits.check_step(
            NextStep(changes.get("action", ""), owner_name=changes.get("owner_name", ""))
        )
        with self._write():
            if expected is not None:
                changes = self._step_changes(step_id, expected, changes)
            session_id = self._step_session(step_id)
            self._touch(session_id)
            for name, value in changes.items():
                self._db.execute(
                    f"UPDATE next_steps SET {name} = ? WHERE id = ?", (clean_text(value), step_id)
                )

    def move_next_step(self, step_id: int, new_index: int) -> None:
        """Move a next step to ``new_index`` in its session's list."""
        with self._write():
            session_id = self._step_session(step_id)
            self._touch(session_id)
            ids = [
                r[0]
                for r in self._db.execute(
                    "SELECT id FROM next_steps WHERE session_id = ? ORDER BY position, id",
                    (session_id,),
                )
            ]
            ids.remove(step_id)
            ids.insert(max(0, min(new_index, len(ids))), step_id)
            self._db.executemany(
                "UPDATE next_steps SET position = ? WHERE id = ?",
                [(n, sid) for n, sid in enumerate(ids)],
            )

    def delete_next_step(self, step_id: int, expected: NextStep | None = None) -> None:
        """Remove a next step. With ``expected``: one already gone is no error, and one
        another copy changed since is kept (:class:`WriteConflict`)."""
        with self._write():
            if expected is not None:
                now = self._stored_step(step_id)
                if now is None:
                    return
                if now != replace(expected, id=step_id):
                    raise WriteConflict("next step", now)
            session_id = self._step_session(step_id)
            self._touch(session_id)
            self._db.execute("DELETE FROM next_steps WHERE id = ?", (step_id,))

    def _stored_step(self, step_id: int) -> NextStep | None:
        row = self._db.execute(
            f"SELECT {', '.join(_STEP_FIELDS)}, id FROM next_steps WHERE id = ?", (step_id,)
        ).fetchone()
        return None if row is None else NextStep(*row)

    def _step_changes(
        self, step_id: int, expected: NextStep, changes: dict[str, str]
    ) -> dict[str, str]:
        now = self._stored_step(step_id)
        if now is None:
            raise WriteConflict("next step", None)
        mine = {
            name: clean_text(value)
            for name, value in changes.items()
            if clean_text(value) != getattr(expected, name)
        }
        if any(
            getattr(now, name) not in (getattr(expected, name), value)
            for name, value in mine.items()
        ):
            raise WriteConflict("next step", now)
        return mine

    def _step_session(self, step_id: int) -> int:
        row = self._db.execute(
            "SELECT session_id FROM next_steps WHERE id = ?", (step_id,)
        ).fetchone()
        if row is None:
            raise UserError(f"no next step with id {step_id}")
        return int(row[0])

    def timing_checked(self, session_id: int) -> str:
        """The meeting the user last saw the Timing step check (``flow.meeting_key``)."""
        row = self._db.execute(
            "SELECT timing_checked FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return "" if row is None else str(row[0])

    def set_timing_checked(self, session_id: int, key: str) -> None:
        """Record that the Timing step was seen for this meeting (not a change to the
        session, so the list's order stays as it is)."""
        with self._write():
            cur = self._db.execute(
                "UPDATE sessions SET timing_checked = ? WHERE id = ?", (key, session_id)
            )
            if cur.rowcount == 0:
                raise UserError(
                    f"no session with id {session_id}", "run 'convocoach sessions list' to see ids"
                )

    # --- whole sessions (import) -----------------------------------------------------------

    def insert_session(
        self, session: Session, *, replace: bool = False, also: Callable[[int], None] | None = None
    ) -> int:
        """Store a complete session (from an import) in one transaction; returns its id.

        With ``replace``, a session with the same uuid is removed in the same transaction.
        ``also(session_id)`` runs inside it too, for what other tables keep of the session.
        """
        limits.check_session(session)
        values: dict[str, Any] = {
            column: _dotted(session, name) for name, column in SCALAR_COLUMNS.items()
        }
        values.update(
            uuid=session.uuid,
            created_at=session.created_at or self._now(),
            updated_at=session.updated_at or self._now(),
        )
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._write():
            if replace:
                self._db.execute("DELETE FROM sessions WHERE uuid = ?", (session.uuid,))
            cur = self._db.execute(
                f"INSERT INTO sessions ({columns}) VALUES ({marks})",
                [clean_text(v) if isinstance(v, str) else v for v in values.values()],
            )
            session_id = cur.lastrowid
            assert session_id is not None
            self._db.executemany(
                "INSERT INTO answers (session_id, section, position, prompt, answer) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (session_id, a.section, a.position, clean_text(a.prompt), clean_text(a.answer))
                    for a in session.answers
                ],
            )
            for kind in _LIST_KINDS:
                self._db.executemany(
                    "INSERT INTO list_items (session_id, kind, position, text) VALUES (?, ?, ?, ?)",
                    [
                        (session_id, kind, n, clean_text(t))
                        for n, t in enumerate(getattr(session, kind))
                    ],
                )
            self._db.executemany(
                "INSERT INTO next_steps (session_id, position, action, owner_kind, owner_name, "
                "due, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (session_id, n, *(clean_text(str(getattr(s, f))) for f in _STEP_FIELDS))
                    for n, s in enumerate(session.next_steps)
                ],
            )
            if also is not None:
                also(session_id)
        return session_id

    def duplicate(self, session_id: int, title: str | None = None) -> int:
        """A copy of a session under a new uuid; returns the new id."""
        original = self.get(session_id)
        copy = replace(
            original,
            uuid=str(uuid_module.uuid4()),
            created_at="",
            updated_at="",
            title=title if title is not None else _copy_title(original.title),
        )
        return self.insert_session(copy)


def _copy_title(title: str) -> str:
    # Shortened to leave room for the mark, so that the copy exports and imports like its original.
    return f"{title[: limits.LINE - len(' (copy)')]} (copy)".strip()


def _connect_read_only(path: Path) -> sqlite3.Connection:
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


def _check_integrity(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file at once: a partial list would look like success."""
    problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        detail = " ".join("; ".join(problems).replace("*** in database main ***", "").split())
        raise StoreError(*damaged(path, detail))


def _dotted(session: Session, name: str) -> Any:
    value: Any = session
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _statements(script: str) -> list[str]:
    # executescript() would commit the surrounding transaction; run statements one by one.
    return [s.strip() for s in script.split(";") if s.strip()]
