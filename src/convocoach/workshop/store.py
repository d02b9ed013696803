"""Workshops kept in the sessions database; every tick and keystroke is saved as it happens."""

from __future__ import annotations

import json
from typing import Any

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.store import SessionStore
from convocoach.textsafety import clean_text
from convocoach.workshop.plan import WorkshopPlan, make_plan
from convocoach.workshop.record import RoundRecord, Workshop

ROUND_TEXTS = ("notes", "worked", "try_next")
MAX_TICKS = 999


class WorkshopLog:
    """The workshop tables of a :class:`SessionStore`; each call is one transaction."""

    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._db = store.connection

    def create(self, plan: WorkshopPlan) -> int:
        now = self._store.now()
        with self._store.transaction():
            cur = self._db.execute(
                "INSERT INTO workshops (title, playbooks, rounds, round_minutes, group_kind, "
                "people, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    plan.title,
                    json.dumps(plan.playbook_ids),
                    plan.rounds,
                    plan.round_minutes,
                    plan.group,
                    json.dumps(plan.people, ensure_ascii=False),
                    now,
                    now,
                ),
            )
        return int(cur.lastrowid or 0)

    def readable(self) -> tuple[list[Workshop], list[tuple[int, StoreError]]]:
        """The workshops that can be read, most recent first, and the damaged ones (id and
        problem), so that one bad row never hides the others."""
        rows = self._db.execute("SELECT id FROM workshops ORDER BY updated_at DESC, id DESC")
        found: list[Workshop] = []
        damaged: list[tuple[int, StoreError]] = []
        for (workshop_id,) in rows.fetchall():
            try:
                found.append(self.get(int(workshop_id)))
            except StoreError as exc:
                damaged.append((int(workshop_id), exc))
        return found, damaged

    def get(self, workshop_id: int) -> Workshop:
        row = self._db.execute(
            "SELECT id, title, playbooks, rounds, round_minutes, group_kind, people, "
            "current_round, created_at, updated_at FROM workshops WHERE id = ?",
            (workshop_id,),
        ).fetchone()
        if row is None:
            raise StoreError(
                f"no workshop with id {workshop_id}", "run 'convocoach workshop list' to see ids"
            )
        return self._workshop(row)

    def set_round(self, workshop_id: int, number: int) -> None:
        """Make round ``number`` the current one (where the workshop resumes)."""
        with self._store.transaction():
            self._touch(workshop_id, current_round=number)

    def set_text(self, workshop_id: int, number: int, name: str, text: str) -> None:
        """Save the round's notes, or one of its debrief answers (``worked``, ``try_next``)."""
        if name not in ROUND_TEXTS:
            raise ValueError(f"not a round text: {name}")
        with self._store.transaction():
            self._touch(workshop_id)
            self._ensure_round(workshop_id, number)
            self._db.execute(
                f"UPDATE workshop_rounds SET {name} = ? WHERE workshop_id = ? AND round = ?",
                (clean_text(text), workshop_id, number),
            )

    def tick(self, workshop_id: int, number: int, code: str, change: int = 1) -> int:
        """Count one more (or, with ``change=-1``, one fewer) sighting; returns the count."""
        with self._store.transaction():
            self._touch(workshop_id)
            ticks = self._ensure_round(workshop_id, number)
            count = max(0, min(MAX_TICKS, ticks.get(code, 0) + change))
            if count:
                ticks[code] = count
            else:
                ticks.pop(code, None)
            self._db.execute(
                "UPDATE workshop_rounds SET ticks = ? WHERE workshop_id = ? AND round = ?",
                (json.dumps(ticks), workshop_id, number),
            )
        return count

    def set_clock(
        self, workshop_id: int, number: int, seconds: float, finished: bool | None = None
    ) -> None:
        """Save how long the round's clock has run and, unless None, whether it is over."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._ensure_round(workshop_id, number)
            self._db.execute(
                "UPDATE workshop_rounds SET seconds = ?, "
                "finished = COALESCE(?, finished) "
                "WHERE workshop_id = ? AND round = ?",
                (float(seconds), None if finished is None else int(finished), workshop_id, number),
            )

    def delete(self, workshop_id: int) -> None:
        with self._store.transaction():
            self._db.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))

    def _touch(self, workshop_id: int, current_round: int | None = None) -> None:
        sql = (
            "UPDATE workshops SET updated_at = ?"
            + (", current_round = ?" if current_round is not None else "")
            + " WHERE id = ?"
        )
        params: tuple[Any, ...] = (
            (self._store.now(),)
            + ((current_round,) if current_round is not None else ())
            + (workshop_id,)
        )
        if self._db.execute(sql, params).rowcount == 0:
            raise StoreError(
                f"no workshop with id {workshop_id}", "run 'convocoach workshop list' to see ids"
            )

    def _ensure_round(self, workshop_id: int, number: int) -> dict[str, int]:
        self._db.execute(
            "INSERT OR IGNORE INTO workshop_rounds (workshop_id, round) VALUES (?, ?)",
            (workshop_id, number),
        )
        raw = self._db.execute(
            "SELECT ticks FROM workshop_rounds WHERE workshop_id = ? AND round = ?",
            (workshop_id, number),
        ).fetchone()[0]
        return _ticks(raw)

    def _workshop(self, row: tuple[Any, ...]) -> Workshop:
        wid, title, playbooks, rounds, minutes, group, people, current, created, updated = row
        try:
            plan = make_plan(
                title, json.loads(playbooks), int(rounds), int(minutes), group, json.loads(people)
            )
        except (ValueError, TypeError, UserError) as exc:
            raise StoreError(
                f"workshop {wid} in the sessions database is damaged ({exc})",
                "delete it with the workshop screen's delete key",
            ) from None
        records = {
            number: RoundRecord(
                number, _ticks(ticks), notes, worked, try_next, float(seconds), bool(finished)
            )
            for number, ticks, notes, worked, try_next, seconds, finished in self._db.execute(
                "SELECT round, ticks, notes, worked, try_next, seconds, finished "
                "FROM workshop_rounds WHERE workshop_id = ?",
                (wid,),
            ).fetchall()
        }
        return Workshop(
            wid,
            plan,
            max(1, min(int(current), plan.rounds)),
            tuple(records.get(n, RoundRecord(n)) for n in range(1, plan.rounds + 1)),
            created,
            updated,
        )


def _ticks(raw: str) -> dict[str, int]:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0}
