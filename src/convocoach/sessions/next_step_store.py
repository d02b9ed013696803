"""Next steps of a session, stored one row each: added, changed, moved and removed one at a
time, each change checked against what the caller last read (see ``merge``)."""

from __future__ import annotations

from dataclasses import replace

from convocoach.diagnostics import UserError
from convocoach.sessions import limits, within_limits
from convocoach.sessions.database import Database
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.model import NextStep
from convocoach.textsafety import clean_text

STEP_FIELDS = ("action", "owner_kind", "owner_name", "due", "status")


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
            cur = self._db.execute(
                "INSERT INTO next_steps (session_id, position, action, owner_kind, owner_name, "
                "due, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, position, *(clean_text(str(getattr(step, f))) for f in STEP_FIELDS)),
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
        unknown = set(changes) - set(STEP_FIELDS)
        if unknown:
            raise ValueError(f"unknown next-step fields {sorted(unknown)}")
        within_limits.check_step(
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
            f"SELECT {', '.join(STEP_FIELDS)}, id FROM next_steps WHERE id = ?", (step_id,)
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
