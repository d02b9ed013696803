"""Pictures of the sessions grouped by client and of a client's page, with a fixed clock
(Monday 2026-11-23), profile and data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from convocoach.tui.app import ConvocoachApp
from tests.client_fixtures import fill_clients
from tests.tui_support import build_app, open_store


def clients_app() -> ConvocoachApp:
    """Dana Whitfield (two conversations), Lee Chan and a session with no client name."""
    with open_store() as store:
        fill_clients(store)
    # A fixed folder (never written to here) so the export form looks the same everywhere.
    return build_app(export_dir=Path("/home/sam/followups"))


async def by_client(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()


async def client_page(pilot: Pilot[Any]) -> None:
    await by_client(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def export_form(pilot: Pilot[Any]) -> None:
    await client_page(pilot)
    await pilot.press("s")
    await pilot.pause()


def test_home_by_client(snap_compare: Any) -> None:
    """The Sessions tab after B: three clients on the left, each with a second line of
    counts ('Dana Whitfield, Northwind Retail' / '2 conversations · 5 open next steps ·
    1 overdue', 'Lee Chan, Northwind Retail', 'No client named' last); on the right, Dana at
    a glance: her two conversations with their dates, outcomes (Partly agreed, Agreed),
    whether the follow-up was sent, and open steps."""
    assert snap_compare(clients_app(), terminal_size=(80, 24), run_before=by_client)


def test_home_by_client_wide(snap_compare: Any) -> None:
    """At 120 columns the footer has room for 'B All sessions', the key back to the plain
    list (Copy and Delete are greyed: a client, not a session, is highlighted)."""
    assert snap_compare(clients_app(), terminal_size=(120, 24), run_before=by_client)


def test_home_by_client_narrow(snap_compare: Any) -> None:
    """At 60x20 the clients sit above Dana's summary instead of beside it; nothing is cut
    off sideways."""
    assert snap_compare(clients_app(), terminal_size=(60, 20), run_before=by_client)


def test_client_page(snap_compare: Any) -> None:
    """Dana's page: her name and '2 conversations · 5 open · 1 overdue' at the top; the two
    conversations (title in bold, then date · playbook · outcome · follow-up sent or not),
    the first highlighted; under 'Open commitments', what we owe, what the client owes
    ('Confirm the two phases … due 2026-11-20  overdue', 'Brief the board … Dana Whitfield')
    and what others owe (the '@ops team' step on one line, its text shown as typed, brackets
    and all);
    the footer offers Save and Back."""
    assert snap_compare(clients_app(), terminal_size=(80, 30), run_before=client_page)


def test_client_export_form(snap_compare: Any) -> None:
    """S on Dana's page: the 'Save the client's history' form over it, the folder
    /home/sam/followups, files named 'dana-whitfield-northwind-retail-history.md, .csv and so
    on', and the three formats ticked (Markdown, CSV for a spreadsheet or CRM, calendar
    to-dos)."""
    assert snap_compare(clients_app(), terminal_size=(80, 30), run_before=export_form)
