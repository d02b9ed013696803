"""The kinds of rule a dimension is judged by, each field a key of the rubric file.

Every rule starts with the same four keys (``id``, ``message``, ``levels``, ``readers``),
declared on each kind with the descriptions below and an example message of its own. The
kinds are built by keyword: their required keys follow ``readers``, which has a default.
"""

from __future__ import annotations

from typing import Union

from convocoach.coach import values
from convocoach.coach.kinds import (
    QUOTED,
    RULE_EFFECTS,
    WITHIN,
    Level,
    Quoted,
    Reader,
    RuleEffect,
    Within,
)
from convocoach.coach.rule_fields import CUES as CUES
from convocoach.coach.rule_fields import (
    ID_TEXT,
    MESSAGE_TEXT,
    PATTERNS_TEXT,
    PHRASES_TEXT,
    QUOTED_TEXT,
)
from convocoach.coach.rule_fields import Cues as Cues
from convocoach.coach.rule_fields import levels as _levels
from convocoach.coach.rule_fields import readers as _readers
from convocoach.coach.rule_fields import unless_client as _unless_client
from convocoach.schema import (
    Choice,
    Integer,
    ListOf,
    Number,
    Record,
    Tagged,
    spec_dataclass,
    spec_field,
)


@spec_dataclass(kw_only=True)
class Existence:
    """Fires where any cue appears, unless an ``unless`` cue covers the same words."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(values.LINE, MESSAGE_TEXT, required=True, example="Blames the client")
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    effect: RuleEffect = spec_field(
        Choice(RULE_EFFECTS),
        "What a match means: 'pass' (the behaviour is there), 'fail' (a wording to avoid: "
        "a penalty) or 'miss' (the dimension fails, but nothing is to avoid: a leading "
        "question, the wrong feeling).",
        required=True,
    )
    phrases: tuple[str, ...] = spec_field(values.PHRASES, PHRASES_TEXT)
    patterns: tuple[str, ...] = spec_field(values.PATTERNS, PATTERNS_TEXT)
    unless: Cues = spec_field(CUES, "Matches inside these cues do not count (e.g. 'never again').")
    unless_client: Cues = _unless_client()
    unless_passes: tuple[str, ...] = spec_field(
        ListOf(values.CODE, max_items=40, unique=True),
        "Codes of reward dimensions: the rule does not fire when the reply passes any of "
        "them (the client's sign-off stated beside a clean apology is no shield).",
        default=(),
        example=["OWN"],
    )
    """Codes of reward dimensions whose pass stands the rule down."""
    quoted: Quoted = spec_field(Choice(QUOTED), QUOTED_TEXT)


EXISTENCE = Record.of(
    Existence, "Existence rule", "Fires where any of its phrases or patterns appears."
)


@spec_dataclass
class Swap:
    use: str = spec_field(
        values.PHRASE, "The phrase to flag.", required=True, example="circle back"
    )
    instead: str = spec_field(
        values.INSTEAD,
        "What to say instead; empty means leave it out.",
        required=True,
        example="come back to",
    )


SWAP = Record.of(Swap, "Swap", "A phrase and what to say instead.")


@spec_dataclass(kw_only=True)
class Substitution:
    """Fires on each phrase that has a better one, and suggests the rewrite."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(values.LINE, MESSAGE_TEXT, required=True, example="Jargon")
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    swaps: tuple[Swap, ...] = spec_field(
        ListOf(SWAP, min_items=1, max_items=500), "Phrases and replacements.", required=True
    )
    unless_client: Cues = _unless_client()
    quoted: Quoted = spec_field(Choice(QUOTED), QUOTED_TEXT)


SUBSTITUTION = Record.of(
    Substitution,
    "Substitution rule",
    "Fires on each phrase that has a plainer or kinder alternative.",
)


@spec_dataclass(kw_only=True)
class Cooccurrence:
    """Passes when a trigger and a required cue meet (in a sentence, or anywhere in the reply);
    falls short with ``partial_message`` when the trigger comes with a ``partial`` cue only, and
    with ``otherwise`` when it comes alone. Falling short is a missed reward, not a penalty."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="A commitment with a time"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    trigger: Cues = spec_field(
        CUES, "What starts the rule (e.g. a commitment: I'll, we'll).", required=True
    )
    requires: Cues = spec_field(
        CUES, "What must come with it (e.g. a day, a date, a time).", required=True
    )
    within: Within = spec_field(Choice(WITHIN), "Where both must appear.")
    otherwise: str = spec_field(
        values.OPTIONAL_LINE,
        "The reason shown (the dimension fails; a missed reward, not a penalty) when the "
        "trigger comes alone; empty: the rule says nothing then.",
    )
    partial: Cues = spec_field(
        CUES,
        "What makes a trigger without its required cue half right (a deliverable with no when).",
    )
    """What makes a trigger without its required cue half right (a deliverable with no when)."""
    partial_message: str = spec_field(
        values.OPTIONAL_LINE,
        "The reason shown when the trigger comes with a 'partial' cue only.",
        example="Half a step: says what, not when; add a day or a time",
    )


COOCCURRENCE = Record.of(
    Cooccurrence,
    "Co-occurrence rule",
    "Passes when a trigger and a required cue appear together.",
)


@spec_dataclass(kw_only=True)
class Question:
    """Passes on an open question (or an invitation to talk); fails when all are closed."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="Asks an open question"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    open_words: tuple[str, ...] = spec_field(
        values.PHRASES,
        "First words of an open question.",
        required=True,
        example=["what", "how"],
    )
    closed_words: tuple[str, ...] = spec_field(
        values.PHRASES,
        "First words of a closed question.",
        required=True,
        example=["do", "is", "can"],
    )
    invitations: tuple[str, ...] = spec_field(
        values.PHRASES,
        "Invitations that are open questions without a '?'.",
        example=["tell me"],
    )
    closed_message: str = spec_field(
        values.LINE, "The reason shown when every question is closed.", required=True
    )
    leading: Cues = spec_field(
        CUES,
        "Questions these match are not open, whatever their first word "
        "(leading or accusing ones: 'how come you never...').",
    )
    """Questions these match are not open, whatever their first word ("how come you never...")."""
    invitation_patterns: tuple[str, ...] = spec_field(
        values.PATTERNS,
        "Regular expressions for invitations, matched "
        "in each sentence ('^' is where the sentence starts).",
        default=(),
        example=[r"^(?:please )?(?:describe|explain)\b"],
    )
    """Regular expressions for invitations, matched in each sentence ('^' is its start)."""


QUESTION = Record.of(Question, "Question rule", "Tells open questions from closed (yes/no) ones.")


@spec_dataclass(kw_only=True)
class Overlap:
    """Passes when the reply shares enough content words with the client's last line."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="Reflects what the client said"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    min_shared: int = spec_field(
        Integer(1, 20), "Content words shared with the client's line.", default=2
    )
    min_percent: int = spec_field(
        Integer(0, 100),
        "Share of the client's content words that must come back, in percent.",
        default=0,
    )
    figure_weight: int = spec_field(
        Integer(1, 5),
        "How many words a shared figure (£4k, 15%, Q3, the 14th) counts as: a figure "
        "taken up carries the client's point more than a common word does.",
        default=1,
        example=2,
    )
    unless_penalty: tuple[str, ...] = spec_field(
        ListOf(values.CODE, max_items=40, unique=True),
        "Dimension codes: when any of them finds a wording to avoid in the reply, the "
        "shared words do not count (the client's words taken up only to rebut them).",
        default=(),
        example=["NOBLAME", "NODISMISS"],
    )
    """Codes of dimensions whose penalty makes shared words not count (taken up to rebut)."""


OVERLAP = Record.of(
    Overlap, "Overlap rule", "Passes when the reply takes up the client's own content words."
)


@spec_dataclass(kw_only=True)
class Readability:
    """Fails when the reply is hard to read; does not judge replies shorter than ``min_words``."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(values.LINE, MESSAGE_TEXT, required=True, example="Hard to read")
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    min_words: int = spec_field(Integer(1, 200), "Shorter replies are not judged.", default=12)
    min_reading_ease: int = spec_field(
        Integer(0, 120), "Lowest Flesch reading ease allowed.", default=60
    )
    max_grade: int = spec_field(Integer(1, 20), "Highest Flesch-Kincaid grade allowed.", default=8)
    max_sentence_words: int = spec_field(
        Integer(5, 60), "Longest average sentence, in words.", default=20
    )
    max_longest_sentence: int = spec_field(
        Integer(0, 200),
        "Most words in any one sentence (a "
        "reader stalls on the longest one, whatever the average); 0 does not check it.",
        default=0,
    )
    """Words in the longest sentence; 0 does not check it."""


READABILITY = Record.of(
    Readability, "Readability rule", "Flesch reading ease, grade level and sentence length."
)


@spec_dataclass(kw_only=True)
class Conditional:
    """Fires on a ``first`` match whose group is never defined by a ``second`` match
    (an acronym used but never spelt out)."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="An acronym that is never spelt out"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    first: str = spec_field(
        values.GROUP_PATTERN,
        "Pattern with a group, e.g. an acronym: \\b([A-Z]{2,6})s?\\b",
        required=True,
    )
    second: str = spec_field(
        values.GROUP_PATTERN,
        "Pattern whose group defines it, e.g. a spelt-out form with the acronym in brackets.",
        required=True,
    )
    allow: tuple[str, ...] = spec_field(
        values.PHRASES, "Group values that never need defining (OK, UK, AM).", example=["OK"]
    )


CONDITIONAL = Record.of(
    Conditional,
    "Conditional rule",
    "Fires on a 'first' match that no 'second' match defines.",
)


@spec_dataclass(kw_only=True)
class Weighed:
    """Fails when the words of the reply, weighed by the rubric's table ``table``, add up to
    more than ``threshold``: evidence spread over many small words (blame carried by grammar)
    that no single phrase shows."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="Reads as blame, taken as a whole"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    table: str = spec_field(
        values.TABLE_NAME,
        "The weight table (under 'weights:') to weigh the words with.",
        required=True,
        example="blame",
    )
    threshold: float = spec_field(
        Number(-20, 20),
        "The rule fires when the weights add up to more than this; higher fires less often.",
        default=0.0,
        example=0.5,
    )
    unless: Cues = spec_field(
        CUES,
        "Words inside these cues' matches are not weighed (negated blame: 'it isn't your fault').",
    )
    """Words inside these cues' matches are not weighed ('it isn't your fault')."""
    quoted: Quoted = spec_field(Choice(QUOTED), QUOTED_TEXT)


WEIGHED = Record.of(
    Weighed,
    "Weighed rule",
    "Fails when the reply's words, weighed by a table fitted to labelled "
    "replies, add up past a threshold; names the words that weighed most.",
)


@spec_dataclass(kw_only=True)
class SentenceLength:
    """Fails on each sentence of more than ``max_words`` words, saying how long it is."""

    id: str = spec_field(values.SLUG, ID_TEXT, required=True)
    message: str = spec_field(
        values.LINE, MESSAGE_TEXT, required=True, example="A long sentence: split it in two"
    )
    levels: tuple[Level, ...] = _levels()
    readers: tuple[Reader, ...] = _readers()
    max_words: int = spec_field(Integer(5, 100), "Most words a sentence may have.", default=20)
    quoted: Quoted = spec_field(Choice(QUOTED), QUOTED_TEXT)


SENTENCE_LENGTH = Record.of(
    SentenceLength,
    "Sentence length rule",
    "Fails on each sentence longer than 'max_words' words (a penalty), naming its length.",
)

Rule = Union[  # noqa: UP007 (a runtime alias; Python 3.10 cannot | these at import)
    Existence,
    Substitution,
    Cooccurrence,
    Question,
    Overlap,
    Readability,
    Conditional,
    Weighed,
    SentenceLength,
]

RULE: Tagged[Rule] = Tagged(
    {
        "existence": EXISTENCE,
        "substitution": SUBSTITUTION,
        "cooccurrence": COOCCURRENCE,
        "question": QUESTION,
        "overlap": OVERLAP,
        "readability": READABILITY,
        "conditional": CONDITIONAL,
        "weighed": WEIGHED,
        "sentence_length": SENTENCE_LENGTH,
    }
)
