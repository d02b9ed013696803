"""A rehearsal with a client who reads English as a second language: the playbook's notes
for such a client beside the role-play, the coach's CLEAR verdicts while typing, and a
client who asks what an idiom means."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.rehearsal import RehearsalScreen
from convocoach.tui.widgets.language_notes import HEADING, LanguageNotes
from convocoach.tui.widgets.reply_box import ReplyBox
from tests.core.test_rehearsal_non_native import BALLPARK
from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import open_store, wait_until


def client_in(language: str) -> ConvocoachApp:
    """The sample session (project delays, Dana Whitfield), its client's language set."""
    app = demo_app()
    with open_store() as store:
        [row] = store.list_sessions()
        store.set_field(row.id, "client.language", language)
    return app


def shown(widget: Static) -> str:
    content = widget.render()
    return content.plain if isinstance(content, Content) else str(content)


async def open_rehearsal(pilot: Any) -> RehearsalScreen:
    await at_step("rehearse", "r")(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RehearsalScreen)
    return screen


async def test_the_client_asks_what_an_idiom_means() -> None:
    app = client_in("fr")
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot)
        assert screen.reader == "non_native"
        notes = shown(screen.query_one(LanguageNotes))
        assert notes.startswith(f"{HEADING} (fr)")
        assert 'Avoid idioms like "slipped through the cracks"' in notes
        mood = screen.state.mood
        screen.query_one(ReplyBox).insert(BALLPARK)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.state.exchanges[-1].heard == "unclear"
        assert screen.state.mood == mood
        lines = [shown(s) for s in screen.query("#transcript .client").results(Static)]
        assert (
            lines[-1]
            == "Dana Whitfield: Sorry \u2014 what do you mean by \u2018ballpark figure\u2019?"
        )
        effect = shown(list(screen.query("#transcript .effect").results(Static))[-1])
        assert "penalties: CLEAR" in effect


async def test_live_feedback_judges_the_draft_for_the_reader() -> None:
    app = client_in("pt-BR")
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot)
        screen.query_one(ReplyBox).insert("Please bear with us.")
        await wait_until(pilot, lambda: "CLEAR" in shown(screen.query_one("#feedback", Static)))


async def test_a_client_of_ones_own_language_gets_no_notes_and_no_question() -> None:
    app = client_in("en-GB")
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot)
        assert screen.reader == "native"
        assert not screen.query(LanguageNotes)
        screen.query_one(ReplyBox).insert(BALLPARK)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.state.exchanges[-1].heard != "unclear"
        assert "CLEAR" not in dict(screen.state.exchanges[-1].statuses)
