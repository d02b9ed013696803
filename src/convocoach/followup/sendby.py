"""When the follow-up should go out: 3 business hours after the meeting, same business day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

RESPONSE_HOURS = 3
CHECKIN_MINUTES = 30
"""How long a check-in is (the .ics invite's events; the check-in email's send-by counts
from its end)."""


def is_workday(day: date) -> bool:
    return day.weekday() < 5


def workday_on_or_after(day: date) -> date:
    """``day`` itself if it is a weekday, else the Monday after."""
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def send_by(meeting_end: datetime, start: time, end: time, zone: tzinfo) -> datetime:
    """The deadline for the follow-up, in ``zone``.

    The clock starts when the meeting ends, or at the next business-day start if it ends
    outside business hours; the deadline is three business hours later, capped at the end
    of that business day. Weekends are skipped.
    """
    local = meeting_end.astimezone(zone)
    day = local.date()
    clock = local.time()
    if not is_workday(day) or clock >= end:
        day = workday_on_or_after(day + timedelta(days=1))
        clock = start
    elif clock < start:
        clock = start
    begin = datetime.combine(day, clock, tzinfo=zone)
    close = datetime.combine(day, end, tzinfo=zone)
    return min(begin + timedelta(hours=RESPONSE_HOURS), close)
