"""A playbook's role-play: the client's persona and a graph of turns that react to the coach."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from convocoach.rehearsal.asks import Ask, Offer

Ending = Literal["agreement", "stalemate", "walkout"]
ENDINGS: tuple[Ending, ...] = ("agreement", "stalemate", "walkout")
ENDING_LABELS: dict[Ending, str] = {
    "agreement": "Agreement reached",
    "stalemate": "Stalemate",
    "walkout": "The client walked out",
}
MOOD_MIN, MOOD_MAX = 0, 10
_AGAIN = ("Once more:", "I'll ask again.", "Again:", "I'm still waiting.")


@dataclass(frozen=True, slots=True)
class Persona:
    name: str
    role: str
    seniority: str
    temperament: str
    technical_level: Literal["low", "medium", "high"]
    wants: tuple[str, ...]
    fears: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Branch:
    """Where the client goes after the user's reply: the first branch whose test holds."""

    goto: str
    mood: int
    """Change of the client's mood (0 furious .. 10 at ease) when this branch is taken."""
    if_pass: tuple[str, ...]
    """Every one of these dimensions passed."""
    if_fail: tuple[str, ...]
    """At least one of these dimensions failed."""
    note: str
    """Why the client reacts so, shown in the debrief."""
    if_offered: tuple[str, ...] = ()
    """The reply offered at least one of these options (the playbook's option ids)."""
    if_answered: tuple[Ask, ...] = ()
    """The client has been given every one of these, in this reply or an earlier reply to
    the same turn."""

    @property
    def is_default(self) -> bool:
        return not (self.if_pass or self.if_fail or self.if_offered or self.if_answered)

    @property
    def needs_verdicts(self) -> bool:
        """Whether the branch tests how the reply was said (not only what it gave)."""
        return bool(self.if_pass or self.if_fail)


@dataclass(frozen=True, slots=True)
class Turn:
    id: str
    client: str
    """What the client says on reaching this turn."""
    ending: Ending | Literal[""]
    branches: tuple[Branch, ...]
    variants: tuple[str, ...] = ()
    """Other phrasings of the same move, said on later visits to the turn."""
    asks: tuple[Ask, ...] = ()
    """What the client is asking for here; a reply that gives none of it is asked again."""

    def phrasing(self, visit: int) -> str:
        """What the client says on their ``visit``-th time at this turn (0 the first): each
        phrasing in turn, then the first again, marked as asked before."""
        lines = (self.client, *self.variants)
        if visit < len(lines):
            return lines[visit]
        return f"{_AGAIN[visit % len(_AGAIN)]} {lines[visit % len(lines)]}"


@dataclass(frozen=True, slots=True)
class Script:
    persona: Persona
    start_mood: int
    start: str
    turns: tuple[Turn, ...]
    walkout_at: int
    """Mood at or below which the client walks out, whatever the branch says."""
    max_replies: int
    """After this many replies without an ending, the conversation ends in a stalemate."""
    offers: tuple[Offer, ...] = ()
    """The playbook's options the client recognises when a reply offers them."""
    facts: tuple[tuple[str, str], ...] = ()
    """The case's facts the client knows before the first reply (a session's)."""

    def turn(self, turn_id: str) -> Turn:
        for turn in self.turns:
            if turn.id == turn_id:
                return turn
        raise KeyError(turn_id)

    def ending(self, kind: Ending) -> Turn:
        """The first turn that ends the conversation this way."""
        return next(t for t in self.turns if t.ending == kind)
