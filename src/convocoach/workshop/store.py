"""Workshops kept in the sessions database; every tick and note is saved as it happens.

Several app processes write one room at once (the facilitator's, each group's observer's):
ticks are counters changed in one statement and notes are entries added, so no write ever
replaces another's. A reader learns of others' writes from ``SessionStore.data_version``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.store import SessionStore
from convocoach.textsafety import clean_text
from convocoach.workshop.groups import Group
from convocoach.workshop.plan import WorkshopPlan, make_plan
from convocoach.workshop.record import GroupRound, Note, RoundRecord, Workshop
from convocoach.workshop.room_clock import EXTEND_SECONDS, RoomClock
from convocoach.workshop.scores import RoomScore

DEBRIEF_TEXTS = ("worked", "try_next")
MAX_TICKS = 999
MAX_NOTE = 2000


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
                "people, groups, clock_length, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    plan.title,
                    json.dumps(plan.playbook_ids),
                    plan.rounds,
                    plan.round_minutes,
                    plan.group,
                    json.dumps(plan.people, ensure_ascii=False),
                    json.dumps([[g.members, g.players] for g in plan.groups], ensure_ascii=False),
                    plan.round_minutes * 60.0,
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
            "SELECT id, title, playbooks, rounds, round_minutes, group_kind, people, groups, "
            "current_round, created_at, updated_at, clock_length, clock_used, clock_since "
            "FROM workshops WHERE id = ?",
            (workshop_id,),
        ).fetchone()
        if row is None:
            raise _no_workshop(workshop_id)
        return self._workshop(row)

    def set_round(self, workshop_id: int, number: int) -> None:
        """Make round ``number`` the current one (where the workshop resumes), its clock
        stopped and full."""
        with self._store.transaction():
            self._touch(workshop_id, current_round=number)
            self._db.execute(
                "UPDATE workshops SET clock_length = round_minutes * 60.0, clock_used = 0, "
                "clock_since = NULL WHERE id = ?",
                (workshop_id,),
            )

    def set_text(self, workshop_id: int, number: int, name: str, text: str, group: int = 1) -> None:
        """Save one of a group's debrief answers (``worked``, ``try_next``)."""
        if name not in DEBRIEF_TEXTS:
            raise ValueError(f"not a debrief answer: {name}")
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "INSERT INTO workshop_debriefs (workshop_id, round, group_no) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (workshop_id, number, group),
            )
            self._db.execute(
                f"UPDATE workshop_debriefs SET {name} = ? "
                "WHERE workshop_id = ? AND round = ? AND group_no = ?",
                (clean_text(text), workshop_id, number, group),
            )

    def add_note(
        self, workshop_id: int, number: int, author: str, text: str, group: int = 1
    ) -> int:
        """Add an entry to a group's notes of round ``number``; its id."""
        text = clean_text(text).strip()[:MAX_NOTE]
        if not text:
            raise UserError("a note needs some text", "type what was said, then add it")
        with self._store.transaction():
            self._touch(workshop_id)
            cur = self._db.execute(
                "INSERT INTO workshop_notes (workshop_id, round, group_no, author, written_at, "
                "text) VALUES (?, ?, ?, ?, ?, ?)",
                (workshop_id, number, group, clean_text(author).strip(), self._store.now(), text),
            )
        return int(cur.lastrowid or 0)

    def tick(
        self, workshop_id: int, number: int, code: str, change: int = 1, group: int = 1
    ) -> int:
        """Count one more (or, with ``change=-1``, one fewer) sighting; returns the count."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "INSERT INTO workshop_ticks (workshop_id, round, group_no, code, count) "
                "VALUES (?, ?, ?, ?, max(0, min(?, ?))) ON CONFLICT DO UPDATE "
                "SET count = max(0, min(?, count + ?))",
                (workshop_id, number, group, code, MAX_TICKS, change, MAX_TICKS, change),
            )
            (count,) = self._db.execute(
                "SELECT count FROM workshop_ticks "
                "WHERE workshop_id = ? AND round = ? AND group_no = ? AND code = ?",
                (workshop_id, number, group, code),
            ).fetchone()
        return int(count)

    def set_clock(
        self, workshop_id: int, number: int, seconds: float, finished: bool | None = None
    ) -> None:
        """Save how long the round's clock has run and, unless None, whether it is over."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "INSERT OR IGNORE INTO workshop_rounds (workshop_id, round) VALUES (?, ?)",
                (workshop_id, number),
            )
            self._db.execute(
                "UPDATE workshop_rounds SET seconds = ?, "
                "finished = COALESCE(?, finished) "
                "WHERE workshop_id = ? AND round = ?",
                (float(seconds), None if finished is None else int(finished), workshop_id, number),
            )

    def start_clock(self, workshop_id: int, now: float) -> None:
        """Start (or resume) the room's clock for every group; running, it stays as it is."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "UPDATE workshops SET clock_since = ? WHERE id = ? AND clock_since IS NULL",
                (now, workshop_id),
            )

    def pause_clock(self, workshop_id: int, now: float) -> None:
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "UPDATE workshops SET clock_used = clock_used + max(0, ? - clock_since), "
                "clock_since = NULL WHERE id = ? AND clock_since IS NOT NULL",
                (now, workshop_id),
            )

    def extend_clock(self, workshop_id: int, seconds: float = EXTEND_SECONDS) -> None:
        """Give the round more time (or, negative, less; never below what has run)."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "UPDATE workshops SET clock_length = "
                "max(coalesce(clock_length, round_minutes * 60.0) + ?, 60.0) WHERE id = ?",
                (seconds, workshop_id),
            )

    def publish_score(self, workshop_id: int, score: RoomScore) -> None:
        """A participant's rehearsal score in a round, replacing their earlier one."""
        with self._store.transaction():
            self._touch(workshop_id)
            self._db.execute(
                "INSERT INTO workshop_scores (workshop_id, round, person, playbook_id, score, "
                "replies, ending, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET playbook_id = excluded.playbook_id, "
                "score = excluded.score, replies = excluded.replies, ending = excluded.ending, "
                "updated_at = excluded.updated_at",
                (
                    workshop_id,
                    score.round,
                    score.person,
                    score.playbook_id,
                    score.score,
                    score.replies,
                    score.ending,
                    self._store.now(),
                ),
            )

    def scores(self, workshop_id: int) -> list[RoomScore]:
        rows = self._db.execute(
            "SELECT round, person, playbook_id, score, replies, ending, updated_at "
            "FROM workshop_scores WHERE workshop_id = ? ORDER BY round, person",
            (workshop_id,),
        ).fetchall()
        return [RoomScore(int(r[0]), r[1], r[2], int(r[3]), int(r[4]), r[5], r[6]) for r in rows]

    def data_version(self) -> int:
        """Changes whenever another program has written to the database."""
        return self._store.data_version()

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
            raise _no_workshop(workshop_id)

    def _workshop(self, row: tuple[Any, ...]) -> Workshop:
        (wid, title, playbooks, rounds, minutes, group, people, groups, current, created,
         updated, length, used, since) = row  # fmt: skip
        try:
            names = json.loads(people)
            plan = make_plan(
                title,
                json.loads(playbooks),
                int(rounds),
                int(minutes),
                group,
                names,
                chosen=[g.members for g in _groups(groups)],
            )
        except (ValueError, TypeError, UserError) as exc:
            raise StoreError(
                f"workshop {wid} in the sessions database is damaged ({exc})",
                "delete it with the workshop screen's delete key",
            ) from None
        plan = _with_players(plan, _groups(groups))
        clock = RoomClock(
            float(length) if length is not None else plan.round_minutes * 60.0,
            float(used),
            None if since is None else float(since),
        )
        return Workshop(
            wid,
            plan,
            max(1, min(int(current), plan.rounds)),
            self._rounds(wid, plan.rounds),
            created,
            updated,
            clock,
        )

    def _rounds(self, wid: int, count: int) -> tuple[RoundRecord, ...]:
        ticks: dict[tuple[int, int], dict[str, int]] = {}
        for number, group, code, n in self._db.execute(
            "SELECT round, group_no, code, count FROM workshop_ticks "
            "WHERE workshop_id = ? AND count > 0 ORDER BY code",
            (wid,),
        ):
            ticks.setdefault((number, group), {})[code] = int(n)
        notes: dict[tuple[int, int], list[Note]] = {}
        for nid, number, group, author, written, text in self._db.execute(
            "SELECT id, round, group_no, author, written_at, text FROM workshop_notes "
            "WHERE workshop_id = ? ORDER BY id",
            (wid,),
        ):
            notes.setdefault((number, group), []).append(Note(nid, author, written, text))
        answers = {
            (number, group): (worked, try_next)
            for number, group, worked, try_next in self._db.execute(
                "SELECT round, group_no, worked, try_next FROM workshop_debriefs "
                "WHERE workshop_id = ?",
                (wid,),
            )
        }
        clocks = {
            number: (float(seconds), bool(finished))
            for number, seconds, finished in self._db.execute(
                "SELECT round, seconds, finished FROM workshop_rounds WHERE workshop_id = ?",
                (wid,),
            )
        }
        keys = sorted(set(ticks) | set(notes) | set(answers))
        records = []
        for number in range(1, count + 1):
            groups = tuple(
                GroupRound(
                    g,
                    ticks.get((n, g), {}),
                    tuple(notes.get((n, g), ())),
                    *answers.get((n, g), ("", "")),
                )
                for n, g in keys
                if n == number
            )
            seconds, finished = clocks.get(number, (0.0, False))
            records.append(RoundRecord(number, groups, seconds, finished))
        return tuple(records)


def _groups(raw: str) -> list[Group]:
    """The stored groups ([] before rooms: the plan then splits its people as it did)."""
    if not raw:
        return []
    return [
        Group(number, tuple(members), int(players))
        for number, (members, players) in enumerate(json.loads(raw), start=1)
    ]


def _with_players(plan: WorkshopPlan, stored: list[Group]) -> WorkshopPlan:
    """The plan with the groups exactly as made (who takes turns, who only observes)."""
    if not stored:
        return plan
    return replace(plan, groups=tuple(stored))


def _no_workshop(workshop_id: int) -> StoreError:
    return StoreError(
        f"no workshop with id {workshop_id}", "run 'convocoach workshop list' to see ids"
    )
