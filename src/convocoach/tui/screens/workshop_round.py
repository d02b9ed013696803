"""A round of a room, for one group: the room's clock, who plays what, the checklist, notes.

The same screen serves whoever runs the room (the trainer at one group, or the facilitator
looking in on one: a :class:`GroupDesk` that also runs the clock and the rounds) and a
participant (their :class:`~convocoach.workshop.seat.Seat`). It reads the room again
whenever another app writes to it, so ticks, notes and the clock show everywhere at once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from functools import partial
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import UserError
from convocoach.playbooks.library import Library
from convocoach.playbooks.summary import PlaybookSummary
from convocoach.tui.screens.round_clock import RoundClock, announce
from convocoach.tui.screens.round_debrief import RoundDebriefScreen
from convocoach.tui.screens.workshop_files import export_debrief
from convocoach.tui.screens.workshop_timer import WorkshopTimerScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import WorkshopRoundContext
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.behaviour_checklist import BehaviourChecklist
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.room_notes import RoomNotes
from convocoach.workshop.behaviours import behaviours
from convocoach.workshop.desk import Desk, GroupDesk
from convocoach.workshop.groups import Group
from convocoach.workshop.plan import ROLE_LABELS, WorkshopPlan
from convocoach.workshop.record import Workshop

TICK = 0.25
"""Seconds between redraws of the clock."""
LOOK_EVERY = 0.5
"""Seconds between looks for another app's writes (one cheap PRAGMA each)."""
RUNS_THE_ROOM = frozenset({"toggle_clock", "extend", "end_round", "previous_round", "export"})


def scenario_title(library: Library[PlaybookSummary], plan: WorkshopPlan, round_no: int) -> str:
    """The title of the playbook played in round ``round_no``."""
    playbook_id = plan.playbook_for(round_no)
    summary = library.get(playbook_id)
    return summary.title if summary else f"{playbook_id} (not in the library)"


def open_round(
    app: App[Any], context: WorkshopRoundContext, workshop_id: int, group_no: int = 1
) -> None:
    """Push the workshop's current round; a missing or damaged workshop is reported instead."""
    desk = GroupDesk(context.workshops, workshop_id, group_no)
    try:
        screen: Screen[None] = WorkshopRoundScreen(context, desk, desk)
    except UserError as exc:
        app.notify(exc.format(), title="Cannot open the workshop", severity="error", markup=False)
        return
    app.push_screen(screen)


class WorkshopRoundScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("toggle_clock", "f5", "Start/pause", "Start, pause or resume the room's clock"),
        Command("extend", "f6", "+1 min", "One more minute for every group"),
        Command(
            "end_round",
            "f8",
            "End round",
            "End the round with a short debrief, then move on to the next",
        ),
        Command("debrief", "f8", "Debrief", "Your group's debrief: what worked, one thing to try"),
        Command("big_timer", "f3", "Big timer", "The clock in big digits, for the room"),
        Command("previous_round", "f4", "Previous", "Back to the previous round"),
        Command("export", "f2", "Export", "Write the workshop's debrief and each person's handout"),
        Command("leave", "escape", "Back", "Back; this round goes on where it is"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Enter, + or Space", "Tick the highlighted behaviour once more"),
        KeyNote("- or Backspace", "Take one tick back"),
        KeyNote("Tab", "Between the checklist and the notes"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]  # noqa: RUF012
    CSS_PATH = "workshop_round.tcss"
    HELP_TOPIC = "workshop"

    def __init__(
        self, context: WorkshopRoundContext, desk: Desk, control: GroupDesk | None = None
    ) -> None:
        super().__init__()
        self.context = context
        self.desk = desk
        self.control = control
        self.workshop: Workshop = desk.workshop()
        self.round_no = self.workshop.current_round
        self._version = desk.data_version()
        self.clock = RoundClock(
            self.workshop.clock, self.round_no, context.seconds, context.saver, control
        )

    @property
    def workshop_id(self) -> int:
        return self.workshop.id

    @property
    def group(self) -> Group:
        groups = self.workshop.plan.groups
        return next((g for g in groups if g.number == self.desk.group_no), groups[0])

    def compose(self) -> ComposeResult:
        record = self.workshop.round(self.round_no).group(self.desk.group_no)
        yield Header()
        with Horizontal(id="round-top"):
            yield BigClock(max_scale=1, id="clock")
            with Vertical(id="round-info"):
                yield Static(styled(("Scenario: ", "bold"), self._scenario()), id="scenario")
                yield Static(self._roles(), id="roles")
                yield Static("", id="clock-status")
        with Horizontal(id="round-body"):
            with Vertical(id="observer"):
                yield Static(self._who_ticks(), classes="muted", id="who-ticks")
                yield BehaviourChecklist(
                    behaviours(bundled_rubric()),
                    record.ticks,
                    id="checklist",
                    disabled=not self._may_tick(),
                )
            with Vertical(id="notes-col"):
                yield Static("Notes and quotes", classes="muted")
                yield RoomNotes(record.notes, self._when, id="notes")
        yield KeyFooter()

    def _may_tick(self) -> bool:
        return self.desk.may_tick(self.round_no)

    def _who_ticks(self) -> Content:
        ticker = ROLE_LABELS[self.group.ticker]
        name = self.group.person_in(self.round_no, self.group.ticker)
        who = f"{ticker} ({name})" if name else ticker
        return plain(f"{who}: tick what you see (Enter adds one, - takes one back)")

    def _when(self, stamp: str) -> str:
        with contextlib.suppress(ValueError):
            return self.context.local(datetime.fromisoformat(stamp)).strftime("%H:%M")
        return ""

    def _scenario(self) -> str:
        return scenario_title(self.context.playbooks.library, self.workshop.plan, self.round_no)

    def _roles(self) -> Content:
        """Who plays what; "Group N" first where there is more than one group to tell apart
        (and always for a participant, who sees their own only)."""
        parts: list[tuple[str, str] | str] = []
        if len(self.workshop.plan.groups) > 1 or self.control is None:
            parts.append((f"Group {self.group.number}  ", "dim"))
        for index, (person, role) in enumerate(self.group.roles(self.round_no).items()):
            parts += ["   "] * (index > 0) + [(person, "bold"), f": {ROLE_LABELS[role]}"]
        return styled(*parts)

    def on_mount(self) -> None:
        plan = self.workshop.plan
        self.title = plan.title
        self.sub_title = f"round {self.round_no} of {plan.rounds}"
        self._show_clock()
        self.set_interval(TICK, self._tick)
        self.set_interval(LOOK_EVERY, self.look_for_changes)
        checklist = self.query_one("#checklist")
        (checklist if not checklist.disabled else self.query_one("#note-input")).focus()

    def on_screen_resume(self) -> None:
        self._show_clock()  # the big timer may have paused or resumed the clock meanwhile

    def look_for_changes(self, always: bool = False) -> None:
        """Show what other apps in the room have written since the last look (``always``:
        and this app's own writes, which do not change the database's version for it)."""
        try:
            version = self.desk.data_version()
            if version == self._version and not always:
                return
            self._version = version
            workshop = self.desk.workshop()
        except (UserError, sqlite3.Error):
            return  # deleted, or the database is busy: the next look tries again
        if workshop.current_round != self.round_no:
            if self.app.screen is self:
                self.app.switch_screen(WorkshopRoundScreen(self.context, self.desk, self.control))
            return
        self.workshop = workshop
        record = workshop.round(self.round_no).group(self.desk.group_no)
        checklist = self.query_one(BehaviourChecklist)
        for behaviour in checklist.items:
            checklist.set_count(behaviour.code, record.ticks.get(behaviour.code, 0))
        self.query_one(RoomNotes).show(record.notes)
        self.clock.update(workshop.clock)
        self._show_clock()

    def _tick(self) -> None:
        alert = self.clock.poll()
        if alert:
            # Covered by the big timer, which shows the warning itself: only the bell.
            announce(self, alert, toast=self.app.screen is self)
        if self.clock.running:
            self._show_clock()

    def _show_clock(self) -> None:
        self.clock.paint(
            self.query_one("#clock", BigClock), self.query_one("#clock-status", Static)
        )

    @on(BehaviourChecklist.Ticked)
    def _ticked(self, event: BehaviourChecklist.Ticked) -> None:
        code, change, round_no = event.code, event.change, self.round_no
        # Each tick counts: one that waits for the database is tried again, not replaced.
        count = self.context.saver.attempt(
            lambda: self.desk.tick(round_no, code, change), then=partial(self._counted, code)
        )
        if count is not None:
            self._counted(code, count)

    def _counted(self, code: str, count: int) -> None:
        if self.is_attached:
            self.query_one(BehaviourChecklist).set_count(code, count)

    @on(RoomNotes.Added)
    def _note(self, event: RoomNotes.Added) -> None:
        text, round_no = event.text, self.round_no
        # Each note is its own entry: one that waits is added later, never lost.
        if self.context.saver.attempt(lambda: self.desk.add_note(round_no, text)) is not None:
            self.look_for_changes(always=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in RUNS_THE_ROOM and self.control is None:
            return False
        if action == "debrief":  # F8 for a participant: the room moves on at the facilitator's
            return self.control is None
        if action == "previous_round":
            return None if self.round_no == 1 else True
        return True

    def action_toggle_clock(self) -> None:
        self.clock.toggle()
        self._show_clock()

    def action_extend(self) -> None:
        self.clock.extend()
        self._show_clock()

    def action_big_timer(self) -> None:
        self.app.push_screen(
            WorkshopTimerScreen(self.clock, str(self.sub_title), self._scenario(), self._roles())
        )

    def action_debrief(self) -> None:
        self.action_end_round()

    @work
    async def action_end_round(self) -> None:
        self.clock.stop()
        self._show_clock()
        record = self.desk.workshop().round(self.round_no).group(self.desk.group_no)
        last = self.round_no == self.workshop.plan.rounds
        go_on = await self.app.push_screen_wait(
            RoundDebriefScreen(
                self.context, self.desk, self.round_no, record, last, self.control is not None
            )
        )
        if not go_on or self.control is None:
            return
        self.clock.save(finished=True)
        if last:
            self.notify(
                "Workshop complete. F2 writes its debrief with every round's tallies.",
                title="Well done",
            )
            return
        self._go_to(self.round_no + 1)

    def action_previous_round(self) -> None:
        self.clock.stop()
        self._go_to(self.round_no - 1)

    def _go_to(self, round_no: int) -> None:
        control = self.control
        if control is not None and self.context.saver.saved(
            lambda: control.set_round(round_no), retry=False
        ):
            self.app.switch_screen(WorkshopRoundScreen(self.context, self.desk, control))

    def action_export(self) -> None:
        export_debrief(self, self.context, self.workshop_id)

    def action_leave(self) -> None:
        self.dismiss()
