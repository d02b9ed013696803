"""Pictures for issue 13: a session whose template is a path shows an error and no file, and
the client email field says it takes one address."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.tui.app import ConvocoachApp
from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import open_store


def forged_demo_app() -> ConvocoachApp:
    """The sample session as an imported or edited file could leave it: a path as template,
    two addresses as the client's email."""
    app = demo_app()
    with open_store() as store:
        store.set_field(1, "template", "/etc/passwd")
        store.set_field(1, "client.email", "dana@example.com, other@example.com")
    return app


def test_step_followup_template_is_a_path(snap_compare: Any) -> None:
    """Follow-up step of a session whose template is '/etc/passwd': the Template box is blank
    (not switched to another template); the To line says 'Dana Whitfield (no address:
    'dana@example.com, other@example.com' is not one address, like dana@example.com)'; an
    error in red reads "template '/etc/passwd': write a template name like standard (no
    folder, no path)" with the template names; no email and no line of /etc/passwd below."""
    assert snap_compare(forged_demo_app(), terminal_size=(100, 24), run_before=at_step("followup"))


def test_step_situation_two_addresses(snap_compare: Any) -> None:
    """Situation step, after typing a second address into the client email: the field is
    marked invalid and under it reads 'Not saved yet: write one address, like
    dana@example.com.'"""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("situation")(pilot)
        field = pilot.app.screen.query_one("#f-client-email")
        field.focus()
        await pilot.press("end", *", tom@example.com")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)
