"""The facts a scenario turns on (the new date, the old and new price, the amount, the
delay, what is out of scope), the client lines that speak them, and what a reply tells.

A client line names a fact as a placeholder, ``{new_price}`` or ``{new_price|the new
figure}``; it is said with the value the user gave (in the session, or later in a reply),
and with neutral wording while the value is unknown. A value only ever comes from the
user's own words, so the client cannot state a figure or date that contradicts theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Facts = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Fact:
    name: str
    label: str
    """What the Prepare step asks for."""
    hint: str
    neutral: str
    """How the client speaks of it while it is unknown."""


FACTS: tuple[Fact, ...] = (
    Fact("old_date", "Date first agreed", "e.g. 3 March", "the date we were given"),
    Fact("new_date", "New date", "e.g. 17 March", "the new date"),
    Fact("delay", "Length of the delay", "e.g. two weeks", "this delay"),
    Fact("old_price", "Old price", "e.g. £3,800 a month", "the current price"),
    Fact("new_price", "New price", "e.g. £4,100 a month", "the new price"),
    Fact("amount", "Amount at stake", "e.g. £12,000", "the amount"),
    Fact("out_of_scope", "Out of scope", "e.g. the mobile app", "the extra work"),
    Fact("promised", "", "", "the time you gave"),
)
"""Every fact a client line may name. ``promised`` (when the user said the next step would
come) is only ever learned from a reply, so a session does not hold it."""

BY_NAME: dict[str, Fact] = {f.name: f for f in FACTS}
SESSION_FACTS: tuple[Fact, ...] = tuple(f for f in FACTS if f.label)

_PLACEHOLDER = re.compile(r"\{([^{}|]*)(?:\|([^{}]*))?\}")
_OWN_PREPOSITION = re.compile(r"(?:in|within|before|after|from|by|on|until)\b", re.IGNORECASE)
_LINE_PREPOSITION = re.compile(r"\b(?:by|on|at|until|in|from)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[\"“]\s*)$")


@dataclass(frozen=True, slots=True)
class PlaceholderProblem:
    offset: int
    message: str
    fix: str


def placeholder_problems(text: str) -> list[PlaceholderProblem]:
    """What is wrong with the placeholders of a client line (unknown facts, stray braces)."""
    # Lazy: the schema package (and PyYAML with it) only when a playbook's lines are checked:
    # the sessions database's columns come from this module before the app's first paint.
    from convocoach.schema import did_you_mean

    problems: list[PlaceholderProblem] = []
    end = 0
    for match in _PLACEHOLDER.finditer(text):
        problems += _stray_braces(text, end, match.start())
        end = match.end()
        name = match.group(1).strip()
        if name not in BY_NAME:
            problems.append(
                PlaceholderProblem(
                    match.start(),
                    f"{{{name}}} is not a fact a client line can name",
                    did_you_mean(name, list(BY_NAME), "use one of: "),
                )
            )
        elif match.group(2) is not None and not match.group(2).strip():
            problems.append(
                PlaceholderProblem(
                    match.start(),
                    f"the wording after '|' in {{{name}|}} is empty",
                    f"write how the client says it while unknown, or just {{{name}}}",
                )
            )
    problems += _stray_braces(text, end, len(text))
    return problems


def _stray_braces(text: str, start: int, end: int) -> list[PlaceholderProblem]:
    return [
        PlaceholderProblem(
            start + i,
            "a brace that opens or closes no placeholder",
            "write a placeholder as {new_date} or {new_date|the new date}, and no other braces",
        )
        for i, char in enumerate(text[start:end])
        if char in "{}"
    ]


def names_in(text: str) -> set[str]:
    """The facts a line names."""
    return {m.group(1).strip() for m in _PLACEHOLDER.finditer(text)}


def render(text: str, facts: Facts) -> str:
    """``text`` with each placeholder replaced by the fact's value, or its neutral wording
    (capitalised where a sentence starts)."""
    parts: list[str] = []
    end = 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(text[end : match.start()])
        end = match.end()
        name = match.group(1).strip()
        value = facts.get(name, "").strip()
        if value and _OWN_PREPOSITION.match(value):
            # "by {promised}" with "within two days": the value brings its own.
            parts[-1] = _LINE_PREPOSITION.sub("", parts[-1])
        if not value:
            value = (match.group(2) or "").strip() or _neutral(name)
            if _SENTENCE_START.search("".join(parts)):
                value = value[:1].upper() + value[1:]
        parts.append(value)
    parts.append(text[end:])
    return "".join(parts)


def _neutral(name: str) -> str:
    fact = BY_NAME.get(name)
    return fact.neutral if fact else name


def merged(base: Facts, learned: Iterable[Facts]) -> dict[str, str]:
    """The facts as they stand: the session's, overridden by each reply's in turn (the user's
    latest word on a figure is the one the client uses)."""
    facts = {k: v for k, v in base.items() if v.strip()}
    for more in learned:
        facts.update(more)
    return facts
