"""A playbook's role-play: the client's persona and a graph of turns that react to the coach.

Each field is also a key of the playbook's ``rehearsal:`` section, declared once here with
its kind of value, description and default; ``playbooks/rehearsal_format.py`` adds the
checks on the graph as a whole.
"""

from __future__ import annotations

import re
from typing import Literal

from convocoach.rehearsal.asks import ASKS, Ask, Offer
from convocoach.rehearsal.client_lines import SPEECH
from convocoach.schema import Choice, Integer, ListOf, Record, Text, spec_dataclass, spec_field

Ending = Literal["agreement", "stalemate", "walkout"]
ENDINGS: tuple[Ending, ...] = ("agreement", "stalemate", "walkout")
ENDING_LABELS: dict[Ending, str] = {
    "agreement": "Agreement reached",
    "stalemate": "Stalemate",
    "walkout": "The client walked out",
}
MOOD_MIN, MOOD_MAX = 0, 10
_AGAIN = ("Once more:", "I'll ask again.", "Again:", "I'm still waiting.")

TechnicalLevel = Literal["low", "medium", "high"]
_TECHNICAL_LEVELS: tuple[TechnicalLevel, ...] = ("low", "medium", "high")
_TURN_ENDINGS: tuple[Ending | Literal[""], ...] = ("", *ENDINGS)
_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_ID_HINT = "a short name of lowercase letters, digits, hyphens or underscores, like 'calmer'"
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")

TURN_ID = Text(max_length=40, pattern=_ID, pattern_hint=_ID_HINT)
OPTION_ID = TURN_ID
"""The short name of a playbook's option, which branches test with ``if_offered``."""
_line = Text(max_length=200, one_line=True)
_asks = ListOf(Choice(ASKS), max_items=len(ASKS), unique=True)
_codes = ListOf(
    Text(max_length=12, pattern=_CODE, pattern_hint="a dimension code like FEEL"),
    max_items=10,
    unique=True,
)


@spec_dataclass
class Persona:
    name: str = spec_field(_line, "The client's name.", required=True, example="Dana Whitfield")
    role: str = spec_field(_line, "Their job title.", required=True, example="Head of E-commerce")
    seniority: str = spec_field(
        _line,
        "How senior they are, and who they answer to.",
        example="Director; reports to the board",
    )
    temperament: str = spec_field(
        _line,
        "How they come across under pressure.",
        example="Direct and impatient, but fair once she trusts the facts",
    )
    technical_level: TechnicalLevel = spec_field(
        Choice(_TECHNICAL_LEVELS),
        "How technical they are; the coach is stricter on jargon for 'low'.",
        default="medium",
    )
    wants: tuple[str, ...] = spec_field(
        ListOf(_line, max_items=10), "What they want from the conversation.", default=()
    )
    fears: tuple[str, ...] = spec_field(
        ListOf(_line, max_items=10), "What they are afraid of.", default=()
    )


PERSONA = Record.of(Persona, "Persona", "Who the user is talking to in the role-play.")


@spec_dataclass
class Branch:
    """Where the client goes after the user's reply: the first branch whose test holds."""

    goto: str = spec_field(TURN_ID, "The turn the client goes to.", required=True)
    mood: int = spec_field(
        Integer(-5, 5), "Change of the client's mood (0 furious .. 10 at ease).", default=0
    )
    """Change of the client's mood (0 furious .. 10 at ease) when this branch is taken."""
    if_pass: tuple[str, ...] = spec_field(
        _codes,
        "Taken only if every one of these dimensions passed.",
        default=(),
        example=["FEEL", "OPENQ"],
    )
    """Every one of these dimensions passed."""
    if_fail: tuple[str, ...] = spec_field(
        _codes,
        "Taken only if at least one of these dimensions failed.",
        default=(),
        example=["NOBLAME"],
    )
    """At least one of these dimensions failed."""
    note: str = spec_field(
        Text(max_length=200, one_line=True, allow_empty=True),
        "Why the client reacts so (shown in the debrief).",
        default="",
    )
    """Why the client reacts so, shown in the debrief."""
    if_offered: tuple[str, ...] = spec_field(
        ListOf(OPTION_ID, max_items=10, unique=True),
        "Taken only if the reply offered at least one of these options (the ids of "
        "the playbook's prepare options).",
        default=(),
        example=["phased"],
    )
    """The reply offered at least one of these options (the playbook's option ids)."""
    if_answered: tuple[Ask, ...] = spec_field(
        _asks,
        "Taken only if the client has been given every one of these (in this reply "
        "or an earlier reply to the same turn): reason, date, cost, options, apology, "
        "reassurance.",
        default=(),
        example=["date"],
    )
    """The client has been given every one of these, in this reply or an earlier reply to
    the same turn."""

    @property
    def is_default(self) -> bool:
        return not (self.if_pass or self.if_fail or self.if_offered or self.if_answered)

    @property
    def needs_verdicts(self) -> bool:
        """Whether the branch tests how the reply was said (not only what it gave)."""
        return bool(self.if_pass or self.if_fail)


BRANCH = Record.of(
    Branch,
    "Branch",
    "Where the client goes next, depending on how the coach judged the reply.",
)


@spec_dataclass
class Turn:
    id: str = spec_field(TURN_ID, "Unique name of the turn.", required=True, example="opening")
    client: str = spec_field(
        SPEECH,
        "What the client says. A fact of the case is written as "
        "a placeholder, {new_date} or {new_date|wording while it is unknown}: the "
        "client then says the user's own figure, never one of their own.",
        required=True,
    )
    """What the client says on reaching this turn."""
    asks: tuple[Ask, ...] = spec_field(
        _asks,
        "What the client is asking for here: reason, date, cost, options, apology, "
        "reassurance. A well-said reply that gives none of it is asked again.",
        default=(),
        example=["reason", "date"],
    )
    """What the client is asking for here; a reply that gives none of it is asked again."""
    variants: tuple[str, ...] = spec_field(
        ListOf(SPEECH, max_items=10, unique=True),
        "Other ways the client says the same thing: each time the conversation comes "
        "back to this turn, the next one is said, so the client never repeats a line "
        "word for word.",
        default=(),
    )
    """Other phrasings of the same move, said on later visits to the turn."""
    ending: Ending | Literal[""] = spec_field(
        Choice(_TURN_ENDINGS),
        "Set on a turn that ends the conversation: agreement, stalemate or walkout.",
        default="",
    )
    branches: tuple[Branch, ...] = spec_field(
        ListOf(BRANCH, max_items=12),
        "Tried in order; the last should have no if_pass/if_fail (the default).",
        default=(),
    )

    def phrasing(self, visit: int) -> str:
        """What the client says on their ``visit``-th time at this turn (0 the first): each
        phrasing in turn, then the first again, marked as asked before."""
        lines = (self.client, *self.variants)
        if visit < len(lines):
            return lines[visit]
        return f"{_AGAIN[visit % len(_AGAIN)]} {lines[visit % len(lines)]}"


TURN = Record.of(
    Turn, "Turn", "One thing the client says, and where the conversation can go from there."
)


# Keyword-only: the opening turn's id (required) is written after the mood (optional).
@spec_dataclass(kw_only=True)
class Script:
    persona: Persona = spec_field(PERSONA, "The client in the role-play.", required=True)
    start_mood: int = spec_field(
        Integer(MOOD_MIN, MOOD_MAX),
        "The client's mood at the start: 0 furious .. 10 at ease.",
        default=3,
    )
    start: str = spec_field(
        TURN_ID, "The id of the opening turn.", required=True, example="opening"
    )
    turns: tuple[Turn, ...] = spec_field(
        ListOf(TURN, min_items=4, max_items=60),
        "The client's turns, including the endings.",
        required=True,
    )
    walkout_at: int = spec_field(
        Integer(MOOD_MIN, MOOD_MAX), "Mood at or below which the client walks out.", default=0
    )
    """Mood at or below which the client walks out, whatever the branch says."""
    max_replies: int = spec_field(
        Integer(3, 40), "Replies after which the conversation ends in a stalemate.", default=12
    )
    """After this many replies without an ending, the conversation ends in a stalemate."""
    # Learned after loading, so not keys of the section.
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


SCRIPT = Record.of(
    Script, "Rehearsal", "A role-play against a scripted client who reacts to the user's replies."
)
"""The section's keys; ``rehearsal_format.REHEARSAL`` adds the checks on the graph."""
