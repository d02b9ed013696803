"""The kinds of value a rubric file is written in: names, codes, phrases and regular
expressions (checked to compile, and not to match empty text)."""

from __future__ import annotations

import re

import yaml

from convocoach.coach.caseless import case_trouble, small_letters
from convocoach.coach.kinds import LEVELS, READERS
from convocoach.coach.typed import typed_forms
from convocoach.schema import INVALID, Checked, Choice, Conversion, ListOf, Text

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_HINT = "a short name of lowercase letters, digits and single hyphens, like 'no-blame'"
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_CODE_HINT = "a short code in capitals, like 'FEEL' or 'NOBLAME'"
_VOCAB_NAME = re.compile(r"[a-z][a-z_]{1,30}")

SLUG = Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT)
OPTIONAL_SLUG = Text(max_length=60, pattern=_SLUG, pattern_hint=_SLUG_HINT, allow_empty=True)
CODE = Text(max_length=12, pattern=_CODE, pattern_hint=_CODE_HINT)
LINE = Text(max_length=200, one_line=True)
OPTIONAL_LINE = Text(max_length=200, one_line=True, allow_empty=True)
PHRASE = Text(max_length=120, one_line=True)
PHRASES = ListOf(PHRASE, max_items=500, unique=True)
INSTEAD = Text(max_length=120, one_line=True, allow_empty=True)
LEVEL_LIST = ListOf(Choice(LEVELS), min_items=1, max_items=3, unique=True)
READER_LIST = ListOf(Choice(READERS), min_items=1, max_items=2, unique=True)
TABLE_NAME = Text(
    max_length=31,
    pattern=_VOCAB_NAME,
    pattern_hint="lowercase letters and underscores, like 'blame'",
)
VOCABULARY_NAME = Text(
    max_length=31,
    pattern=_VOCAB_NAME,
    pattern_hint="lowercase letters and underscores, like 'feeling'",
)


def _compiles(value: str, node: yaml.Node, ctx: Conversion, path: str) -> object:
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


def _any_case(value: str, node: yaml.Node, ctx: Conversion, path: str) -> object:
    # Compiled once, in the form that runs (small letters, chat spellings): the pattern as
    # written is compiled only to place a fault in the user's own text.
    try:
        runs: re.Pattern[str] | None = re.compile(small_letters(typed_forms(value)))
        broken = ""
    except re.error as exc:
        runs, broken = None, exc.msg
    if (runs is None or runs.match("")) and _compiles(value, node, ctx, path) is INVALID:
        return INVALID
    if runs is None:  # a shape the chat spellings cannot be added to
        return ctx.report(
            node,
            path,
            f"with its chat spellings added ('u' for 'you', 'dont'), the pattern breaks: {broken}",
            "write 'you' or the contraction outside look-behinds and repeats, or in a class",
            "bad-pattern",
        )
    trouble = case_trouble(value)
    if trouble is not None:
        return ctx.report(
            node,
            path,
            f"cues match in any case, and this pattern cannot: {trouble}",
            "write the letters themselves, in any case, and leave out (?-i:...)",
            "bad-pattern",
        )
    return None


def _one_group(value: str, node: yaml.Node, ctx: Conversion, path: str) -> object:
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


PATTERN = Checked(Text(max_length=1000, one_line=True, strip=False), _any_case)
PATTERNS = ListOf(PATTERN, max_items=200, unique=True)
GROUP_PATTERN = Checked(Text(max_length=300, one_line=True, strip=False), _one_group)
"""A regular expression with a group around the word to compare (an acronym)."""


def unique(names: list[str], node: yaml.Node, ctx: Conversion, path: str, what: str) -> object:
    """The first name used twice, reported at its item of the list ``node``."""
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
