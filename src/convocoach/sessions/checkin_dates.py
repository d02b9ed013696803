"""When a session's check-ins fall: from the agreed first one, at its cadence, until its last
day, on the days the ``.ics`` invite's rule gives (``followup/ics.py``), and which one is due.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

STEP_DAYS: dict[str, int] = {"daily": 1, "weekly": 7, "twice_monthly": 14, "monthly": 30}
"""A cadence's step, roughly (the first check-in after a meeting with none agreed)."""
DEFAULT_MONTHS = 3
"""How long check-ins repeat when the session sets no end (it holds no milestone date)."""


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (``calendar.monthrange`` without the calendar module, which a shell prompt's
    ``convocoach due`` would pay for at every line)."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def workday_on_or_after(day: date) -> date:
    """``day`` itself if it is a weekday, else the Monday after."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def first_checkin(next_checkin: str, meeting_date: str, cadence: str, today: date) -> date:
    """The agreed check-in date, or one cadence step after the meeting, on a weekday."""
    if next_checkin:
        return date.fromisoformat(next_checkin)
    base = date.fromisoformat(meeting_date) if meeting_date else today
    return workday_on_or_after(base + timedelta(days=STEP_DAYS.get(cadence, 7)))


def last_checkin(first: date, until: str) -> date:
    """The last day the check-ins repeat: the session's own end (never before the first
    check-in), else :data:`DEFAULT_MONTHS` after the first."""
    if until:
        return max(date.fromisoformat(until), first)
    years, month = divmod(first.month - 1 + DEFAULT_MONTHS, 12)
    year, month = first.year + years, month + 1
    return date(year, month, min(first.day, days_in_month(year, month)))


def checkin_days(first: date, last: date, cadence: str) -> Iterator[date]:
    """Every check-in day from ``first`` to ``last``, as the invite's RRULE has them:
    daily on weekdays, weekly, every two weeks, or monthly on the same day of the month
    (a month without that day has none, as RFC 5545 says)."""
    if cadence == "monthly":
        year, month = first.year, first.month
        while True:
            if first.day <= days_in_month(year, month):
                day = date(year, month, first.day)
                if day > last:
                    return
                yield day
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            if date(year, month, 1) > last:
                return
    step = timedelta(days={"daily": 1, "twice_monthly": 14}.get(cadence, 7))
    day = first
    while day <= last:
        if cadence != "daily" or day.weekday() < 5:
            yield day
        day += step


def due_checkin(
    next_checkin: str, until: str, cadence: str, held: frozenset[date], today: date
) -> tuple[date | None, int]:
    """The check-in due on or before ``today`` (the latest one, if not held yet), and how
    many earlier ones passed without being held. No agreed first check-in: none due.

    A check-in held catches up the ones before it: they are not counted as missed. Worked
    out without walking every day, since ``convocoach due`` asks it of every session.
    """
    latest = latest_checkin(next_checkin, until, cadence, today)
    if latest is None or latest in held:
        return None, 0
    return latest, missed_before(next_checkin, cadence, max(held, default=None), latest)


def latest_checkin(next_checkin: str, until: str, cadence: str, today: date) -> date | None:
    """The last check-in day on or before ``today`` (None before the first, or none agreed)."""
    if not next_checkin:
        return None
    first = date.fromisoformat(next_checkin)
    return _latest_on_or_before(first, min(last_checkin(first, until), today), cadence)


def missed_before(next_checkin: str, cadence: str, last_held: date | None, latest: date) -> int:
    """How many check-in days before ``latest`` passed after the last one held."""
    first = date.fromisoformat(next_checkin)
    caught_up = first - timedelta(days=1) if last_held is None else last_held
    return _count_between(first, caught_up, latest, cadence)


def _latest_on_or_before(first: date, day: date, cadence: str) -> date | None:
    if day < first:
        return None
    if cadence == "monthly":
        year, month = day.year, day.month
        while date(year, month, 1) >= date(first.year, first.month, 1):
            if first.day <= days_in_month(year, month) and date(year, month, first.day) <= day:
                return date(year, month, first.day)
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return None
    if cadence == "daily":
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day if day >= first else None
    step = 14 if cadence == "twice_monthly" else 7
    return first + timedelta(days=(day - first).days // step * step)


def _count_between(first: date, after: date, before: date, cadence: str) -> int:
    """How many check-in days fall strictly between ``after`` and ``before``."""
    if cadence == "monthly" or cadence == "daily":
        start = max(first, after + timedelta(days=1))
        end = before - timedelta(days=1)
        if end < start:
            return 0
        if cadence == "daily":
            return _weekdays_through(end) - _weekdays_through(start - timedelta(days=1))
        return sum(1 for day in checkin_days(first, end, "monthly") if day >= start)
    step = 14 if cadence == "twice_monthly" else 7
    # Days first + k * step with after < day < before.
    low = max(0, (after - first).days // step + 1) if after >= first else 0
    high = ((before - first).days - 1) // step
    return max(0, high - low + 1)


def _weekdays_through(day: date) -> int:
    """Weekdays from an early fixed Monday through ``day`` (differences count weekdays)."""
    weeks, rest = divmod(day.toordinal() - 1, 7)  # ordinal 1 (1 January 1) is a Monday
    return weeks * 5 + min(rest + 1, 5)


def next_checkin_after(next_checkin: str, until: str, cadence: str, today: date) -> date | None:
    """The first check-in after ``today`` (None when they have ended or none was agreed)."""
    if not next_checkin:
        return None
    first = date.fromisoformat(next_checkin)
    last = last_checkin(first, until)
    return next((d for d in checkin_days(first, last, cadence) if d > today), None)
