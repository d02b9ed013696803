"""The rehearsal's prediction beside the real outcome: "Rehearsed: agreement at mood 8 — real:
partly agreed", and whether the meeting went as rehearsed, better or worse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from convocoach.labels import OUTCOME_LABELS
from convocoach.rehearsal.script import Ending
from convocoach.sessions.model import Outcome
from convocoach.sessions.rehearsals import SavedRehearsal

Match = Literal["as rehearsed", "better", "worse"]

EXPECTED_RESULT: dict[Ending, str] = {
    "agreement": "agreed",
    "stalemate": "none",
    "walkout": "escalated",
}
"""The real result each ending of the role-play predicts."""

_RANK = {"escalated": 0, "none": 1, "partly": 2, "agreed": 3}
"""How far toward agreement a result got, to tell better from worse."""

_VERDICTS: dict[Match, str] = {
    "as rehearsed": "The meeting went as the rehearsal did.",
    "better": "The meeting went better than the rehearsal.",
    "worse": "The meeting went worse than the rehearsal.",
}


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the session's rehearsals predicted, and what happened."""

    ending: Ending | None
    """How the latest finished rehearsal ended (None: none was played to an end)."""
    mood: int | None
    """The client's mood at that ending, or where the latest unfinished one was left."""
    result: str
    """The real result as stored (``agreed``, ``partly`` ...; empty: not recorded yet)."""

    @property
    def rehearsed(self) -> str:
        """The rehearsal's side, like "Rehearsed: agreement at mood 8"."""
        if self.ending is not None:
            return f"Rehearsed: {self.ending} at mood {self.mood}"
        if self.mood is not None:
            return f"Rehearsed: not to an end (left at mood {self.mood})"
        return "Not rehearsed"

    @property
    def real(self) -> str:
        """The meeting's side, like "real: partly agreed"."""
        label = OUTCOME_LABELS.get(self.result)
        return f"real: {label.lower()}" if label else "real: not recorded yet"

    @property
    def line(self) -> str:
        """Both sides on one line."""
        return f"{self.rehearsed} \u2014 {self.real}"

    @property
    def match(self) -> Match | None:
        """Whether the meeting went as the rehearsal predicted (None: nothing to compare)."""
        if self.ending is None or self.result not in _RANK:
            return None
        expected = _RANK[EXPECTED_RESULT[self.ending]]
        actual = _RANK[self.result]
        if actual == expected:
            return "as rehearsed"
        return "better" if actual > expected else "worse"

    @property
    def verdict(self) -> str:
        """The match in a sentence (empty when there is nothing to compare)."""
        return "" if self.match is None else _VERDICTS[self.match]


def predict(history: Sequence[SavedRehearsal], outcome: Outcome) -> Prediction:
    """The prediction of the latest finished rehearsal in ``history`` (oldest first, as
    ``RehearsalLog.history`` gives it) beside ``outcome``."""
    finished = [r for r in history if r.state.ending is not None]
    if finished:
        latest = finished[-1]
        return Prediction(latest.state.ending, latest.state.mood, outcome.result)
    if history:
        return Prediction(None, history[-1].state.mood, outcome.result)
    return Prediction(None, None, outcome.result)
