"""Pictures of what a second window on the same database can cause (issue 13)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import open_store


def test_conflict_question(snap_compare: Any) -> None:
    """The Situation step with a 'Changed in another window' box over it: 'Company was
    changed in another convocoach window while you were typing here. Nothing is lost yet',
    then 'Saved from the other window' with 'Northwind Retail Group', 'Yours, not saved yet'
    with the demo company followed by Z, 'Tab goes to the buttons.', and the buttons
    'Take theirs' and 'Keep mine', neither focused (a key typed on must not answer)."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("situation")(pilot)
        field = pilot.app.screen.query_one("#f-client-company", Input)
        field.focus()
        await settle(pilot)
        with open_store() as other:
            sid = other.list_sessions()[0].id
            other.set_field(sid, "client.company", "Northwind Retail Group", expected=field.value)
        await pilot.press("end", "Z")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)
