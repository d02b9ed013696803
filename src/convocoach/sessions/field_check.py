"""Checks for one session field as typed, so only valid values reach the store."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}")
_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+")


def check_field(name: str, text: str) -> str | int:
    """The value to store for ``text`` typed into field ``name``; ValueError saying why not."""
    value = text.strip()
    if name in ("meeting.date", "next_checkin", "due"):
        if value and not (_DATE.fullmatch(value) and _valid(date.fromisoformat, value)):
            raise ValueError("write a date like 2026-11-27")
    elif name == "meeting.time":
        if value and not (_TIME.fullmatch(value) and _valid(time.fromisoformat, value)):
            raise ValueError("write a 24-hour time like 14:30")
    elif name == "meeting.duration_min":
        if not value.isdigit() or not 5 <= int(value) <= 600:
            raise ValueError("write the length in minutes, 5 to 600")
        return int(value)
    elif name == "client.email" and value and not _EMAIL.fullmatch(value):
        raise ValueError("write an address like dana@example.com")
    return value


def _valid(parse: Callable[[str], object], value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True
