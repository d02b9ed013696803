"""Check-in days fall where the invite's rule puts them, and the one due is the latest passed."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convocoach.sessions.checkin_dates import (
    checkin_days,
    due_checkin,
    last_checkin,
    next_checkin_after,
)

FRI = date(2026, 12, 4)


def test_daily_check_ins_skip_the_weekend() -> None:
    days = list(checkin_days(FRI, date(2026, 12, 8), "daily"))
    assert days == [date(2026, 12, 4), date(2026, 12, 7), date(2026, 12, 8)]


def test_monthly_check_ins_skip_months_without_the_day() -> None:
    days = list(checkin_days(date(2027, 1, 31), date(2027, 5, 31), "monthly"))
    assert days == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]


@pytest.mark.parametrize(("cadence", "gap"), [("weekly", 7), ("twice_monthly", 14)])
def test_weekly_and_fortnightly_steps(cadence: str, gap: int) -> None:
    days = list(checkin_days(FRI, date(2027, 1, 31), cadence))
    assert {(b - a).days for a, b in pairwise(days)} == {gap}


def test_the_due_check_in_is_the_latest_passed_and_not_held() -> None:
    held: frozenset[date] = frozenset()
    assert due_checkin("2026-12-04", "", "weekly", held, date(2026, 12, 3)) == (None, 0)
    assert due_checkin("2026-12-04", "", "weekly", held, FRI) == (FRI, 0)
    assert due_checkin("2026-12-04", "", "weekly", held, date(2026, 12, 19)) == (
        date(2026, 12, 18),
        2,
    )
    # Held: not due, and the ones before a later held one count as caught up.
    assert due_checkin("2026-12-04", "", "weekly", frozenset({FRI}), date(2026, 12, 10)) == (
        None,
        0,
    )
    assert due_checkin(
        "2026-12-04", "", "weekly", frozenset({date(2026, 12, 11)}), date(2026, 12, 19)
    ) == (date(2026, 12, 18), 0)


def test_a_later_check_in_held_leaves_none_due_before_the_next() -> None:
    held = frozenset({date(2026, 12, 11)})
    assert due_checkin("2026-12-04", "", "weekly", held, date(2026, 12, 12)) == (None, 0)


def test_no_check_in_is_due_after_the_last_day_has_passed_and_was_held() -> None:
    until = "2026-12-11"
    assert due_checkin("2026-12-04", until, "weekly", frozenset(), date(2027, 3, 1)) == (
        date(2026, 12, 11),
        1,
    )
    assert next_checkin_after("2026-12-04", until, "weekly", date(2026, 12, 11)) is None
    assert due_checkin("", "", "weekly", frozenset(), FRI) == (None, 0)


@given(
    first=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    span=st.integers(0, 400),
    cadence=st.sampled_from(["daily", "weekly", "twice_monthly", "monthly"]),
)
def test_check_in_days_are_in_order_within_their_range(
    first: date, span: int, cadence: str
) -> None:
    last = date.fromordinal(first.toordinal() + span)
    days = list(checkin_days(first, last, cadence))
    assert days == sorted(set(days))
    assert all(first <= day <= last for day in days)
    if cadence != "daily" or first.weekday() < 5:
        assert days[:1] == [first]


def _due_by_walking(
    first: date, until: str, cadence: str, held: frozenset[date], today: date
) -> tuple[date | None, int]:
    """The rule, one day at a time: the latest day passed, unless held; the earlier ones no
    later held day caught up are missed."""
    passed = list(checkin_days(first, min(last_checkin(first, until), today), cadence))
    if not passed or passed[-1] in held:
        return None, 0
    return passed[-1], sum(1 for day in passed[:-1] if not any(h >= day for h in held))


@given(
    first=st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    until_days=st.one_of(st.none(), st.integers(0, 500)),
    today_days=st.integers(-30, 600),
    cadence=st.sampled_from(["daily", "weekly", "twice_monthly", "monthly"]),
    held_days=st.lists(st.integers(0, 600), max_size=6),
)
def test_the_due_check_in_is_what_walking_every_day_gives(
    first: date,
    until_days: int | None,
    today_days: int,
    cadence: str,
    held_days: list[int],
) -> None:
    until = "" if until_days is None else (first + timedelta(days=until_days)).isoformat()
    today = first + timedelta(days=today_days)
    days = list(checkin_days(first, first + timedelta(days=600), cadence))
    held = frozenset(days[n % len(days)] for n in held_days) if days else frozenset()
    assert due_checkin(first.isoformat(), until, cadence, held, today) == _due_by_walking(
        first, until, cadence, held, today
    )
