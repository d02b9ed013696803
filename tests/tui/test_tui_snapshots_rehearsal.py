"""Pictures of what new users tripped on around rehearsals, fixed: progress bars on one
0-100% scale that fit the smallest terminal, the hint beside the reply box, and the Rehearse
step that says what a rehearsal is before anything else."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.widgets.reply_box import ReplyBox
from tests.core.test_rehearsal_engine import AGREE, BLAME, play
from tests.tui.test_tui_rehearsal_stumbles import store_rehearsals
from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import build_app


def three_rehearsals() -> ConvocoachApp:
    """The sample session with two agreements and then a walk-out, oldest first."""
    store_rehearsals(play(*AGREE), play(*AGREE), play(*BLAME))
    return build_app()


async def open_progress(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("g")
    await settle(pilot)


def test_progress_bars_on_one_scale(snap_compare: Any) -> None:
    """'Over 3 rehearsals, oldest to newest:' then a row per dimension, each title in full.
    FEEL: two low bars (33%) and a lowest bar (0%), 'latest 0% (-33 points)'. NEXT: two full
    blocks and a gap, 'latest n/a (last measured 100%)'. PLAIN: three full blocks (a steady
    100%), 'latest 100% (no change)'. NOBLAME: two full blocks and a lowest one."""
    assert snap_compare(three_rehearsals(), terminal_size=(80, 24), run_before=open_progress)


def test_progress_narrow(snap_compare: Any) -> None:
    """At 60x20 the same rows fit: titles shortened with '…' where needed, and every row's
    'latest …' text whole, including 'latest n/a (last measured 100%)' for NEXT and OWN."""
    assert snap_compare(three_rehearsals(), terminal_size=(60, 20), run_before=open_progress)


def test_rehearsal_hint_beside_the_reply_box(snap_compare: Any) -> None:
    """F3 while typing: a 'Hint:' strip with a listening prompt from the playbook and '(F3:
    another; it goes when you send)' sits between Dana's opening line and the reply box; the
    reply box below it still shows the draft 'I hear you' and nothing covers it."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("rehearse", "r")(pilot)
        pilot.app.screen.query_one(ReplyBox).insert("I hear you")
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_step_rehearse_narrow(snap_compare: Any) -> None:
    """At 60x20 the Rehearse step still opens with what a rehearsal is and 'Press R to
    start', above the 'Your client' card."""
    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=at_step("rehearse"))


def test_rehearsal_hint_narrow(snap_compare: Any) -> None:
    """At 60x20, with the side panel under the talk: the 'Hint:' strip above the reply box,
    the box with the draft 'I hear you' whole below it, and Dana's line above them."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("rehearse", "r")(pilot)
        pilot.app.screen.query_one(ReplyBox).insert("I hear you")
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=run)
