"""What a workshop has recorded so far: each round's ticks, notes and debrief answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from convocoach.workshop.plan import WorkshopPlan


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """One round as the observer (or, in pairs, the client) recorded it."""

    number: int
    ticks: dict[str, int] = field(default_factory=dict)
    """How many times each behaviour (a rubric dimension code) was seen."""
    notes: str = ""
    worked: str = ""
    """Debrief: what worked."""
    try_next: str = ""
    """Debrief: one thing to try next time."""
    seconds: float = 0.0
    """Time the round's clock has run."""
    finished: bool = False

    @property
    def total(self) -> int:
        return sum(self.ticks.values())


@dataclass(frozen=True, slots=True)
class Workshop:
    id: int
    plan: WorkshopPlan
    current_round: int
    rounds: tuple[RoundRecord, ...]
    """One per planned round, in order (blank until something is recorded)."""
    created_at: str
    updated_at: str

    def round(self, number: int) -> RoundRecord:
        return self.rounds[number - 1]

    @property
    def finished(self) -> bool:
        return all(r.finished for r in self.rounds)
