"""Pictures of what comes after the meeting (issue 18): the Outcome step filled in, the Agree
step with a step done and a step moved, and the question a move asks."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.rehearsal.engine import begin
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.tui.app import ConvocoachApp
from tests.core.test_rehearsal_engine import AGREE, delays, play
from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import open_store


def after_meeting_app() -> ConvocoachApp:
    """The sample session after its meeting: rehearsed to agreement, the outcome recorded,
    its first next step done and its second moved twice."""
    app = demo_app()
    with open_store() as store:
        (row,) = store.list_sessions()
        sid = row.id
        log = RehearsalLog(store)
        log.save(log.start(sid, "project-delays", begin(delays())), play(*AGREE), 240)
        store.set_field(sid, "outcome.result", "partly")
        store.set_field(sid, "outcome.reaction", "Relieved, but wants the phased plan in writing")
        store.set_field(sid, "outcome.worked", "Saying the new date in the first minute.")
        store.set_field(sid, "outcome.change", "Bring the phased plan in writing.")
        store.set_came_up(sid, ["How do we know the new date will hold?", "Who pays for this?"])
        first, second, *_ = store.get(sid).next_steps
        store.update_next_step(first.id, status="done")
        store.reschedule_next_step(second.id, "2026-12-02", "Their legal team reviews it first")
        store.reschedule_next_step(second.id, "2026-12-04", "Dana is away until Thursday")
    return app


def test_outcome_step_filled_in(snap_compare: Any) -> None:
    """The Outcome step at 100x40, eighth and current in the step bar: at the top 'Rehearsed:
    agreement at mood 8 — real: partly agreed' and 'The meeting went worse than the
    rehearsal.'; Result 'Partly agreed', the client's reaction, what worked, and what to
    change under the line saying it becomes a lesson; below, the four prepared questions with
    the second and third ticked (an X in the box), the others with an empty box."""
    assert snap_compare(after_meeting_app(), terminal_size=(100, 40), run_before=at_step("outcome"))


def test_agree_with_a_step_done_and_a_step_moved(snap_compare: Any) -> None:
    """The Agree step at 100x30 with the table focused on its second row: the first step's
    status reads 'done ✓ 23 Nov'; the second, due 2026-12-04, reads 'open, moved ×2: Dana
    is away until…' and, under the table, 'Moved 2 times; last on 2026-11-23, from
    2026-12-02 to 2026-12-04: Dana is away until Thursday'; the line above the table names
    the keys D, U and M."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#steps").focus()
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(after_meeting_app(), terminal_size=(100, 30), run_before=run)


def test_move_step_dialog_says_what_to_write(snap_compare: Any) -> None:
    """M on the third next step, at 80x24: a dialog 'Move a next step' with the step's text
    in bold, 'Due 2026-11-30' under it, the New date field holding '30/11' and, under
    the fields, 'New date: “30/11” is no date; write one like 2026-12-14.'; the Why field is empty;
    Cancel and Move buttons at the bottom right."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#steps").focus()
        await pilot.press("down", "down", "m")
        await settle(pilot)
        await pilot.press(*"30/11", "enter")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)
