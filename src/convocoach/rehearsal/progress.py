"""Progress over many rehearsals: each dimension's pass rate, rehearsal after rehearsal."""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.coach.model import Rubric
from convocoach.rehearsal.engine import State
from convocoach.rehearsal.scorecard import scorecard


@dataclass(frozen=True, slots=True)
class Trend:
    code: str
    title: str
    rates: tuple[float | None, ...]
    """Pass rate in each rehearsal, oldest first (None: not judged in that one)."""

    @property
    def judged(self) -> tuple[float, ...]:
        return tuple(r for r in self.rates if r is not None)

    @property
    def latest(self) -> float | None:
        return self.judged[-1] if self.judged else None

    @property
    def change(self) -> float | None:
        """Latest rate minus the mean of the earlier ones (None with fewer than two)."""
        rates = self.judged
        if len(rates) < 2:
            return None
        return rates[-1] - sum(rates[:-1]) / (len(rates) - 1)


def trends(states: list[State], rubric: Rubric) -> tuple[Trend, ...]:
    cards = [scorecard(state, rubric) for state in states]
    return tuple(
        Trend(dim.code, dim.title,
              tuple(next(t.rate for t in card.dimensions if t.code == dim.code)
                    for card in cards))
        for dim in rubric.dimensions)
