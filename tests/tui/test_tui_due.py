"""The Due tab of the home screen at fixed clock times: before, at and after the email's
send-by time, across a weekend and in the sender's own time zone; Enter opens the session
at the step where the item is done."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import OptionList, Static

from convocoach.locations import Locations
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.due_list import DueList
from convocoach.tui.widgets.tab_bar import TabBar
from tests.due_fixtures import add_session, fill_mixed, step, utc
from tests.tui.test_tui_first_hour import footer_keys
from tests.tui_support import build_app, open_store


class Clock:
    """The app's clock, moved on by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def due_app(now: datetime, zone: str = "") -> tuple[ConvocoachApp, Clock]:
    app = build_app()
    if zone:
        settings = Locations.from_env().settings_file
        settings.write_text(settings.read_text(encoding="utf-8").replace("Europe/London", zone))
    clock = Clock(now)
    app.context.clock = clock
    return app, clock


def due_list(app: ConvocoachApp) -> DueList:
    return app.screen.query_one(DueList)


def lines(app: ConvocoachApp) -> list[str]:
    options = due_list(app).query_one("#due-items", OptionList)
    return [
        str(options.get_option_at_index(n).prompt).split("\n")[0]
        for n in range(options.option_count)
    ]


async def test_u_shows_what_is_due_most_overdue_first() -> None:
    fill_mixed(Locations.from_env().database)
    app, _ = due_app(utc(23, 9))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one(TabBar).current == "due"
        assert lines(app) == [
            "2 days overdue \u00b7 Us: Send the new price list",
            "Due today at 12:00 \u00b7 Send the follow-up email",
            "Due today \u00b7 Lee Park: Sign the renewal",
            "Due today \u00b7 Check in with Lee Park (1 earlier check-in missed)",
        ]
        summary = app.screen.query_one("#due-summary", Static)
        assert str(summary.render()) == "1 overdue, 3 due today"
        assert app.focused is due_list(app).query_one("#due-items", OptionList)
        keys = footer_keys(app)
        assert "t Sessions" in keys  # T leads back to the sessions
        assert not any(key.endswith(("Filter", "Copy", "Delete")) for key in keys)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one(TabBar).current == "sessions"
        # The home screen still never read the profile: the zone came from the quick reader.
        assert app.context._profile is None


async def test_clicking_the_due_tab_shows_it() -> None:
    fill_mixed(Locations.from_env().database)
    app, _ = due_app(utc(23, 9))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#tabs", offset=(15, 0))  # "   Due " after " \u25b8 Sessions "
        await pilot.pause()
        assert app.screen.query_one(TabBar).current == "due"
        assert len(lines(app)) == 4
        assert app.screen.check_action("show_due", ()) is False  # shown already: U is off


async def test_enter_opens_the_session_at_the_step_where_it_is_done() -> None:
    ids = fill_mixed(Locations.from_env().database)
    app, _ = due_app(utc(23, 9))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")  # the price list: a next step
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert (screen.editor.session_id, screen.step) == (ids["pricing"], "agree")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one(TabBar).current == "due"  # back where the user was
        await pilot.press("down", "enter")  # the email, second
        await pilot.pause()
        email = app.screen
        assert isinstance(email, SessionScreen)
        assert (email.editor.session_id, email.step) == (ids["launch"], "followup")


async def test_the_list_follows_the_clock_and_what_was_done() -> None:
    ids = fill_mixed(Locations.from_env().database)
    app, clock = due_app(utc(23, 11, 59))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert lines(app)[1] == "Due today at 12:00 \u00b7 Send the follow-up email"
        clock.now = utc(23, 12, 1)
        await pilot.press("t", "u")  # shown again: read again
        await pilot.pause()
        assert lines(app)[1] == "Overdue since 12:00 today \u00b7 Send the follow-up email"
        with open_store() as store:
            store.mark_sent(ids["launch"])
        await pilot.press("t", "u")
        await pilot.pause()
        assert not any("follow-up" in line for line in lines(app))
        clock.now = utc(24, 9)
        await pilot.press("t", "u")
        await pilot.pause()
        assert lines(app)[0] == "3 days overdue \u00b7 Us: Send the new price list"


async def test_across_the_weekend_and_nothing_due() -> None:
    with open_store() as store:
        add_session(store, "Friday evening", meeting="2026-11-20", at="17:00")
    app, clock = due_app(utc(21, 12))  # Saturday
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        empty = app.screen.query_one("#due-empty", Static)
        assert empty.display
        assert str(empty.render()).startswith("Nothing is overdue or due today.")
        assert not due_list(app).query_one("#due-items", OptionList).display
        clock.now = utc(23, 9)  # Monday: send by noon
        await pilot.press("t", "u")
        await pilot.pause()
        assert not empty.display
        assert lines(app) == ["Due today at 12:00 \u00b7 Send the follow-up email"]


async def test_today_is_the_senders_day() -> None:
    """At 12:00 UTC on the 23rd it is already the 24th in Auckland."""
    with open_store() as store:
        add_session(store, "Kiwi", steps=(step("Send the contract", "2026-11-24"),))
    app, _ = due_app(utc(23, 12), zone="Pacific/Auckland")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert lines(app) == ["Due today \u00b7 Us: Send the contract"]


async def test_outside_text_is_never_markup() -> None:
    with open_store() as store:
        add_session(
            store,
            "[@click=app.quit]Quit[/] [b]",
            client="[/]",
            steps=(step("[red]Pay[/red]", "2026-11-23"),),
        )
    app, _ = due_app(utc(23, 9))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        options = due_list(app).query_one("#due-items", OptionList)
        shown = str(options.get_option_at_index(0).prompt)
        assert shown == (
            "Due today \u00b7 Us: [red]Pay[/red]\n[@click=app.quit]Quit[/] [b] \u00b7 [/], Acme"
        )
