"""A rule's cues compiled for speed: what can be skipped is skipped, the rest runs together."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from convocoach.coach import trie
from convocoach.coach.caseless import small_letters
from convocoach.coach.prefilter import COMMON as _COMMON
from convocoach.coach.prefilter import folded, phrase_key, required_words
from convocoach.coach.text import Span
from convocoach.coach.typed import typed_forms, with_typed_variants
from convocoach.coach.vocabulary import WordSets, expand, names_used

# A word set stands in a pattern as one rare "word" while the pattern is read for what it
# needs. Each set's stand-in starts with a character of its own: the parser factors out a
# prefix that all branches share, and "{feeling}|{hardship}" must not lose theirs.
_TOKEN = re.compile("[\ue000-\ue0ff]([a-z_]+)[\ue100-\ue1ff]")


def _stand_ins(names: list[str]) -> dict[str, str]:
    return {name: f"{chr(0xE000 + i)}{name}{chr(0xE100 + i)}" for i, name in enumerate(names)}


_BUCKET = 6  # phrases per filtered group
# Cues run on the reply with its ASCII capitals made small and its other spaces made plain
# spaces (Reply.matchable), as small-letter patterns without the case-insensitive flag: the
# same matches, and a third faster than folding case at every comparison. ASCII matching is
# several times faster than Unicode; the rubric is written in ASCII.
_FLAGS = re.ASCII
_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")
FILTERING = True
"""Off, every pattern runs on every reply: the same results, slower (tests compare them)."""


class Probe(Protocol):
    """The reply as the filters see it: its folded text, and the needs it meets once known."""

    met_needs: frozenset[int] | None

    @property
    def lowered(self) -> str: ...


class Matcher:
    """Finds every cue of a set (phrases and patterns) in a reply, case-insensitively.

    A pattern that cannot match without certain words (or a word of a set) runs only on
    replies that hold them; the phrases and the other patterns run as one alternation.
    """

    __slots__ = ("always", "gated")

    def __init__(
        self, phrases: tuple[str, ...], patterns: tuple[str, ...], named: WordSets
    ) -> None:
        always: list[str] = []
        self.gated: list[tuple[frozenset[int], _Lazy]] = []
        phrases = with_typed_variants(phrases)
        if phrases:
            # A phrase cannot match without its longest piece. Phrases whose pieces are
            # rare enough run only on replies holding one of them; the rest always run.
            pieces = {p: phrase_key(p) for p in phrases}
            rare = [p for p, piece in pieces.items() if len(piece) >= 3 and piece not in _COMMON]
            rare_set = set(rare)
            common = [p for p in phrases if p not in rare_set]
            if common:
                always.append(trie.alternation(common))
            # Small buckets: each runs only when one of its own pieces is in the reply.
            rare.sort(key=lambda p: pieces[p])
            for bucket in (rare[i : i + _BUCKET] for i in range(0, len(rare), _BUCKET)):
                need = _need(frozenset(pieces[p] for p in bucket), named)
                if need is None:
                    always.append(trie.alternation(bucket))
                else:
                    self.gated.append((frozenset((need.number,)), _Lazy(trie.alternation(bucket))))
        tokens = _stand_ins(sorted(named))
        by_needs: dict[tuple[_Need, ...], list[str]] = {}
        for pattern in (
            part
            for whole in patterns
            for branch in _branches(typed_forms(whole), named)
            for part in split_top_level(branch)
        ):
            source = expand(pattern, named)
            needs = required_words(expand(pattern, tokens)) or ()
            gates = tuple(filter(None, (_need(words, named) for words in needs)))
            if _BACK_REFERENCE.search(pattern):
                # Its groups are numbered from its own start only when it runs alone.
                self.gated.append((frozenset(n.number for n in gates), _Lazy(source)))
            elif gates:
                by_needs.setdefault(gates, []).append(source)
            else:
                always.append(f"(?:{source})")
        # Patterns that need the same words run together, as one alternation.
        self.gated += [
            (frozenset(n.number for n in gates), _Lazy("|".join(f"(?:{s})" for s in sources)))
            for gates, sources in by_needs.items()
        ]
        self.always = _Lazy("|".join(always)) if always else None

    def spans(self, text: str, probe: Probe, start: int = 0, end: int | None = None) -> list[Span]:
        """Where the cues match in ``text[start:end]``, a reply's matchable text (its ASCII
        capitals small: ``Reply.matchable``); ``probe`` describes the whole reply."""
        stop = len(text) if end is None else end
        found: list[Span] = []
        if self.always is not None:
            found += [
                m.span()
                for m in self.always.regex().finditer(text, start, stop)
                if m.end() > m.start()
            ]
        met = probe.met_needs
        if met is None and FILTERING:
            met = probe.met_needs = _LEXICON.met(probe.lowered)
        for needs, lazy in self.gated:
            # One subset test per group: every set of words it needs is met in this reply.
            if met is None or needs <= met:
                found += [
                    m.span()
                    for m in lazy.regex().finditer(text, start, stop)
                    if m.end() > m.start()
                ]
        if self.gated:
            found.sort()
        return found


def _branches(pattern: str, named: WordSets) -> list[str]:
    """A pattern that is one word set and nothing else (``{not_blame}``) as the set's own
    patterns and words (chat spellings already in), each filtered on what it needs: as one
    pattern it needs nothing in common and runs on every reply."""
    names = names_used(pattern)
    if len(names) != 1 or pattern != f"{{{names[0]}}}" or names[0] not in named.parts:
        return [pattern]
    return list(named.parts[names[0]])


class _Need:
    """One set of words a pattern needs: met when the folded reply holds any of them."""

    __slots__ = ("number", "words")

    def __init__(self, words: frozenset[str]) -> None:
        self.words = frozenset(folded(w) for w in words)
        self.number = _LEXICON.add(self.words)


class _Lexicon:
    """Every word any filter looks for, found in a reply with one scan, and which sets of
    words (needs, by number) each word meets.

    At each position of the reply a lookahead finds the longest word starting there; the
    shorter words starting there are its prefixes, known in advance. So one pass finds every
    word present, wherever it is, even inside another word.
    """

    def __init__(self) -> None:
        self.needs: list[frozenset[str]] = []
        self.scan: re.Pattern[str] | None = None
        self.meets: dict[str, frozenset[int]] = {}
        """Word found at a position → the needs it and its listed prefixes meet."""

    def add(self, words: frozenset[str]) -> int:
        self.needs.append(words)
        self.scan = None
        return len(self.needs) - 1

    def met(self, lowered: str) -> frozenset[int]:
        """The numbers of every need the folded text ``lowered`` meets."""
        scan = self.scan or self._compile()
        return frozenset().union(*map(self.meets.__getitem__, scan.findall(lowered)))

    def _compile(self) -> re.Pattern[str]:
        by_word: dict[str, set[int]] = {}
        for number, words in enumerate(self.needs):
            for word in words:
                by_word.setdefault(word, set()).add(number)
        self.meets = {
            w: frozenset().union(*(by_word.get(w[:n], ()) for n in range(1, len(w) + 1)))
            for w in by_word
        }
        self.scan = re.compile(f"(?=({trie.literal_alternation(by_word)}))")
        return self.scan


_LEXICON = _Lexicon()


_NEEDS: dict[frozenset[str], _Need] = {}


def _need(words: frozenset[str], named: WordSets) -> _Need | None:
    """The filter for one set of words a pattern needs; a word set in it stands for the words
    any of its matches needs. None when a word set has no such words (nothing to filter)."""
    literal: set[str] = set()
    if words & _COMMON:
        return None  # in nearly every reply: filters nothing
    for word in words:
        token = _TOKEN.search(word)
        if token is None:
            literal.add(word)
            continue
        needs = named.needs.get(token.group(1))
        if needs is None:
            return None
        if needs & _COMMON:
            return None
        literal |= needs
    key = frozenset(literal)
    found = _NEEDS.get(key)
    if found is None:
        found = _NEEDS[key] = _Need(key)  # shared, so a reply answers each set once
    return found


class _Lazy:
    """A pattern compiled the first time a reply needs it: most run on few replies, and a
    rubric compiled whole takes a noticeable moment to open a rehearsal."""

    __slots__ = ("_regex", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._regex: re.Pattern[str] | None = None

    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = _compiled(self.source)
        return self._regex


@lru_cache(maxsize=4096)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(small_letters(source), _FLAGS)


def split_top_level(pattern: str) -> list[str]:
    """``A|B|C`` as ``[A, B, C]`` (each branch can then be filtered on its own words); any
    ``|`` inside brackets, a character class or after a backslash stays where it is. A
    pattern with a back-reference stays whole, as its groups are numbered across branches."""
    if _BACK_REFERENCE.search(pattern):
        return [pattern]
    parts: list[str] = []
    depth, start, escaped, in_class, opened = 0, 0, False, False, 0
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            # A "]" first in the class (after "[" or "[^") is a member, not the end.
            first = index == opened + 1 or (index == opened + 2 and pattern[opened + 1] == "^")
            in_class = char != "]" or first
        elif char == "[":
            in_class, opened = True, index
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts if all(parts) else [pattern]


def matcher(
    phrases: tuple[str, ...], patterns: tuple[str, ...], named: WordSets | None = None
) -> Matcher | None:
    sets = named if named is not None else WordSets({}, {})
    return Matcher(phrases, patterns, sets) if phrases or patterns else None
