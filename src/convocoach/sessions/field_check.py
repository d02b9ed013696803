"""Reading the dates, times and other fields a user types, so only valid values are stored."""

from __future__ import annotations

import re
from datetime import date

from convocoach.emailaddress import address_parts

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)", re.ASCII)


def parse_date(value: str) -> date | None:
    """``value`` as a date if it is exactly YYYY-MM-DD and a real day, else None."""
    text = value.strip()
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_minutes(value: str) -> int | None:
    """Minutes since midnight for a 24-hour ``HH:MM``, else None."""
    match = _TIME.fullmatch(value.strip())
    return int(match[1]) * 60 + int(match[2]) if match else None


def check_field(name: str, text: str) -> str | int:
    """The value to store for ``text`` typed into field ``name``; ValueError saying why not."""
    value = text.strip()
    if name in ("meeting.date", "next_checkin", "checkin_until", "due"):
        if value and parse_date(value) is None:
            raise ValueError("write a date like 2026-11-27")
    elif name == "meeting.time":
        if value and parse_minutes(value) is None:
            raise ValueError("write a 24-hour time like 14:30")
    elif name == "meeting.duration_min":
        if not value.isdigit() or not 5 <= int(value) <= 600:
            raise ValueError("write the length in minutes, 5 to 600")
        return int(value)
    elif name == "client.email" and value:
        address_parts(value)
    return value
