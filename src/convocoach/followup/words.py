"""Dates and times in words, the way a person writes them in an email."""

from __future__ import annotations

from datetime import date, datetime


def date_words(value: str | date) -> str:
    """'2026-11-27' -> 'Friday 27 November 2026'; empty or unreadable text comes back as is."""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
    else:
        day = value
    return f"{day:%A} {day.day} {day:%B %Y}"


def datetime_words(value: datetime) -> str:
    """'Friday 27 November 2026 at 12:30'."""
    return f"{date_words(value.date())} at {value:%H:%M}"
