"""The words of a reply as evidence: each word and each pair of neighbouring words, weighed
by a fitted rule and added up. Every piece of evidence keeps where it came from, so a verdict
can name the words that tipped it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from convocoach.coach.text import WORD, Span

# British and American spellings weigh the same: each is written the American way (applied to
# every word, fitted or judged, so a word that merely looks British is changed consistently).
_SPELLING = (
    (re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w\w)ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w\w)our(s|ed|ing|able|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w\w\w)tre(s)?$"), r"ter\1"),
    (re.compile(r"^programme(s|d)?$"), r"program\1"),
    (re.compile(r"(?<=\w\w)ll(ed|ing|er|ers)$"), r"l\1"),
)


# Words that say nothing alone (they still count in pairs: "on the", "the go-ahead").
_FUNCTION_WORDS = frozenset(
    """
a an the in on of to and is are was were be been as at it its it's this that for with by
from or so
""".split()  # noqa: SIM905
)


@lru_cache(maxsize=16384)
def _key(word: str) -> str:
    key = word.lower().replace("’", "'")
    for pattern, american in _SPELLING:
        key = pattern.sub(american, key)
    return key


def features(text: str) -> dict[str, Span]:
    """Each word and word pair of ``text`` (lower case, one kind of apostrophe, American
    spelling) → where it first appears."""
    found: dict[str, Span] = {}
    previous: tuple[str, int] | None = None
    for match in WORD.finditer(text):  # the words, without a Word object each: hot path
        key = _key(match.group())
        start, end = match.span()
        if key not in _FUNCTION_WORDS:
            found.setdefault(key, (start, end))
        if previous is not None:
            found.setdefault(f"{previous[0]} {key}", (previous[1], end))
        previous = (key, start)
    return found


@dataclass(frozen=True, slots=True)
class Weighing:
    """What the words of one reply add up to, and the pieces that weighed most towards it."""

    total: float
    heaviest: tuple[tuple[str, float, Span], ...]


def weigh(
    found: Mapping[str, Span], bias: float, weights: Mapping[str, float], show: int = 3
) -> Weighing:
    """``bias`` plus the weight of every feature found; the ``show`` heaviest positive ones."""
    total = bias
    pieces: list[tuple[str, float, Span]] = []
    for key, span in found.items():
        weight = weights.get(key)
        if weight is None:
            continue
        total += weight
        if weight > 0 and not says_nothing(key):
            pieces.append((key, weight, span))
    pieces.sort(key=lambda piece: (-piece[1], piece[2]))
    return Weighing(total, tuple(pieces[:show]))


@lru_cache(maxsize=65536)  # asked for every positive weight of every reply: a hot path
def says_nothing(key: str) -> bool:
    """A pair of function words ("in the") explains nothing to the reader."""
    return all(word in _FUNCTION_WORDS for word in key.split(" "))
