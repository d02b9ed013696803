"""Pictures of what a new user stumbled on in the home and session screens: the keys in
every footer at 80x24, and the step bar, the empathy phrases and the meeting's place at
60x20 (the smallest size the app supports)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.core.test_rehearsal_engine import AGREE
from tests.tui.test_tui_snapshots import at_step, demo_app, rehearsal, settle

LINK = "https://meet.example.com/northwind-checkout-review?pwd=0123456789"


def test_home_footer_keys(snap_compare: Any) -> None:
    """The Sessions tab at 80x24: the footer reads 'n New  c Copy  del Delete  g Progress
    w Workshop  t Playbooks  f1 Help' and, at the right, '^p palette' — nothing cut off."""
    assert snap_compare(demo_app(), terminal_size=(80, 24))


def test_home_playbooks_tab_footer(snap_compare: Any) -> None:
    """T on the Sessions tab: the Playbooks tab (marked with a triangle), the library with
    the first playbook's prep sheet, and the footer 'n New  / Filter  g Progress  w Workshop
    t Sessions  k Lessons  f1 Help'."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), press=["t"])


def test_step_bar_names_every_step_at_60x20(snap_compare: Any) -> None:
    """At 60x20 every one of the eight steps is named in the bar, some shortened: '✓ Situ
    2 Prep  3 Time  4 Listen  5 Play  ✓ Agree  7 Mail  8 Out', with Listen (the current
    step) highlighted; below, the listening prompts."""
    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=at_step("listen"))


def test_listen_phrases_wrap_at_60x20(snap_compare: Any) -> None:
    """At 60x20, the empathy phrases in full: each long phrase goes on to a second line
    indented under its text (before, each was cut with '…'); the second phrase is ticked
    (an X in its box), the others have an empty box; below, the box to add one's own."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("listen")(pilot)
        pilot.app.screen.query_one("#phrases").focus()
        await pilot.press("down", "space")
        pilot.app.screen.query_one("#own-phrase").focus()
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=run)


def test_situation_place_fits_at_60x20(snap_compare: Any) -> None:
    """At 60x20, scrolled down to the meeting: the Place field holds a long video link and
    ends inside the screen, before the scroll bar, like the fields above it; its text
    scrolls within the field."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("situation")(pilot)
        place = pilot.app.screen.query_one("#f-meeting-place")
        place.focus()
        await pilot.press("ctrl+u", *LINK)  # ctrl+u: clear what is there first
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=run)


def test_followup_footer_keeps_help_and_home(snap_compare: Any) -> None:
    """The Follow up step at 80x24: the footer shows the step's own keys (e Edit, o $EDITOR,
    r Reset, s Save files, y Copy), 'esc Home' and 'f1 Help' whole, then '^p palette'; Next
    (to Outcome), Back and Prep sheet, for which there is no room, are left to F1 and the
    palette rather than cut in half."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("followup"))


def test_agree_table_footer_keeps_help_and_home(snap_compare: Any) -> None:
    """The Agree step with the next-steps table focused, at 80x24: the footer shows the
    table's keys that fit (Edit step, Add step, Remove step), '^n Next', and always 'esc Home'
    and 'f1 Help'; the move keys are in F1."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#steps").focus()
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_rehearsal_footer_keeps_help(snap_compare: Any) -> None:
    """The role-play at 80x24 after one reply: the footer, compact, ends with 'esc Back'
    and 'f1 Help' before '^p palette' (before, 'Quit' pushed Help off the edge)."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=rehearsal(AGREE[0]))
