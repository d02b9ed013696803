"""Every screen that writes, with the database locked by another program: the app never
crashes, says "Not saved" with the reason once, keeps what was typed, and saves it when the
database is free again (or, for an action that needs its result at once, says to try again)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.widgets import Input

from convocoach.locations import Locations
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.tui.app import ConvocoachApp, Opener
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.room import RoomScreen, open_room
from convocoach.tui.screens.round_debrief import RoundDebriefScreen
from convocoach.tui.screens.scorecard import ScorecardScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.screens.workshop_setup import WorkshopSetupScreen
from convocoach.tui.support.saving import NOT_SAVED, Saver
from convocoach.workshop.store import WorkshopLog
from tests.core.test_rehearsal_engine import AGREE
from tests.tui.test_tui_rehearsal import open_rehearsal, reply
from tests.tui.test_tui_room import seven_in_triads
from tests.tui.test_tui_workshop import plan_workshop
from tests.tui_support import build_app, open_store


@contextmanager
def locked() -> Iterator[None]:
    """Another program holds the write lock (as a backup tool or a second app mid-write)."""
    db = sqlite3.connect(Locations.from_env().database, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


def locked_app(open_with: Opener | None = None) -> tuple[ConvocoachApp, list[tuple[str, str]]]:
    """The app, waiting only briefly for the lock, and the notices it shows."""
    app = build_app(busy_seconds=0.02, open_with=open_with)
    app.context.saver = Saver(retry_seconds=0.05)
    notices: list[tuple[str, str]] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        notices.append((str(options.get("title", "")), message))
        shown(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    return app, notices


def not_saved(notices: list[tuple[str, str]]) -> list[str]:
    return [message for title, message in notices if title == NOT_SAVED]


async def test_fields_typed_while_locked_are_kept_and_saved_once_it_is_free() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("slash", *"delays", "enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        with locked():
            screen.query_one("#f-title", Input).focus()
            await pilot.press(*"Launch")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            assert screen.query_one("#f-title", Input).value == "Launch"
            [message] = not_saved(notices)  # one notice, not one per key
            assert "another program held the database" in message
            assert "saving again shortly" in message
            assert app.context.saver.pending == 1  # the latest value replaces the earlier
        assert app.context.saver.flush()
        assert notices[-1] == ("Saved", "Everything is saved again.")
        await pilot.press(*" slips")  # no question about a conflict with itself
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    with open_store() as store:
        [row] = store.list_sessions()
        assert store.get(row.id).title == "Launch slips"


async def test_a_retry_runs_by_itself_when_the_lock_goes() -> None:
    app, _ = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("slash", *"delays", "enter", "enter")
        await pilot.pause()
        with locked():
            app.screen.query_one("#f-title", Input).focus()
            await pilot.press(*"Q4")
            await pilot.pause()
        for _ in range(100):  # the retry timer, not a fixed wait
            if not app.context.saver.pending:
                break
            await pilot.pause(0.02)
        assert not app.context.saver.pending
    with open_store() as store:
        [row] = store.list_sessions()
        assert store.get(row.id).title == "Q4"


async def test_a_reply_sent_while_locked_is_judged_and_saved_later() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        with locked():
            await reply(pilot, AGREE[0])
            assert app.screen is screen
            assert len(screen.state.exchanges) == 1
            assert len(not_saved(notices)) == 1
        assert app.context.saver.flush()
    with open_store() as store:
        [saved] = RehearsalLog(store).history()
    assert [e.reply for e in saved.state.exchanges] == [AGREE[0]]


async def test_a_next_step_from_the_scorecard_while_locked_is_added_later() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_rehearsal(pilot, app)
        for text in AGREE:
            await reply(pilot, text)
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        with locked():
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ScorecardScreen)
            assert not_saved(notices)
        assert app.context.saver.flush()
    with open_store() as store:
        [row] = store.list_sessions()
        assert "revised plan" in store.get(row.id).next_steps[0].action


async def test_home_actions_while_locked_change_nothing_and_say_try_again() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("slash", *"delays", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        with locked():
            await pilot.press("c")  # copy
            await pilot.pause()
            await pilot.press("delete")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await pilot.pause()
            await pilot.press("t", "enter")  # a new session from the first playbook
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        messages = not_saved(notices)
        assert len(messages) == 3
        assert all("Nothing was changed; try again." in m for m in messages)
        assert not app.context.saver.pending  # nothing left to surprise the user later
    with open_store() as store:
        assert len(store.list_sessions()) == 1


async def test_workshop_ticks_notes_and_debrief_while_locked_are_all_kept() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await plan_workshop(pilot, app)
        with locked():
            await pilot.press("enter", "enter", "down", "plus")  # FEEL twice, REFL once
            await pilot.press("tab", *"late again", "enter")
            await pilot.press("f8")
            await pilot.pause()
            assert isinstance(app.screen, RoundDebriefScreen)
            await pilot.press(*"Named it")
            await pilot.pause()
            assert len(not_saved(notices)) == 1
        assert app.context.saver.flush()
    with open_store() as store:
        [workshop] = WorkshopLog(store).readable()[0]
    record = workshop.round(1)
    assert record.ticks == {"FEEL": 2, "REFL": 1}
    assert record.notes == "late again"
    assert record.worked == "Named it"


async def test_the_room_s_clock_and_rounds_while_locked_change_nothing_and_say_so() -> None:
    workshop_id = seven_in_triads()

    def at_room(app: ConvocoachApp) -> None:
        open_room(app, app.context, workshop_id)

    app, notices = locked_app(at_room)
    app.context.seconds = lambda: 1000.0
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        with locked():
            await pilot.press("f5", "f6")
            await pilot.pause()
            assert not screen.clock.running
            assert screen.clock.state.length == 600
            assert any("try again" in m for m in not_saved(notices))
            await pilot.pause(0.1)  # a look for changes or two, with the database locked
        await pilot.press("f5")
        await pilot.pause()
        assert screen.clock.running
    with open_store() as store:
        assert WorkshopLog(store).get(workshop_id).clock.running


async def test_a_workshop_planned_while_locked_is_not_started() -> None:
    app, notices = locked_app()
    async with app.run_test(size=(100, 30)) as pilot:
        with locked():
            await pilot.press("w")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WorkshopSetupScreen)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
        assert any("try again" in m for m in not_saved(notices))


async def test_quitting_with_a_change_not_saved_asks_first() -> None:
    app, _ = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("slash", *"delays", "enter", "enter")
        await pilot.pause()
        with locked():
            app.screen.query_one("#f-title", Input).focus()
            await pilot.press(*"Q4")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("escape")  # cancel: keeps trying
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")  # free again: saved, and quits without asking
        await pilot.pause()
    assert app.return_code in (0, None)
    with open_store() as store:
        [row] = store.list_sessions()
        assert store.get(row.id).title == "Q4"
