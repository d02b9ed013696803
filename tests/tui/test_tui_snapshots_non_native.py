"""A picture of the role-play with a client who reads English as a second language."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.tui.widgets.reply_box import ReplyBox
from tests.core.test_rehearsal_non_native import BALLPARK
from tests.tui.test_tui_rehearsal_non_native import client_in
from tests.tui.test_tui_snapshots import at_step, settle


def test_the_client_asks_what_an_idiom_means(snap_compare: Any) -> None:
    """The sample session's client (Dana Whitfield) set to French. The side panel shows, under
    her name, a box 'Reads English as a second language (fr)' with the playbook's three notes
    for such a client (short sentences and dates written down; avoid idioms like "slipped
    through the cracks"; confirm in writing). The reply 'I can give you a ballpark figure
    for the new date today' has been sent: the transcript shows it, the line under it says
    'penalties: CLEAR' and that the client did not follow 'ballpark figure', and Dana answers
    'Sorry — what do you mean by ‘ballpark figure’?' instead of moving on; the mood is
    unchanged. The feedback panel lists CLEAR as failed, with 'ballpark figure' and its
    plain alternative 'rough figure'."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("rehearse", "r")(pilot)
        pilot.app.screen.query_one(ReplyBox).insert(BALLPARK)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(client_in("fr"), terminal_size=(110, 40), run_before=run)
