"""The send-by deadline: 3 business hours after the meeting, within that business day."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from convocoach.followup.sendby import send_by

LONDON = ZoneInfo("Europe/London")
START, END = time(9, 0), time(17, 30)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)  # 23 Nov 2026 is a Monday


@pytest.mark.parametrize(
    ("ended", "expected"),
    [
        (at(24, 10, 45), at(24, 13, 45)),  # mid-morning: three hours later
        (at(24, 15, 0), at(24, 17, 30)),  # never later than the end of that business day
        (at(24, 7, 30), at(24, 12, 0)),  # before hours: the clock starts at 09:00
        (at(24, 18, 0), at(25, 12, 0)),  # after hours: next business day
        (at(27, 17, 45), at(30, 12, 0)),  # Friday evening: Monday
        (at(28, 11, 0), at(30, 12, 0)),  # Saturday: Monday
    ],
)
def test_send_by(ended: datetime, expected: datetime) -> None:
    assert send_by(ended, START, END, LONDON) == expected


def test_meeting_time_in_another_zone_is_converted() -> None:
    ended = datetime(2026, 11, 24, 5, 0, tzinfo=ZoneInfo("America/New_York"))  # 10:00 London
    assert send_by(ended, START, END, LONDON) == at(24, 13, 0)
