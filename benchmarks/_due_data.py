"""A sessions database of many varied sessions, as after months of use (bench_due, bench_tui).

Each session is stored whole through the store's import path (``insert_session``), with
prepared answers, phrases and an edited email, so the file is the size a real one would be.
Around ``today``: meetings from months ago to next week, follow-ups sent or not, next steps
open, done or dropped on both sides, check-ins at every cadence, some held.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from pathlib import Path

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


def make_session(n: int, today: date, rng: random.Random) -> Session:
    """Session ``n``: recent ones have more left to do, as a real user's would."""
    meeting = today + timedelta(days=rng.randint(-120, 7))
    age = (today - meeting).days
    steps = []
    for _ in range(rng.randint(0, 5)):
        due = meeting + timedelta(days=rng.randint(1, 30))
        kind = rng.choice(("us", "client", "person"))
        status = "open" if rng.random() < (0.15 if (today - due).days > 14 else 0.7) else "done"
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
    first = meeting + timedelta(days=7)
    has_checkins = rng.random() < 0.4
    held = tuple(
        Checkin(due_on=(first + timedelta(days=7 * k)).isoformat(), done_at=f"{first}T10:00:00Z")
        for k in range(age // 7)
        if has_checkins and rng.random() < 0.9
    )
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
        cadence=rng.choice(CADENCES),
        next_checkin=first.isoformat() if has_checkins else "",
        checkin_until=(first + timedelta(days=60)).isoformat() if has_checkins else "",
        checkins=held,
        email_draft="Dear client,\n\n" + "Thank you for the conversation today. " * 40,
        sent_at=f"{meeting}T15:00:00Z" if rng.random() < (0.97 if age > 7 else 0.4) else "",
        step="followup",
    )


def fill_sessions(database: Path, count: int, today: date, seed: int = 18) -> None:
    """Store ``count`` varied sessions in the database at ``database`` (created if new)."""
    rng = random.Random(seed)
    with SessionStore.open(database) as store:
        for n in range(count):
            store.insert_session(make_session(n, today, rng))
