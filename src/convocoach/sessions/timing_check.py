"""The meeting the user entered, checked against the playbook's advice on timing and setting.

Times are minutes since midnight in the sender's time zone (the zone the meeting time is
entered in), so nothing here converts zones or can overflow a date. Unreadable dates and
times count as not set: checking never raises on what a user typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from convocoach.playbooks.model import CHANNEL_LABELS, ChannelAdvice, Playbook
from convocoach.profile import Profile
from convocoach.sessions.field_check import parse_date, parse_minutes
from convocoach.sessions.model import Session
from convocoach.wording import date_words

Level = Literal["warning", "ok", "info"]
LEVEL_WORDS: dict[str, str] = {"warning": "Warning:", "info": "Note:", "ok": "Looks good:"}
"""Each level in words, so it reads without colour too."""

LATE_FRIDAY = 15 * 60
"""A Friday meeting starting at or after 15:00 runs into the weekend."""
VERY_EARLY = 8 * 60
"""Starting before 08:00 is very early for hard news, whatever the business hours."""
VERY_LATE = 19 * 60
"""Ending after 19:00 is very late in the day."""
FIRST_THING = 60
"""A Monday slot within this many minutes of the business-day start is "first thing"."""
LONG_FOR_EXECUTIVES = 90
SHORT_FOR_BAD_NEWS = 20
_DAY = 24 * 60

_DEFAULT_START = 9 * 60
_DEFAULT_END = 17 * 60 + 30
_ORDER = {"warning": 0, "info": 1, "ok": 2}


@dataclass(frozen=True, slots=True)
class TimingNote:
    level: Level
    code: str
    """A stable id for the check, e.g. ``bad-news-by-email``."""
    message: str
    """One plain sentence (no Markdown) for the user."""


def check_timing(
    session: Session, playbook: Playbook | None, profile: Profile, today: date
) -> list[TimingNote]:
    """Every note on the meeting's timing and setting: warnings, then tips, then "ok".

    The "ok" note (code ``slot-ok``) comes only when the date and time are set and no
    warning fired.
    """
    meeting = session.meeting
    day = parse_date(meeting.date)
    start = parse_minutes(meeting.time)
    email = meeting.channel == "email"
    # An email has no length; a meeting's end is capped at a day to keep the arithmetic sane.
    length = 0 if email else min(max(meeting.duration_min, 0), _DAY)
    notes: list[TimingNote] = []
    if day is None or start is None:
        notes.append(_not_set(meeting.date, meeting.time, day, start))
    if day is not None and day < today:
        notes.append(
            TimingNote(
                "warning",
                "in-the-past",
                f"The meeting date, {date_words(day)}, is in the past; "
                "set the new date in the Situation step if the meeting is still to come.",
            )
        )
    notes += _channel_notes(meeting.channel, playbook)
    if day is not None and start is not None:
        notes += _slot_notes(day, start, start + length, profile)
    if not email:
        notes += _length_notes(meeting.duration_min, session.client.seniority)
    if meeting.channel == "in_person" and not meeting.place.strip():
        notes.append(
            TimingNote(
                "info",
                "no-place",
                "Say where you will meet: a private, neutral place where "
                "neither side has an audience, not an open office or a busy café.",
            )
        )
    if day is not None and start is not None and not any(n.level == "warning" for n in notes):
        notes.append(
            TimingNote(
                "ok",
                "slot-ok",
                f"{date_words(day)} at {_hhmm(start)} looks like a reasonable "
                "slot: a working day, within your business hours.",
            )
        )
    return sorted(notes, key=lambda note: _ORDER[note.level])


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _not_set(date_text: str, time_text: str, day: date | None, start: int | None) -> TimingNote:
    missing: list[str] = []
    if day is None:
        missing.append("date" if not date_text.strip() else "date (it should look like 2026-11-27)")
    if start is None:
        missing.append(
            "start time" if not time_text.strip() else "start time (a 24-hour time like 14:30)"
        )
    return TimingNote(
        "info",
        "not-set",
        f"Set the meeting {' and '.join(missing)} in the Situation step to have the slot checked.",
    )


def _label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel)


def _channel_notes(channel: str, playbook: Playbook | None) -> list[TimingNote]:
    best = playbook.setting.best_channel if playbook is not None else None
    advice: dict[str, ChannelAdvice] = (
        {a.channel: a for a in playbook.setting.channels} if playbook is not None else {}
    )
    own = advice.get(channel)
    caution = own.caution.strip() if own is not None else ""
    notes: list[TimingNote] = []
    if channel == "email":
        if best == "email":
            text = (
                "Email is the usual channel for this, but bad news in writing still reads "
                "colder than a conversation; offer a call to talk it through."
            )
        else:
            text = (
                "Bad news by email reads colder than a conversation and leaves the client "
                "no way to react or ask; speak first, then confirm in writing."
            )
        if caution:
            text += f" The playbook warns: \u201c{caution}\u201d"
        notes.append(TimingNote("warning", "bad-news-by-email", text))
    elif caution:
        notes.append(
            TimingNote(
                "info",
                "channel-caution",
                f"For a {_label(channel).lower()}, the playbook says: \u201c{caution}\u201d",
            )
        )
    if best is not None and channel != best:
        fits = advice[best].fits.strip() if best in advice else ""
        notes.append(
            TimingNote(
                "info",
                "not-best-channel",
                f"The playbook usually suggests {_label(best)} rather "
                f"than {_label(channel)} for this conversation"
                + (f": \u201c{fits}\u201d" if fits else "."),
            )
        )
    return notes


def _business_hours(profile: Profile) -> tuple[int, int]:
    start = parse_minutes(profile.business_start)
    end = parse_minutes(profile.business_end)
    if start is None or end is None or end <= start:
        return _DEFAULT_START, _DEFAULT_END
    return start, end


def _slot_notes(day: date, start: int, end: int, profile: Profile) -> list[TimingNote]:
    """The day and time of day; ``end`` may pass midnight (> 24 * 60)."""
    open_, close = _business_hours(profile)
    weekday = day.weekday()
    notes: list[TimingNote] = []
    if weekday >= 5:
        notes.append(
            TimingNote(
                "warning",
                "weekend",
                f"{date_words(day)} is a weekend day: the news lands in the "
                "client's own time with nobody around to act on it; pick a working day.",
            )
        )
    late_friday = weekday == 4 and (start >= LATE_FRIDAY or end > close)
    if late_friday:
        notes.append(
            TimingNote(
                "warning",
                "late-friday",
                "Late on a Friday, bad news before a weekend leaves the "
                "client to stew with no one to call; move it earlier in the week.",
            )
        )
    if weekday == 0 and start < open_ + FIRST_THING:
        notes.append(
            TimingNote(
                "info",
                "monday-first-thing",
                "First thing on a Monday the client is still "
                "catching up on the week; a little later, or Tuesday, gives them a clearer head.",
            )
        )
    outside: list[str] = []
    if start < VERY_EARLY:
        notes.append(
            TimingNote(
                "warning",
                "very-early",
                f"Starting at {_hhmm(start)} is very early; people take "
                "hard news better once their day is under way.",
            )
        )
    elif start < open_ and weekday < 5:
        outside.append(f"starts at {_hhmm(start)}, before your day begins at {_hhmm(open_)}")
    if end > VERY_LATE:
        notes.append(
            TimingNote(
                "warning",
                "very-late",
                f"Ending at {_hhmm(end)}"
                + (" the next day" if end > _DAY else "")
                + " is very late; tired people take hard "
                "news worse and have no time left to act on it.",
            )
        )
    elif end > close and weekday < 5 and not late_friday:
        outside.append(
            f"{'is' if end == start else 'ends'} at {_hhmm(end)}, after your day "
            f"ends at {_hhmm(close)}"
        )
    if outside:
        notes.append(
            TimingNote(
                "warning",
                "outside-hours",
                "The meeting is outside your business hours: it " + " and ".join(outside) + ".",
            )
        )
    return notes


def _length_notes(minutes: int, seniority: str) -> list[TimingNote]:
    notes: list[TimingNote] = []
    if seniority == "executive" and minutes > LONG_FOR_EXECUTIVES:
        notes.append(
            TimingNote(
                "info",
                "long-for-executive",
                f"{minutes} minutes is long for a senior executive: "
                "they want the short version and a rough estimate now, and the details later.",
            )
        )
    if 0 < minutes < SHORT_FOR_BAD_NEWS:
        notes.append(
            TimingNote(
                "info",
                "too-short",
                f"{minutes} minutes is short for bad news: allow at least "
                f"{SHORT_FOR_BAD_NEWS} so there is room for the client's reaction and questions.",
            )
        )
    return notes
