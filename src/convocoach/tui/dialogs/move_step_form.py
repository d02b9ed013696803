"""A next step moved: its new date and the reason (the next check-in email says why)."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from convocoach.sessions import limits
from convocoach.sessions.field_check import parse_date
from convocoach.sessions.model import NextStep
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.field import Field


class StepMoved(NamedTuple):
    new_due: str
    """ISO date."""
    reason: str


class MoveStepForm(ScreenContract, ModalScreen[StepMoved | None]):
    """Dismisses with the new date and the reason, or None when cancelled."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "ctrl+s", "Move", "Move the step to this date", priority=True),
        Command("cancel", "escape", "Cancel", "Close without moving the step"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "move-step"
    CSS_PATH = "move_step_form.tcss"

    def __init__(self, step: NextStep) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        step = self.step
        with Vertical() as box:
            box.border_title = "Move a next step"
            yield Static(plain(step.action), id="action", markup=False)
            yield Static(
                f"Due {step.due}" if step.due else "No date yet", id="due-now", markup=False
            )
            with Grid():
                yield Label("New date")
                yield Field(placeholder="YYYY-MM-DD", compact=True, id="new-due")
                yield Label("Why")
                yield Field(
                    placeholder="The check-in email tells the client this",
                    compact=True,
                    id="reason",
                    max_length=limits.LINE,
                )
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="cancel")
                yield Button("Move", compact=True, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#new-due", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        typed = self.query_one("#new-due", Input).value.strip()
        reason = " ".join(self.query_one("#reason", Input).value.split())
        error = self.query_one("#error", Static)
        day = parse_date(typed)
        if day is None:
            error.update(
                "New date: write the day it is due now, like 2026-12-14."
                if not typed
                else plain(f"New date: \u201c{typed}\u201d is no date; write one like 2026-12-14.")
            )
            self.query_one("#new-due", Input).focus()
            return
        if day.isoformat() == self.step.due:
            error.update("That is its date already: write the new one.")
            self.query_one("#new-due", Input).focus()
            return
        if not reason:
            error.update("Say why it moved: the next check-in email tells the client.")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(StepMoved(day.isoformat(), reason))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
