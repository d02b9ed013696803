"""Sessions with three clients, for the per-client tests (core, command line and app).

Dana Whitfield at Northwind Retail has two conversations, typed with different case and
spacing; Lee Chan at the same company has one; one session names no client. Today is
Monday 2026-11-23: one of Dana's open steps is overdue, one was moved, one is done.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore

TODAY = date(2026, 11, 23)
WRITTEN = datetime(2026, 11, 15, 10, 0, tzinfo=timezone.utc)
"""The clock while the sessions are written (the day the step was moved)."""

HOSTILE_ACTION = 'Send "final" figures, v2\nwith the [link](http://x.example) & <b>'
FORMULA_ACTION = '=HYPERLINK("http://evil.example","Click")'
FORMULA_OWNER = "@ops team"


def fill_clients(store: SessionStore) -> dict[str, int]:
    """Store the sessions; returns their ids by a short name."""
    ids: dict[str, int] = {}
    # Dana's later conversation, her name typed carelessly (created first, so the other one,
    # with the same time, is the most recently changed and names her).
    loyalty = store.create("scope-creep", "", "Scope of the loyalty add-on")
    ids["loyalty"] = loyalty
    for name, value in {
        "client.name": "dana  WHITFIELD",
        "client.company": "northwind retail ",
        "meeting.date": "2026-11-19",
        "outcome.result": "agreed",
        "outcome.reaction": "Pleased to have it in writing",
    }.items():
        store.set_field(loyalty, name, value)
    store.add_next_step(
        loyalty, NextStep(HOSTILE_ACTION, "person", FORMULA_OWNER, "2026-11-25", created_on="")
    )
    store.add_next_step(loyalty, NextStep(FORMULA_ACTION, "us", "", "2026-11-26"))
    store.add_next_step(loyalty, NextStep("Offer a discount", "us", "", "2026-11-21", "dropped"))

    launch = store.create("project-delays", "", "Checkout launch slips two weeks")
    ids["launch"] = launch
    for name, value in {
        "client.name": "Dana Whitfield",
        "client.company": "Northwind Retail",
        "meeting.date": "2026-11-10",
        "outcome.result": "partly",
        "outcome.reaction": "Relieved, but wants the plan in writing",
        "outcome.worked": "Naming the delay first.\n# Offering the phased plan",
        "outcome.change": "Bring the phased plan *in writing*",
    }.items():
        store.set_field(launch, name, value)
    store.mark_sent(launch, "2026-11-10T15:00:00+00:00")
    store.add_next_step(
        launch, NextStep("Send the revised plan", "us", "", "2026-11-12", "done", "2026-11-12")
    )
    store.add_next_step(launch, NextStep("Confirm the two phases", "client", "", "2026-11-20"))
    board = store.add_next_step(
        launch, NextStep("Brief the board", "person", "Dana Whitfield", "2026-11-18")
    )
    store.reschedule_next_step(board, "2026-11-30", "the board meets later")
    store.add_next_step(launch, NextStep("Book the launch review", "us"))

    invoice = store.create("project-delays", "", "Invoice dispute")
    ids["invoice"] = invoice
    store.set_field(invoice, "client.name", "Lee Chan")
    store.set_field(invoice, "client.company", "Northwind Retail")
    store.set_field(invoice, "meeting.date", "2026-11-05")
    store.set_field(invoice, "outcome.result", "none")

    practice = store.create("project-delays", "", "Practice run")
    ids["practice"] = practice
    store.set_field(practice, "client.company", "Acme")
    return ids
