"""The observer's checklist: each coaching dimension as a behaviour someone can see happen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from convocoach.coach.model import Rubric

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
    ]
    return tuple(sorted(found, key=lambda b: b.kind != "do"))
