"""Flesch reading ease, Flesch-Kincaid grade and sentence length of a piece of text."""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.coach.text import WORD, sentences, syllables


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

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


def measure(text: str) -> Readability:
    found = WORD.findall(text)
    return Readability(len(found), len(sentences(text)), sum(syllables(w) for w in found))
