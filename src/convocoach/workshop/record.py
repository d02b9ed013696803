"""What a workshop has recorded so far: per round and group, ticks, notes and debrief answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from convocoach.workshop.plan import WorkshopPlan
from convocoach.workshop.room_clock import RoomClock


@dataclass(frozen=True, slots=True)
class Note:
    """One entry in a round's notes: several people may write at once, none overwrites."""

    id: int
    author: str
    written_at: str
    text: str


def notes_text(notes: Iterable[Note]) -> str:
    """Notes as lines of text, each with its author when known."""
    return "\n".join(f"{n.author}: {n.text}" if n.author else n.text for n in notes)


@dataclass(frozen=True, slots=True)
class GroupRound:
    """One group's round as its observer (or, in a pair, its client) recorded it."""

    group: int
    ticks: dict[str, int] = field(default_factory=dict)
    """How many times each behaviour (a rubric dimension code) was seen."""
    notes: tuple[Note, ...] = ()
    worked: str = ""
    """Debrief: what worked."""
    try_next: str = ""
    """Debrief: one thing to try next time."""

    def texts(self) -> list[tuple[str, str]]:
        """What the group wrote, each under its heading, leaving out what is empty."""
        found = (
            ("Notes", notes_text(self.notes)),
            ("What worked", self.worked),
            ("One thing to try", self.try_next),
        )
        return [(heading, text) for heading, text in found if text.strip()]


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """One round of the room: each group's record, and how long the room's clock ran."""

    number: int
    groups: tuple[GroupRound, ...] = ()
    """The groups that have recorded something, by group number."""
    seconds: float = 0.0
    """Time the round's clock has run."""
    finished: bool = False

    def group(self, number: int) -> GroupRound:
        return next((g for g in self.groups if g.group == number), GroupRound(number))

    @property
    def ticks(self) -> dict[str, int]:
        """Every group's ticks added up."""
        total: dict[str, int] = {}
        for g in self.groups:
            for code, count in g.ticks.items():
                total[code] = total.get(code, 0) + count
        return total

    @property
    def total(self) -> int:
        return sum(self.ticks.values())

    @property
    def notes(self) -> str:
        """Every note of the round, oldest first, each with its author when known."""
        return notes_text(sorted((n for g in self.groups for n in g.notes), key=lambda n: n.id))

    @property
    def worked(self) -> str:
        return "\n".join(g.worked for g in self.groups if g.worked.strip())

    @property
    def try_next(self) -> str:
        return "\n".join(g.try_next for g in self.groups if g.try_next.strip())


@dataclass(frozen=True, slots=True)
class Workshop:
    id: int
    plan: WorkshopPlan
    current_round: int
    rounds: tuple[RoundRecord, ...]
    """One per planned round, in order (blank until something is recorded)."""
    created_at: str
    updated_at: str
    clock: RoomClock
    """The current round's clock, shared by every group."""

    def round(self, number: int) -> RoundRecord:
        return self.rounds[number - 1]

    @property
    def finished(self) -> bool:
        return all(r.finished for r in self.rounds)
