"""Pictures of the session limits at work: a paste cut to fit says what was cut."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

from convocoach.tui.widgets.field import Field
from tests.tui.test_tui_snapshots import at_step, demo_app, settle


def test_paste_cut_in_a_one_line_field(snap_compare: Any) -> None:
    """A two-line paste of 350 characters into the emptied Place field of the Situation step:
    the field shows the start of the pasted x's (what fits, 300 of them), and a warning notice
    says 'The paste was cut: only its first line was kept (this field holds one line); 50
    characters did not fit (this field holds at most 300).'"""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("situation")(pilot)
        place = pilot.app.screen.query_one("#f-meeting-place", Field)
        place.value = ""
        place.focus()
        place.post_message(events.Paste("x" * 350 + "\nand a second line"))
        await settle(pilot)
        place.action_home()
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(90, 30), run_before=run)
