"""Pictures of the workshop screens at 80x24: the plan, a round, the big timer, the debrief."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.workshop_round import open_round
from convocoach.tui.screens.workshop_setup import WorkshopSetupScreen
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.workshop.plan import make_plan
from convocoach.workshop.store import WorkshopLog
from tests.tui.test_tui_workshop import FakeTime
from tests.tui_support import build_app, open_store, wait_until


def workshop_app(*, ticks: bool = True) -> tuple[ConvocoachApp, FakeTime]:
    """The app open on round 1 of a stored workshop (Ana, Ben and Cy in a triad, 10 minutes
    a round), with the observer's first ticks and a note."""
    plan = make_plan(
        "Delivery team, Tuesday",
        ["project-delays", "budget-constraints"],
        3,
        10,
        "triads",
        ["Ana", "Ben", "Cy"],
    )
    with open_store() as store:
        log = WorkshopLog(store)
        workshop_id = log.create(plan)
        if ticks:
            log.tick(workshop_id, 1, "FEEL")
            log.tick(workshop_id, 1, "FEEL")
            log.tick(workshop_id, 1, "NOBLAME")
            log.add_note(workshop_id, 1, "", "\u201cI hear that the launch matters [/]\u201d")

    def open_at_round(app: ConvocoachApp) -> None:
        app.push_screen(WorkshopSetupScreen(app.context))
        open_round(app, app.context, workshop_id)

    app = build_app(open_with=open_at_round)
    fake = FakeTime()
    app.context.seconds = fake
    return app, fake


def after_minutes(fake: FakeTime, minutes: float, *keys: str, first: str = "") -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        if first:
            await pilot.press(first)
            await pilot.pause()
        face = pilot.app.screen.query_one(BigClock)
        shown = face.text
        await pilot.press("f5")
        fake.now += minutes * 60
        await wait_until(pilot, lambda: face.text != shown)  # the clock's next tick
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run


def test_workshop_setup(snap_compare: Any) -> None:
    """W on the home screen: 'Workshop — plan a role-play workshop', a short intro, the
    title field (focused), the scenarios with Budget constraints ticked, Rounds 3, Minutes
    10, Group 'triads (professional, client and observer)', 'One over' with its choice
    (People is further down), and the footer's Start, Role cards, Back."""
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["w"])


def test_workshop_round_observer(snap_compare: Any) -> None:
    """Round 1 of 3, 2 minutes in and running: the clock shows 08:00 in block digits,
    'Scenario: Project delays', 'Ana: Professional  Ben: Client  Cy: Observer', 'Running';
    below, the observer's checklist with 2 beside 'Names the feeling' and 1 beside 'Blamed
    the client', and the notes: the quote at 09:00 (its brackets shown as typed) and the
    line to add one."""
    app, fake = workshop_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_minutes(fake, 2))


def test_workshop_big_timer(snap_compare: Any) -> None:
    """F3: 'Round 1 of 3: Project delays', then the clock alone in digits filling the
    screen, 01:30 (warning-coloured), the roles line and 'Two minutes left' under it."""
    app, fake = workshop_app(ticks=False)
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=after_minutes(fake, 8.5, first="f3")
    )


def test_workshop_round_debrief(snap_compare: Any) -> None:
    """F8 ends the round: a 'Round 1: debrief' box over the round with 'What worked?' and
    'One thing to try next time' boxes and 'Ctrl+S goes on to the next round'."""
    app, fake = workshop_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=after_minutes(fake, 10, "f8"))


def test_workshop_round_narrow(snap_compare: Any) -> None:
    """At 60x20 the clock is plain digits (10:00) beside the scenario, roles and 'Ready: F5
    starts the clock'; the checklist sits above the notes and the line to add one."""
    app, _ = workshop_app()
    assert snap_compare(app, terminal_size=(60, 20))
