"""The observer's checklist: each coaching dimension as a behaviour someone can see happen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from convocoach.coach.model import Rubric
from convocoach.coach.score import for_other_reader
from convocoach.playbooks.model import Playbook

Kind = Literal["do", "avoid"]

# What an observer sees when a penalty dimension fires; rubrics of one's own fall back to
# "Slipped: <title>".
_SEEN: dict[str, str] = {
    "NOBLAME": "Blamed the client",
    "NOABS": "Absolutes (always, never)",
    "NODISMISS": "Stock escalators (calm down)",
    "PLAIN": "Jargon, bare acronyms",
    "READ": "Long, hard sentences",
}


@dataclass(frozen=True, slots=True)
class Behaviour:
    code: str
    text: str
    kind: Kind
    why: str


def behaviours(rubric: Rubric) -> tuple[Behaviour, ...]:
    """Good behaviours first (to tick each time they happen), then the ones to avoid."""
    found = [
        Behaviour(
            d.code,
            d.title if d.polarity == "reward" else _SEEN.get(d.code, f"Slipped: {d.title}"),
            "do" if d.polarity == "reward" else "avoid",
            d.why,
        )
        for d in rubric.dimensions
        # A role-play in the room is between people of one language: no second-language
        # reader, so a dimension judged only for one (CLEAR) is not on the checklist.
        if not for_other_reader(d, "native")
    ]
    return tuple(sorted(found, key=lambda b: b.kind != "do"))


def watched(playbook: Playbook) -> tuple[tuple[str, str], ...]:
    """The behaviours to watch most in this scenario, each with what it sounds like here:
    the playbook's own list, or else the two the role-play's client warms to most and the
    one that angers them most (by the mood its branches move)."""
    if playbook.workshop.watch:
        return tuple((w.code, w.listen_for) for w in playbook.workshop.watch)
    if playbook.rehearsal is None:
        return ()
    lifts: dict[str, int] = {}
    sinks: dict[str, int] = {}
    for turn in playbook.rehearsal.turns:
        for branch in turn.branches:
            for code in branch.if_pass:
                lifts[code] = lifts.get(code, 0) + max(branch.mood, 0)
            for code in branch.if_fail:
                sinks[code] = sinks.get(code, 0) - min(branch.mood, 0)

    def most(weights: dict[str, int], count: int) -> list[str]:
        ranked = sorted((c for c, w in weights.items() if w > 0), key=lambda c: -weights[c])
        return ranked[:count]

    return tuple((code, "") for code in (*most(lifts, 2), *most(sinks, 1)))
