"""What is due: emails past their send-by time, open next steps and check-ins, at fixed
clock times before, at and after each deadline, across a weekend and across time zones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from convocoach.followthrough.business_hours import BusinessHours, hours_of
from convocoach.followthrough.due import DueItem, due_items, due_line
from convocoach.followup.context import send_by_for
from convocoach.profile import Profile
from convocoach.sessions.store import SessionStore
from tests.due_fixtures import add_session, fill_mixed, step, utc

LONDON = hours_of("Europe/London", "09:00", "17:30")
AUCKLAND = hours_of("Pacific/Auckland", "09:00", "17:30")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    with SessionStore.open(tmp_path / "sessions.db", clock=lambda: utc(23, 9)) as opened:
        yield opened


def due(store: SessionStore, now: datetime, hours: BusinessHours = LONDON) -> list[DueItem]:
    return due_items(store.connection, hours, now)


def lates(store: SessionStore, now: datetime, hours: BusinessHours = LONDON) -> list[str]:
    return [f"{item.kind}: {item.late}" for item in due(store, now, hours)]


# --- the follow-up email -----------------------------------------------------------------


def test_email_before_at_and_after_its_send_by_time(store: SessionStore) -> None:
    # Monday 10:00-11:00: three business hours later, 14:00.
    add_session(store, "Launch", meeting="2026-11-23", at="10:00")
    assert lates(store, utc(22, 20)) == []  # the day before: not yet
    assert lates(store, utc(23, 9)) == ["email: due today at 14:00"]
    assert lates(store, utc(23, 13, 59)) == ["email: due today at 14:00"]
    assert lates(store, utc(23, 14, 0)) == ["email: due today at 14:00"]  # at it: not late
    assert lates(store, utc(23, 14, 1)) == ["email: overdue since 14:00 today"]
    assert lates(store, utc(24, 9)) == ["email: 1 day overdue"]
    assert lates(store, utc(26, 9)) == ["email: 3 days overdue"]
    [item] = due(store, utc(24, 9))
    assert (item.due_on, item.at, item.days_late, item.overdue) == (
        date(2026, 11, 23),
        time(14, 0),
        1,
        True,
    )
    assert item.what == "Send the follow-up email"


def test_a_sent_email_or_one_without_a_meeting_date_is_never_due(store: SessionStore) -> None:
    add_session(store, "Sent", meeting="2026-11-16", sent_at="2026-11-16T15:00:00+00:00")
    add_session(store, "No date yet")
    assert due(store, utc(30, 9)) == []


def test_email_after_a_friday_evening_meeting_is_due_on_monday(store: SessionStore) -> None:
    # Friday 17:00-18:00 ends after hours: the clock starts Monday 09:00, send by 12:00.
    add_session(store, "Friday", meeting="2026-11-20", at="17:00")
    assert lates(store, utc(20, 18, 30)) == []
    assert lates(store, utc(21, 12)) == []  # Saturday
    assert lates(store, utc(22, 23, 59)) == []  # Sunday night
    assert lates(store, utc(23, 11, 59)) == ["email: due today at 12:00"]
    assert lates(store, utc(23, 12, 1)) == ["email: overdue since 12:00 today"]


def test_send_by_is_the_follow_up_steps_own(store: SessionStore) -> None:
    """The due list's deadline is the one the Follow up step and the email show."""
    meetings = [("2026-11-20", "17:00", 60), ("2026-11-23", "", 30), ("2026-11-24", "16:45", 90)]
    for zone in ("Europe/London", "Pacific/Auckland", "America/New_York"):
        profile = Profile(timezone=zone, business_start="08:30", business_end="18:00")
        hours = hours_of(profile.timezone, profile.business_start, profile.business_end)
        for day, at, minutes in meetings:
            sid = add_session(store, f"{zone} {day}", meeting=day, at=at, minutes=minutes)
            expected = send_by_for(store.get(sid), profile)
            assert expected is not None
            [item] = [i for i in due(store, utc(28, 23, month=12), hours) if i.session_id == sid]
            assert item.at is not None
            assert datetime.combine(item.due_on, item.at, expected.tzinfo) == expected


# --- next steps --------------------------------------------------------------------------


def test_steps_due_before_today_and_today_both_sides_worded_with_the_owner(
    store: SessionStore,
) -> None:
    add_session(
        store,
        "Steps",
        client="Dana Reyes",
        steps=(
            step("Send the plan", "2026-11-21"),
            step("Sign the change\nrequest", "2026-11-23", owner="client"),
            step("Check the budget", "2026-11-22", owner="person", name="Priya Nair"),
            step("Book a review", "2026-11-24"),  # tomorrow
            step("No date", ""),
            step("Done already", "2026-11-20", status="done"),
            step("Dropped", "2026-11-20", status="dropped"),
        ),
    )
    items = due(store, utc(23, 9))
    assert [(i.what, i.late, i.overdue) for i in items] == [
        ("Us: Send the plan", "2 days overdue", True),
        ("Priya Nair: Check the budget", "1 day overdue", True),
        ("Dana Reyes: Sign the change request", "due today", False),
    ]
    assert all(i.kind == "step" and i.step_id for i in items)


def test_a_client_without_a_name_owes_as_the_client(store: SessionStore) -> None:
    add_session(store, "Nameless", client="", steps=(step("Reply", "2026-11-23", owner="client"),))
    assert [i.what for i in due(store, utc(23, 9))] == ["The client: Reply"]


def test_today_is_the_senders_own_day_not_utcs(store: SessionStore) -> None:
    """A step due on the 24th is due "today" in Auckland while UTC is still on the 23rd."""
    add_session(store, "Kiwi", steps=(step("Send the contract", "2026-11-24"),))
    now = utc(23, 12)  # 01:00 on Tuesday the 24th in Auckland
    assert lates(store, now, LONDON) == []
    assert lates(store, now, AUCKLAND) == ["step: due today"]
    assert lates(store, utc(23, 10, 59), AUCKLAND) == []  # 23:59 on the 23rd there


def test_email_send_by_in_the_senders_zone(store: SessionStore) -> None:
    # A meeting at 10:00-11:00 Auckland time on Monday 23rd: send by 14:00 there (01:00 UTC).
    add_session(store, "Kiwi meeting", meeting="2026-11-23", at="10:00")
    assert lates(store, utc(22, 21), AUCKLAND) == ["email: due today at 14:00"]  # 10:00 there
    assert lates(store, utc(23, 1, 1), AUCKLAND) == ["email: overdue since 14:00 today"]
    assert lates(store, utc(23, 11), AUCKLAND) == ["email: 1 day overdue"]  # 00:00 on the 24th


# --- check-ins ---------------------------------------------------------------------------


def test_checkin_due_today_with_the_missed_ones_counted(store: SessionStore) -> None:
    add_session(
        store, "Weekly", next_checkin="2026-11-09", until="2026-12-31", held=("2026-11-09",)
    )
    assert lates(store, utc(8, 9)) == []  # before the first
    [item] = due(store, utc(23, 9))
    assert (item.kind, item.late, item.missed) == ("checkin", "due today", 1)
    assert item.what == "Check in with Dana Reyes (1 earlier check-in missed)"
    [later] = due(store, utc(25, 9))
    assert (later.due_on, later.late) == (date(2026, 11, 23), "2 days overdue")


def test_a_held_checkin_is_not_due(store: SessionStore) -> None:
    add_session(
        store,
        "Held",
        next_checkin="2026-11-16",
        until="2026-12-31",
        held=("2026-11-16", "2026-11-23"),
    )
    add_session(store, "None agreed")  # no first check-in: none ever due
    assert due(store, utc(23, 9)) == []
    assert lates(store, utc(30, 9)) == ["checkin: due today"]


def test_checkins_end_on_their_last_day(store: SessionStore) -> None:
    add_session(store, "Short", next_checkin="2026-11-02", until="2026-11-02")
    assert lates(store, utc(23, 9)) == ["checkin: 21 days overdue"]
    store.mark_checkin(1, date(2026, 11, 2))
    assert due(store, utc(23, 9)) == []


def test_holding_the_latest_checkin_clears_the_missed_ones(store: SessionStore) -> None:
    add_session(
        store,
        "Caught up",
        next_checkin="2026-11-09",
        until="2026-12-31",
        held=("2026-11-09", "2026-11-23"),
    )
    assert due(store, utc(24, 9)) == []


def test_a_check_in_held_early_leaves_the_one_due_still_due_and_nothing_missed(
    store: SessionStore,
) -> None:
    # Weekly from 2 November: on 24 November the one due is the 23rd; the 30th was held early.
    add_session(
        store, "Held early", next_checkin="2026-11-02", until="2026-12-31", held=("2026-11-30",)
    )
    (item,) = due(store, utc(24, 9))
    assert (item.kind, item.due_on, item.missed) == ("checkin", date(2026, 11, 23), 0)


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        # Held on the 24th, a Tuesday, when the check-ins were on Tuesdays: not the 23rd's.
        (("2026-11-24",), (date(2026, 11, 23), 0)),
        (("2026-11-23", "2026-11-24"), None),
    ],
)
def test_a_check_in_held_off_the_cadence_is_not_taken_for_the_one_due(
    store: SessionStore, held: tuple[str, ...], expected: tuple[date, int] | None
) -> None:
    add_session(store, "Moved", next_checkin="2026-11-02", until="2026-12-31", held=held)
    items = due(store, utc(24, 12))
    assert [(i.due_on, i.missed) for i in items] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        ((), (date(2026, 11, 23), 3)),
        (("2026-11-09",), (date(2026, 11, 23), 1)),
        (("2026-11-16", "2026-11-02"), (date(2026, 11, 23), 0)),
        (("2026-11-23",), None),
    ],
)
def test_the_due_list_and_the_check_in_rule_agree(
    store: SessionStore, held: tuple[str, ...], expected: tuple[date, int] | None
) -> None:
    add_session(store, "Weekly", next_checkin="2026-11-02", until="2026-12-31", held=held)
    items = due(store, utc(24, 9))
    assert [(i.due_on, i.missed) for i in items] == ([expected] if expected else [])


# --- the list ----------------------------------------------------------------------------


def test_most_overdue_first_each_with_its_session(tmp_path: Path) -> None:
    """Late by whole days first; on one day, a time (the email's noon) before the day's end."""
    ids = fill_mixed(tmp_path / "sessions.db")
    db = sqlite3.connect(tmp_path / "sessions.db")
    items = due_items(db, LONDON, utc(23, 9))
    assert [(i.kind, i.session_id, i.late) for i in items] == [
        ("step", ids["pricing"], "2 days overdue"),
        ("email", ids["launch"], "due today at 12:00"),
        ("step", ids["pricing"], "due today"),
        ("checkin", ids["pricing"], "due today"),
    ]
    assert due_line(items[0]) == (
        f"2 days overdue: Us: Send the new price list \u2014 Price rise for 2027 "
        f"(Lee Park, Globex) [session {ids['pricing']}]"
    )
    assert items[1].as_json() == {
        "kind": "email",
        "session_id": ids["launch"],
        "session_title": "Launch slips two weeks",
        "client": "Dana Reyes",
        "company": "Acme",
        "what": "Send the follow-up email",
        "due": "2026-11-23T12:00",
        "days_late": 0,
        "overdue": False,
        "late": "due today at 12:00",
        "step_id": None,
        "missed": 0,
    }


def test_a_line_is_one_line_whatever_the_text(store: SessionStore) -> None:
    add_session(
        store,
        "Two\nlines",
        client="",
        company="",
        steps=(step("a\r\nb", "2026-11-23"),),
    )
    [item] = due(store, utc(23, 9))
    assert due_line(item) == "due today: Us: a b \u2014 Two lines [session 1]"


def test_zone_is_an_aware_zoneinfo() -> None:
    assert LONDON.zone == ZoneInfo("Europe/London")
    assert (LONDON.start, LONDON.end) == (time(9), time(17, 30))
