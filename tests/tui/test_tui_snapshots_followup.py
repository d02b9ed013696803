"""Pictures of the Agree and Follow-up steps as issue 12 left them: dates whole on the
narrowest terminal, the check-ins' end beside their rhythm, an edited email said apart from
its subject."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.test_tui_snapshots import at_step, demo_app, settle


def test_step_agree_narrow(snap_compare: Any) -> None:
    """At 60x20 the next steps table shows each whole date (2026-11-26, 2026-11-27,
    2026-11-30), each owner (Us, The client, Dana Whitfield) and each status ('open') beside a
    shorter What column, below the discussion points; nothing runs off the right edge."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#step-agree").scroll_home(animate=False)
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=run)


def test_step_agree_checkins(snap_compare: Any) -> None:
    """Scrolled to the end of the Agree step: 'How often' (Weekly), 'Next check-in' with its
    date, 'Repeat until' empty with its YYYY-MM-DD hint, and the note that the calendar
    invite repeats the check-ins until then, or for 3 months when it is left empty."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#checkin-until").focus()
        pilot.app.screen.query_one("#step-agree").scroll_end(animate=False)
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_step_followup_edited(snap_compare: Any) -> None:
    """After an edit of the email: the Subject line holds only the subject; below it, in
    italics, 'Your own edit of the email is used (R goes back to the template).'; the preview
    starts with the edited text 'PS:'."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#preview").focus()
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+home", *"PS: ", "ctrl+s")
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_prep_sheet_save_form(snap_compare: Any) -> None:
    """S on the prep sheet (F2): 'Save the prep sheet' asks for the folder (/home/sam/followups,
    the remembered export folder), names the files (…-prep-sheet.md and .html), says the
    folder is remembered for every export, and offers Markdown and HTML, both ticked, with
    Cancel and Save files."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree", "f2")(pilot)
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)
