"""The check-in email's data: what is news since the last email, which check-in it is for,
its send-by, and when the follow-up was sent against its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from convocoach.diagnostics import UserError
from convocoach.followup.checkin_context import (
    CheckinDay,
    build_checkin_context,
    checkin_for,
    checkin_send_by,
    checkin_status,
)
from convocoach.followup.context import build_context
from convocoach.followup.sent import duration_words, sent_stamp, sent_state
from convocoach.sessions.model import Checkin, NextStep, Session, StepMove
from tests.followup_fixtures import CHECKIN_NOW, PROFILE, checkin_session, playbook

LONDON = ZoneInfo("Europe/London")


def context(session: Session, now: datetime = CHECKIN_NOW) -> dict[str, Any]:
    return build_checkin_context(session, playbook(), PROFILE, now)


def states(ctx: dict[str, Any]) -> dict[str, str]:
    return {p["action"]: p["state"] for p in ctx["progress"]}


def test_it_carries_every_follow_up_variable() -> None:
    ctx = context(checkin_session())
    assert set(build_context(checkin_session(), playbook(), PROFILE)) <= set(ctx)
    assert ctx["subject"].startswith("Check-in: ")


def test_news_since_the_follow_up_was_sent() -> None:
    ctx = context(checkin_session())
    assert ctx["since"] == {
        "kind": "follow-up",
        "date": "2026-11-25",
        "date_words": "Wednesday 25 November 2026",
    }
    assert states(ctx) == {
        "Send the revised plan": "done",
        "Confirm the two-phase launch": "moved",
        "Brief the board": "open",
        "Book the launch review": "open",
        "Share the card-check test results": "done_earlier",
    }
    assert [p["action"] for p in ctx["overdue"]] == ["Brief the board"]
    assert ctx["overdue"][0]["days_overdue"] == 1
    moved = ctx["moved"][0]
    assert (moved["moved_from_words"], moved["due_words"], moved["reason"]) == (
        "Friday 27 November 2026",
        "Friday 4 December 2026",
        "the board meets on 3 December",
    )


def test_a_step_done_on_the_day_of_the_last_email_is_news() -> None:
    ctx = context(checkin_session(sent_at="2026-11-26T16:00:00+00:00"))
    assert states(ctx)["Send the revised plan"] == "done"  # done 26 November, sent that day


def test_a_check_in_held_after_the_follow_up_is_the_last_email() -> None:
    # Weekly from 1 December: the check-in of 1 December was held; the email is for the 8th.
    held = (Checkin("2026-12-01", "2026-12-01T10:40:00+00:00"),)
    ctx = context(checkin_session(checkins=held), datetime(2026, 12, 8, 9, tzinfo=timezone.utc))
    assert ctx["checkin"]["date"] == "2026-12-08"
    assert ctx["since"]["kind"] == "check-in"
    assert ctx["since"]["date"] == "2026-12-01"
    assert states(ctx)["Send the revised plan"] == "done_earlier"  # done 26 November
    assert states(ctx)["Confirm the two-phase launch"] == "open"  # moved 27 November
    assert ctx["done"] == []


def test_the_check_in_the_email_is_for_never_counts_as_the_last_email() -> None:
    # Held at 10:40 on its day, the email written after it still reports since the follow-up.
    held = (Checkin("2026-12-01", "2026-12-01T10:40:00+00:00"),)
    ctx = context(checkin_session(checkins=held), datetime(2026, 12, 1, 11, tzinfo=timezone.utc))
    assert ctx["checkin"]["date"] == "2026-12-01"
    assert ctx["since"]["kind"] == "follow-up"
    assert states(ctx)["Send the revised plan"] == "done"


def test_a_later_follow_up_wins_over_an_earlier_check_in() -> None:
    held = (Checkin("2026-12-01", "2026-12-01T10:40:00+00:00"),)
    session = checkin_session(checkins=held, sent_at="2026-12-02T09:00:00+00:00")
    ctx = context(session, datetime(2026, 12, 8, 9, tzinfo=timezone.utc))
    assert ctx["since"]["kind"] == "follow-up"
    assert ctx["since"]["date"] == "2026-12-02"


def test_nothing_sent_and_none_held_counts_from_the_meeting() -> None:
    ctx = context(checkin_session(sent_at=""))
    assert ctx["since"]["kind"] == "meeting"
    assert ctx["since"]["date"] == "2026-11-24"
    assert states(ctx)["Share the card-check test results"] == "done"


def test_the_sent_day_is_the_senders_day() -> None:
    # 01:30 UTC on the 26th is still the 25th in New York: a step done on the 25th is news.
    profile = replace(PROFILE, timezone="America/New_York")
    session = checkin_session(
        sent_at="2026-11-26T01:30:00+00:00",
        next_steps=(NextStep("Call back", "us", "", "2026-11-25", "done", done_on="2026-11-25"),),
    )
    ctx = build_checkin_context(session, playbook(), profile, CHECKIN_NOW)
    assert ctx["since"]["date"] == "2026-11-25"
    assert states(ctx) == {"Call back": "done"}


def test_two_moves_since_say_where_it_started_and_every_reason() -> None:
    step = NextStep(
        "Confirm",
        "client",
        "",
        "2026-12-10",
        moves=(
            StepMove("2026-11-20", "2026-11-22", "2026-11-27", "before the follow-up"),
            StepMove("2026-11-27", "2026-11-27", "2026-12-04", "board date"),
            StepMove("2026-11-30", "2026-12-04", "2026-12-10", "holiday"),
        ),
    )
    moved = context(checkin_session(next_steps=(step,)))["moved"][0]
    assert moved["moved_from"] == "2026-11-27"
    assert moved["reason"] == "board date; holiday"
    assert [m["new_due"] for m in moved["moves"]] == ["2026-12-04", "2026-12-10"]


def test_due_today_is_not_overdue_and_done_is_never_overdue() -> None:
    steps = (
        NextStep("Today", "us", "", "2026-12-01"),
        NextStep("Done late", "us", "", "2026-11-20", "done", done_on="2026-11-30"),
    )
    ctx = context(checkin_session(next_steps=steps))
    assert ctx["overdue"] == []


@pytest.mark.parametrize(
    ("today", "held", "expected"),
    [
        (date(2026, 11, 30), (), (date(2026, 12, 1), False, 0)),  # before: the next one
        (date(2026, 12, 1), (), (date(2026, 12, 1), True, 0)),  # on its day: due
        (date(2026, 12, 3), (), (date(2026, 12, 1), True, 0)),  # not held yet: still due
        (date(2026, 12, 3), ("2026-12-01",), (date(2026, 12, 8), False, 0)),  # held: next
        (date(2026, 12, 15), (), (date(2026, 12, 15), True, 2)),  # two missed before
    ],
)
def test_which_check_in_the_email_is_for(
    today: date, held: tuple[str, ...], expected: tuple[date, bool, int]
) -> None:
    checkins = tuple(Checkin(day, f"{day}T11:00:00+00:00") for day in held)
    found = checkin_for(checkin_session(checkins=checkins), today, LONDON)
    assert (found.day, found.come, found.missed) == expected


def test_without_an_agreed_check_in_none_comes_due() -> None:
    # The invite's days: a week after the meeting (Tuesday 1 December), then weekly.
    session = checkin_session(next_checkin="")
    assert checkin_for(session, date(2026, 12, 1), LONDON) == CheckinDay(
        date(2026, 12, 1), False, 0
    )
    assert checkin_for(session, date(2026, 12, 3), LONDON).day == date(2026, 12, 8)


def test_no_check_in_left_after_the_last_day() -> None:
    session = checkin_session(checkin_until="2026-12-08")
    assert checkin_for(session, date(2026, 12, 20), LONDON).day == date(2026, 12, 8)
    held = (Checkin("2026-12-08", "2026-12-08T11:00:00+00:00"),)
    ended = replace(session, checkins=held)
    assert checkin_for(ended, date(2026, 12, 20), LONDON).day is None
    ctx = context(ended, datetime(2026, 12, 20, 9, tzinfo=timezone.utc))
    assert ctx["checkin"]["date"] == ""
    assert ctx["send_by"] == ""


@pytest.mark.parametrize(
    ("day", "at", "expected"),
    [
        (date(2026, 12, 1), "10:00", datetime(2026, 12, 1, 13, 30, tzinfo=LONDON)),
        (date(2026, 12, 1), "16:00", datetime(2026, 12, 1, 17, 30, tzinfo=LONDON)),  # capped
        (date(2026, 12, 4), "17:15", datetime(2026, 12, 7, 12, 0, tzinfo=LONDON)),  # Fri → Mon
        (date(2026, 12, 1), "", datetime(2026, 12, 1, 12, 30, tzinfo=LONDON)),  # 09:00 start
    ],
)
def test_send_by_counts_from_the_end_of_the_check_in(
    day: date, at: str, expected: datetime
) -> None:
    session = checkin_session()
    session = replace(session, meeting=replace(session.meeting, time=at))
    assert checkin_send_by(session, PROFILE, day) == expected


def test_the_context_carries_the_check_ins_send_by() -> None:
    ctx = context(checkin_session())
    assert ctx["send_by_words"] == "Tuesday 1 December 2026 at 13:30"
    assert ctx["checkin"]["next"] == "2026-12-08"


def test_sent_late_on_time_and_not_sent() -> None:
    # The meeting ends at 10:45 on 24 November: send by 13:45.
    late = sent_state(checkin_session(sent_at="2026-11-24T15:55:00+00:00"), PROFILE)
    assert late.late_by == timedelta(hours=2, minutes=10)
    assert late.words() == (
        "Sent Tuesday 24 November 2026 at 15:55 — late: sent 2 h 10 min after its send-by 13:45"
    )
    next_day = sent_state(checkin_session(), PROFILE).words()
    assert next_day.endswith("after its send-by Tuesday 24 November 2026 at 13:45")
    assert "late: sent 19 h 45 min" in next_day
    on_time = sent_state(checkin_session(sent_at="2026-11-24T13:45:00+00:00"), PROFILE)
    assert on_time.words() == "Sent Tuesday 24 November 2026 at 13:45 — on time"
    assert sent_state(checkin_session(sent_at=""), PROFILE).words() == "Not sent yet"


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (timedelta(seconds=30), "less than a minute"),
        (timedelta(minutes=45), "45 min"),
        (timedelta(hours=2), "2 h"),
        (timedelta(days=1, hours=3, minutes=5), "1 day 3 h"),
        (timedelta(days=3), "3 days"),
    ],
)
def test_duration_words(span: timedelta, words: str) -> None:
    assert duration_words(span) == words


def test_a_typed_sent_time_is_the_senders_and_stored_in_utc() -> None:
    summer = replace(PROFILE, timezone="Europe/Paris")
    assert sent_stamp("2026-11-24T15:10", summer) == "2026-11-24T14:10:00+00:00"
    assert sent_stamp("2026-11-24 15:10", PROFILE) == "2026-11-24T15:10:00+00:00"
    assert sent_stamp("2026-11-24T15:10-05:00", PROFILE) == "2026-11-24T20:10:00+00:00"
    for bad in ("2026-11-24", "yesterday", ""):
        with pytest.raises(UserError):
            sent_stamp(bad, PROFILE)


@pytest.mark.parametrize(
    ("now", "checkins", "words", "can_hold"),
    [
        (
            datetime(2026, 11, 30, 9, tzinfo=timezone.utc),
            (),
            "Next check-in Tuesday 1 December 2026",
            False,
        ),
        (
            datetime(2026, 12, 1, 9, tzinfo=timezone.utc),
            (),
            "Check-in due Tuesday 1 December 2026",
            True,
        ),
        (
            datetime(2026, 12, 15, 9, tzinfo=timezone.utc),
            (),
            "Check-in due Tuesday 15 December 2026 (2 earlier ones not held)",
            True,
        ),
        (
            datetime(2026, 12, 1, 16, tzinfo=timezone.utc),
            (Checkin("2026-12-01", "2026-12-01T10:40:00+00:00"),),
            "Check-in of Tuesday 1 December 2026 held at 10:40",
            False,
        ),
        (
            datetime(2026, 12, 3, 9, tzinfo=timezone.utc),
            (Checkin("2026-12-01", "2026-12-03T08:10:00+00:00"),),
            "Check-in of Tuesday 1 December 2026 held on Thursday 3 December 2026 at 08:10",
            False,
        ),
    ],
)
def test_checkin_status_words(
    now: datetime, checkins: tuple[Checkin, ...], words: str, can_hold: bool
) -> None:
    status = checkin_status(checkin_session(checkins=checkins), PROFILE, now)
    assert (status.words(), status.can_hold) == (words, can_hold)


def test_checkin_status_when_they_have_ended() -> None:
    session = checkin_session(
        checkin_until="2026-12-01", checkins=(Checkin("2026-12-01", "2026-12-01T10:40:00+00:00"),)
    )
    status = checkin_status(session, PROFILE, datetime(2026, 12, 20, 9, tzinfo=timezone.utc))
    assert status.words() == "The check-ins have ended"
