"""Numbers and dates in words: counts that agree with their number ("1 reply", "2 replies"),
and dates and times the way a person writes them in an email."""

from __future__ import annotations

from datetime import date, datetime


def counted(number: int, noun: str, plural: str = "") -> str:
    """``number`` and ``noun``, the noun in the plural unless the number is one (or minus one).

    The plural is ``plural`` when given, else the noun with "ies" for a consonant and "y"
    ("reply"), else with "s".
    """
    if abs(number) == 1:
        return f"{number} {noun}"
    if not plural:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{number} {plural}"


def as_day(value: str | date) -> date | None:
    """``value`` as a date: an ISO date's text read, None for empty or unreadable text."""
    if not isinstance(value, str):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def date_words(value: str | date) -> str:
    """'2026-11-27' -> 'Friday 27 November 2026'; empty or unreadable text comes back as is."""
    day = as_day(value)
    if day is None:
        return str(value)
    return f"{day:%A} {day.day} {day:%B %Y}"


def datetime_words(value: datetime) -> str:
    """'Friday 27 November 2026 at 12:30'."""
    return f"{date_words(value.date())} at {value:%H:%M}"


def minutes_seconds(seconds: float) -> str:
    """How long something took, as a clock shows it: 125.7 -> '02:05' (whole seconds)."""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"
