"""Words, sentences, quotations and syllables of a reply, with their character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

Span = tuple[int, int]

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
# A sentence ends at . ! ? (and any closing quotes or brackets) before a space, or at a
# line break; "e.g." and decimals such as 2.5 do not end one. The pattern starts with the
# characters an end can start with, so ``re`` skips every other character without trying
# it (the lookbehinds, read after that first character, take it in as their last one).
_SENTENCE_END = re.compile(
    r"[.!?…\n](?:(?<=\n)\s*"
    r"|(?<!\be\.g.)(?<!\bi\.e.)(?<!\bvs.)(?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)"
    r"[.!?…]*[\"'”’)\]]*(?=\s|$))",
)
# Quotations: double quotes of both kinds, and single curly quotes. Straight single quotes
# are only taken when they cannot be apostrophes (no letter just outside them).
_QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|‘[^’\n]{1,400}’"
    r"|(?<!\w)'[^'\n]{1,400}'(?!\w)"
)

STOPWORDS = frozenset(
    """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves i'm you're we're they're
it's that's i've you've we've i'll you'll we'll i'd you'd we'd don't doesn't didn't isn't
aren't wasn't weren't can't couldn't won't wouldn't shouldn't also really still even just get
got going go yes okay ok well let let's me us
""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def sentences(text: str) -> list[Span]:
    """Spans of the non-blank sentences of ``text``."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_sentence(text, start, match.end(), spans)
        start = match.end()
    _add_sentence(text, start, len(text), spans)
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if WORD.search(stripped):
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def quoted_spans(text: str) -> list[Span]:
    """Where the reply quotes someone (the client's own words, usually)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(span: Span, areas: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in areas)


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude stem, so that 'launch', 'launches' and 'launched' meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


@lru_cache(maxsize=256)
def content_words(text: str) -> dict[str, Word]:
    """Stem → first occurrence of each word that carries meaning (no stop words, no single
    digits)."""
    found: dict[str, Word] = {}
    for word in words(text):
        lowered = word.text.lower().replace("’", "'")
        # Figures carry the point ("a 30% cut", "£6,000"), so numbers of two digits or more count.
        if lowered in STOPWORDS or len(lowered) < (2 if lowered.isdigit() else 3):
            continue
        found.setdefault(stem(lowered), word)
    return found


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_APART = re.compile(r"(?<!q)(?:ia|iu|io|ua|uo)")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Estimated syllables in an English word (the usual vowel-group rule with its exceptions)."""
    w = word.lower().replace("’", "'").split("'")[0]
    if not w:
        return 0
    if w.isdigit():
        return max(1, len(w))  # read out digit by digit, roughly
    if len(w) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # a silent final e: make, hope
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy":
        pass  # table, simple: the 'le' is its own syllable and already counted
    if (
        w.endswith(("ed", "es"))
        and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "shes", "ches", "xes"))
        and count > 1
    ):
        count -= 1  # asked, makes
    # Two vowels sounded apart (via, radio, actual), but not in -tion/-sion or after q.
    count += len(_APART.findall(w[:-4] if w.endswith(("tion", "sion")) else w))
    return max(1, count)
