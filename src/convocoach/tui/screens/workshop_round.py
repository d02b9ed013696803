"""A workshop round: the clock, who plays what, and the observer's checklist and notes."""

from __future__ import annotations

import contextlib
import sqlite3
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
from convocoach.tui.widgets.text_box import TextBox
from convocoach.workshop.behaviours import behaviours
from convocoach.workshop.plan import ROLE_LABELS
from convocoach.workshop.record import Workshop

TICK = 0.25
"""Seconds between redraws of the clock."""


def open_round(app: App[Any], context: WorkshopRoundContext, workshop_id: int) -> None:
    """Push the workshop's current round; a missing or damaged workshop is reported instead."""
    try:
        screen = WorkshopRoundScreen(context, workshop_id)
    except UserError as exc:
        app.notify(exc.format(), title="Cannot open the workshop", severity="error", markup=False)
        return
    app.push_screen(screen)


class WorkshopRoundScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("toggle_clock", "f5", "Start/pause", "Start, pause or resume the round's clock"),
        Command(
            "end_round",
            "f8",
            "End round",
            "End the round with a short debrief, then move on to the next",
        ),
        Command("big_timer", "f3", "Big timer", "The clock in big digits, for the room"),
        Command("previous_round", "f4", "Previous", "Back to the previous round"),
        Command("export", "f2", "Export", "Write the workshop's debrief (Markdown and HTML)"),
        Command(
            "leave", "escape", "Back", "Back to the workshop list; this round resumes where it was"
        ),
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

    def __init__(self, context: WorkshopRoundContext, workshop_id: int) -> None:
        super().__init__()
        self.context = context
        self.workshop: Workshop = context.workshops.get(workshop_id)
        self.round_no = self.workshop.current_round
        record = self.workshop.round(self.round_no)
        plan = self.workshop.plan
        self.clock = RoundClock(
            context.workshops,
            context.saver,
            workshop_id,
            self.round_no,
            plan.round_minutes,
            record.seconds,
            context.monotonic,
        )

    @property
    def workshop_id(self) -> int:
        return self.workshop.id

    def compose(self) -> ComposeResult:
        plan = self.workshop.plan
        record = self.workshop.round(self.round_no)
        yield Header()
        with Horizontal(id="round-top"):
            yield BigClock(max_scale=1, id="clock")
            with Vertical(id="round-info"):
                yield Static(styled(("Scenario: ", "bold"), self._scenario()), id="scenario")
                yield Static(self._roles(), id="roles")
                yield Static("", id="clock-status")
        with Horizontal(id="round-body"):
            with Vertical(id="observer"):
                who = ROLE_LABELS[plan.ticker]
                yield Static(
                    plain(f"{who}: tick what you see (Enter adds one, - takes one back)"),
                    classes="muted",
                )
                yield BehaviourChecklist(behaviours(bundled_rubric()), record.ticks, id="checklist")
            with Vertical(id="notes-col"):
                yield Static("Notes and quotes", classes="muted")
                yield TextBox(record.notes, placeholder="What was said, word for word", id="notes")
        yield KeyFooter()

    def _scenario(self) -> str:
        playbook_id = self.workshop.plan.playbook_for(self.round_no)
        summary = self.context.playbooks.library.get(playbook_id)
        return summary.title if summary else f"{playbook_id} (not in the library)"

    def _roles(self) -> Content:
        roles = self.workshop.plan.roles(self.round_no)
        parts: list[tuple[str, str] | str] = []
        for person, role in roles.items():
            if parts:
                parts.append("   ")
            parts += [(person, "bold"), f": {ROLE_LABELS[role]}"]
        return styled(*parts)

    def on_mount(self) -> None:
        plan = self.workshop.plan
        self.title = plan.title
        self.sub_title = f"round {self.round_no} of {plan.rounds}"
        self._show_clock()
        self.set_interval(TICK, self._tick)
        self.query_one("#checklist").focus()

    def on_screen_resume(self) -> None:
        self._show_clock()  # the big timer may have paused or resumed the clock meanwhile

    def _tick(self) -> None:
        if not self.clock.running:
            return  # nothing moves: shown already by whatever stopped it
        alert = self.clock.poll()
        if alert:
            # Covered by the big timer, which shows the warning itself: only the bell.
            announce(self, alert, toast=self.app.screen is self)
        self._show_clock()

    def _show_clock(self) -> None:
        self.clock.paint(
            self.query_one("#clock", BigClock), self.query_one("#clock-status", Static)
        )

    @on(BehaviourChecklist.Ticked)
    def _ticked(self, event: BehaviourChecklist.Ticked) -> None:
        code, change = event.code, event.change
        # Each tick counts: one that waits for the database is tried again, not replaced.
        count = self.context.saver.attempt(
            lambda: self.context.workshops.tick(self.workshop_id, self.round_no, code, change),
            then=partial(self._counted, code),
        )
        if count is not None:
            self._counted(code, count)

    def _counted(self, code: str, count: int) -> None:
        if self.is_attached:
            self.query_one(BehaviourChecklist).set_count(code, count)

    @on(TextBox.Changed, "#notes")
    def _notes(self, event: TextBox.Changed) -> None:
        event.stop()
        text, round_no = event.text_area.text, self.round_no
        self.context.saver.saved(
            lambda: self.context.workshops.set_text(self.workshop_id, round_no, "notes", text),
            ("workshop-text", self.workshop_id, round_no, "notes"),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "previous_round":
            return None if self.round_no == 1 else True
        return True

    def action_toggle_clock(self) -> None:
        self.clock.toggle()
        self._show_clock()

    def action_big_timer(self) -> None:
        self.app.push_screen(
            WorkshopTimerScreen(self.clock, str(self.sub_title), self._scenario(), self._roles())
        )

    @work
    async def action_end_round(self) -> None:
        self.clock.stop()
        self._show_clock()
        record = self.context.workshops.get(self.workshop_id).round(self.round_no)
        last = self.round_no == self.workshop.plan.rounds
        go_on = await self.app.push_screen_wait(
            RoundDebriefScreen(self.context, self.workshop_id, record, last)
        )
        if not go_on:
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
        if self.context.saver.saved(
            lambda: self.context.workshops.set_round(self.workshop_id, round_no), retry=False
        ):
            self.app.switch_screen(WorkshopRoundScreen(self.context, self.workshop_id))

    def action_export(self) -> None:
        export_debrief(self, self.context, self.workshop_id)

    def action_leave(self) -> None:
        self.clock.stop()
        self.dismiss()

    def on_unmount(self) -> None:
        # The workshop may have been deleted, or the app closed the store first.
        with contextlib.suppress(UserError, sqlite3.ProgrammingError):
            self.clock.stop()
