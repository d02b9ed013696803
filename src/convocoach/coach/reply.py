"""The reply a rule judges (with the parts every rule needs, worked out once), and what a
rule finds in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from convocoach.coach.kinds import Effect, Level, Reader
from convocoach.coach.prefilter import folded
from convocoach.coach.text import Span, quoted_spans, sentences
from convocoach.coach.weighing import features

# Every Unicode space (no-break, thin, ideographic...) as a plain one, every ASCII capital as
# a small letter and every kind of apostrophe as a straight one, character for character.
_MATCHABLE = (
    {code: " " for code in range(0x80, 0x3001) if chr(code).isspace()}
    | {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
    | {ord(mark): "'" for mark in "’‘ʼ"}
)


class Reply:
    """The reply being judged and what it answers; the parts every rule needs, worked out once."""

    def __init__(
        self,
        text: str,
        client_line: str = "",
        level: Level = "medium",
        reader: Reader = "native",
    ) -> None:
        self.text = text
        self.client_line = client_line
        self.level = level
        self.reader = reader
        self.met_needs: frozenset[int] | None = None
        """Which words the cue filters look for this reply holds (by need), once asked."""
        self.penalised: frozenset[str] = frozenset()
        """Codes whose penalty has fired (known once the rules that do not depend on it ran)."""
        self.passed: frozenset[str] = frozenset()
        """Codes that passed (known once the rules that do not depend on it ran)."""

    @cached_property
    def client(self) -> Reply:
        """The client's last line, for cues that look there."""
        return Reply(self.client_line, level=self.level, reader=self.reader)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def quoted(self) -> list[Span]:
        return quoted_spans(self.text)

    @cached_property
    def matchable(self) -> str:
        """The text the cues run on: the same length, every kind of space an ASCII space,
        every ASCII capital small and every apostrophe straight (cues match small ASCII
        letters, spaces and "'", which is much faster than matching in any case, and a cue
        written "we've" finds the "we’ve" a phone types)."""
        return self.text.translate(_MATCHABLE)

    @cached_property
    def features(self) -> dict[str, Span]:
        """Its words and word pairs, as weighed rules weigh them."""
        return features(self.text)

    @cached_property
    def lowered(self) -> str:
        # Folded (case, apostrophes, spaces): what a pattern needs is looked for here.
        return folded(self.text)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that matched: ``effect`` is what it says about the dimension."""

    rule_id: str
    effect: Effect
    spans: tuple[Span, ...]
    message: str
    penalty: bool = False
    """A wording to avoid was found (not merely something missing)."""
    swaps: tuple[tuple[Span, str], ...] = ()
    """Substitutions: where, and the words to put there instead."""


@dataclass(frozen=True, slots=True)
class Skip:
    """The rule cannot judge this reply (too short, no client line to compare with)."""

    rule_id: str
    reason: str


Outcome = Hit | Skip | None
