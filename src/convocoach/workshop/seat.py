"""One participant's place in a room: all their app may read or write of the room's data.

A participant's app keeps their own sessions, profile and rehearsals in a folder of their
own. Of the room's database (the trainer's, which also holds the trainer's sessions) it
opens only the workshop tables, enforced by SQLite itself (an authorizer denies every other
table, and any change to the plan, the clock or the round), and of those only what a
:class:`Seat` asks for: the participant's own group, their own notes and scores.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from convocoach.diagnostics import UserError
from convocoach.sessions.store import SessionStore
from convocoach.workshop.groups import Group, Role
from convocoach.workshop.record import RoundRecord, Workshop
from convocoach.workshop.scores import RoomScore
from convocoach.workshop.store import WorkshopLog

ROOM_TABLES = frozenset(
    {
        "workshops",
        "workshop_rounds",
        "workshop_ticks",
        "workshop_notes",
        "workshop_debriefs",
        "workshop_scores",
    }
)
_WRITABLE = frozenset(ROOM_TABLES - {"workshops", "workshop_rounds"})
_PRAGMAS = frozenset({"data_version", "busy_timeout", "foreign_keys", "journal_mode"})
SEAT_CACHE_KIB = 256


def _room_only(action: int, first: str | None, second: str | None, *_: object) -> int:
    """SQLite's authorizer: the workshop tables only, and of the plan only its last change."""
    table = first or ""
    if action == sqlite3.SQLITE_READ:
        return sqlite3.SQLITE_OK if table in ROOM_TABLES else sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_DELETE):
        return sqlite3.SQLITE_OK if table in _WRITABLE else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE:
        allowed = table in _WRITABLE or (table == "workshops" and second == "updated_at")
        return sqlite3.SQLITE_OK if allowed else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA:
        return sqlite3.SQLITE_OK if table in _PRAGMAS else sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_TRANSACTION):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


class Seat:
    def __init__(self, store: SessionStore, workshop_id: int, person: str) -> None:
        # A seat reads a few small rows: a small page cache keeps a room of 30 light.
        store.connection.execute(f"PRAGMA cache_size = -{SEAT_CACHE_KIB}")
        store.connection.set_authorizer(_room_only)
        self._store = store
        self._log = WorkshopLog(store)
        self.workshop_id = workshop_id
        workshop = self._log.get(workshop_id)
        group = next(
            (
                g
                for g in workshop.plan.groups
                for m in g.members
                if m.casefold() == person.casefold()
            ),
            None,
        )
        if group is None:
            raise UserError(
                f"{person!r} is not on the list of workshop {workshop_id}",
                "join with your name as the trainer wrote it",
            )
        self.group: Group = group
        self.person = next(m for m in group.members if m.casefold() == person.casefold())

    @classmethod
    def open(cls, room: Path, workshop_id: int, person: str) -> Seat:
        store = SessionStore.open(room)
        try:
            return cls(store, workshop_id, person)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self._store.close()

    def data_version(self) -> int:
        return self._store.data_version()

    def workshop(self) -> Workshop:
        """The workshop as this participant may see it: their group alone."""
        whole = self._log.get(self.workshop_id)
        plan = replace(whole.plan, people=self.group.members, groups=(self.group,))
        rounds = tuple(
            RoundRecord(r.number, (r.group(self.group.number),), r.seconds, r.finished)
            for r in whole.rounds
        )
        return replace(whole, plan=plan, rounds=rounds)

    @property
    def group_no(self) -> int:
        return self.group.number

    def role(self, round_no: int) -> Role:
        return self.group.roles(round_no)[self.person]

    def may_tick(self, round_no: int) -> bool:
        return self.role(round_no) == self.group.ticker

    def tick(self, round_no: int, code: str, change: int = 1) -> int:
        """Count a behaviour seen in this participant's group; only who keeps the
        checklist that round may."""
        if not self.may_tick(round_no):
            raise UserError(
                f"in round {round_no} {self.person} is the {self.role(round_no)}",
                f"the {self.group.ticker} of the group keeps the checklist",
            )
        return self._log.tick(self.workshop_id, round_no, code, change, self.group.number)

    def add_note(self, round_no: int, text: str) -> int:
        return self._log.add_note(self.workshop_id, round_no, self.person, text, self.group.number)

    def set_answer(self, round_no: int, name: str, text: str) -> None:
        self._log.set_text(self.workshop_id, round_no, name, text, self.group.number)

    def publish_score(
        self, round_no: int, playbook_id: str, score: int, replies: int, ending: str = ""
    ) -> None:
        self._log.publish_score(
            self.workshop_id, RoomScore(round_no, self.person, playbook_id, score, replies, ending)
        )
