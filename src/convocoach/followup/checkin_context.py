"""What a check-in email template sees: every variable of the follow-up (``context.py``), and
the progress on each next step since the last email, the check-in it is for and its send-by.

"Since the last email" is since the later of the follow-up's ``sent_at`` and the last
check-in held before the one this email is for (nothing sent and none held: since the
meeting). A day counts from its start: a step done or moved on the day of the last email is
news; one done before that day is listed as done earlier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from convocoach.followup.context import build_context, subject_for
from convocoach.followup.email_playbook import EmailPlaybook
from convocoach.followup.email_words import CHECKIN_SUBJECT
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.localise import words_in
from convocoach.followup.sendby import CHECKIN_MINUTES, send_by
from convocoach.profile import Profile
from convocoach.sessions.checkin_dates import due_checkin, first_checkin, next_checkin_after
from convocoach.sessions.model import NextStep, Session
from convocoach.wording import counted, date_words, datetime_words


@dataclass(frozen=True, slots=True)
class CheckinDay:
    """The check-in an email is for."""

    day: date | None
    """None when the check-ins have ended."""
    come: bool
    """Whether it is due (on or before today) rather than still to come."""
    missed: int
    """How many check-ins before it passed without being held."""


def local_stamp(stamp: str, zone: tzinfo) -> datetime | None:
    """A stored timestamp in ``zone``; None when empty or unreadable."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment.astimezone(zone)


def checkin_for(session: Session, today: date, zone: tzinfo) -> CheckinDay:
    """The check-in due (the latest on or before ``today`` not held before today), else the
    next one. A check-in held today stays the one the email is for until tomorrow, so its
    email can be written after it is marked held.

    The days are the invite's (``sessions/checkin_dates.py``): from the agreed first
    check-in, or one cadence step after the meeting when none was agreed (then none comes
    due: the next of those days is the one the email is for, as in ``due_checkin``)."""
    first = first_checkin(session.next_checkin, session.meeting.date, session.cadence, today)
    start, until = first.isoformat(), session.checkin_until
    if not session.next_checkin:  # none agreed: the invite's days, but none ever comes due
        day = next_checkin_after(start, until, session.cadence, today - timedelta(days=1))
        return CheckinDay(day, False, 0)
    held_before = frozenset(
        date.fromisoformat(c.due_on)
        for c in session.checkins
        if (done := local_stamp(c.done_at, zone)) is not None and done.date() < today
    )
    due, missed = due_checkin(start, until, session.cadence, held_before, today)
    # A check-in held since makes an earlier one that was never held history, not due.
    if due is not None and not any(day > due for day in held_before):
        return CheckinDay(due, True, missed)
    return CheckinDay(next_checkin_after(start, until, session.cadence, today), False, 0)


def checkin_end(session: Session, profile: Profile, day: date) -> datetime:
    """When the check-in on ``day`` ends: it starts at the meeting's start time (the business
    day's start when the meeting has none), as the ``.ics`` invite has it, and lasts
    ``CHECKIN_MINUTES``."""
    zone = ZoneInfo(profile.timezone)
    start = time.fromisoformat(session.meeting.time or profile.business_start)
    return datetime.combine(day, start, tzinfo=zone) + timedelta(minutes=CHECKIN_MINUTES)


def checkin_send_by(session: Session, profile: Profile, day: date) -> datetime:
    """When the check-in email should go out: the follow-up's rule (``sendby.send_by``: 3
    business hours, within the same business day) counted from the end of the check-in
    (:func:`checkin_end`: the check-in day at the meeting's start time, ``CHECKIN_MINUTES``
    long)."""
    zone = ZoneInfo(profile.timezone)
    return send_by(
        checkin_end(session, profile, day),
        time.fromisoformat(profile.business_start),
        time.fromisoformat(profile.business_end),
        zone,
    )


def last_email(session: Session, zone: tzinfo, before: date | None) -> tuple[datetime | None, str]:
    """When the last email went out and what it was ("follow-up" or "check-in"): the later of
    the follow-up's ``sent_at`` and the check-ins held before the day ``before``."""
    found: list[tuple[datetime, str]] = []
    sent = local_stamp(session.sent_at, zone)
    if sent is not None:
        found.append((sent, "follow-up"))
    for checkin in session.checkins:
        held = local_stamp(checkin.done_at, zone)
        if held is not None and (before is None or date.fromisoformat(checkin.due_on) < before):
            found.append((held, "check-in"))
    return max(found, key=lambda item: item[0]) if found else (None, "")


def checkin_subject(
    session: Session, playbook: EmailPlaybook | None, language: EmailLanguage = ENGLISH
) -> str:
    words = words_in(language)
    return words.gettext(CHECKIN_SUBJECT) % {"subject": subject_for(session, playbook, words)}


def _progress(
    step: NextStep, since: date | None, today: date, date_words: Callable[[str], str]
) -> dict[str, Any]:
    def news(day: str) -> bool:
        return since is None or (bool(day) and date.fromisoformat(day) >= since)

    moves = [m for m in step.moves if news(m.moved_on)]
    if step.status == "done":
        state = "done" if news(step.done_on) else "done_earlier"
    else:
        state = "moved" if moves else "open"
    overdue = step.status == "open" and bool(step.due) and date.fromisoformat(step.due) < today
    return {
        "state": state,
        "done_on": step.done_on,
        "done_on_words": date_words(step.done_on) if step.done_on else "",
        "overdue": overdue,
        "days_overdue": (today - date.fromisoformat(step.due)).days if overdue else 0,
        "moves": [
            {
                "moved_on": m.moved_on,
                "moved_on_words": date_words(m.moved_on),
                "old_due": m.old_due,
                "old_due_words": date_words(m.old_due) if m.old_due else "",
                "new_due": m.new_due,
                "new_due_words": date_words(m.new_due) if m.new_due else "",
                "reason": m.reason,
            }
            for m in moves
        ],
        "moved_from": moves[0].old_due if moves else "",
        "moved_from_words": date_words(moves[0].old_due) if moves and moves[0].old_due else "",
        "reason": "; ".join(m.reason for m in moves if m.reason.strip()),
    }


def build_checkin_context(
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime,
    language: EmailLanguage = ENGLISH,
) -> dict[str, Any]:
    """The check-in template's variables: the follow-up's (``build_context``), with
    ``subject``, ``send_by`` and ``send_by_words`` for the check-in, and ``today``,
    ``checkin``, ``since``, ``progress`` (each next step but dropped ones, in order) and its
    parts ``done``, ``done_earlier``, ``moved``, ``open`` and ``overdue``."""
    zone = ZoneInfo(profile.timezone)
    today = now.astimezone(zone).date()
    context = build_context(session, playbook, profile, language)
    words = words_in(language)
    date_words = words.date
    for_day = checkin_for(session, today, zone)
    since, kind = last_email(session, zone, for_day.day)
    if since is None and session.meeting.date and session.meeting.date <= today.isoformat():
        since = datetime.combine(date.fromisoformat(session.meeting.date), time(), zone)
        kind = "meeting"
    since_day = since.date() if since else None
    kept = [s for s in session.next_steps if s.status != "dropped"]  # as build_context has them
    progress = [
        {**base, **_progress(step, since_day, today, date_words)}
        for base, step in zip(context["next_steps"], kept, strict=True)
    ]
    deadline = checkin_send_by(session, profile, for_day.day) if for_day.day else None
    first = first_checkin(session.next_checkin, session.meeting.date, session.cadence, today)
    after = (
        next_checkin_after(first.isoformat(), session.checkin_until, session.cadence, for_day.day)
        if for_day.day
        else None
    )
    context.update(
        {
            "subject": checkin_subject(session, playbook, language),
            "today": today.isoformat(),
            "today_words": date_words(today),
            "checkin": {
                "date": for_day.day.isoformat() if for_day.day else "",
                "date_words": date_words(for_day.day) if for_day.day else "",
                "time": session.meeting.time or profile.business_start,
                "come": for_day.come,
                "missed": for_day.missed,
                "next": after.isoformat() if after else "",
                "next_words": date_words(after) if after else "",
            },
            "since": {
                "kind": kind,
                "date": since_day.isoformat() if since_day else "",
                "date_words": date_words(since_day) if since_day else "",
            },
            "progress": progress,
            "done": [p for p in progress if p["state"] == "done"],
            "done_earlier": [p for p in progress if p["state"] == "done_earlier"],
            "moved": [p for p in progress if p["state"] == "moved"],
            "open": [p for p in progress if p["state"] == "open"],
            "overdue": [p for p in progress if p["overdue"]],
            "send_by": deadline.isoformat() if deadline else "",
            "send_by_words": words.datetime(deadline) if deadline else "",
        }
    )
    return context


@dataclass(frozen=True, slots=True)
class CheckinStatus:
    """The check-in an email is for, and when it was marked held (None: not held)."""

    checkin: CheckinDay
    held_at: datetime | None

    @property
    def can_hold(self) -> bool:
        """Whether it has come and is not held yet."""
        return self.checkin.day is not None and self.checkin.come and self.held_at is None

    def words(self) -> str:
        """'Check-in due Tuesday 1 December 2026 (1 before it not held)', 'Check-in of …
        held at 10:40', 'Next check-in …' or 'The check-ins have ended'."""
        day = self.checkin.day
        if day is None:
            return "The check-ins have ended"
        if self.held_at is not None:
            at = f"{self.held_at:%H:%M}" if self.held_at.date() == day else ""
            return f"Check-in of {date_words(day)} held " + (
                f"at {at}" if at else f"on {datetime_words(self.held_at)}"
            )
        if not self.checkin.come:
            return f"Next check-in {date_words(day)}"
        missed = self.checkin.missed
        return f"Check-in due {date_words(day)}" + (
            f" ({counted(missed, 'earlier one')} not held)" if missed else ""
        )


def checkin_status(session: Session, profile: Profile, now: datetime) -> CheckinStatus:
    zone = ZoneInfo(profile.timezone)
    found = checkin_for(session, now.astimezone(zone).date(), zone)
    held = next(
        (
            local_stamp(c.done_at, zone)
            for c in session.checkins
            if found.day is not None and c.due_on == found.day.isoformat() and c.done_at
        ),
        None,
    )
    return CheckinStatus(found, held)
