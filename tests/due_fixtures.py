"""Sessions with things due, at known days, for the due list's tests (core, CLI, app).

23 November 2026 is a Monday. London is on GMT then (the same clock as UTC); Auckland is on
NZDT, thirteen hours ahead.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from convocoach.sessions.model import Checkin, Client, Meeting, NextStep, Session
from convocoach.sessions.store import SessionStore


def utc(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


def add_session(
    store: SessionStore,
    title: str,
    *,
    client: str = "Dana Reyes",
    company: str = "Acme",
    meeting: str = "",
    at: str = "10:00",
    minutes: int = 60,
    sent_at: str = "",
    steps: tuple[NextStep, ...] = (),
    next_checkin: str = "",
    until: str = "",
    cadence: str = "weekly",
    held: tuple[str, ...] = (),
    **more: Any,
) -> int:
    """Store one whole session; returns its id."""
    return store.insert_session(
        Session(
            uuid=str(uuid.uuid4()),
            playbook_id="project-delays",
            title=title,
            client=Client(name=client, company=company),
            meeting=Meeting(date=meeting, time=at if meeting else "", duration_min=minutes),
            sent_at=sent_at,
            next_steps=steps,
            next_checkin=next_checkin,
            checkin_until=until,
            cadence=cadence,
            checkins=tuple(Checkin(due_on=day, done_at=f"{day}T10:00:00+00:00") for day in held),
            **more,
        )
    )


def step(
    action: str, due: str, owner: str = "us", name: str = "", status: str = "open"
) -> NextStep:
    return NextStep(action=action, owner_kind=owner, owner_name=name, due=due, status=status)


def fill_mixed(database: Path) -> dict[str, int]:
    """A small database with one of each kind of item, for the command line and the app.

    At Monday 23 November 2026, 09:00 in London: the launch email (meeting Friday after
    hours) is due at 12:00; our price list is 2 days overdue; Lee Park's signature is due
    today; the weekly check-in is due today, with one missed before it. Nothing else is.
    """
    with SessionStore.open(database, clock=lambda: utc(23, 9)) as store:
        return {
            "launch": add_session(
                store, "Launch slips two weeks", meeting="2026-11-20", at="17:00"
            ),
            "pricing": add_session(
                store,
                "Price rise for 2027",
                client="Lee Park",
                company="Globex",
                meeting="2026-11-16",
                sent_at="2026-11-16T15:00:00+00:00",
                steps=(
                    step("Send the new price list", "2026-11-21"),
                    step("Sign the renewal", "2026-11-23", owner="client"),
                    step("Book the review", "2026-11-30"),
                    step("Old task", "2026-11-01", status="done"),
                ),
                next_checkin="2026-11-09",
                until="2026-12-31",
                held=("2026-11-09",),
            ),
            "future": add_session(store, "Next month's talk", meeting="2026-12-10"),
        }
