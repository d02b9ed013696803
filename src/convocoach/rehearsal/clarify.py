"""A client who reads English as a second language asks what an idiom means: the words they
ask about, and how they ask."""

from __future__ import annotations

from collections.abc import Iterable

from convocoach.coach.score import Score

ASKED_ABOUT = ("CLEAR", "PLAIN")
"""The dimensions whose flagged phrases (each with a plainer way to say it: an idiom, a
phrasal verb, jargon) such a client asks about."""

VAGUE_QUESTION = "Sorry \u2014 I did not follow that. Could you say it in plain words?"
"""Asked when the words themselves are not known (a rehearsal saved without them)."""


def _normal(words: str) -> str:
    return " ".join(words.lower().replace("\u2019", "'").split())


def unclear_words(score: Score, asked: Iterable[str] = ()) -> str:
    """The first phrase of the reply a second-language reader would ask about, not already
    ``asked`` about in this conversation; "" when there is none, and always for a reader of
    the user's own language."""
    if score.reader != "non_native":
        return ""
    seen = {_normal(words) for words in asked}
    codes = {result.code for result in score.results}
    found = sorted(
        (m.start, m.text)
        for code in ASKED_ABOUT
        if code in codes
        for m in score[code].matches
        if m.instead is not None and _normal(m.text) not in seen
    )
    return found[0][1] if found else ""


def question(words: str) -> str:
    """What the client says instead of answering: they ask what ``words`` mean."""
    if not words:
        return VAGUE_QUESTION
    return f"Sorry \u2014 what do you mean by \u2018{' '.join(words.split())}\u2019?"
