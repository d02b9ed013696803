"""Progress over many rehearsals: each dimension's pass rate, rehearsal after rehearsal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from convocoach.coach.model import Rubric
from convocoach.coach.score import for_other_reader
from convocoach.rehearsal.engine import State
from convocoach.rehearsal.scorecard import Scorecard, scorecard
from convocoach.wording import counted

BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
"""From 0% (the lowest bar, still visible) to 100% (a full block)."""
GAP = " "
"""A rehearsal in which the dimension was not judged."""


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
        """The rate in the newest rehearsal (None when it was not judged there)."""
        return self.rates[-1] if self.rates else None

    @property
    def change(self) -> float | None:
        """Latest rate minus the mean of the earlier judged ones (None when the newest
        rehearsal was not judged, or nothing before it was)."""
        earlier = self.judged[:-1]
        if self.latest is None or not earlier:
            return None
        return self.latest - sum(earlier) / len(earlier)

    def summary(self) -> str:
        """The newest result in words: "latest 50% (+10 points)" against the mean of the ones
        before, "latest n/a (last measured 100%)" when the newest rehearsal did not judge
        this dimension."""
        if self.latest is None:
            return (
                f"latest n/a (last measured {self.judged[-1]:.0%})" if self.judged else "latest n/a"
            )
        change = self.change
        if change is None:
            return f"latest {self.latest:.0%}"
        points = round(change * 100)
        if not points:
            return f"latest {self.latest:.0%} (no change)"
        sign = "+" if points > 0 else ""
        return f"latest {self.latest:.0%} ({sign}{counted(points, 'point')})"


def spark(rates: Sequence[float | None]) -> str:
    """One bar per rehearsal on a fixed 0-100% scale, so that a bar's height means the same
    in every row and with any number of rehearsals; a gap where nothing was judged."""
    top = len(BARS) - 1
    return "".join(GAP if r is None else BARS[round(min(max(r, 0.0), 1.0) * top)] for r in rates)


def trends(states: list[State], rubric: Rubric) -> tuple[Trend, ...]:
    cards = [scorecard(state, rubric) for state in states]
    found = [(dim, _rates(cards, dim.code)) for dim in rubric.dimensions]
    return tuple(
        Trend(dim.code, dim.title, rates)
        for dim, rates in found
        # A dimension judged for a second-language reader only shows once one was coached.
        if not for_other_reader(dim, "native") or any(r is not None for r in rates)
    )


def _rates(cards: list[Scorecard], code: str) -> tuple[float | None, ...]:
    return tuple(next((t.rate for t in card.dimensions if t.code == code), None) for card in cards)
