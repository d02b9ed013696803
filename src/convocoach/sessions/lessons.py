"""Lessons: what to change next time, from an outcome or a rehearsal's scorecard, shown on
the Prepare step of the next conversation with the same playbook or the same client.

A session's outcome lesson follows its "what to change" text until the user edits the lesson
itself; a lesson outlives the session it came from (its ``session_id`` becomes None).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from convocoach.diagnostics import UserError
from convocoach.schema import Choice, Integer, Record, Text, spec_dataclass, spec_field
from convocoach.sessions import limits
from convocoach.sessions.file_fields import PLAYBOOK_ID, TIMESTAMP
from convocoach.sessions.store import SessionStore
from convocoach.textsafety import clean_text

LessonSource = Literal["outcome", "scorecard", "own"]
SOURCES: tuple[LessonSource, ...] = ("outcome", "scorecard", "own")
_line = Text(max_length=limits.LINE, one_line=True, allow_empty=True, strip=False)


@spec_dataclass
class Lesson:
    text: str = spec_field(
        Text(max_length=limits.LESSON, strip=False), "The lesson, in a sentence.", required=True
    )
    playbook_id: str = spec_field(PLAYBOOK_ID, "The playbook it applies to.", required=True)
    source: str = spec_field(
        Choice(SOURCES), "outcome, scorecard or own: where it came from.", default="own"
    )
    client_name: str = spec_field(_line, "The client it was learnt with.", default="")
    client_company: str = spec_field(_line, "Their organisation.", default="")
    edited: int = spec_field(
        Integer(0, 1), "1: edited by hand (its outcome no longer changes it).", default=0
    )
    created_at: str = spec_field(TIMESTAMP, "When it was first kept.", default="")
    updated_at: str = spec_field(TIMESTAMP, "When it last changed.", default="")
    retired_at: str = spec_field(TIMESTAMP, "When it was retired; empty: in use.", default="")
    id: int = 0
    """Database id (not in the exchange file)."""
    session_id: int | None = None
    """The session it came from, while that session is kept (not in the exchange file)."""


LESSON = Record.of(Lesson, "Lesson", "What to change next time.")

_COLUMNS = (
    "text, source, playbook_id, client_name, client_company, edited, created_at, updated_at, "
    "retired_at, id, session_id"
)


@dataclass(frozen=True, slots=True)
class LessonOrigin:
    """Where a lesson came from, for the Lessons view."""

    session_id: int
    title: str
    meeting_date: str


def client_key(name: str, company: str) -> tuple[str, str]:
    """A client as the same client across sessions: case and spacing do not count."""
    return (" ".join(company.casefold().split()), " ".join(name.casefold().split()))


class LessonBook:
    """The lessons table of a :class:`SessionStore`; each call is one transaction."""

    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._db = store.connection

    def all(self, include_retired: bool = True) -> list[Lesson]:
        """Every lesson, newest first."""
        where = "" if include_retired else "WHERE retired_at = ''"
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM lessons {where} ORDER BY created_at DESC, id DESC"
        ).fetchall()
        return [_lesson(row) for row in rows]

    def of_session(self, session_id: int) -> list[Lesson]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM lessons WHERE session_id = ? ORDER BY id", (session_id,)
        ).fetchall()
        return [_lesson(row) for row in rows]

    def for_prepare(
        self, playbook_id: str, client_name: str, client_company: str, session_id: int
    ) -> list[Lesson]:
        """The lessons in use for a session's Prepare step: those kept with the same client
        or the same playbook, from other sessions; the same client's first."""
        key = client_key(client_name, client_company)
        same_client, same_playbook = [], []
        for lesson in self.all(include_retired=False):
            if lesson.session_id == session_id:
                continue
            if key[1] and client_key(lesson.client_name, lesson.client_company) == key:
                same_client.append(lesson)
            elif lesson.playbook_id == playbook_id:
                same_playbook.append(lesson)
        return same_client + same_playbook

    def origins(self) -> dict[int, LessonOrigin]:
        """The session each lesson came from, by lesson id (for those whose session is kept)."""
        rows = self._db.execute(
            "SELECT l.id, s.id, s.title, s.meeting_date FROM lessons AS l "
            "JOIN sessions AS s ON s.id = l.session_id"
        ).fetchall()
        return {row[0]: LessonOrigin(row[1], row[2], row[3]) for row in rows}

    def add(self, session_id: int, text: str, source: LessonSource = "own") -> int:
        """Keep a lesson learnt in a session, for its playbook and its client."""
        text = _checked(text)
        now = self._store.now()
        with self._store.transaction():
            count = self._db.execute(
                "SELECT COUNT(*) FROM lessons WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
            limits.check_count("Lessons from one session", count + 1, limits.LESSONS)
            cur = self._db.execute(
                "INSERT INTO lessons (session_id, source, playbook_id, client_name, "
                "client_company, text, created_at, updated_at) "
                "SELECT s.id, ?, s.playbook_id, s.client_name, s.client_company, ?, ?, ? "
                "FROM sessions AS s WHERE s.id = ?",
                (source, text, now, now, session_id),
            )
        if not cur.rowcount:
            raise UserError(f"no session with id {session_id}")
        return int(cur.lastrowid or 0)

    def edit(self, lesson_id: int, text: str) -> None:
        text = _checked(text)
        with self._store.transaction():
            self._db.execute(
                "UPDATE lessons SET text = ?, edited = 1, updated_at = ? WHERE id = ?",
                (text, self._store.now(), lesson_id),
            )

    def retire(self, lesson_id: int, retired: bool = True) -> None:
        """Retire a lesson (no longer shown on Prepare), or bring it back."""
        now = self._store.now()
        with self._store.transaction():
            self._db.execute(
                "UPDATE lessons SET retired_at = ?, updated_at = ? WHERE id = ?",
                (now if retired else "", now, lesson_id),
            )

    def delete(self, lesson_id: int) -> None:
        with self._store.transaction():
            self._db.execute("DELETE FROM lessons WHERE id = ?", (lesson_id,))

    def insert_rows(self, session_id: int, lessons: Iterable[Lesson]) -> None:
        """An imported session's lessons (inside the caller's transaction)."""
        now = self._store.now()
        self._db.executemany(
            "INSERT INTO lessons (session_id, source, playbook_id, client_name, client_company, "
            "text, edited, created_at, updated_at, retired_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    lesson.source,
                    lesson.playbook_id,
                    clean_text(lesson.client_name),
                    clean_text(lesson.client_company),
                    clean_text(lesson.text),
                    int(lesson.edited),
                    lesson.created_at or now,
                    lesson.updated_at or now,
                    lesson.retired_at,
                )
                for lesson in lessons
            ],
        )


def _checked(text: str) -> str:
    text = clean_text(text).strip()
    if not text:
        raise UserError("a lesson needs some words", "write what to do differently")
    limits.check_text("A lesson", text, limits.LESSON)
    return text


def _lesson(row: tuple[object, ...]) -> Lesson:
    text, source, playbook, name, company, edited, created, updated, retired, lid, sid = row
    return Lesson(
        str(text),
        str(playbook),
        str(source),
        str(name),
        str(company),
        int(edited),  # type: ignore[call-overload]
        str(created),
        str(updated),
        str(retired),
        int(lid),  # type: ignore[call-overload]
        None if sid is None else int(sid),  # type: ignore[call-overload]
    )
