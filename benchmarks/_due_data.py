"""A sessions database of many varied sessions, as after months of use (bench_due, bench_tui).

Each session is stored whole through the store's import path (``insert_session``), with
prepared answers, phrases and an edited email, so the file is the size a real one would be.
Around ``today``: meetings from months ago to next week, follow-ups sent or not, next steps
open, done or dropped on both sides, check-ins at every cadence, most held; how much is left
undone is the user's :class:`Habits`.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from convocoach.sessions.checkin_dates import checkin_days
from convocoach.sessions.model import Answer, Checkin, Client, Meeting, NextStep, Session
from convocoach.sessions.store import SessionStore

PLAYBOOKS = ("project-delays", "price-increase", "scope-creep", "quality-complaint")
CADENCES = ("daily", "weekly", "twice_monthly", "monthly")
PEOPLE = ("Dana Whitfield", "Arjun Mehta", "Lena Vogel", "Tomás Ruiz", "Mei Chen", "Kofi Boateng")
COMPANIES = ("Northwind Retail", "Fabrikam", "Contoso Health", "Tailspin Air", "Litware")
ACTIONS = (
    "Send the revised plan with dates for both phases",
    "Confirm whether to launch in two phases",
    "Book a review of the change request",
    "Share the test results from the staging run",
    "Sign off the new scope document",
)


class Habits(NamedTuple):
    """How well the user keeps up: the share of each thing still left undone."""

    open_old: float
    """Next steps due more than a week ago, still open."""
    open_recent: float
    """Next steps due within the last week or later, still open."""
    unsent_old: float
    """Follow-up emails of meetings more than two days ago, not marked sent."""
    unsent_recent: float
    missed: float
    """Check-ins whose day has come, not marked held."""


KEEPS_UP = Habits(open_old=0.03, open_recent=0.6, unsent_old=0.02, unsent_recent=0.5, missed=0.01)
"""A user who works through the Due list: a few things late, the recent ones open."""
BACKLOG = Habits(open_old=0.15, open_recent=0.7, unsent_old=0.05, unsent_recent=0.6, missed=0.1)
"""A user who lets things pile up (hundreds of items due among 1,000 sessions)."""


def make_session(n: int, today: date, rng: random.Random, habits: Habits = KEEPS_UP) -> Session:
    """Session ``n``, its meeting up to four months ago or next week."""
    meeting = today + timedelta(days=rng.randint(-120, 7))
    age = (today - meeting).days
    steps = []
    for _ in range(rng.randint(0, 5)):
        due = meeting + timedelta(days=rng.randint(1, 30))
        kind = rng.choice(("us", "client", "person"))
        still_open = habits.open_old if (today - due).days > 7 else habits.open_recent
        status = "open" if rng.random() < still_open else "done"
        steps.append(
            NextStep(
                action=rng.choice(ACTIONS),
                owner_kind=kind,
                owner_name="Priya Nair" if kind == "person" else "",
                due=due.isoformat(),
                status=status if rng.random() < 0.95 else "dropped",
                done_on=min(due, today).isoformat() if status == "done" else "",
                created_on=meeting.isoformat(),
            )
        )
    cadence = rng.choice(CADENCES)
    first = meeting + timedelta(days=7)
    until = first + timedelta(days=60)
    has_checkins = rng.random() < 0.4
    held = tuple(
        Checkin(due_on=day.isoformat(), done_at=f"{day}T10:00:00+00:00")
        for day in checkin_days(first, min(until, today), cadence)
        if has_checkins and rng.random() >= habits.missed
    )
    unsent = habits.unsent_old if age > 2 else habits.unsent_recent
    return Session(
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        playbook_id=PLAYBOOKS[n % len(PLAYBOOKS)],
        title=f"Conversation {n}: {rng.choice(ACTIONS).lower()}",
        client=Client(name=rng.choice(PEOPLE), company=rng.choice(COMPANIES), role="Director"),
        meeting=Meeting(date=meeting.isoformat(), time=f"{rng.randint(8, 17):02d}:30"),
        stakes="The launch date, the budget and the relationship. " * 3,
        answers=tuple(
            Answer(
                section="prepare", position=k, prompt=f"Question {k}?", answer="An answer. " * 20
            )
            for k in range(8)
        ),
        phrases=("I understand this is frustrating.", "Here is what we will do next."),
        next_steps=tuple(steps),
        cadence=cadence,
        next_checkin=first.isoformat() if has_checkins else "",
        checkin_until=until.isoformat() if has_checkins else "",
        checkins=held,
        email_draft="Dear client,\n\n" + "Thank you for the conversation today. " * 40,
        sent_at="" if rng.random() < unsent else f"{meeting}T15:00:00+00:00",
        step="followup",
    )


def fill_sessions(
    database: Path, count: int, today: date, habits: Habits = KEEPS_UP, seed: int = 18
) -> None:
    """Store ``count`` varied sessions in the database at ``database`` (created if new)."""
    rng = random.Random(seed)
    with SessionStore.open(database) as store:
        for n in range(count):
            store.insert_session(make_session(n, today, rng, habits))
