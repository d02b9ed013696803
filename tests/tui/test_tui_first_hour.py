"""What a new user tripped on in their first hour: the home screen's keys, getting back
from a session, answering the checklist, and when the Timing step counts as done."""

from __future__ import annotations

from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from convocoach.sessions.steps import StepKey
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.session_list import SessionList
from convocoach.tui.widgets.step_bar import StepBar
from convocoach.tui.widgets.tab_bar import TabBar
from convocoach.tui.widgets.text_box import TextBox
from tests.tui.test_tui_session import start_delays_session
from tests.tui_support import build_app, open_store


def footer_keys(app: ConvocoachApp) -> list[str]:
    footer = app.screen.query_one(KeyFooter)
    return [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]


async def test_down_from_the_filter_reaches_the_list() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"delays")
        assert isinstance(app.focused, Input)
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#playbooks", OptionList)
        await pilot.press("enter")  # the first match, chosen straight away
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.playbook is not None
        assert app.screen.playbook.id == "project-delays"


async def test_t_switches_the_tabs_and_the_footer_says_where_it_goes() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # a session, so that both tabs have something
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        tabs = app.screen.query_one(TabBar)
        assert tabs.current == "sessions"
        assert "t Playbooks" in footer_keys(app)
        await pilot.press("t")
        await pilot.pause()
        assert tabs.current == "library"
        assert app.focused is app.screen.query_one("#playbooks", OptionList)
        assert "t Sessions" in footer_keys(app)
        await pilot.press("t")
        await pilot.pause()
        assert tabs.current == "sessions"
        await pilot.press("f1")
        await pilot.pause()
        help_page = app.screen.query_one(MarkdownPage).source
        # The keys table is made from the screen's commands: T, the other tab, and the rest.
        assert "| T | Show the playbook library |" in help_page
        assert (
            "| Enter | Open the session or the client, or start a new one from the playbook |"
            in help_page
        )
        assert "| F1 | Keys and tips for what is on screen |" in help_page
        assert "| Ctrl+Q or Ctrl+C | Quit (everything is already saved) |" in help_page


async def test_back_from_a_new_session_shows_it_on_the_sessions_tab() -> None:
    """Before: Esc led back to the Playbooks tab, still filtered to the playbook just used."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        with open_store() as store:
            older = store.create("budget-constraints", title="An older one")
        await start_delays_session(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one(TabBar).current == "sessions"
        sessions = home.query_one(SessionList)
        assert app.focused is sessions.query_one("#sessions", OptionList)
        highlighted = sessions.highlighted
        assert highlighted is not None
        assert highlighted.id != older
        assert highlighted.playbook_id == "project-delays"
        assert home.query_one("#filter", Input).value == ""
        titles = home.query_one("#playbooks", OptionList)
        assert titles.option_count > 1  # the whole library again


async def test_the_home_footer_shows_progress_workshop_and_help_at_80x24() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = footer_keys(app)
        for key in ("n New", "g Progress", "w Workshop", "t Sessions", "f1 Help"):
            assert key in keys


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
        await pilot.press("shift+tab")  # back to the list, on the prompt just answered
        assert isinstance(app.focused, OptionList)
        prompts = screen.query_one("PrepareStep").prompts[:3]  # type: ignore[attr-defined]
        assert str(screen.query_one("#prompt", Static).render()) == prompts[2].text
    with open_store() as store:
        (row,) = store.list_sessions()
        session = store.get(row.id)
    # The first prompts are the case's figures (a session field each), then the checklist.
    given = {a.prompt: a.answer for a in session.answers}
    said = [
        getattr(session.case, p.field.removeprefix("case.")) if p.field else given[p.text]
        for p in prompts
    ]
    assert said == ["Two weeks", "They fear the board", "Phase it"]


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


async def test_every_footer_fits_80x24_and_keeps_help_and_the_way_back() -> None:
    """Before, a busy step's footer ran off the right edge and took F1 (and Esc) with it."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_delays_session(pilot, app)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        steps: tuple[tuple[StepKey, str], ...] = (
            ("situation", ""),
            ("prepare", ""),
            ("timing", ""),
            ("listen", ""),
            ("rehearse", ""),
            ("agree", "#steps"),
            ("followup", "#preview"),
        )
        for step, focus in steps:
            screen.go(step)
            await pilot.pause()
            if focus:
                screen.query_one(focus).focus()
            await pilot.pause()
            await pilot.pause()
            footer = screen.query_one(Footer)
            keys = footer_keys(app)
            assert footer.max_scroll_x == 0, (step, keys)
            assert {"f1 Help", "esc Home"} <= set(keys), (step, keys)


async def test_f1_lists_the_keys_of_the_screen_the_step_and_the_app() -> None:
    """The keys table is made from the commands on screen, so it cannot drift from them."""
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.go("agree")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        page = app.screen.query_one(MarkdownPage).source
        for row in (
            "| A | Add a next step |",  # the step's
            "| Shift+Up | Move the highlighted step up |",
            "| Ctrl+N | Go to the next step |",  # the session's
            "| Tab or Shift+Tab | Next or previous field |",  # noted, not a command
            "| F9 | Switch between the light and the dark theme |",  # the app's
        ):
            assert row in page
        assert "# 6. Agree" in page
