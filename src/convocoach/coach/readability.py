"""Flesch reading ease, Flesch-Kincaid grade and sentence length of a piece of text."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from convocoach.coach.text import WORD, Span, sentences, syllables


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    longest_words: int = 0
    """Words in the longest sentence."""
    longest: Span | None = None
    """Where the longest sentence is."""

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(1, self.sentences)

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / max(1, self.words)

    @property
    def reading_ease(self) -> float:
        """Flesch (1948): 206.835 - 1.015 words/sentence - 84.6 syllables/word; 60+ is plain."""
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def grade(self) -> float:
        """Flesch-Kincaid (1975): the US school grade that can read it."""
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59


_EASE_BANDS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain"),
    (50, "fairly hard"),
    (30, "hard"),
    (0, "very hard"),
)
"""Flesch's own bands for his 0-100 scale, each by its lowest score."""


def describe_ease(score: float) -> str:
    """The reading ease as a person reads it: "reading ease 100/100 (very easy)".

    The formula runs past its scale (a short reply of short words scores over 100, a dense
    one below 0), so the number shown is held to 0-100 and named by its band.
    """
    shown = round(min(max(score, 0.0), 100.0))
    band = next(word for lowest, word in _EASE_BANDS if shown >= lowest)
    return f"reading ease {shown}/100 ({band})"


def sentence_words(text: str, spans: list[Span]) -> list[int]:
    """How many words each of the sentences ``spans`` of ``text`` has."""
    return [len(WORD.findall(text, start, end)) for start, end in spans]


def measure(text: str, spans: list[Span] | None = None) -> Readability:
    """The counts behind the formulas; ``spans``: the text's sentences, when the caller has
    them already."""
    found = list(WORD.finditer(text))
    parts = sentences(text) if spans is None else spans
    starts = [w.start() for w in found]
    counts = [bisect_left(starts, end) - bisect_left(starts, start) for start, end in parts]
    longest = max(range(len(counts)), key=counts.__getitem__, default=None)
    return Readability(
        len(found),
        len(parts),
        sum(syllables(w.group()) for w in found),
        counts[longest] if longest is not None else 0,
        parts[longest] if longest is not None else None,
    )
