"""The facilitator's view of a room: every group's round, roles, ticks, notes and scores as
they happen, and the one clock that every group plays to."""

from __future__ import annotations

import sqlite3
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import UserError
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.screens.round_clock import RoundClock, announce
from convocoach.tui.screens.workshop_files import export_debrief
from convocoach.tui.screens.workshop_round import (
    WorkshopRoundScreen,
    open_round,
    scenario_title,
)
from convocoach.tui.screens.workshop_timer import WorkshopTimerScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import WorkshopRoundContext
from convocoach.tui.support.safe_text import plain, plain_rich, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.workshop.behaviours import behaviours
from convocoach.workshop.desk import GroupDesk
from convocoach.workshop.groups import Role
from convocoach.workshop.record import Workshop
from convocoach.workshop.room_view import GroupLine, room_lines

TICK = 0.25
LOOK_EVERY = 0.5
COLUMNS = ("Group", "Professional", "Client", "Observer", "Good", "Watch-out", "Notes", "Scores")


def open_room(app: App[Any], context: WorkshopRoundContext, workshop_id: int) -> None:
    """A room of several groups on the facilitator's view; a single group on its round."""
    try:
        groups = len(context.workshops.get(workshop_id).plan.groups)
    except UserError as exc:
        app.notify(exc.format(), title="Cannot open the workshop", severity="error", markup=False)
        return
    if groups == 1:
        open_round(app, context, workshop_id)
    else:
        app.push_screen(RoomScreen(context, workshop_id))


class RoomScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("toggle_clock", "f5", "Start/pause", "Start, pause or resume every group's clock"),
        Command("extend", "f6", "+1 min", "One more minute for every group"),
        Command("next_round", "f8", "Next round", "End this round for every group, go on"),
        Command("previous_round", "f4", "Previous", "Back to the previous round"),
        Command("big_timer", "f3", "Big timer", "The room's clock in big digits, to project"),
        Command("export", "f2", "Export", "Write the workshop's debrief and each person's handout"),
        Command("leave", "escape", "Back", "Back to the workshops; the room goes on"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Enter", "Look in on the highlighted group (its checklist and notes)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "room.tcss"
    HELP_TOPIC = "workshop"

    def __init__(self, context: WorkshopRoundContext, workshop_id: int) -> None:
        super().__init__()
        self.context = context
        self.desk = GroupDesk(context.workshops, workshop_id)
        self.workshop: Workshop = self.desk.workshop()
        self._version = self.desk.data_version()
        self.clock = self._clock()

    def _clock(self) -> RoundClock:
        """The clock of the room's current round, run from here."""
        return RoundClock(
            self.workshop.clock,
            self.workshop.current_round,
            self.context.seconds,
            self.context.saver,
            self.desk,
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="room-top"):
            yield BigClock(max_scale=1, id="room-clock")
            with Vertical(id="room-info"):
                yield Static("", id="room-round")
                yield Static("", id="room-people")
                yield Static("", id="room-status")
        table: DataTable[object] = DataTable(id="groups", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.workshop.plan.title
        self._show()
        self.set_interval(TICK, self._tick)
        self.set_interval(LOOK_EVERY, self.look_for_changes)
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.look_for_changes(always=True)

    def look_for_changes(self, always: bool = False) -> None:
        """Show what the groups' apps have written since the last look."""
        try:
            version = self.desk.data_version()
            if version == self._version and not always:
                return
            self._version = version
            self.workshop = self.desk.workshop()
        except (UserError, sqlite3.Error):
            return  # deleted, or busy: the next look tries again
        if self.workshop.current_round != self.clock.round_no:
            self.clock = self._clock()  # a new round: its warnings are still to come
        self.clock.update(self.workshop.clock)
        self._show()

    def _show(self) -> None:
        plan, number = self.workshop.plan, self.workshop.current_round
        self.sub_title = f"round {number} of {plan.rounds}"
        self.query_one("#room-round", Static).update(
            styled((f"Round {number} of {plan.rounds}: ", "bold"), self._scenario())
        )
        self.query_one("#room-people", Static).update(
            plain(f"{len(plan.people)} people in {len(plan.groups)} groups")
        )
        scores = self.context.workshops.scores(self.workshop.id)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for line in room_lines(self.workshop, scores, behaviours(bundled_rubric())):
            table.add_row(*_cells(line), key=str(line.number))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_clock()

    def _scenario(self) -> str:
        plan, number = self.workshop.plan, self.workshop.current_round
        return scenario_title(self.context.playbooks.library, plan, number)

    def _tick(self) -> None:
        alert = self.clock.poll()
        if alert:
            announce(self, alert, toast=self.app.screen is self)
        if self.clock.running:  # a change made elsewhere is shown by look_for_changes
            self._show_clock()

    def _show_clock(self) -> None:
        self.clock.paint(
            self.query_one("#room-clock", BigClock), self.query_one("#room-status", Static)
        )

    @on(DataTable.RowSelected)
    def _look_in(self, event: DataTable.RowSelected) -> None:
        group_no = int(event.row_key.value or 1)
        desk = GroupDesk(self.context.workshops, self.workshop.id, group_no)
        self.app.push_screen(WorkshopRoundScreen(self.context, desk, desk))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "previous_round":
            return None if self.workshop.current_round == 1 else True
        return True

    def action_toggle_clock(self) -> None:
        self.clock.toggle()
        self._show_clock()

    def action_extend(self) -> None:
        self.clock.extend()
        self._show_clock()

    def action_big_timer(self) -> None:
        self.app.push_screen(
            WorkshopTimerScreen(
                self.clock,
                str(self.sub_title),
                self._scenario(),
                plain(f"{len(self.workshop.plan.groups)} groups"),
            )
        )

    @work
    async def action_next_round(self) -> None:
        number, plan = self.workshop.current_round, self.workshop.plan
        last = number == plan.rounds
        question = (
            "Finish the workshop? Every group's round ends now."
            if last
            else f"End round {number} for every group and start round {number + 1}?"
        )
        if not await self.app.push_screen_wait(ConfirmScreen("End the round", question)):
            return
        self.clock.stop()
        self.clock.save(finished=True)
        if last:
            self.notify("Workshop complete. F2 writes its debrief.", title="Well done")
            return
        self._go_to(number + 1)

    def action_previous_round(self) -> None:
        self.clock.stop()
        self._go_to(self.workshop.current_round - 1)

    def _go_to(self, number: int) -> None:
        if self.context.saver.saved(lambda: self.desk.set_round(number), retry=False):
            self.look_for_changes(always=True)

    def action_export(self) -> None:
        export_debrief(self, self.context, self.workshop.id)

    def action_leave(self) -> None:
        self.dismiss()


def _cells(line: GroupLine) -> tuple[object, ...]:
    def names(role: Role) -> str:
        return ", ".join(line.roles.get(role, ())) or "\u2014"

    scores = ", ".join(
        f"{s.person} {s.score}" + (f" ({s.ending})" if s.ending else f" ({s.replies} replies)")
        for s in line.scores
    )
    note = line.last_note if len(line.last_note) <= 28 else line.last_note[:27] + "\u2026"
    return (
        plain_rich(str(line.number)),
        plain_rich(names("professional")),
        plain_rich(names("client")),
        plain_rich(names("observer")),
        plain_rich(str(line.good), "green"),
        plain_rich(str(line.watch), "red" if line.watch else ""),
        plain_rich(f"{line.notes}  {note}" if line.notes else "0"),
        plain_rich(scores or "\u2014"),
    )
