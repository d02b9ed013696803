"""Real outcomes over time, from a database of fixed sessions: agreement, days to close a
next step, follow-ups on time; overall and by month; quick with a thousand sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from convocoach.followthrough.outcome_stats import (
    Figures,
    agreement_words,
    close_words,
    month_cells,
    on_time_words,
    outcome_stats,
)
from convocoach.profile import Profile
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore

FIXED = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)
LONDON = Profile(timezone="Europe/London", business_start="09:00", business_end="17:30")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db", clock=lambda: FIXED)
    yield opened
    opened.close()


def meeting(store: SessionStore, day: str, result: str = "", sent_at: str = "") -> int:
    """A session met at 10:00 for an hour on ``day`` (send-by: 14:00 London time)."""
    sid = store.create("project-delays")
    store.set_field(sid, "meeting.date", day)
    store.set_field(sid, "meeting.time", "10:00")
    store.set_field(sid, "meeting.duration_min", 60)
    if result:
        store.set_field(sid, "outcome.result", result)
    if sent_at:
        store.mark_sent(sid, sent_at)
    return sid


def test_an_empty_database_has_no_figures(store: SessionStore) -> None:
    stats = outcome_stats(store.connection, LONDON)
    assert stats.overall == Figures()
    assert stats.months == ()
    assert agreement_words(stats.overall) == "no outcome recorded yet"
    assert close_words(stats.overall) == "no next step marked done yet"
    assert on_time_words(stats.overall) == "no follow-up marked sent yet"


def test_agreement_counts_partly_apart_by_the_meeting_s_month(store: SessionStore) -> None:
    meeting(store, "2026-10-14", "agreed")
    meeting(store, "2026-11-03", "agreed")
    meeting(store, "2026-11-10", "partly")
    meeting(store, "2026-11-17", "none")
    meeting(store, "2026-11-24", "escalated")
    meeting(store, "2026-11-25")  # no outcome yet: not counted
    stats = outcome_stats(store.connection, LONDON)
    assert (stats.overall.outcomes, stats.overall.agreed, stats.overall.partly) == (5, 2, 1)
    assert agreement_words(stats.overall) == "2 of 5 reached agreement (40%); 1 more partly (20%)"
    assert [(m.month, m.outcomes, m.agreed, m.partly) for m in stats.months] == [
        ("2026-10", 1, 1, 0),
        ("2026-11", 4, 1, 1),
    ]


def test_an_outcome_without_a_meeting_date_counts_in_the_month_it_was_recorded(
    store: SessionStore,
) -> None:
    sid = store.create("project-delays")
    store.set_field(sid, "outcome.result", "agreed")  # recorded now: 2026-12-05
    assert [m.month for m in outcome_stats(store.connection, LONDON).months] == ["2026-12"]


def test_days_to_close_average_the_done_steps_with_both_days(store: SessionStore) -> None:
    sid = meeting(store, "2026-11-03")
    for created, done, status in (
        ("2026-11-03", "2026-11-05", "done"),  # 2 days
        ("2026-11-03", "2026-11-10", "done"),  # 7 days
        ("2026-11-20", "2026-12-01", "done"),  # 11 days, closed in December
        ("2026-11-03", "", "open"),  # not closed: left out
        ("2026-11-03", "", "dropped"),  # dropped: left out
    ):
        store.add_next_step(
            sid, NextStep(f"step {created} {done}", status=status, created_on=created, done_on=done)
        )
    store.connection.execute("UPDATE next_steps SET created_on = '' WHERE action LIKE '%11-10'")
    stats = outcome_stats(store.connection, LONDON)
    # The step with no day agreed is left out: (2 + 11) / 2.
    assert (stats.overall.steps_closed, stats.overall.close_days) == (2, 13)
    assert close_words(stats.overall) == "6.5 days on average, over 2 next steps done"
    assert [(m.month, m.steps_closed, m.close_days) for m in stats.months] == [
        ("2026-11", 1, 2),
        ("2026-12", 1, 11),
    ]


def test_follow_ups_on_time_are_judged_by_the_send_by_rule(store: SessionStore) -> None:
    # Meetings end at 11:00 London (= UTC in November): send by 14:00 the same day.
    meeting(store, "2026-11-02", sent_at="2026-11-02T13:59:00+00:00")  # on time
    meeting(store, "2026-11-03", sent_at="2026-11-03T14:00:00+00:00")  # at the minute: on time
    meeting(store, "2026-11-04", sent_at="2026-11-04T14:01:00+00:00")  # late
    # A Friday meeting ending after business hours: send by Monday 12:00.
    late_friday = meeting(store, "2026-11-06", sent_at="2026-11-09T11:30:00+00:00")
    store.set_field(late_friday, "meeting.time", "17:00")
    # In summer London is UTC+1: 14:00 London is 13:00 UTC, so 13:30 UTC is late.
    meeting(store, "2026-07-01", sent_at="2026-07-01T13:30:00+00:00")
    undated = store.create("project-delays")  # no meeting date: no send-by, left out
    store.mark_sent(undated, "2026-11-02T10:00:00+00:00")
    meeting(store, "2026-11-05")  # not sent: left out
    stats = outcome_stats(store.connection, LONDON)
    assert (stats.overall.followups, stats.overall.on_time) == (5, 3)
    assert on_time_words(stats.overall) == "3 of 5 sent by their send-by time (60%)"
    assert [(m.month, m.followups, m.on_time) for m in stats.months] == [
        ("2026-07", 1, 0),
        ("2026-11", 4, 3),
    ]


def test_a_month_s_row_in_the_table() -> None:
    row = Figures("2026-11", outcomes=4, agreed=1, partly=2, steps_closed=2, close_days=9)
    assert month_cells(row) == ("2026-11", "1/4", "2/4", "4.5 (2)", "-")
    assert month_cells(Figures("2026-10", followups=2, on_time=1)) == (
        "2026-10",
        "-",
        "-",
        "-",
        "1/2",
    )


def test_a_thousand_sessions_are_read_in_a_few_queries(store: SessionStore) -> None:
    # Speed itself is the benchmarks' business; here, the work does not grow per session.
    db = store.connection
    with store.transaction():
        for n in range(1000):
            day = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
            cur = db.execute(
                "INSERT INTO sessions (uuid, playbook_id, meeting_date, meeting_time, "
                "outcome_result, sent_at, created_at, updated_at) VALUES (?, 'p', ?, '10:00', "
                "?, ?, ?, ?)",
                (
                    f"00000000-0000-4000-8000-{n:012d}",
                    day,
                    ("agreed", "partly", "none", "")[n % 4],
                    f"{day}T12:00:00+00:00",
                    f"{day}T09:00:00+00:00",
                    f"{day}T09:00:00+00:00",
                ),
            )
            db.executemany(
                "INSERT INTO next_steps (session_id, position, action, status, created_on, "
                "done_on) VALUES (?, ?, 'x', 'done', ?, ?)",
                [(cur.lastrowid, k, day, day) for k in range(3)],
            )
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        stats = outcome_stats(db, LONDON)
    finally:
        db.set_trace_callback(None)
    assert stats.overall.outcomes == 750
    assert stats.overall.followups == 1000
    assert stats.overall.steps_closed == 3000
    assert len(stats.months) == 12
    assert len(statements) <= 3
