"""A fixed session, playbook and profile for follow-up tests (no clock, no randomness)."""

from __future__ import annotations

from datetime import datetime, timezone

from convocoach.locations import Locations
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.model import Playbook
from convocoach.profile import Profile
from convocoach.sessions.model import Client, Meeting, NextStep, Session, StepMove

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)

PROFILE = Profile(
    name="Sam Okafor",
    title="Delivery Lead",
    company="Brightline Studio",
    email="sam@brightline.example",
    signature="Sam Okafor\nDelivery Lead",
    timezone="Europe/London",
    business_start="09:00",
    business_end="17:30",
)


def playbook() -> Playbook:
    return load_playbook_file(
        Locations.from_env().bundled_playbooks / "project-delays.yaml"
    ).playbook


def session(**changes: object) -> Session:
    base = Session(
        uuid="0f9a3c2e-5b1d-4e7a-9c3b-2d8e6f4a1b70",
        playbook_id="project-delays",
        title="Northwind checkout launch",
        client=Client(
            "Dana Whitfield",
            "Northwind Retail",
            "Head of E-commerce",
            "director",
            "low",
            "en",
            "dana@northwind.example",
        ),
        meeting=Meeting("2026-11-24", "10:00", 45, "video", "Video call"),
        points=(
            "The payment provider changed its card check.",
            "The rest of the checkout is finished and tested.",
        ),
        next_steps=(
            NextStep("Send the revised plan", "us", "", "2026-11-26"),
            NextStep("Confirm the two-phase launch", "client", "", "2026-11-27"),
            NextStep("Brief the board", "person", "Dana Whitfield", "2026-11-30"),
            NextStep("Dropped idea", "us", "", "", "dropped"),
        ),
        cadence="weekly",
        next_checkin="2026-12-01",
    )
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


CHECKIN_NOW = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
"""The morning of the first check-in (Tuesday 1 December 2026, 08:00 in London)."""


def checkin_session(**changes: object) -> Session:
    """The session a week on: the follow-up sent late on 25 November; one step done since,
    one done before that, one moved with a reason, one open and overdue, one open, one
    dropped."""
    from dataclasses import replace

    base = session(
        sent_at="2026-11-25T09:30:00+00:00",
        next_steps=(
            NextStep("Send the revised plan", "us", "", "2026-11-26", "done", done_on="2026-11-26"),
            NextStep(
                "Confirm the two-phase launch",
                "client",
                "",
                "2026-12-04",
                moves=(
                    StepMove(
                        "2026-11-27", "2026-11-27", "2026-12-04", "the board meets on 3 December"
                    ),
                ),
            ),
            NextStep("Brief the board", "person", "Dana Whitfield", "2026-11-30"),
            NextStep("Book the launch review", "us", "", "2026-12-08"),
            NextStep(
                "Share the card-check test results",
                "us",
                "",
                "2026-11-24",
                "done",
                done_on="2026-11-24",
            ),
            NextStep("Dropped idea", "us", "", "", "dropped"),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]
