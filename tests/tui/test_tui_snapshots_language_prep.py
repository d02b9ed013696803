"""A picture of the Prepare step for a client in another language, with a fixed clock,
profile (English, the default) and data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from convocoach.demo import DEMO_PLAYBOOK, create_demo_session
from convocoach.locations import Locations
from convocoach.playbooks.library import load_library, search_path
from convocoach.playbooks.loader import load_playbook_file
from convocoach.tui.app import ConvocoachApp
from tests.tui.test_tui_snapshots import at_step
from tests.tui_support import FIXED_NOW, build_app, open_store


def german_client_app() -> ConvocoachApp:
    """The app with the sample session (a slipped launch), its client writing German."""
    library = load_library(search_path(Locations.from_env()), load_playbook_file)
    with open_store() as store:
        sid = create_demo_session(store, library.get(DEMO_PLAYBOOK), FIXED_NOW.date())
        store.set_field(sid, "client.language", "de")
    return build_app(export_dir=Path("/home/sam/followups"))


def test_prepare_for_a_german_client(snap_compare: Any) -> None:
    """Step 2 of the sample session at 80x24 for a client whose language is de (the user's is
    English): under '1 of 21 answered', a box with a bar on its left headed 'Writing to a
    client in German' and, after it, 'F2: more in the prep sheet' (grey in colour), then
    'Address: Sie (Ihr, Ihnen); informal: du',
    'Opening: “Guten Tag Dana Whitfield,”; informal: “Hallo Dana,”', 'Closing: “Mit
    freundlichen Grüßen”; informal: “Viele Grüße”', 'From the playbook' with the project-delays
    playbook's first two notes for a client in another language (short sentences and dates
    written down; no idioms like "slipped through the cracks"). Below, the checklist (shorter,
    its first prompt 'Date first agreed' ticked), that prompt and its answer '14 November', as
    on the step for an English client."""
    assert snap_compare(german_client_app(), terminal_size=(80, 24), run_before=at_step("prepare"))
