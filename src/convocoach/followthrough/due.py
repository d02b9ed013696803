"""What is due: follow-up emails past their send-by time, open next steps, check-ins.

One query per kind across every session, reading only the columns it needs, so the list
is quick enough for a shell prompt (``convocoach due``) and for the home screen with a
thousand sessions. "Today" is the sender's: the profile's time zone decides it.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta, tzinfo

from convocoach.followthrough.business_hours import BusinessHours
from convocoach.followup.sendby import send_by
from convocoach.sessions.checkin_dates import latest_checkin, missed_before

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from convocoach.named_tuple import NamedTuple

KINDS = ("email", "step", "checkin")
"""What can be due, in the order they sort on the same day and time."""
OWNER_WORDS = {"us": "Us", "client": "The client"}


class DueItem(NamedTuple):
    """One thing due, with the session it belongs to."""

    kind: str
    """"email" (the follow-up, not marked sent), "step" (an open next step) or "checkin"."""
    session_id: int
    title: str
    client: str
    company: str
    what: str
    """What to do, in words: "Send the follow-up email", "Us: send the revised plan"."""
    due_on: date
    at: time | None
    """The time on ``due_on`` for the email's send-by; None for a whole day."""
    days_late: int
    """Whole days past ``due_on`` (0: due today, or overdue since earlier today)."""
    overdue: bool
    late: str
    """How late, in words: "2 days overdue", "due today at 14:30"."""
    step_id: int = 0
    missed: int = 0
    """Check-ins only: how many earlier ones passed without being held."""

    def as_json(self) -> dict[str, object]:
        """The item for ``convocoach due --format json``."""
        return {
            "kind": self.kind,
            "session_id": self.session_id,
            "session_title": self.title,
            "client": self.client,
            "company": self.company,
            "what": self.what,
            "due": (
                datetime.combine(self.due_on, self.at).isoformat(timespec="minutes")
                if self.at is not None
                else self.due_on.isoformat()
            ),
            "days_late": self.days_late,
            "overdue": self.overdue,
            "late": self.late,
            "step_id": self.step_id or None,
            "missed": self.missed,
        }


def due_items(db: sqlite3.Connection, hours: BusinessHours, now: datetime) -> list[DueItem]:
    """Everything overdue or due today at ``now`` (an aware time), most overdue first."""
    local = now.astimezone(hours.zone)
    items = [
        *_emails(db, hours, local),
        *_steps(db, local.date()),
        *_checkins(db, local.date()),
    ]
    items.sort(key=_order)
    return items


def _order(item: DueItem) -> tuple[date, time, int, int, int]:
    # A whole day's item is late once that day is over: after one due at a time that day.
    return (
        item.due_on,
        time.max if item.at is None else item.at,
        KINDS.index(item.kind),
        item.session_id,
        item.step_id,
    )


def lateness(today: date, due_on: date, at: time | None, now: time) -> tuple[int, bool, str]:
    """Days late, whether overdue, and the words for it (``now``: the sender's clock)."""
    days = (today - due_on).days
    if days > 0:
        return days, True, f"{days} day{'' if days == 1 else 's'} overdue"
    if at is None:
        return 0, False, "due today"
    if now > at:
        return 0, True, f"overdue since {at:%H:%M} today"
    return 0, False, f"due today at {at:%H:%M}"


def meeting_end(day: str, start: str, minutes: int, zone: tzinfo) -> datetime:
    """When the meeting ends, in the sender's zone (``followup.context.meeting_end``'s rule
    on the stored columns: no time set is 09:00)."""
    begin = datetime.combine(date.fromisoformat(day), time.fromisoformat(start or "09:00"))
    return begin.replace(tzinfo=zone) + timedelta(minutes=minutes)


def _emails(db: sqlite3.Connection, hours: BusinessHours, local: datetime) -> list[DueItem]:
    # The send-by time is never before the meeting's day: later meetings need no look.
    rows = db.execute(
        "SELECT id, title, client_name, client_company, meeting_date, meeting_time, "
        "meeting_duration_min FROM sessions "
        "WHERE sent_at = '' AND meeting_date != '' AND meeting_date <= ?",
        (local.date().isoformat(),),
    ).fetchall()
    items = []
    for sid, title, client, company, day, start, minutes in rows:
        try:
            end = meeting_end(day, start, minutes, hours.zone)
        except (TypeError, ValueError):
            continue  # a date or time the store would not have written
        deadline = send_by(end, hours.start, hours.end, hours.zone).astimezone(hours.zone)
        if deadline.date() > local.date():
            continue
        at = deadline.time().replace(tzinfo=None)
        days, overdue, words = lateness(local.date(), deadline.date(), at, local.time())
        items.append(
            DueItem(
                "email",
                sid,
                title,
                client,
                company,
                "Send the follow-up email",
                deadline.date(),
                at,
                days,
                overdue,
                words,
            )
        )
    return items


def _steps(db: sqlite3.Connection, today: date) -> list[DueItem]:
    rows = db.execute(
        "SELECT n.id, n.session_id, n.action, n.owner_kind, n.owner_name, n.due, "
        "s.title, s.client_name, s.client_company "
        "FROM next_steps AS n JOIN sessions AS s ON s.id = n.session_id "
        "WHERE n.status = 'open' AND n.due != '' AND n.due <= ?",
        (today.isoformat(),),
    ).fetchall()
    items = []
    for step_id, sid, action, owner_kind, owner_name, due, title, client, company in rows:
        try:
            due_on = date.fromisoformat(due)
        except ValueError:
            continue
        days, overdue, words = lateness(today, due_on, None, time.min)
        owner = _owner(owner_kind, owner_name, client)
        items.append(
            DueItem(
                "step",
                sid,
                title,
                client,
                company,
                f"{owner}: {' '.join(action.split())}",
                due_on,
                None,
                days,
                overdue,
                words,
                step_id=step_id,
            )
        )
    return items


def _owner(kind: str, name: str, client: str) -> str:
    """Who owes the step, as the user says it: "Us", the client's name, the named person."""
    if kind == "person" and name.strip():
        return " ".join(name.split())
    if kind == "client" and client.strip():
        return " ".join(client.split())
    return OWNER_WORDS.get(kind, "Someone")


def _checkins(db: sqlite3.Connection, today: date) -> list[DueItem]:
    rows = db.execute(
        "SELECT id, title, client_name, client_company, next_checkin, checkin_until, cadence "
        "FROM sessions WHERE next_checkin != '' AND next_checkin <= ?",
        (today.isoformat(),),
    ).fetchall()
    if not rows:
        return []
    # Per session, from the table's own index: the last check-in held, and the last held
    # by today. The check-in due was held when it is that one; only a check-in held on a
    # day off the cadence (the cadence changed since) leaves a doubt, which is looked up.
    held: dict[int, tuple[str | None, str | None]] = {
        sid: (last, by_today)
        for sid, last, by_today in db.execute(
            "SELECT session_id, max(due_on), max(CASE WHEN due_on <= ? THEN due_on END) "
            "FROM checkins WHERE done_at != '' GROUP BY session_id",
            (today.isoformat(),),
        )
    }
    items = []
    for sid, title, client, company, first, until, cadence in rows:
        last, by_today = held.get(sid, (None, None))
        try:
            due_on = latest_checkin(first, until, cadence, today)
            if due_on is not None and by_today is not None and by_today >= due_on.isoformat():
                due_on = None if by_today == due_on.isoformat() else _held_or_due(db, sid, due_on)
            missed = 0 if due_on is None else missed_before(first, cadence, _day(last), due_on)
        except ValueError:
            continue  # a date the store would not have written
        if due_on is None:
            continue
        days, overdue, words = lateness(today, due_on, None, time.min)
        who = " ".join(client.split()) or "the client"
        what = f"Check in with {who}"
        if missed:
            what += f" ({missed} earlier check-in{'' if missed == 1 else 's'} missed)"
        items.append(
            DueItem(
                "checkin",
                sid,
                title,
                client,
                company,
                what,
                due_on,
                None,
                days,
                overdue,
                words,
                missed=missed,
            )
        )
    return items


def _held_or_due(db: sqlite3.Connection, session_id: int, latest: date | None) -> date | None:
    """``latest``, unless that very check-in was held."""
    if latest is None:
        return None
    held = db.execute(
        "SELECT 1 FROM checkins WHERE session_id = ? AND due_on = ? AND done_at != ''",
        (session_id, latest.isoformat()),
    ).fetchone()
    return None if held else latest


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def due_line(item: DueItem) -> str:
    """One line for a shell prompt or cron: how late, what, and the session."""
    who = ", ".join(" ".join(part.split()) for part in (item.client, item.company) if part.strip())
    session = " ".join(item.title.split()) or "Untitled session"
    if who:
        session += f" ({who})"
    return f"{item.late}: {item.what} \u2014 {session} [session {item.session_id}]"
