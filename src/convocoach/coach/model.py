"""The coach's rubric, as validated from YAML: dimensions, each judged by explainable rules.

Each field is a key of the rubric file, declared once with its kind of value, description
and default; the rule kinds are in ``rule_kinds.py``.
"""

from __future__ import annotations

import yaml

from convocoach.coach import values
from convocoach.coach.kinds import LEVELS as LEVELS
from convocoach.coach.kinds import POLARITIES, STATUSES
from convocoach.coach.kinds import READERS as READERS
from convocoach.coach.kinds import STATUS_WORDS as STATUS_WORDS
from convocoach.coach.kinds import Effect as Effect
from convocoach.coach.kinds import Level as Level
from convocoach.coach.kinds import Polarity as Polarity
from convocoach.coach.kinds import Quoted as Quoted
from convocoach.coach.kinds import Reader as Reader
from convocoach.coach.kinds import RuleEffect as RuleEffect
from convocoach.coach.kinds import Status as Status
from convocoach.coach.rule_kinds import RULE
from convocoach.coach.rule_kinds import Conditional as Conditional
from convocoach.coach.rule_kinds import Cooccurrence as Cooccurrence
from convocoach.coach.rule_kinds import Cues as Cues
from convocoach.coach.rule_kinds import Existence as Existence
from convocoach.coach.rule_kinds import Overlap as Overlap
from convocoach.coach.rule_kinds import Question as Question
from convocoach.coach.rule_kinds import Readability as Readability
from convocoach.coach.rule_kinds import Rule as Rule
from convocoach.coach.rule_kinds import SentenceLength as SentenceLength
from convocoach.coach.rule_kinds import Substitution as Substitution
from convocoach.coach.rule_kinds import Swap as Swap
from convocoach.coach.rule_kinds import Weighed as Weighed
from convocoach.schema import (
    Checked,
    Choice,
    Conversion,
    Integer,
    ListOf,
    Number,
    Record,
    Text,
    WeightLines,
    spec_dataclass,
    spec_field,
)

FORMAT_VERSION = 1


@spec_dataclass
class WeightTable:
    """How much each word and word pair tells of a dimension, fitted to labelled replies
    (``python -m convocoach.coach.fit``); ``bias`` is where a reply with no known word starts."""

    name: str = spec_field(
        values.TABLE_NAME,
        "The name weighed rules use in 'table:'.",
        required=True,
        example="blame",
    )
    bias: float = spec_field(Number(-50, 50), "Where a reply with none of the words starts.")
    weights: tuple[tuple[str, float], ...] = spec_field(
        WeightLines(20000, 20),
        "One line per word or word pair and its weight, heaviest first.",
        required=True,
        example="your team 1.42\n",
    )


WEIGHT_TABLE = Record.of(
    WeightTable,
    "Weight table",
    "How much each word and word pair tells of a dimension, fitted to "
    "labelled replies with 'python -m convocoach.coach.fit'.",
)


@spec_dataclass
class Vocabulary:
    """A named set of words that patterns use as ``{name}`` (the feelings, the client's side)."""

    name: str = spec_field(
        values.VOCABULARY_NAME,
        "The name patterns use, in braces: {feeling}.",
        required=True,
        example="feeling",
    )
    words: tuple[str, ...] = spec_field(
        ListOf(values.PHRASE, max_items=2000, unique=True),
        "Words and phrases, matched in any case as whole words; a final * matches any "
        "ending ('frustrat*': frustrated, frustrating).",
        example=["upset", "frustrat*", "in a bind"],
    )
    patterns: tuple[str, ...] = spec_field(
        values.PATTERNS,
        "Python regular expressions for what a word list cannot say, matched in any case.",
        default=(),
        example=[r"your (?:\w+ )?team"],
    )
    """Regular expressions for what a word list cannot say ("your <any> team")."""


def _has_words(value: Vocabulary, node: yaml.Node, ctx: Conversion, path: str) -> object:
    if value.words or value.patterns:
        return None
    return ctx.report(
        node,
        path,
        f"the word set {value.name!r} is empty, so it would match nothing or everything",
        "give it 'words:' or 'patterns:'",
        "empty-set",
    )


VOCABULARY = Checked(
    Record.of(Vocabulary, "Vocabulary", "A named set of words that patterns use as {name}."),
    _has_words,
)


def _unique_ids(rules: tuple[Rule, ...], node: yaml.Node, ctx: Conversion, path: str) -> object:
    return values.unique([r.id for r in rules], node, ctx, path, "rule id")


@spec_dataclass
class Dimension:
    """One thing the coach looks at in a reply, such as naming the client's feeling."""

    code: str = spec_field(
        values.CODE,
        "Short code shown in reports; a rubric that extends another changes a dimension "
        "by using its code.",
        required=True,
        example="FEEL",
    )
    title: str = spec_field(
        Text(max_length=60, one_line=True),
        "What the dimension is, in a few words.",
        example="Names the feeling",
    )
    polarity: Polarity = spec_field(
        Choice(POLARITIES), "'reward': a behaviour to show; 'penalty': a behaviour to avoid."
    )
    absent: Status = spec_field(
        Choice(STATUSES), "The result when no rule matches (a penalty dimension usually 'pass')."
    )
    absent_message: str = spec_field(values.OPTIONAL_LINE, "The reason shown when no rule matches.")
    why: str = spec_field(Text(max_length=400, allow_empty=True), "Why it matters, in a sentence.")
    tip: str = spec_field(Text(max_length=300, allow_empty=True), "What to try next time.")
    rules: tuple[Rule, ...] = spec_field(
        Checked(ListOf(RULE, max_items=50), _unique_ids),
        "The rules that judge this dimension; a failing rule wins over a passing one.",
    )

    @property
    def reads_passes(self) -> bool:
        """Whether a rule of it waits to know which dimensions passed (``unless_passes``)."""
        return any(isinstance(r, Existence) and r.unless_passes for r in self.rules)

    @property
    def reads_penalties(self) -> bool:
        """Whether a rule of it waits to know which penalties fired (``unless_penalty``)."""
        return any(isinstance(r, Overlap) and r.unless_penalty for r in self.rules)


DIMENSION = Record.of(
    Dimension, "Dimension", "One thing the coach judges in a reply, by its rules."
)


def _unique_codes(
    dims: tuple[Dimension, ...], node: yaml.Node, ctx: Conversion, path: str
) -> object:
    result = values.unique([d.code for d in dims], node, ctx, path, "dimension code")
    ids = [r.id for d in dims for r in d.rules]
    return values.unique(ids, node, ctx, path, "rule id") if result is None else result


def _unique_names(
    sets: tuple[Vocabulary, ...], node: yaml.Node, ctx: Conversion, path: str
) -> object:
    return values.unique([v.name for v in sets], node, ctx, path, "vocabulary name")


def _unique_tables(
    tables: tuple[WeightTable, ...], node: yaml.Node, ctx: Conversion, path: str
) -> object:
    return values.unique([t.name for t in tables], node, ctx, path, "weight table name")


@spec_dataclass
class Rubric:
    """A set of dimensions; a rubric that ``extends`` another adds to or changes it."""

    format: int = spec_field(
        Integer(1, 99),
        f"Format version of this file (currently {FORMAT_VERSION}).",
        required=True,
        example=FORMAT_VERSION,
    )
    id: str = spec_field(
        values.SLUG, "Unique short name of the rubric.", required=True, example="my-workshop"
    )
    title: str = spec_field(Text(max_length=80, one_line=True), "Name shown in reports.")
    extends: str = spec_field(
        values.OPTIONAL_SLUG,
        "Start from this rubric: dimensions with the same code gain these rules (and "
        "this file's title, why and tip), new codes are added.",
        example="default",
    )
    dimensions: tuple[Dimension, ...] = spec_field(
        Checked(ListOf(DIMENSION, max_items=40), _unique_codes),
        "The dimensions, in the order reports show them.",
    )
    disable: tuple[str, ...] = spec_field(
        ListOf(values.SLUG, max_items=200, unique=True),
        "Rule ids (from the rubric this one extends) to switch off.",
    )
    vocabulary: tuple[Vocabulary, ...] = spec_field(
        Checked(ListOf(VOCABULARY, max_items=100), _unique_names),
        "Named sets of words for patterns ({name}); a rubric that extends another adds "
        "words to a set of the same name.",
        default=(),
    )
    weights: tuple[WeightTable, ...] = spec_field(
        Checked(ListOf(WEIGHT_TABLE, max_items=20), _unique_tables),
        "Weight tables for weighed rules, fitted to labelled replies; a rubric that "
        "extends another replaces a table of the same name.",
        default=(),
    )

    def dimension(self, code: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.code == code), None)
