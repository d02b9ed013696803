"""Next steps of a session, stored one row each: added, changed, moved and removed one at a
time, each change checked against what the caller last read (see ``merge``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from convocoach.diagnostics import UserError
from convocoach.sessions import limits, within_limits
from convocoach.sessions.database import Database
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.model import NextStep, StepMove
from convocoach.textsafety import clean_text

STEP_FIELDS = ("action", "owner_kind", "owner_name", "due", "status", "done_on", "created_on")
"""A next step's own columns, in the dataclass's order (its moves are rows of their own)."""


class NextStepStore(Database):
    def add_next_step(self, session_id: int, step: NextStep) -> int:
        """Append a next step; returns its id."""
        within_limits.check_step(step)
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
            if not step.created_on:
                step = replace(step, created_on=self.today().isoformat())
            if step.status == "done" and not step.done_on:
                step = replace(step, done_on=self.today().isoformat())
            cur = self._db.execute(
                f"INSERT INTO next_steps (session_id, position, {', '.join(STEP_FIELDS)}) "
                f"VALUES (?, ?, {', '.join('?' for _ in STEP_FIELDS)})",
                (session_id, position, *(clean_text(str(getattr(step, f))) for f in STEP_FIELDS)),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def today(self) -> date:
        """The store clock's day where the user is (a step done today, moved today)."""
        return self._clock().astimezone().date()

    def update_next_step(
        self, step_id: int, expected: NextStep | None = None, **changes: str
    ) -> None:
        """Change fields of one next step (``action``, ``owner_kind``, ``due`` ...).

        With ``expected`` (the step as the caller last read it) only the fields that differ
        from it are written, and :class:`WriteConflict` (nothing written) if the step is gone
        or another copy changed one of those fields to something else since."""
        unknown = set(changes) - set(STEP_FIELDS)
        if unknown:
            raise ValueError(f"unknown next-step fields {sorted(unknown)}")
        within_limits.check_step(
            NextStep(changes.get("action", ""), owner_name=changes.get("owner_name", ""))
        )
        with self._write():
            if expected is not None:
                changes = self._step_changes(step_id, expected, changes)
            if "status" in changes and "done_on" not in changes:
                # Marked done today, unless the caller says when; undone, no day.
                done = changes["status"] == "done"
                changes["done_on"] = self.today().isoformat() if done else ""
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
                if _fields(now) != _fields(expected):
                    raise WriteConflict("next step", now)
            session_id = self._step_session(step_id)
            self._touch(session_id)
            self._db.execute("DELETE FROM next_steps WHERE id = ?", (step_id,))

    def reschedule_next_step(
        self, step_id: int, new_due: str, reason: str, expected: NextStep | None = None
    ) -> None:
        """Move a step's due date to ``new_due`` (ISO date), recording the old one, today and
        ``reason``. With ``expected``: :class:`WriteConflict` (nothing written) if the step is
        gone or another copy changed its due date since."""
        reason = clean_text(reason).strip()
        limits.check_text("The reason for the move", reason, limits.LINE)
        date.fromisoformat(new_due)  # a ValueError for a caller's bad date, before any write
        with self._write():
            now = self._stored_step(step_id)
            if now is None or (expected is not None and now.due != expected.due):
                raise WriteConflict("next step", now)
            session_id = self._step_session(step_id)
            moves = self._db.execute(
                "SELECT COUNT(*) FROM next_step_moves AS m JOIN next_steps AS s "
                "ON s.id = m.step_id WHERE s.session_id = ?",
                (session_id,),
            ).fetchone()[0]
            limits.check_count("Moves of next steps", moves + 1, limits.MOVES_IN_SESSION)
            self._touch(session_id)
            self._db.execute(
                "INSERT INTO next_step_moves (step_id, moved_on, old_due, new_due, reason) "
                "VALUES (?, ?, ?, ?, ?)",
                (step_id, self.today().isoformat(), now.due, new_due, reason),
            )
            self._db.execute("UPDATE next_steps SET due = ? WHERE id = ?", (new_due, step_id))

    def step_moves(self, session_id: int) -> dict[int, tuple[StepMove, ...]]:
        """Each step's moves, oldest first, by step id (steps never moved are left out)."""
        moves: dict[int, list[StepMove]] = {}
        for step_id, *fields in self._db.execute(
            "SELECT m.step_id, m.moved_on, m.old_due, m.new_due, m.reason "
            "FROM next_step_moves AS m JOIN next_steps AS s ON s.id = m.step_id "
            "WHERE s.session_id = ? ORDER BY m.id",
            (session_id,),
        ):
            moves.setdefault(step_id, []).append(StepMove(*fields))
        return {step_id: tuple(items) for step_id, items in moves.items()}

    def _insert_moves(self, step_id: int, moves: tuple[StepMove, ...]) -> None:
        self._db.executemany(
            "INSERT INTO next_step_moves (step_id, moved_on, old_due, new_due, reason) "
            "VALUES (?, ?, ?, ?, ?)",
            [(step_id, m.moved_on, m.old_due, m.new_due, clean_text(m.reason)) for m in moves],
        )

    def _stored_step(self, step_id: int) -> NextStep | None:
        row = self._db.execute(
            f"SELECT {', '.join(STEP_FIELDS)}, id FROM next_steps WHERE id = ?", (step_id,)
        ).fetchone()
        return None if row is None else _step_from_row(row)

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


def _step_from_row(row: tuple[object, ...]) -> NextStep:
    """A step from its :data:`STEP_FIELDS` and then its id (without its moves)."""
    values = dict(zip(STEP_FIELDS, row, strict=False))
    return NextStep(**values, id=row[len(STEP_FIELDS)])  # type: ignore[arg-type]


def _fields(step: NextStep) -> tuple[object, ...]:
    return tuple(getattr(step, name) for name in STEP_FIELDS)
