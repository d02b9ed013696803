"""Sessions in the database (see ``database`` for the connection): created, read, changed
one field at a time, copied and imported.

Two running copies each write single fields, and a write that carries the value its screen
last read is checked against the stored one in the same transaction (see ``merge``): a
change made in the other copy is never overwritten unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from convocoach.diagnostics import UserError
from convocoach.sessions import limits, within_limits
from convocoach.sessions.after_meeting_store import AfterMeetingStore, came_up_json
from convocoach.sessions.email_choice import check_choice
from convocoach.sessions.merge import WriteConflict, merge_lists
from convocoach.sessions.model import Outcome, Session
from convocoach.sessions.next_step_store import STEP_FIELDS
from convocoach.sessions.schema_sql import SCALAR_COLUMNS
from convocoach.sessions.session_read import LIST_KINDS, read_session
from convocoach.sessions.session_rows import SessionRow, list_sessions
from convocoach.textsafety import clean_text

_LIST_KINDS = LIST_KINDS
UNCHECKED = object()
"""No base given: the write is not compared (the CLI, imports)."""


class SessionStore(AfterMeetingStore):
    """Sessions on disk. Open with :meth:`open`; close with :meth:`close` or ``with``."""

    # --- creating, reading, deleting -------------------------------------------------------

    def create(self, playbook_id: str, playbook_digest: str = "", title: str = "") -> int:
        """A new, empty session for a playbook; returns its id."""
        now = self._now()
        with self._write():
            cur = self._db.execute(
                "INSERT INTO sessions (uuid, playbook_id, playbook_digest, title, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    _new_uuid(),
                    playbook_id,
                    playbook_digest,
                    clean_text(title),
                    now,
                    now,
                ),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def list_sessions(self, limit: int = -1) -> list[SessionRow]:
        """Every session (or the ``limit`` first), most recently changed first."""
        return list_sessions(self._db, limit)

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
        return read_session(self._db, session_id)

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
            check_choice(name, stored)
        with self._write():
            self._touch(session_id)
            if expected is not UNCHECKED:
                now = self._db.execute(
                    f"SELECT {column} FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()[0]
                if now != expected:
                    raise WriteConflict(name, now)
            self._db.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (stored, session_id))
            if name.startswith("outcome.") and name != "outcome.recorded_at":
                self._outcome_recorded(session_id)
            if name == "outcome.change":
                self._follow_outcome(session_id, str(stored))
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
        within_limits.check_session(session)
        values: dict[str, Any] = {
            column: _dotted(session, name) for name, column in SCALAR_COLUMNS.items()
        }
        values.update(
            outcome_came_up=came_up_json(session.outcome.came_up),
            uuid=session.uuid,
            created_at=session.created_at or self._now(),
            updated_at=session.updated_at or self._now(),
        )
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._write():
            if replace:
                # The file carries the lessons kept from it: the old ones would be twice.
                self._db.execute(
                    "DELETE FROM lessons WHERE session_id IN "
                    "(SELECT id FROM sessions WHERE uuid = ?)",
                    (session.uuid,),
                )
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
            for n, step in enumerate(session.next_steps):
                cur = self._db.execute(
                    f"INSERT INTO next_steps (session_id, position, {', '.join(STEP_FIELDS)}) "
                    f"VALUES (?, ?, {', '.join('?' for _ in STEP_FIELDS)})",
                    (session_id, n, *(clean_text(str(getattr(step, f))) for f in STEP_FIELDS)),
                )
                assert cur.lastrowid is not None
                self._insert_moves(cur.lastrowid, step.moves)
            self._db.executemany(
                "INSERT OR REPLACE INTO checkins (session_id, due_on, done_at) VALUES (?, ?, ?)",
                [(session_id, c.due_on, c.done_at) for c in session.checkins],
            )
            if also is not None:
                also(session_id)
        return session_id

    def duplicate(self, session_id: int, title: str | None = None) -> int:
        """A copy of a session under a new uuid; returns the new id."""
        original = self.get(session_id)
        copy = replace(
            original,
            uuid=_new_uuid(),
            created_at="",
            updated_at="",
            title=title if title is not None else _copy_title(original.title),
            # A copy starts a conversation of its own: how the original went stays with it.
            outcome=Outcome(),
            sent_at="",
            checkins=(),
        )
        return self.insert_session(copy)


def _copy_title(title: str) -> str:
    # Shortened to leave room for the mark, so that the copy exports and imports like its original.
    return f"{title[: limits.LINE - len(' (copy)')]} (copy)".strip()


def _dotted(session: Session, name: str) -> Any:
    value: Any = session
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _new_uuid() -> str:
    # Lazy: uuid (and the platform module it brings) only when a session is made; commands
    # that read sessions, like "email", do without.
    import uuid

    return str(uuid.uuid4())
