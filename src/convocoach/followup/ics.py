"""An .ics invite for the next check-in, repeating at the agreed cadence until an end date
(RFC 5545)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from convocoach.emailaddress import is_address
from convocoach.followup.eml import header_safe
from convocoach.followup.sendby import CHECKIN_MINUTES

RRULES: dict[str, dict[str, object]] = {
    "daily": {"FREQ": "DAILY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
    "weekly": {"FREQ": "WEEKLY"},
    "twice_monthly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
}


def build_ics(
    *,
    uid: str,
    summary: str,
    description: str,
    start: datetime,
    cadence: str,
    until: date,
    organizer: str,
    attendee: str,
    stamp: datetime,
) -> bytes:
    # Lazy: icalendar (about 50 ms) only when an invite is written; the app's agree step
    # imports this module for DEFAULT_MONTHS.
    from icalendar import Calendar, Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", "-//convocoach//follow-up check-in//EN")
    cal.add("version", "2.0")
    # PUBLISH, not REQUEST: this file is saved to disk and then opened by the sender or
    # attached to the draft by hand. REQUEST is an iTIP scheduling message: mail clients offer
    # Accept/Decline only when it arrives as the invitation itself (a text/calendar part whose
    # MIME method matches; Outlook rejects a mismatch as "not supported calendar message") and
    # the replies go to the organizer's calendar server, which convocoach is not, so a
    # "Decline" would vanish unseen. PUBLISH is added as an ordinary event everywhere
    # ("Add to calendar"), promising no reply that nobody would read.
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=CHECKIN_MINUTES))
    event.add("summary", header_safe(summary))
    event.add("description", description)
    # With a DTSTART in a named zone, RFC 5545 wants UNTIL in UTC: the last day's check-in
    # time, so that day's check-in is the last one.
    last = datetime.combine(until, start.timetz()).astimezone(timezone.utc)
    event.add("rrule", {**RRULES.get(cadence, RRULES["weekly"]), "UNTIL": last})
    # Only one plain address each; anything else is left out (email.address_warnings says so).
    for prop, value in (("organizer", organizer), ("attendee", attendee)):
        if is_address(value):
            event.add(prop, vCalAddress(f"mailto:{value}"))
    cal.add_component(event)
    # Time zone rules for the months the check-ins will actually run, not 1970-2038.
    cal.add_missing_timezones(
        first_date=start.date() - timedelta(days=1),
        last_date=max(until, start.date()) + timedelta(days=31),
    )
    data: bytes = cal.to_ical()
    return data


def checkin_start(day: date, at: str, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.fromisoformat(at), tzinfo=zone)
