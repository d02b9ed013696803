"""Version 1 of the rubric file format, defined once for validation, models and JSON Schema."""

from __future__ import annotations

import re
from typing import Any

import yaml

from convocoach.coach import model
from convocoach.schema import INVALID, Choice, Context, Field, Integer, ListOf, Record, Text
from convocoach.schema_kinds import Checked, Number, Tagged, WeightLines

FORMAT_VERSION = 1
SCHEMA_ID = "urn:convocoach:schema:rubric:1"

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_HINT = "a short name of lowercase letters, digits and single hyphens, like 'no-blame'"
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_CODE_HINT = "a short code in capitals, like 'FEEL' or 'NOBLAME'"

_line = Text(max_length=200, one_line=True)
_phrase = Text(max_length=120, one_line=True)
_phrases = ListOf(_phrase, max_items=500, unique=True)


def _compiles(value: str, node: yaml.Node, ctx: Context, path: str) -> object:
    try:
        pattern = re.compile(value)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        return ctx.report(
            node,
            path,
            f"not a valid regular expression: {exc.msg}{where}",
            "fix the pattern (Python 're' syntax), or use 'phrases:' for plain words",
            "bad-pattern",
        )
    if pattern.match(""):
        return ctx.report(
            node,
            path,
            "the pattern matches empty text, so it would fire on every reply",
            "make it require at least one character",
            "bad-pattern",
        )
    return None


def _one_group(value: str, node: yaml.Node, ctx: Context, path: str) -> object:
    if _compiles(value, node, ctx, path) is INVALID:
        return INVALID
    if re.compile(value).groups < 1:
        return ctx.report(
            node,
            path,
            "the pattern needs a group, (...), around the word to compare",
            "wrap the acronym part in parentheses",
            "bad-pattern",
        )
    return None


_pattern = Checked(Text(max_length=1000, one_line=True, strip=False), _compiles)
_patterns = ListOf(_pattern, max_items=200, unique=True)
_levels = ListOf(Choice(model.LEVELS), min_items=1, max_items=3, unique=True)


def _common(message_example: str) -> tuple[Field, ...]:
    return (
        Field(
            "id",
            Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT),
            "Unique name of the rule; a rubric can 'disable' it by this name.",
            required=True,
        ),
        Field(
            "message",
            _line,
            "The one-line reason shown when the rule fires.",
            required=True,
            example=message_example,
        ),
        Field(
            "levels",
            _levels,
            "Client technical levels the rule applies to (all when absent).",
            default=model.LEVELS,
            example=["low"],
        ),
    )


CUES = Record(
    "Cues",
    "Words to look for: plain phrases, regular expressions, or both.",
    (
        Field(
            "phrases",
            _phrases,
            "Plain phrases, matched in any case as whole words.",
            example=["it sounds like"],
        ),
        Field(
            "patterns",
            _patterns,
            "Python regular expressions, matched in any case.",
            example=[r"\bthat must (?:be|have been)\b"],
        ),
    ),
    model.Cues,
)
_quoted = Field(
    "quoted",
    Choice(("ignore", "count")),
    "Whether words inside quotation marks count ('ignore': quoting the client is not saying it).",
    default="ignore",
)

EXISTENCE = Record(
    "Existence rule",
    "Fires where any of its phrases or patterns appears.",
    (
        *_common("Blames the client"),
        Field(
            "effect",
            Choice(("pass", "fail", "miss")),
            "What a match means: 'pass' (the behaviour is there), 'fail' (a wording to avoid: "
            "a penalty) or 'miss' (the dimension fails, but nothing is to avoid: a leading "
            "question, the wrong feeling).",
            required=True,
        ),
        Field("phrases", _phrases, "Plain phrases, matched in any case as whole words."),
        Field("patterns", _patterns, "Python regular expressions, matched in any case."),
        Field("unless", CUES, "Matches inside these cues do not count (e.g. 'never again')."),
        _quoted,
    ),
    model.Existence,
)

SWAP = Record(
    "Swap",
    "A phrase and what to say instead.",
    (
        Field("use", _phrase, "The phrase to flag.", required=True, example="circle back"),
        Field(
            "instead",
            Text(max_length=120, one_line=True, allow_empty=True),
            "What to say instead; empty means leave it out.",
            required=True,
            example="come back to",
        ),
    ),
    model.Swap,
)

SUBSTITUTION = Record(
    "Substitution rule",
    "Fires on each phrase that has a plainer or kinder alternative.",
    (
        *_common("Jargon"),
        Field(
            "swaps",
            ListOf(SWAP, min_items=1, max_items=500),
            "Phrases and replacements.",
            required=True,
        ),
        _quoted,
    ),
    model.Substitution,
)

COOCCURRENCE = Record(
    "Co-occurrence rule",
    "Passes when a trigger and a required cue appear together.",
    (
        *_common("A commitment with a time"),
        Field(
            "trigger", CUES, "What starts the rule (e.g. a commitment: I'll, we'll).", required=True
        ),
        Field(
            "requires", CUES, "What must come with it (e.g. a day, a date, a time).", required=True
        ),
        Field(
            "within", Choice(("sentence", "reply")), "Where both must appear.", default="sentence"
        ),
        Field(
            "otherwise",
            Text(max_length=200, one_line=True, allow_empty=True),
            "The reason shown (the dimension fails; a missed reward, not a penalty) when the "
            "trigger comes alone; empty: the rule says nothing then.",
        ),
        Field(
            "partial",
            CUES,
            "What makes a trigger without its required cue half right (a "
            "deliverable with no when).",
        ),
        Field(
            "partial_message",
            Text(max_length=200, one_line=True, allow_empty=True),
            "The reason shown when the trigger comes with a 'partial' cue only.",
            example="Half a step: says what, not when; add a day or a time",
        ),
    ),
    model.Cooccurrence,
)

QUESTION = Record(
    "Question rule",
    "Tells open questions from closed (yes/no) ones.",
    (
        *_common("Asks an open question"),
        Field(
            "open_words",
            _phrases,
            "First words of an open question.",
            required=True,
            example=["what", "how"],
        ),
        Field(
            "closed_words",
            _phrases,
            "First words of a closed question.",
            required=True,
            example=["do", "is", "can"],
        ),
        Field(
            "invitations",
            _phrases,
            "Invitations that are open questions without a '?'.",
            example=["tell me"],
        ),
        Field(
            "closed_message",
            _line,
            "The reason shown when every question is closed.",
            required=True,
        ),
        Field(
            "leading",
            CUES,
            "Questions these match are not open, whatever their first word "
            "(leading or accusing ones: 'how come you never...').",
        ),
        Field(
            "invitation_patterns",
            _patterns,
            "Regular expressions for invitations, matched "
            "in each sentence ('^' is where the sentence starts).",
            example=[r"^(?:please )?(?:describe|explain)\b"],
        ),
    ),
    model.Question,
)

OVERLAP = Record(
    "Overlap rule",
    "Passes when the reply takes up the client's own content words.",
    (
        *_common("Reflects what the client said"),
        Field(
            "min_shared", Integer(1, 20), "Content words shared with the client's line.", default=2
        ),
        Field(
            "min_percent",
            Integer(0, 100),
            "Share of the client's content words that must come back, in percent.",
            default=0,
        ),
        Field(
            "unless_penalty",
            ListOf(
                Text(max_length=12, pattern=_CODE, pattern_hint=_CODE_HINT),
                max_items=40,
                unique=True,
            ),
            "Dimension codes: when any of them finds a wording to avoid in the reply, the "
            "shared words do not count (the client's words taken up only to rebut them).",
            example=["NOBLAME", "NODISMISS"],
        ),
    ),
    model.Overlap,
)

READABILITY = Record(
    "Readability rule",
    "Flesch reading ease, grade level and sentence length.",
    (
        *_common("Hard to read"),
        Field("min_words", Integer(1, 200), "Shorter replies are not judged.", default=12),
        Field(
            "min_reading_ease", Integer(0, 120), "Lowest Flesch reading ease allowed.", default=60
        ),
        Field("max_grade", Integer(1, 20), "Highest Flesch-Kincaid grade allowed.", default=8),
        Field(
            "max_sentence_words", Integer(5, 60), "Longest average sentence, in words.", default=20
        ),
        Field(
            "max_longest_sentence",
            Integer(0, 200),
            "Most words in any one sentence (a "
            "reader stalls on the longest one, whatever the average); 0 does not check it.",
            default=0,
        ),
    ),
    model.Readability,
)

CONDITIONAL = Record(
    "Conditional rule",
    "Fires on a 'first' match that no 'second' match defines.",
    (
        *_common("An acronym that is never spelt out"),
        Field(
            "first",
            Checked(Text(max_length=300, one_line=True, strip=False), _one_group),
            "Pattern with a group, e.g. an acronym: \\b([A-Z]{2,6})s?\\b",
            required=True,
        ),
        Field(
            "second",
            Checked(Text(max_length=300, one_line=True, strip=False), _one_group),
            "Pattern whose group defines it, e.g. a spelt-out form with the acronym in brackets.",
            required=True,
        ),
        Field(
            "allow", _phrases, "Group values that never need defining (OK, UK, AM).", example=["OK"]
        ),
    ),
    model.Conditional,
)

_VOCAB_NAME = re.compile(r"[a-z][a-z_]{1,30}")
_table_name = Text(
    max_length=31,
    pattern=_VOCAB_NAME,
    pattern_hint="lowercase letters and underscores, like 'blame'",
)

WEIGHED = Record(
    "Weighed rule",
    "Fails when the reply's words, weighed by a table fitted to labelled "
    "replies, add up past a threshold; names the words that weighed most.",
    (
        *_common("Reads as blame, taken as a whole"),
        Field(
            "table",
            _table_name,
            "The weight table (under 'weights:') to weigh the words with.",
            required=True,
            example="blame",
        ),
        Field(
            "threshold",
            Number(-20, 20),
            "The rule fires when the weights add up to more than this; higher fires less often.",
            default=0.0,
            example=0.5,
        ),
        Field(
            "unless",
            CUES,
            "Words inside these cues' matches are not weighed (negated "
            "blame: 'it isn't your fault').",
        ),
        _quoted,
    ),
    model.Weighed,
)

WEIGHT_TABLE = Record(
    "Weight table",
    "How much each word and word pair tells of a dimension, fitted to "
    "labelled replies with 'python -m convocoach.coach.fit'.",
    (
        Field(
            "name",
            _table_name,
            "The name weighed rules use in 'table:'.",
            required=True,
            example="blame",
        ),
        Field("bias", Number(-50, 50), "Where a reply with none of the words starts."),
        Field(
            "weights",
            WeightLines(20000, 20),
            "One line per word or word pair and its weight, heaviest first.",
            required=True,
            example="your team 1.42\n",
        ),
    ),
    model.WeightTable,
)


def _has_words(value: model.Vocabulary, node: yaml.Node, ctx: Context, path: str) -> object:
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
    Record(
        "Vocabulary",
        "A named set of words that patterns use as {name}.",
        (
            Field(
                "name",
                Text(
                    max_length=31,
                    pattern=_VOCAB_NAME,
                    pattern_hint="lowercase letters and underscores, like 'feeling'",
                ),
                "The name patterns use, in braces: {feeling}.",
                required=True,
                example="feeling",
            ),
            Field(
                "words",
                ListOf(_phrase, max_items=2000, unique=True),
                "Words and phrases, matched in any case as whole words; a final * matches any "
                "ending ('frustrat*': frustrated, frustrating).",
                example=["upset", "frustrat*", "in a bind"],
            ),
            Field(
                "patterns",
                _patterns,
                "Python regular expressions for what a word list cannot say, matched in any case.",
                example=[r"your (?:\w+ )?team"],
            ),
        ),
        model.Vocabulary,
    ),
    _has_words,
)

RULE = Tagged(
    {
        "existence": EXISTENCE,
        "substitution": SUBSTITUTION,
        "cooccurrence": COOCCURRENCE,
        "question": QUESTION,
        "overlap": OVERLAP,
        "readability": READABILITY,
        "conditional": CONDITIONAL,
        "weighed": WEIGHED,
    }
)


def _unique_ids(rules: tuple[model.Rule, ...], node: yaml.Node, ctx: Context, path: str) -> object:
    return _unique([r.id for r in rules], node, ctx, path, "rule id")


def _unique_codes(
    dims: tuple[model.Dimension, ...], node: yaml.Node, ctx: Context, path: str
) -> object:
    result = _unique([d.code for d in dims], node, ctx, path, "dimension code")
    ids = [r.id for d in dims for r in d.rules]
    return _unique(ids, node, ctx, path, "rule id") if result is None else result


def _unique_names(
    sets: tuple[model.Vocabulary, ...], node: yaml.Node, ctx: Context, path: str
) -> object:
    return _unique([v.name for v in sets], node, ctx, path, "vocabulary name")


def _unique_tables(
    tables: tuple[model.WeightTable, ...], node: yaml.Node, ctx: Context, path: str
) -> object:
    return _unique([t.name for t in tables], node, ctx, path, "weight table name")


def _unique(names: list[str], node: yaml.Node, ctx: Context, path: str, what: str) -> object:
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name in seen:
            item = node.value[index] if len(node.value) == len(names) else node
            return ctx.report(
                item,
                f"{path}[{index}]",
                f"the {what} {name!r} is used twice",
                f"give each {what} its own name",
                "duplicate-name",
            )
        seen.add(name)
    return None


DIMENSION = Record(
    "Dimension",
    "One thing the coach judges in a reply, by its rules.",
    (
        Field(
            "code",
            Text(max_length=12, pattern=_CODE, pattern_hint=_CODE_HINT),
            "Short code shown in reports; a rubric that extends another changes a dimension "
            "by using its code.",
            required=True,
            example="FEEL",
        ),
        Field(
            "title",
            Text(max_length=60, one_line=True),
            "What the dimension is, in a few words.",
            example="Names the feeling",
        ),
        Field(
            "polarity",
            Choice(("reward", "penalty")),
            "'reward': a behaviour to show; 'penalty': a behaviour to avoid.",
        ),
        Field(
            "absent",
            Choice(("pass", "fail", "not-applicable")),
            "The result when no rule matches (a penalty dimension usually 'pass').",
        ),
        Field(
            "absent_message",
            Text(max_length=200, one_line=True, allow_empty=True),
            "The reason shown when no rule matches.",
        ),
        Field("why", Text(max_length=400, allow_empty=True), "Why it matters, in a sentence."),
        Field("tip", Text(max_length=300, allow_empty=True), "What to try next time."),
        Field(
            "rules",
            Checked(ListOf(RULE, max_items=50), _unique_ids),
            "The rules that judge this dimension; a failing rule wins over a passing one.",
        ),
    ),
    model.Dimension,
)

RUBRIC = Record(
    "convocoach rubric",
    "The coaching rubric: what the coach looks for in a reply, rule by rule.",
    (
        Field(
            "format",
            Integer(1, 99),
            f"Format version of this file (currently {FORMAT_VERSION}).",
            required=True,
            example=FORMAT_VERSION,
        ),
        Field(
            "id",
            Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT),
            "Unique short name of the rubric.",
            required=True,
            example="my-workshop",
        ),
        Field("title", Text(max_length=80, one_line=True), "Name shown in reports."),
        Field(
            "extends",
            Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT, allow_empty=True),
            "Start from this rubric: dimensions with the same code gain these rules (and "
            "this file's title, why and tip), new codes are added.",
            example="default",
        ),
        Field(
            "dimensions",
            Checked(ListOf(DIMENSION, max_items=40), _unique_codes),
            "The dimensions, in the order reports show them.",
        ),
        Field(
            "disable",
            ListOf(
                Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT),
                max_items=200,
                unique=True,
            ),
            "Rule ids (from the rubric this one extends) to switch off.",
        ),
        Field(
            "vocabulary",
            Checked(ListOf(VOCABULARY, max_items=100), _unique_names),
            "Named sets of words for patterns ({name}); a rubric that extends another adds "
            "words to a set of the same name.",
        ),
        Field(
            "weights",
            Checked(ListOf(WEIGHT_TABLE, max_items=20), _unique_tables),
            "Weight tables for weighed rules, fitted to labelled replies; a rubric that "
            "extends another replaces a table of the same name.",
        ),
    ),
    model.Rubric,
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the rubric format, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **RUBRIC.json_schema(),
    }


def schema_text() -> str:
    """The JSON Schema as written to ``rubric.schema.json``."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
