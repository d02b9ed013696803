"""A realistic sample session, so a new user sees a full follow-up in one command."""

from __future__ import annotations

from datetime import date, timedelta

from convocoach.followup.sendby import workday_on_or_after
from convocoach.playbooks.model import PlaybookFile
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore

DEMO_PLAYBOOK = "project-delays"
DEMO_TITLE = "Northwind checkout launch slips two weeks"


def _weekday_after(day: date, days: int) -> date:
    return workday_on_or_after(day + timedelta(days=days))


def existing_demo_session(store: SessionStore) -> int | None:
    """The sample session made earlier, if it is still there."""
    return store.find_titled(DEMO_PLAYBOOK, DEMO_TITLE)


def create_demo_session(store: SessionStore, playbook: PlaybookFile | None, today: date) -> int:
    """Store the sample session (a slipped launch at a retail client); returns its id."""
    digest = playbook.digest if playbook else ""
    sid = store.create(DEMO_PLAYBOOK, digest, DEMO_TITLE)
    meeting = _weekday_after(today, 1)
    fields: dict[str, str | int] = {
        "client.name": "Dana Whitfield",
        "client.company": "Northwind Retail",
        "client.role": "Head of E-commerce",
        "client.seniority": "director",
        "client.tech_level": "low",
        "client.email": "dana.whitfield@northwind.example",
        "meeting.date": meeting.isoformat(),
        "meeting.time": "10:00",
        "meeting.duration_min": 45,
        "meeting.channel": "video",
        "meeting.place": "Video call",
        "cadence": "weekly",
        "next_checkin": _weekday_after(meeting, 7).isoformat(),
        "stakes": "The new checkout was promised for the holiday campaign; Dana has "
        "already briefed her board.",
        "case.old_date": "14 November",
        "case.new_date": "28 November",
        "case.delay": "two weeks",
        "step": "agree",
    }
    for name, value in fields.items():
        store.set_field(sid, name, value)
    store.set_answer(
        sid,
        "facts",
        0,
        "What exactly is late, by how much, and since when have you known?",
        "Card payments: two weeks; we knew on Monday.",
    )
    store.set_list(
        sid,
        "points",
        [
            "The payment provider changed its card check, so our integration must be redone.",
            "The rest of the checkout is finished and tested.",
            "Launching in two phases keeps the campaign date for the browsing pages.",
        ],
    )
    steps = [
        NextStep(
            "Send the revised plan with dates for both phases",
            "us",
            "",
            _weekday_after(meeting, 2).isoformat(),
        ),
        NextStep(
            "Confirm whether to launch in two phases",
            "client",
            "",
            _weekday_after(meeting, 3).isoformat(),
        ),
        NextStep(
            "Brief the board on the new payment date",
            "person",
            "Dana Whitfield",
            _weekday_after(meeting, 5).isoformat(),
        ),
    ]
    for step in steps:
        store.add_next_step(sid, step)
    return sid
