"""Real outcomes over time: how often a conversation reached agreement, how many days a next
step took to close, how often the follow-up went out on time; overall and by month.

Three SQL queries over every session (grouped in the database, so a thousand sessions stay
quick); only the follow-ups, whose send-by time depends on the sender's business hours, are
judged row by row with the same rule as the follow-up step (``followup.context.send_by_for``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from convocoach.followup.context import send_by_for
from convocoach.profile import Profile
from convocoach.sessions.model import Meeting, Session
from convocoach.wording import counted


@dataclass(frozen=True, slots=True)
class Figures:
    """One period's outcomes (``month`` like "2026-11"; "" for all time)."""

    month: str = ""
    outcomes: int = 0
    """Conversations with a recorded outcome."""
    agreed: int = 0
    partly: int = 0
    steps_closed: int = 0
    """Next steps done, with the day agreed and the day done both known."""
    close_days: int = 0
    """Days from agreed to done, summed over those steps."""
    followups: int = 0
    """Follow-ups marked sent, of sessions with a meeting date (so a send-by time)."""
    on_time: int = 0

    @property
    def agreed_share(self) -> float | None:
        return self.agreed / self.outcomes if self.outcomes else None

    @property
    def partly_share(self) -> float | None:
        return self.partly / self.outcomes if self.outcomes else None

    @property
    def average_close_days(self) -> float | None:
        return self.close_days / self.steps_closed if self.steps_closed else None

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.followups if self.followups else None

    @property
    def empty(self) -> bool:
        return not (self.outcomes or self.steps_closed or self.followups)


@dataclass(frozen=True, slots=True)
class OutcomeStats:
    overall: Figures
    months: tuple[Figures, ...] = field(default=())
    """Each month with any figure, oldest first."""


_OUTCOMES = (
    "SELECT substr(CASE WHEN meeting_date != '' THEN meeting_date ELSE outcome_recorded_at END,"
    " 1, 7) AS month, outcome_result, COUNT(*) FROM sessions WHERE outcome_result != '' "
    "GROUP BY month, outcome_result"
)
_STEPS = (
    "SELECT substr(done_on, 1, 7) AS month, COUNT(*), "
    "SUM(max(0, CAST(julianday(done_on) - julianday(created_on) AS INTEGER))) "
    "FROM next_steps WHERE status = 'done' AND done_on != '' AND created_on != '' "
    "AND julianday(done_on) IS NOT NULL AND julianday(created_on) IS NOT NULL GROUP BY month"
)
_SENT = (
    "SELECT meeting_date, meeting_time, meeting_duration_min, sent_at FROM sessions "
    "WHERE sent_at != '' AND meeting_date != ''"
)


def outcome_stats(db: sqlite3.Connection, profile: Profile) -> OutcomeStats:
    """The figures over every session in the database (``SessionStore.connection``)."""
    months: dict[str, dict[str, int]] = {}

    def month(key: str) -> dict[str, int]:
        return months.setdefault(key, {})

    def add(figures: dict[str, int], name: str, value: int) -> None:
        figures[name] = figures.get(name, 0) + value

    for key, result, count in db.execute(_OUTCOMES):
        figures = month(str(key))
        add(figures, "outcomes", int(count))
        if result in ("agreed", "partly"):
            add(figures, str(result), int(count))
    for key, count, days in db.execute(_STEPS):
        figures = month(str(key))
        add(figures, "steps_closed", int(count))
        add(figures, "close_days", int(days or 0))
    for key, sent in _followups(db.execute(_SENT), profile):
        figures = month(key)
        add(figures, "followups", 1)
        add(figures, "on_time", int(sent))
    rows = tuple(Figures(key, **months[key]) for key in sorted(months))
    total = Figures(
        "",
        outcomes=sum(row.outcomes for row in rows),
        agreed=sum(row.agreed for row in rows),
        partly=sum(row.partly for row in rows),
        steps_closed=sum(row.steps_closed for row in rows),
        close_days=sum(row.close_days for row in rows),
        followups=sum(row.followups for row in rows),
        on_time=sum(row.on_time for row in rows),
    )
    return OutcomeStats(total, rows)


def _followups(
    rows: Iterable[tuple[str, str, int, str]], profile: Profile
) -> Iterable[tuple[str, bool]]:
    """Each sent follow-up's month (its meeting's) and whether it went out by its send-by."""
    for day, start, minutes, sent_at in rows:
        session = Session(uuid="", playbook_id="", meeting=Meeting(day, start, int(minutes)))
        try:
            deadline = send_by_for(session, profile)
            sent = datetime.fromisoformat(sent_at)
        except ValueError:
            continue  # a date or time that cannot be read is left out, not guessed
        if deadline is None or sent.tzinfo is None:
            continue
        yield day[:7], sent <= deadline


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.0%}"


def agreement_words(figures: Figures) -> str:
    """ "3 of 5 reached agreement (60%); 1 more partly (20%)" """
    if not figures.outcomes:
        return "no outcome recorded yet"
    words = (
        f"{figures.agreed} of {figures.outcomes} reached agreement "
        f"({_percent(figures.agreed_share)})"
    )
    if figures.partly:
        words += f"; {figures.partly} more partly ({_percent(figures.partly_share)})"
    return words


def close_words(figures: Figures) -> str:
    """ "4.5 days on average, over 2 next steps done" """
    average = figures.average_close_days
    if average is None:
        return "no next step marked done yet"
    return f"{average:.1f} days on average, over {counted(figures.steps_closed, 'next step')} done"


def on_time_words(figures: Figures) -> str:
    """ "2 of 3 sent by their send-by time (67%)" """
    if not figures.followups:
        return "no follow-up marked sent yet"
    return (
        f"{figures.on_time} of {figures.followups} sent by their send-by time "
        f"({_percent(figures.on_time_share)})"
    )


MONTH_HEADER = ("Month", "Agreed", "Partly", "Days to close", "On time")


def month_cells(figures: Figures) -> tuple[str, str, str, str, str]:
    """A month's row of the table: agreed and partly of the outcomes, the average days to
    close (and over how many steps), the follow-ups on time; "-" where nothing happened."""
    average = figures.average_close_days
    return (
        figures.month,
        f"{figures.agreed}/{figures.outcomes}" if figures.outcomes else "-",
        f"{figures.partly}/{figures.outcomes}" if figures.outcomes else "-",
        f"{average:.1f} ({figures.steps_closed})" if average is not None else "-",
        f"{figures.on_time}/{figures.followups}" if figures.followups else "-",
    )
