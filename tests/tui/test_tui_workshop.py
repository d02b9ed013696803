"""A workshop in the app: plan, two rounds with rotation, ticks, notes, debriefs, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList, SelectionList

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.round_debrief import RoundDebriefScreen
from convocoach.tui.screens.workshop_round import WorkshopRoundScreen
from convocoach.tui.screens.workshop_setup import WorkshopSetupScreen
from convocoach.tui.screens.workshop_timer import WorkshopTimerScreen
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.tui.widgets.field import Field
from convocoach.workshop.store import WorkshopLog
from tests.tui_support import build_app, open_store, wait_until


class FakeTime:
    """Monotonic seconds the test moves on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def with_fake_time(app: ConvocoachApp) -> FakeTime:
    fake = FakeTime()
    app.context.seconds = fake
    return fake


async def plan_workshop(
    pilot: Any, app: ConvocoachApp, rounds: str = "2", minutes: str = "3"
) -> WorkshopRoundScreen:
    await pilot.press("w")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WorkshopSetupScreen)
    screen.query_one("#ws-title", Field).value = "Delivery team, Tuesday"
    screen.query_one("#ws-rounds", Field).value = rounds
    screen.query_one("#ws-minutes", Field).value = minutes
    screen.query_one("#ws-people", Field).value = "Ana, Ben, Cy"
    scenarios = screen.query_one("#ws-playbooks", SelectionList)
    scenarios.deselect_all()
    scenarios.select("project-delays")
    scenarios.select("budget-constraints")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, WorkshopRoundScreen)
    return app.screen


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


def stored() -> Any:
    with open_store() as store:
        [workshop] = WorkshopLog(store).readable()[0]
        return workshop


async def test_two_rounds_with_rotation_ticks_notes_debriefs_and_export(
    tmp_path: Path, monkeypatch: Any
) -> None:
    app = build_app(export_dir=tmp_path)
    bells: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(True))
    fake = with_fake_time(app)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await plan_workshop(pilot, app)
        roles = text_of(screen, "#roles")
        assert "Ana: Professional" in roles
        assert "Ben: Client" in roles
        assert "Cy: Observer" in roles
        assert "Budget" not in text_of(screen, "#scenario")  # round 1 plays the first pick
        # The observer ticks what they see: twice the feeling, once a reflection taken back.
        await pilot.press("enter", "enter", "down", "plus", "minus", "down", "space")
        await pilot.press("tab")
        await pilot.press(*"She said: late again", "enter")
        await pilot.pause()
        record = stored().round(1)
        assert record.ticks == {"FEEL": 2, "OPENQ": 1}
        assert record.notes == "She said: late again"
        # The clock: started, warned at two minutes and thirty seconds, rings at the end and
        # counts the time over.
        await pilot.press("f5")
        fake.now += 61  # the clock's next tick shows it
        await wait_until(pilot, lambda: "Two minutes left" in text_of(screen, "#clock-status"))
        assert screen.query_one("#clock", BigClock).has_class("-warning")
        fake.now += 100
        await wait_until(pilot, lambda: "Thirty seconds left" in text_of(screen, "#clock-status"))
        fake.now += 30
        await wait_until(pilot, lambda: "Over time by 00:11" in text_of(screen, "#clock-status"))
        assert bells == [True]
        assert screen.query_one("#clock", BigClock).text == "+00:11"
        # End of the round: a short debrief, saved as typed, then round two.
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, RoundDebriefScreen)
        await pilot.press(*"Named the worry first", "tab", *"Ask before proposing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        second = app.screen
        assert isinstance(second, WorkshopRoundScreen)
        assert second.round_no == 2
        roles = text_of(second, "#roles")
        assert "Ana: Observer" in roles
        assert "Ben: Professional" in roles
        assert "Cy: Client" in roles
        assert "Budget" in text_of(second, "#scenario")
        await pilot.press("enter")
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
    workshop = stored()
    first = workshop.round(1)
    assert (first.worked, first.try_next) == ("Named the worry first", "Ask before proposing")
    assert first.finished
    assert first.seconds == 191
    assert workshop.round(2).finished
    assert workshop.round(2).ticks == {"FEEL": 1}
    assert workshop.current_round == 2
    [md] = tmp_path.glob("*.md")
    text = md.read_text(encoding="utf-8")
    assert "Ana" in text
    assert "Named the worry first" in text
    assert list(tmp_path.glob("*-debrief.html"))
    [handouts] = tmp_path.glob("*-handouts.html")  # one page for each person
    assert handouts.read_text(encoding="utf-8").count("<h1>") == 3


async def test_the_big_timer_pauses_and_resumes_and_a_quit_resumes_the_round() -> None:
    app = build_app()
    fake = with_fake_time(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await plan_workshop(pilot, app, minutes="5")
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopTimerScreen)
        await pilot.press("f5")
        fake.now += 90
        await wait_until(pilot, lambda: app.screen.query_one(BigClock).text == "03:30")
        await pilot.press("f5")  # paused: time stands still
        fake.now += 600
        await pilot.pause(0.4)  # a tick or two that must change nothing: no event to wait for
        assert app.screen.query_one(BigClock).text == "03:30"
        assert "Paused" in text_of(app.screen, "#timer-status")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#clock", BigClock).text == "03:30"
    assert stored().round(1).seconds == 90
    # Reopened later: the workshop is listed, and its round resumes with the clock where it was.
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        earlier = app.screen.query_one("#ws-earlier", OptionList)
        earlier.focus()
        earlier.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopRoundScreen)
        assert app.screen.query_one("#clock", BigClock).text == "03:30"
        assert "Paused" in text_of(app.screen, "#clock-status")


async def test_a_bad_plan_is_explained_and_nothing_is_created() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#ws-people", Field).value = "Ana, Ben"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopSetupScreen)
        assert any("need at least 3 people" in str(n.message) for n in app._notifications)
    with open_store() as store:
        assert WorkshopLog(store).readable()[0] == []


async def test_a_damaged_workshop_is_reported_and_the_app_goes_on() -> None:
    with open_store() as store:
        store.connection.execute(
            "INSERT INTO workshops (title, playbooks, rounds, round_minutes, group_kind, people, "
            "created_at, updated_at) VALUES ('Broken', 'not json', 2, 10, 'pairs', '[]', "
            "'2026-11-23T09:00:00+00:00', '2026-11-23T09:00:00+00:00')"
        )
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopSetupScreen)
        earlier = screen.query_one("#ws-earlier", OptionList)
        assert "Workshop 1 cannot be read" in str(earlier.get_option_at_index(0).prompt)
        screen.open_workshop(1)
        await pilot.pause()
        assert app.screen is screen
        assert any("Cannot open the workshop" in str(n.title) for n in app._notifications)
        earlier.focus()
        earlier.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not earlier.display
