"""The coach's rubric, as validated from YAML: dimensions, each judged by explainable rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

Effect = Literal["pass", "fail"]
RuleEffect = Literal["pass", "fail", "miss"]
"""What an existence rule's match means: the behaviour is there ('pass'), a wording to avoid
('fail', a penalty), or the reply falls short without saying anything to avoid ('miss')."""
Status = Literal["pass", "fail", "not-applicable"]
Level = Literal["low", "medium", "high"]
Polarity = Literal["reward", "penalty"]
Quoted = Literal["ignore", "count"]

LEVELS: tuple[Level, ...] = ("low", "medium", "high")
STATUS_WORDS: dict[Status, str] = {"pass": "pass", "fail": "fail", "not-applicable": "n/a"}


@dataclass(frozen=True, slots=True)
class Cues:
    """Literal phrases (any case, flexible spaces and apostrophes) and regular expressions."""

    phrases: tuple[str, ...]
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Existence:
    """Fires where any cue appears, unless an ``unless`` cue covers the same words."""

    id: str
    message: str
    effect: RuleEffect
    levels: tuple[Level, ...]
    phrases: tuple[str, ...]
    patterns: tuple[str, ...]
    unless: Cues
    quoted: Quoted


@dataclass(frozen=True, slots=True)
class Swap:
    use: str
    instead: str


@dataclass(frozen=True, slots=True)
class Substitution:
    """Fires on each phrase that has a better one, and suggests the rewrite."""

    id: str
    message: str
    levels: tuple[Level, ...]
    swaps: tuple[Swap, ...]
    quoted: Quoted


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """Passes when a trigger and a required cue meet (in a sentence, or anywhere in the reply);
    falls short with ``partial_message`` when the trigger comes with a ``partial`` cue only, and
    with ``otherwise`` when it comes alone. Falling short is a missed reward, not a penalty."""

    id: str
    message: str
    levels: tuple[Level, ...]
    trigger: Cues
    requires: Cues
    within: Literal["sentence", "reply"]
    otherwise: str
    partial: Cues
    """What makes a trigger without its required cue half right (a deliverable with no when)."""
    partial_message: str


@dataclass(frozen=True, slots=True)
class Question:
    """Passes on an open question (or an invitation to talk); fails when all are closed."""

    id: str
    message: str
    levels: tuple[Level, ...]
    open_words: tuple[str, ...]
    closed_words: tuple[str, ...]
    invitations: tuple[str, ...]
    closed_message: str
    leading: Cues
    """Questions these match are not open, whatever their first word ("how come you never...")."""
    invitation_patterns: tuple[str, ...] = ()
    """Regular expressions for invitations, matched in each sentence ('^' is its start)."""


@dataclass(frozen=True, slots=True)
class Overlap:
    """Passes when the reply shares enough content words with the client's last line."""

    id: str
    message: str
    levels: tuple[Level, ...]
    min_shared: int
    min_percent: int
    unless_penalty: tuple[str, ...] = ()
    """Codes of dimensions whose penalty makes shared words not count (taken up to rebut)."""


@dataclass(frozen=True, slots=True)
class Readability:
    """Fails when the reply is hard to read; does not judge replies shorter than ``min_words``."""

    id: str
    message: str
    levels: tuple[Level, ...]
    min_words: int
    min_reading_ease: int
    max_grade: int
    max_sentence_words: int
    max_longest_sentence: int = 0
    """Words in the longest sentence; 0 does not check it."""


@dataclass(frozen=True, slots=True)
class Conditional:
    """Fires on a ``first`` match whose group is never defined by a ``second`` match
    (an acronym used but never spelt out)."""

    id: str
    message: str
    levels: tuple[Level, ...]
    first: str
    second: str
    allow: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weighed:
    """Fails when the words of the reply, weighed by the rubric's table ``table``, add up to
    more than ``threshold``: evidence spread over many small words (blame carried by grammar)
    that no single phrase shows."""

    id: str
    message: str
    levels: tuple[Level, ...]
    table: str
    threshold: float
    unless: Cues
    """Words inside these cues' matches are not weighed ('it isn't your fault')."""
    quoted: Quoted


Rule = Union[  # noqa: UP007 (a runtime alias; Python 3.10 cannot | these at import)
    Existence, Substitution, Cooccurrence, Question, Overlap, Readability, Conditional, Weighed
]


@dataclass(frozen=True, slots=True)
class WeightTable:
    """How much each word and word pair tells of a dimension, fitted to labelled replies
    (``python -m convocoach.coach.fit``); ``bias`` is where a reply with no known word starts."""

    name: str
    bias: float
    weights: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A named set of words that patterns use as ``{name}`` (the feelings, the client's side)."""

    name: str
    words: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    """Regular expressions for what a word list cannot say ("your <any> team")."""


@dataclass(frozen=True, slots=True)
class Dimension:
    """One thing the coach looks at in a reply, such as naming the client's feeling."""

    code: str
    title: str
    polarity: Polarity
    absent: Status
    absent_message: str
    why: str
    tip: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class Rubric:
    """A set of dimensions; a rubric that ``extends`` another adds to or changes it."""

    format: int
    id: str
    title: str
    extends: str
    dimensions: tuple[Dimension, ...]
    disable: tuple[str, ...]
    vocabulary: tuple[Vocabulary, ...] = ()
    weights: tuple[WeightTable, ...] = ()

    def dimension(self, code: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.code == code), None)
