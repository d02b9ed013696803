"""Pictures of the home screen's Due tab on Monday 23 November 2026 at 09:00 (London)."""

from __future__ import annotations

from typing import Any

from convocoach.locations import Locations
from tests.due_fixtures import add_session, fill_mixed
from tests.tui_support import build_app, open_store


def test_due_tab_most_overdue_first(snap_compare: Any) -> None:
    """U on the home screen: the tab bar reads 'Sessions  ▸ Due  Playbooks' with Due marked;
    under it '1 overdue, 3 due today', then four items of two lines each, the first
    highlighted: '2 days overdue · Us: Send the new price list' (the late part in bold),
    'Due today at 12:00 · Send the follow-up email', 'Due today · Lee Park: Sign the renewal'
    and 'Due today · Check in with Lee Park (1 earlier check-in missed)'; under each, dimmed,
    its session and client ('Price rise for 2027 · Lee Park, Globex', 'Launch slips two
    weeks · Dana Reyes, Acme'). The footer offers 'n New  g Progress  w Workshop  t Sessions'
    and no Filter, Copy or Delete."""
    fill_mixed(Locations.from_env().database)
    assert snap_compare(build_app(), terminal_size=(100, 30), press=["u"])


def test_due_tab_narrow(snap_compare: Any) -> None:
    """The same list at 60x20: the check-in's long first line wraps ('... (1 earlier
    check-in' / 'missed)') rather than being cut off at the right; the footer fits."""
    fill_mixed(Locations.from_env().database)
    assert snap_compare(build_app(), terminal_size=(60, 20), press=["u"])


def test_due_tab_nothing_due(snap_compare: Any) -> None:
    """A session whose email went out and which has nothing else to do: the Due tab says
    'Nothing is overdue or due today.' and, below, what would show there; no list, no
    summary line."""
    with open_store() as store:
        add_session(
            store,
            "All done",
            meeting="2026-11-16",
            sent_at="2026-11-16T15:00:00+00:00",
        )
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["u"])
