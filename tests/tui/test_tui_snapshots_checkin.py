"""Pictures of the Follow up step after the meeting: the follow-up sent late and said so, the
due check-in and its email, the check-in email's save form and the check-in marked held.

The session is the check-in fixture (``tests/followup_fixtures.py``: one step done since the
follow-up, one moved with a reason, one overdue, one open, one done earlier) and the clock is
Tuesday 1 December 2026, 11:05 in London, the day of the first check-in."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from convocoach.locations import Locations
from convocoach.tui.app import ConvocoachApp, make_app
from convocoach.tui.screens.session import SessionScreen
from tests.followup_fixtures import checkin_session
from tests.tui.test_tui_snapshots import settle
from tests.tui_support import open_store, write_profile

CHECKIN_DAY = datetime(2026, 12, 1, 11, 5, tzinfo=timezone.utc)


def checkin_app() -> ConvocoachApp:
    """The app on the check-in day with the check-in fixture as its only session."""
    with open_store() as store:
        store.insert_session(checkin_session())
    locations = Locations.from_env()
    write_profile(locations)
    locations.preferences_file.write_text('{"cursor_blink": false}\n', encoding="utf-8")
    return make_app(locations, clock=lambda: CHECKIN_DAY, export_dir=Path("/home/sam/followups"))


def at_followup(*keys: str) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("enter")  # open the one session from the sessions tab
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        screen.go("followup")
        await settle(pilot)
        screen.query_one("#preview").focus()
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    return run


def test_followup_sent_late_and_checkin_due(snap_compare: Any) -> None:
    """The follow-up as before, and above To: 'Follow-up: Sent Wednesday 25 November 2026 at
    09:30 — late: sent 19 h 45 min after its send-by Tuesday 24 November 2026 at 13:45' in
    bold with '(U takes it back)', then 'Check-in due Tuesday 1 December 2026 (H marks it
    held); C shows its email'."""
    assert snap_compare(checkin_app(), terminal_size=(80, 24), run_before=at_followup())


def test_checkin_email_preview(snap_compare: Any) -> None:
    """C: 'Check-in standard' chosen where the follow-up's template was, 'Check-in email —
    send by Tuesday 1 December 2026 at 13:30 (Europe/London)', the subject 'Check-in: Revised
    delivery plan and next steps (Northwind Retail)', and the email: since my follow-up of
    Wednesday 25 November 2026, Done (the revised plan, done on Thursday 26 November), Moved
    (the two-phase launch, from 27 November to 4 December, because the board meets on 3
    December), Still open (Brief the board, by Monday 30 November, overdue in bold; Book the
    launch review). The line above says 'C goes back to the follow-up'."""
    assert snap_compare(checkin_app(), terminal_size=(100, 44), run_before=at_followup("c"))


def test_checkin_email_save_form(snap_compare: Any) -> None:
    """C then S: 'Save the check-in email' with the folder, files named
    northwind-checkout-launch-checkin.md and so on, and four ticked formats (Markdown, plain
    text, HTML, email draft): no calendar invite."""
    assert snap_compare(checkin_app(), terminal_size=(80, 24), run_before=at_followup("c", "s"))


def test_checkin_marked_held(snap_compare: Any) -> None:
    """H: the line under the follow-up's reads 'Check-in of Tuesday 1 December 2026 held at
    11:05 (Shift+H takes it back); C shows its email'."""
    assert snap_compare(checkin_app(), terminal_size=(80, 24), run_before=at_followup("h"))
