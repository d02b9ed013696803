"""Amounts, dates and lengths of time in a reply, and which of the case's facts they tell.

Values are kept exactly as the user wrote them ("£1,980", "5pm tomorrow"), so whatever the
client says back is the user's own figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from itertools import pairwise

from convocoach.coach.text import sentences

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s?(?:k|m|bn)\b|\s(?:million|thousand|grand)\b)?"
MONEY = re.compile(
    rf"[£$€]\s?{_NUM}{_SCALE}"
    rf"|\b(?:GBP|USD|EUR|CHF|AUD|CAD)\s?{_NUM}{_SCALE}"
    rf"|\b{_NUM}{_SCALE}\s?(?:pounds|dollars|euros|francs|GBP|USD|EUR|CHF)\b"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b",  # 3,800: a sum, written without its currency
    re.IGNORECASE,
)
PERCENT = re.compile(
    rf"\b{_NUM}\s?(?:%|per ?cent\b)|\b[a-z]+(?:-[a-z]+)? per ?cent\b", re.IGNORECASE
)

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
)
_MAY = r"May\b"  # only as a month where the context says so (not "we may")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_PART = r"(?:early|mid-?|late|the (?:end|start|beginning|middle) of|(?:end|start) of)"
_COUNT = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of"
    r"|a few|\d{1,3})"
)
_UNIT = r"(?:(?:working |business |extra |more )?(?:days?|weeks?|months?|hours?))"
DURATION = re.compile(rf"\b{_COUNT}[\s-]{_UNIT}\b", re.IGNORECASE)

_DATE_PARTS = (
    rf"\b{_DAY}(?: of)? (?:{_MONTH}|{_MAY})(?: \d{{4}})?",
    rf"\b(?:{_MONTH}|{_MAY}) {_DAY}\b(?:,? \d{{4}})?",
    rf"\b{_PART} ?(?:{_MONTH}|{_MAY})",
    rf"\b(?:in|by|until|from|before|after) (?:{_MAY})",
    rf"\b{_MONTH}",
    rf"\b(?:next |this |on )?{_WEEKDAY}(?: (?:morning|afternoon|evening|week))?\b",
    r"\b(?:tomorrow|today|tonight)(?: (?:morning|afternoon|evening))?\b",
    r"\b(?:the )?end of (?:the |this |next )?(?:day|week|month|quarter|year)\b",
    r"\b(?:next|this) (?:week|month|quarter|year)\b",
    r"\b\d{1,2}(?::\d{2})? ?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidday\b",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    rf"\b(?:in|within) {_COUNT} {_UNIT}\b",
    r"\bQ[1-4]\b",
)
DATE = re.compile("|".join(f"(?:{p})" for p in _DATE_PARTS), re.IGNORECASE)
# Parts of one date written next to each other: "5pm tomorrow", "Friday 14 March".
_JOIN = re.compile(r"^(?:,? ?(?:at |on |the )?|\s)$", re.IGNORECASE)
_PAIR_LINK = re.compile(
    r"^\s*(?:a |per )?(?:month|year|week|day|hour)?\s*(?:to|->|→|–|-|becomes|will become|"
    r"rises to|goes up to|going up to|moves to|moving to|is now|now)\s*$",
    re.IGNORECASE,
)

# What a sentence is about, to tell a date for the work from a date for the next step.
_SENDING = re.compile(
    r"\b(?:send|sent|get back|come back|write to|share|confirm|circulate|forward|follow up|"
    r"hear from|(?:email|e-mail|call|ring|phone|update|brief) (?:you|him|her|them)|"
    r"you(?:'ll| will) (?:have|get|receive|see))\b",
    re.IGNORECASE,
)
_DELIVERY = re.compile(
    r"\b(?:date|ready|live|launch|deliver|finish|complete|land|ship|done|"
    r"hand over|handover|release|go-live|move[sd]?|deadline|open)\b",
    re.IGNORECASE,
)
_DELAY = re.compile(
    r"\b(?:late|delay|delayed|slip|slips|slipped|behind|push|pushed|later|"
    r"longer|extra|more|back|overrun|moves?|moved)\b",
    re.IGNORECASE,
)
# What a sum is, told by the words just before it: a sum with none of these is not taken
# for any fact ("£300 a month is hardly worth a fuss" names no price).
_OLD = re.compile(
    r"\b(?:current|old|existing|present|original|originally|agreed|was|were|"
    r"until now|currently|at the moment|so far|used to|planned|promised|due)\b",
    re.IGNORECASE,
)
_NEW_PRICE = re.compile(
    r"\b(?:new|will be|goes up to|going up to|rises? to|becomes?|moving to|"
    r"move to|increases? to|going to be|will cost|now costs?|from now on|"
    r"would be|is now)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"\b(?:total|owe|owed|outstanding|invoice|budget|extra|more|additional|"
    r"overrun|difference|shortfall|gap|comes? to|adds? up to|altogether|"
    r"in all|cost of|costs?|bill|sum)\b",
    re.IGNORECASE,
)

Span = tuple[int, int]


def money(text: str) -> list[Span]:
    return [m.span() for m in MONEY.finditer(text)]


def dates(text: str) -> list[Span]:
    """The dates and times in ``text``, adjacent parts joined into one."""
    spans: list[Span] = []
    for match in DATE.finditer(text):
        start, end = match.span()
        if spans and _JOIN.match(text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def durations(text: str) -> list[Span]:
    """Lengths of time, leaving out rates ("£300 a month")."""
    return [
        m.span()
        for m in DURATION.finditer(text)
        if not re.search(r"[\dk]\s*$", text[: m.start()], re.IGNORECASE)
    ]


def mentions_figures(text: str) -> bool:
    """Whether ``text`` names an amount, a percentage, a date or a length of time."""
    return any(p.search(text) for p in (MONEY, PERCENT, DATE, DURATION))


def _pairs(text: str, spans: list[Span]) -> list[tuple[Span, Span]]:
    """Two figures joined as before and after: "from £1,800 to £1,980"."""
    return [(a, b) for a, b in pairwise(spans) if _PAIR_LINK.match(text[a[1] : b[0]])]


def learn(reply: str, used: Collection[str], asks_date: bool) -> dict[str, str]:
    """The facts ``reply`` tells, of those a script's lines name (``used``)."""
    found: dict[str, str] = {}
    for start, end in sentences(reply):
        sentence = reply[start:end]
        found |= _told(
            sentence,
            money(sentence),
            ("old_price", "new_price"),
            lambda before: _what_sum(before, used),
        )
        found |= _told(
            sentence,
            dates(sentence),
            ("old_date", "new_date"),
            lambda before: _what_date(before, asks_date),
        )
        if _DELAY.search(sentence):
            spans = durations(sentence)
            if spans:
                found["delay"] = _cut(sentence, spans[0])
    return {name: value for name, value in found.items() if name in used}


def _told(
    sentence: str, spans: list[Span], pair: tuple[str, str], kind: Callable[[str], str]
) -> dict[str, str]:
    """What the figures at ``spans`` tell: two joined as before and after are ``pair`` ("from
    £1,800 to £1,980"); any other is what the words since the figure before it say it is
    (``kind``, "" for nothing), the first such kept, but the time promised is the last."""
    pairs = _pairs(sentence, spans)
    if pairs:
        old, new = pairs[0]
        return {pair[0]: _cut(sentence, old), pair[1]: _cut(sentence, new)}
    found: dict[str, str] = {}
    end = 0
    for span in spans:
        fact, end = kind(sentence[end : span[0]]), span[1]
        if fact and (fact == "promised" or fact not in found):
            found[fact] = _cut(sentence, span)
    return found


def _what_sum(before: str, used: Collection[str]) -> str:
    """The fact a sum is, from the words before it: the cue nearest the sum decides."""
    cues = [(m.end(), "old_price") for m in _OLD.finditer(before)]
    cues += [(m.end(), "new_price") for m in _NEW_PRICE.finditer(before)]
    cues += [(m.end(), "amount") for m in _AMOUNT.finditer(before)]
    for _, fact in sorted(cues, reverse=True):
        if fact in used:
            return fact
    return ""


def _what_date(before: str, asks_date: bool) -> str:
    """The fact a date is, from the words before it: "live on 28 November" the new date,
    "was due on 3 November" the old one, "send you the plan by Thursday" the time promised."""
    if _SENDING.search(before):
        return "promised"
    if _OLD.search(before):
        return "old_date"
    return "new_date" if asks_date or _DELIVERY.search(before) else ""


_LEADING = re.compile(r"^(?:on|by|until|at)\s+", re.IGNORECASE)


def _cut(text: str, span: Span) -> str:
    """The figure as written, without a leading preposition (the client line has its own)."""
    return _LEADING.sub("", text[span[0] : span[1]].strip())
