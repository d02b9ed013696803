"""What a session keeps after the meeting: the questions that came up, when the follow-up
was sent, and the check-ins held (the outcome's own texts are fields: ``set_field``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from convocoach.sessions import limits
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.next_step_store import NextStepStore
from convocoach.textsafety import clean_text


def came_up_json(items: Sequence[str]) -> str:
    return json.dumps([clean_text(item) for item in items], ensure_ascii=False)


class AfterMeetingStore(NextStepStore):
    def set_came_up(
        self, session_id: int, items: Sequence[str], expected: Sequence[str] | None = None
    ) -> tuple[str, ...]:
        """The prepared questions that came up in the meeting, as they read. With
        ``expected`` (the list the caller last read): :class:`WriteConflict` if another copy
        changed it since."""
        items = tuple(clean_text(item) for item in items)
        limits.check_count("Questions that came up", len(items), limits.CAME_UP)
        for item in items:
            limits.check_text("A question that came up", item, limits.PROMPT)
        with self._write():
            self._touch(session_id)
            if expected is not None:
                stored = self._db.execute(
                    "SELECT outcome_came_up FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()[0]
                now = tuple(json.loads(stored)) if stored else ()
                if now != tuple(expected):
                    raise WriteConflict("questions that came up", now)
            self._db.execute(
                "UPDATE sessions SET outcome_came_up = ? WHERE id = ?",
                (came_up_json(items), session_id),
            )
            self._outcome_recorded(session_id)
        return items

    def mark_sent(self, session_id: int, at: str | None = None) -> str:
        """Record that the follow-up email went out ``at`` (a stored timestamp; now if
        None); an empty ``at`` takes the mark back. Returns what is stored."""
        stored = self._now() if at is None else at
        with self._write():
            self._touch(session_id)
            self._db.execute("UPDATE sessions SET sent_at = ? WHERE id = ?", (stored, session_id))
        return stored

    def mark_checkin(self, session_id: int, due_on: date, done: bool = True) -> None:
        """Record the check-in that came due on ``due_on`` as held (now), or take it back."""
        with self._write():
            self._touch(session_id)
            if done:
                count = self._db.execute(
                    "SELECT COUNT(*) FROM checkins WHERE session_id = ?", (session_id,)
                ).fetchone()[0]
                limits.check_count("Check-ins held", count + 1, limits.CHECKINS)
                self._db.execute(
                    "INSERT INTO checkins (session_id, due_on, done_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (session_id, due_on) DO UPDATE SET done_at = excluded.done_at",
                    (session_id, due_on.isoformat(), self._now()),
                )
            else:
                self._db.execute(
                    "DELETE FROM checkins WHERE session_id = ? AND due_on = ?",
                    (session_id, due_on.isoformat()),
                )

    def _follow_outcome(self, session_id: int, change: str) -> None:
        """The session's outcome lesson follows its "what to change" text (an empty text
        removes it), unless the user has edited that lesson (inside the caller's write)."""
        text = clean_text(change).strip()[: limits.LESSON]
        now = self._now()
        kept = self._db.execute(
            "SELECT id, edited FROM lessons WHERE session_id = ? AND source = 'outcome'",
            (session_id,),
        ).fetchone()
        if kept is not None and kept[1]:
            return
        if kept is not None and not text:
            self._db.execute("DELETE FROM lessons WHERE id = ?", (kept[0],))
        elif kept is not None:
            self._db.execute(
                "UPDATE lessons SET text = ?, updated_at = ? WHERE id = ?",
                (text, now, kept[0]),
            )
        elif text:
            self._db.execute(
                "INSERT INTO lessons (session_id, source, playbook_id, client_name, "
                "client_company, text, created_at, updated_at) "
                "SELECT id, 'outcome', playbook_id, client_name, client_company, ?, ?, ? "
                "FROM sessions WHERE id = ?",
                (text, now, now, session_id),
            )

    def _outcome_recorded(self, session_id: int) -> None:
        # The first word of an outcome dates it; later edits keep that date.
        self._db.execute(
            "UPDATE sessions SET outcome_recorded_at = ? WHERE id = ? AND outcome_recorded_at = ''",
            (self._now(), session_id),
        )
