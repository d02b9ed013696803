"""What a new user tripped on in their first hour: the home screen's keys, getting back
from a session, answering the checklist, and when the Timing step counts as done."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.step_bar import StepBar
from convocoach.tui.widgets.tab_bar import TabBar
from convocoach.tui.widgets.text_box import TextBox
from tests.test_tui_session import start_delays_session
from tests.tui_support import build_app, open_store


def footer_keys(app: object) -> list[str]:
    footer = app.screen.query_one(KeyFooter)  # type: ignore[attr-defined]
    return [f"{key.key_display} {key.description}" for key in footer.children]


async def test_three_answers_take_two_keys_besides_the_typing() -> None:
    """Before: Enter, then Shift+Tab, Down, Enter between answers (7 keys for three
    answers). Now typing on the highlighted prompt answers it and Tab goes on to the next
    prompt's answer: 2 keys."""
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.go("prepare")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await pilot.press(*"Two weeks", "tab", *"They fear the board", "tab", *"Phase it")
        await pilot.pause()
        box = screen.query_one("#answer", TextBox)
        assert app.focused is box
        assert box.text == "Phase it"
    with open_store() as store:
        (row,) = store.list_sessions()
        answers = store.get(row.id).answers
    assert [a.answer for a in answers] == ["Two weeks", "They fear the board", "Phase it"]
    assert len({(a.section, a.position) for a in answers}) == 3


async def test_timing_is_ticked_only_once_visited_and_again_after_a_change() -> None:
    """Before, Timing was ticked as soon as the meeting had a date and a time."""
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.editor.set_field("meeting.date", "2026-11-24")
        screen.editor.set_field("meeting.time", "10:00")
        screen.go("prepare")
        await pilot.pause()
        bar = screen.query_one(StepBar)
        assert "timing" not in bar.done
        screen.go("timing")
        await pilot.pause()
        assert "timing" in bar.done
        screen.go("situation")
        screen.editor.set_field("meeting.time", "17:30")
        screen.go("listen")
        await pilot.pause()
        assert "timing" not in bar.done  # a new time: the check needs a new look
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # reopen it: what was seen is remembered
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        app.screen.go("timing")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "timing" in app.screen.query_one(StepBar).done
