"""An .ics invite for the next check-in, repeating at the agreed cadence (RFC 5545)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from convocoach.followup.sendby import workday_on_or_after

RRULES: dict[str, dict[str, object]] = {
    "daily": {"FREQ": "DAILY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
    "weekly": {"FREQ": "WEEKLY"},
    "twice_monthly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
}
_STEP_DAYS = {"daily": 1, "weekly": 7, "twice_monthly": 14, "monthly": 30}
CHECKIN_MINUTES = 30
TIMEZONE_YEARS = 3


def first_checkin(next_checkin: str, meeting_date: str, cadence: str, today: date) -> date:
    """The agreed check-in date, or one cadence step after the meeting, on a weekday."""
    if next_checkin:
        return date.fromisoformat(next_checkin)
    base = date.fromisoformat(meeting_date) if meeting_date else today
    return workday_on_or_after(base + timedelta(days=_STEP_DAYS.get(cadence, 7)))


def build_ics(*, uid: str, summary: str, description: str, start: datetime, cadence: str,
              organizer: str, attendee: str, stamp: datetime) -> bytes:
    from icalendar import Calendar, Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", "-//convocoach//follow-up check-in//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=CHECKIN_MINUTES))
    event.add("summary", summary)
    event.add("description", description)
    event.add("rrule", RRULES.get(cadence, RRULES["weekly"]))
    if organizer:
        event.add("organizer", vCalAddress(f"mailto:{organizer}"))
    if attendee:
        event.add("attendee", vCalAddress(f"mailto:{attendee}"))
    cal.add_component(event)
    # Time zone rules for the months the check-ins will actually run, not 1970-2038.
    cal.add_missing_timezones(first_date=start.date() - timedelta(days=1),
                              last_date=start.date() + timedelta(days=TIMEZONE_YEARS * 366))
    data: bytes = cal.to_ical()
    return data


def checkin_start(day: date, at: str, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.fromisoformat(at), tzinfo=zone)
