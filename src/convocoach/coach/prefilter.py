"""Words a pattern cannot match without, so that most patterns are never run on most replies.

A rubric has a few hundred patterns and Python's ``re`` tries each of them at every
character of a reply. Most patterns need some literal word to match at all ("should",
"signed off", "sorry"): when none of those words is in the reply, the pattern cannot match
and is skipped. The words are read from the parsed pattern, never guessed, so skipping
changes no result; a pattern with no such word is always run.
"""

from __future__ import annotations

import re
from typing import Any

from convocoach.coach.regex_tree import REPEATS as _REPEATS
from convocoach.coach.regex_tree import parser as _sre

_MIN_LENGTH = 3  # shorter words are in nearly every reply: no use as a filter
_MAX_WORDS = 300  # more words than this cost more to look for than the pattern itself
_KEEP = 6  # sets checked per pattern, the most selective first
# Words in nearly every reply: a set holding one of them filters nothing.
COMMON = frozenset(
    (
        "the",
        "you",
        "your",
        "our",
        "and",
        "for",
        "that",
        "this",
        "with",
        "ing",
        "you ",
        "the ",
        " you ",
        "have",
        "we ",
    )
)

Words = frozenset[str]
Requirement = tuple[Words, ...]
"""Sets of words: a match needs at least one word of every set."""


def required_words(pattern: str, flags: int = re.IGNORECASE) -> Requirement | None:
    """What any match of ``pattern`` needs in the lower-cased text, or None when the pattern
    has nothing useful to filter on."""
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:
        return None
    found = sorted({s for s in _all(list(parsed)) if _useful(s)}, key=_rank)[:_KEEP]
    return tuple(found) or None


_SPACES = re.compile(r"\s+")


def folded(text: str) -> str:
    """Text as the filters look in it: case-folded, one kind of apostrophe, single spaces.
    It holds every string a pattern's match holds (and, if anything, more)."""
    return _SPACES.sub(" ", text.casefold().replace("’", "'"))


def phrase_key(phrase: str) -> str:
    """What any match of a literal phrase (any case, spacing and apostrophe; a final ``*``
    taking any ending) holds in folded text: the phrase itself, folded."""
    return folded(phrase.rstrip("*")).strip()


def _useful(words: Words) -> bool:
    return (
        0 < len(words) <= _MAX_WORDS and min(map(len, words)) >= _MIN_LENGTH and not words & COMMON
    )


def _rank(words: Words) -> tuple[int, int]:
    return (-min(map(len, words)), len(words))


def _all(items: list[tuple[Any, Any]]) -> list[Words]:
    """Every set of words the sequence ``items`` needs (each one is required)."""
    found: list[Words] = []
    run: list[str] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            found.append(frozenset(("".join(run).lower(),)))
            run = []
        if op is _sre.SUBPATTERN:
            found += _all(list(arg[-1]))
        elif op is _sre.BRANCH:
            union = _branches(arg[1])
            if union:
                found.append(union)
        elif op in _REPEATS and arg[0] >= 1:
            found += _all(list(arg[2]))
    if run:
        found.append(frozenset(("".join(run).lower(),)))
    return found


def _best(items: list[tuple[Any, Any]]) -> Words | None:
    sets = [s for s in _all(items) if s]
    useful = [s for s in sets if _useful(s)]
    return min(useful or sets, key=_rank, default=None)


def _branches(alternatives: list[Any]) -> Words | None:
    union: set[str] = set()
    for alternative in alternatives:
        words = _best(list(alternative))
        if not words:
            return None  # this branch can match without any known word
        union |= words
    return frozenset(union)
