"""A room in the app: the facilitator's view of every group, a participant's own group, one
clock that every app shows, and notes from several apps merged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Select

from convocoach.locations import Locations
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.sessions.store import SessionStore
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.room import RoomScreen, open_room
from convocoach.tui.screens.round_debrief import RoundDebriefScreen
from convocoach.tui.screens.workshop_round import WorkshopRoundScreen
from convocoach.tui.widgets.behaviour_checklist import BehaviourChecklist
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.tui.widgets.field import Field
from convocoach.workshop.desk import GroupDesk
from convocoach.workshop.plan import make_plan
from convocoach.workshop.seat import Seat
from convocoach.workshop.store import WorkshopLog
from tests.tui.test_tui_rehearsal import open_rehearsal, reply
from tests.tui_support import build_app, open_store, wait_until

SEVEN = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus"]


class FakeTime:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def seven_in_triads() -> int:
    with open_store() as store:
        return WorkshopLog(store).create(
            make_plan("Tuesday room", ["project-delays"], 3, 10, "triads", SEVEN)
        )


def facilitator(workshop_id: int) -> tuple[ConvocoachApp, FakeTime]:
    def at_room(app: ConvocoachApp) -> None:
        open_room(app, app.context, workshop_id)

    app = build_app(open_with=at_room)
    fake = FakeTime()
    app.context.seconds = fake
    return app, fake


def cells(screen: RoomScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_seven_people_in_triads_on_the_facilitator_s_view() -> None:
    """Seven in triads: a triad and two pairs, each with its roles, ticks kept apart."""
    workshop_id = seven_in_triads()
    with open_store() as store:
        log = WorkshopLog(store)
        log.tick(workshop_id, 1, "FEEL", group=1)
        log.tick(workshop_id, 1, "NOBLAME", group=1)
        log.tick(workshop_id, 1, "PLAIN", group=1)
        log.add_note(workshop_id, 1, "Cy", "\u201cI hear you [b]\u201d", group=1)
    app, _ = facilitator(workshop_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        rows = cells(screen)
        assert [r[:4] for r in rows] == [
            ["1", "Ana", "Ben", "Cy"],
            ["2", "Dee", "Eli", "\u2014"],
            ["3", "Fay", "Gus", "\u2014"],
        ]
        # One good tick, two to watch: apart, never added together.
        assert rows[0][4:6] == ["1", "2"]
        assert "Cy: \u201cI hear you [b]\u201d" in rows[0][6]
        assert "7 people in 3 groups" in text_of(screen, "#room-people")
        # Enter looks in on a group: its own round, roles and checklist.
        screen.query_one(DataTable).move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        group = app.screen
        assert isinstance(group, WorkshopRoundScreen)
        assert "Dee: Professional" in text_of(group, "#roles")
        assert "Ana" not in text_of(group, "#roles")


async def test_the_room_clock_runs_for_every_group_and_counts_overtime() -> None:
    workshop_id = seven_in_triads()
    app, fake = facilitator(workshop_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        await pilot.press("f5")
        fake.now += 90
        await wait_until(pilot, lambda: screen.query_one(BigClock).text == "08:30")
        await pilot.press("f6")  # a minute more for everyone
        await wait_until(pilot, lambda: screen.query_one(BigClock).text == "09:30")
        fake.now += 9 * 60 + 45
        await wait_until(pilot, lambda: screen.query_one(BigClock).text == "+00:15")
        assert "Over time by 00:15" in text_of(screen, "#room-status")
        # Every group's app reads the same clock: paused here, paused there.
        with open_store() as store:
            other = WorkshopLog(store).get(workshop_id).clock
            assert other.running
        await pilot.press("f5")
        await pilot.pause()
        # F8 ends the round for every group: each group's roles move on, the clock is full.
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("y")
        await wait_until(pilot, lambda: "Round 2 of 3" in text_of(screen, "#room-round"))
        assert [r[:4] for r in cells(screen)][1] == ["2", "Eli", "Dee", "\u2014"]
        assert screen.query_one(BigClock).text == "10:00"
    with open_store() as store:
        workshop = WorkshopLog(store).get(workshop_id)
    assert workshop.current_round == 2
    assert not workshop.clock.running
    first = workshop.round(1)
    assert (first.finished, first.seconds) == (True, 11 * 60 + 15)


async def test_a_pause_by_the_facilitator_reaches_a_participant_within_a_second(
    tmp_path: Path,
) -> None:
    workshop_id = seven_in_triads()
    room = Locations.from_env().database
    seat = Seat.open(room, workshop_id, "Cy")
    app = build_app(seat=seat, data_dir=tmp_path / "cy")
    fake = FakeTime()
    app.context.seconds = fake
    with SessionStore.open(room) as trainer:
        desk = GroupDesk(WorkshopLog(trainer), workshop_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("w")  # a participant's "workshop" is their group's round
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WorkshopRoundScreen)
            assert "Waiting for the facilitator" in text_of(screen, "#clock-status")
            desk.start_clock(fake.now)
            fake.now += 60
            await wait_until(pilot, lambda: screen.query_one(BigClock).text == "09:00")
            desk.pause_clock(fake.now)
            fake.now += 300
            await wait_until(pilot, lambda: "Paused" in text_of(screen, "#clock-status"))
            assert screen.query_one(BigClock).text == "09:00"
            # The participant cannot run the room's clock.
            await pilot.press("f5")
            await pilot.pause()
            assert not WorkshopLog(trainer).get(workshop_id).clock.running


async def test_two_participants_each_see_their_own_group_and_nothing_else(
    tmp_path: Path,
) -> None:
    workshop_id = seven_in_triads()
    room = Locations.from_env().database
    with open_store() as store:
        WorkshopLog(store).add_note(workshop_id, 1, "Gus", "Gus's note", group=3)
        store.create("project-delays", title="The trainer's own client")
    app = build_app(seat=Seat.open(room, workshop_id, "Cy"), data_dir=tmp_path / "cy")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Their own sessions (none), not the trainer's.
        assert "The trainer's own client" not in str(app.screen.query_one("#sessions").render())
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopRoundScreen)
        roles = text_of(screen, "#roles")
        assert ("Ana" in roles, "Gus" in roles, "Fay" in roles) == (True, False, False)
        assert "Gus's note" not in text_of(screen, "#note-text")
        # Cy observes in round 1: the checklist is theirs; their note goes under their name.
        assert not screen.query_one(BehaviourChecklist).disabled
        await pilot.press("enter")
        await pilot.press("tab", *"Named the worry", "enter")
        await wait_until(pilot, lambda: "Cy: Named the worry" in text_of(screen, "#note-text"))
        # F8 opens the group's debrief; only the facilitator moves the room on.
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, RoundDebriefScreen)
        await pilot.press(*"The pause", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    gus = build_app(seat=Seat.open(room, workshop_id, "Gus"), data_dir=tmp_path / "gus")
    async with gus.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = gus.screen
        assert isinstance(screen, WorkshopRoundScreen)
        assert "Named the worry" not in text_of(screen, "#note-text")
        assert "Gus's note" in text_of(screen, "#note-text")
        # In a pair the client keeps the checklist: Gus, the client in round 1, may tick.
        assert screen.group.roles(1)["Gus"] == "client"
        assert not screen.query_one(BehaviourChecklist).disabled
    with open_store() as store:
        record = WorkshopLog(store).get(workshop_id).round(1)
    assert record.group(1).ticks == {"FEEL": 1}
    assert record.group(1).worked == "The pause"
    assert record.group(3).ticks == {}


async def test_two_copies_of_a_round_merge_their_notes() -> None:
    """Notes typed in two apps at once are both kept, and each app shows both."""
    workshop_id = seven_in_triads()
    app, _ = facilitator(workshop_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # group 1
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopRoundScreen)
        await pilot.press("tab", *"From the trainer", "enter")
        with open_store() as store:
            WorkshopLog(store).add_note(workshop_id, 1, "Cy", "From the observer", group=1)
        await wait_until(
            pilot,
            lambda: (
                "From the observer" in text_of(screen, "#note-text")
                and "From the trainer" in text_of(screen, "#note-text")
            ),
        )
    with open_store() as store:
        notes = WorkshopLog(store).get(workshop_id).round(1).group(1).notes
    assert sorted(n.text for n in notes) == ["From the observer", "From the trainer"]


async def test_a_room_planned_in_the_app_opens_on_the_facilitator_s_view() -> None:
    app = build_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        setup = app.screen
        setup.query_one("#ws-people", Field).value = ", ".join(SEVEN)
        setup.query_one("#ws-leftover", Select).value = "observer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        rows = cells(screen)
        assert [r[:4] for r in rows] == [["1", "Ana", "Ben", "Cy"], ["2", "Dee", "Eli", "Fay, Gus"]]
    with open_store() as store:
        [workshop] = WorkshopLog(store).readable()[0]
    assert [(len(g.members), g.players) for g in workshop.plan.groups] == [(3, 3), (4, 3)]


def test_a_participant_s_files_stay_in_their_own_folder(tmp_path: Path) -> None:
    """A participant's app runs as the trainer's user: its exports may not go elsewhere."""
    workshop_id = seven_in_triads()
    seat = Seat.open(Locations.from_env().database, workshop_id, "Cy")
    app = build_app(seat=seat, data_dir=tmp_path / "cy", export_dir=tmp_path)
    try:
        assert app.context.export_dir == tmp_path / "cy" / "exports"
        assert app.context.refuses_export_dir(tmp_path / "cy" / "exports") == ""
        for elsewhere in (tmp_path, tmp_path / "cy" / ".." / "gus", Path.home()):
            assert "your own folder only" in app.context.refuses_export_dir(elsewhere)
    finally:
        seat.close()
    trainer = build_app(export_dir=tmp_path)
    assert trainer.context.refuses_export_dir(Path.home()) == ""


async def test_a_participant_s_rehearsal_score_reaches_the_room_as_it_happens(
    tmp_path: Path,
) -> None:
    """Dee rehearses in her own app: each reply publishes her score to the room (and her
    rehearsal itself stays in her own folder)."""
    workshop_id = seven_in_triads()
    room = Locations.from_env().database
    app = build_app(seat=Seat.open(room, workshop_id, "Dee"), data_dir=tmp_path / "dee")
    async with app.run_test(size=(100, 36)) as pilot:
        await open_rehearsal(pilot, app)
        await reply(pilot, "I can hear how worrying this delay is for your launch.")
        with open_store() as store:
            [first] = WorkshopLog(store).scores(workshop_id)
        assert (first.person, first.round, first.replies) == ("Dee", 1, 1)
        assert first.playbook_id == "project-delays"
        await reply(pilot, "What would a good outcome look like for you?")
        with open_store() as store:
            [second] = WorkshopLog(store).scores(workshop_id)
        assert second.replies == 2
    with open_store() as store:
        assert RehearsalLog(store).history() == []  # the trainer's database has none of it
    with SessionStore.open(tmp_path / "dee" / "sessions.db") as own:
        assert len(RehearsalLog(own).history()) == 1
