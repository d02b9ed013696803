"""What the client hears besides the coach's verdicts: a reply they have heard before, a flat
refusal dressed in empathy, and words that have nothing to do with the conversation. These
are what a stock formula is made of, so they cost the user instead of paying."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache
from importlib.resources import files
from typing import Literal, get_args

from convocoach.coach.text import STOPWORDS, sentences, stem, words
from convocoach.rehearsal import figures

Heard = Literal["", "repeat", "refusal", "off-topic", "unanswered", "unclear"]
"""... and "unclear": a second-language reader did not follow an idiom (``clarify.py``)."""


def as_heard(value: object) -> Heard:
    """A stored value read back as what was heard ("" for anything unknown)."""
    return next((h for h in get_args(Heard) if h and h == value), "")


REPEAT_SIMILARITY = 0.75
"""How alike two replies must be (0..1, on their words in order) to count as the same."""

# A flat no: nothing moves, and nothing is offered in its place.
_REFUSAL = re.compile(
    r"^\s*no\s*[.!]|\bnothing(?:'s| is| will| can| is going to)? (?:going to )?change"
    r"(?!s? (?:until|before|for now|yet|for the next|till))"
    r"|\b(?:stays?|remains?|stands?) (?:exactly )?(?:as|where) (?:it|they) (?:is|are)\b"
    r"|\b(?:all|everything) (?:stays?|remains?) (?:exactly )?(?:as|the same)\b"
    r"|\bnon-?negotiable\b|\btake it or leave it\b|\bthat'?s final\b"
    r"|\bend of (?:story|discussion)\b"
    r"|\b(?:is|are) not (?:up for|open to) (?:discussion|negotiation|debate)\b",
    re.IGNORECASE,
)

# A question left unanswered is remarked on by what was asked (asks.UNANSWERED).
REMARKS: dict[Heard, tuple[str, ...]] = {
    "repeat": (
        "You said that already.",
        "That's what you said last time.",
        "I've heard that one.",
        "You keep saying the same thing.",
    ),
    "refusal": (
        "So the answer is just no.",
        "That sounds like a no, however you dress it up.",
        "You're telling me nothing moves.",
    ),
    "off-topic": (
        "What has that got to do with anything?",
        "I'm not sure what that has to do with this.",
        "Can we stay on the problem, please?",
    ),
}


def normalised(text: str) -> list[str]:
    return [stem(w.text) for w in words(text)]


def is_repeat(reply: str, earlier: Iterable[str]) -> bool:
    """Whether ``reply`` is (nearly) one the client has already heard."""
    mine = normalised(reply)
    if not mine:
        return False
    return any(
        SequenceMatcher(None, mine, normalised(before), autojunk=False).ratio() >= REPEAT_SIMILARITY
        for before in earlier
    )


_DENIED = re.compile(
    r"\b(?:not|isn't|is not|never|aren't|wasn't|won't be)\s+(?:\w+\s+)?$", re.IGNORECASE
)


def is_refusal(reply: str) -> bool:
    """A flat no, unless it is denied ("it isn't take it or leave it")."""
    text = reply.replace("’", "'")
    return any(not _DENIED.search(text[: m.start()]) for m in _REFUSAL.finditer(text))


def off_topic(reply: str, topic: frozenset[str], everyday: frozenset[str]) -> list[str]:
    """The sentences of ``reply`` that have nothing to do with the conversation: two or more
    content words, none of them the conversation's own (``topic``), and at least half of them
    words that everyday replies to a client do not use either ("Bananas are yellow.")."""
    found = []
    for start, end in sentences(reply):
        if figures.mentions_figures(reply[start:end]):
            continue  # an amount, a date or a length of time is the case's business
        content = [
            stem(w.text.lower())
            for w in words(reply[start:end])
            if w.text.lower() not in STOPWORDS and not w.text.isdigit()
        ]
        if len(content) < 2 or any(word in topic for word in content):
            continue
        strange = sum(word not in everyday for word in content)
        if strange * 2 >= len(content):
            found.append(reply[start:end])
    return found


def known_words(texts: Iterable[str]) -> frozenset[str]:
    """The stems of every word in ``texts`` (a role-play's lines, a playbook's text)."""
    return frozenset(stem(w.text.lower()) for text in texts for w in words(text))


@cache
def everyday_words() -> frozenset[str]:
    """Stems of the words everyday replies to a client use (shipped with convocoach)."""
    text = files("convocoach.rehearsal").joinpath("everyday_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def hear(reply: str, earlier: Sequence[str], topic: frozenset[str]) -> Heard:
    """The one thing the client notices first, or "" when the reply is heard as it is."""
    if is_repeat(reply, earlier):
        return "repeat"
    if is_refusal(reply):
        return "refusal"
    if off_topic(reply, topic, everyday_words()):
        return "off-topic"
    return ""


def remark(heard: Heard, turn: int) -> str:
    """The client's words on noticing it (a different phrasing as the conversation goes on)."""
    if not heard:
        return ""
    options = REMARKS[heard]
    return options[turn % len(options)]
