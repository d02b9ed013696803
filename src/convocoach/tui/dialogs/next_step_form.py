"""Add or edit one agreed next step: what, who, by when."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from convocoach.sessions import limits
from convocoach.sessions.field_check import check_field
from convocoach.sessions.model import NextStep
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.field import Field

OWNER_CHOICES = [("Us", "us"), ("The client", "client"), ("A named person", "person")]
STATUS_CHOICES = [("Open", "open"), ("Done", "done"), ("Dropped", "dropped")]


class NextStepForm(ScreenContract, ModalScreen[NextStep | None]):
    """Dismisses with the step as entered, or None when cancelled."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "ctrl+s", "Save", "Save this next step", priority=True),
        Command("cancel", "escape", "Cancel", "Close without saving"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "next-step"
    CSS_PATH = "next_step_form.tcss"

    def __init__(self, step: NextStep | None = None) -> None:
        super().__init__()
        self.step = step or NextStep("")

    def compose(self) -> ComposeResult:
        step = self.step
        with Vertical() as box:
            box.border_title = "Edit next step" if step.id else "Add a next step"
            with Grid():
                yield Label("What")
                yield Field(
                    step.action,
                    placeholder="Send the revised plan",
                    compact=True,
                    id="action",
                    max_length=limits.ACTION,
                )
                yield Label("Owner")
                yield Select(
                    OWNER_CHOICES,
                    value=step.owner_kind,
                    allow_blank=False,
                    compact=True,
                    id="owner-kind",
                )
                yield Label("Name")
                yield Field(
                    step.owner_name,
                    placeholder="A name makes the owner that person",
                    compact=True,
                    id="owner-name",
                    max_length=limits.LINE,
                )
                yield Label("By when")
                yield Field(step.due, placeholder="YYYY-MM-DD", compact=True, id="due")
                yield Label("Status")
                yield Select(
                    STATUS_CHOICES, value=step.status, allow_blank=False, compact=True, id="status"
                )
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="cancel")
                yield Button("Save", compact=True, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#action", Input).focus()

    @on(Input.Changed, "#owner-name")
    def _named(self, event: Input.Changed) -> None:
        # Whoever types a name means that person: say so in the Owner field at once.
        owner = self.query_one("#owner-kind", Select)
        if event.value.strip() and owner.value != "person":
            owner.value = "person"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        action = " ".join(self.query_one("#action", Input).value.split())
        owner_kind = str(self.query_one("#owner-kind", Select).value)
        owner_name = self.query_one("#owner-name", Input).value.strip()
        error = self.query_one("#error", Static)
        if not action:
            error.update("Say what will be done.")
            return
        if owner_kind == "person" and not owner_name:
            error.update("Name the person who owns it, or choose us or the client.")
            return
        if owner_kind != "person" and owner_name:
            error.update(
                plain(
                    f"The name \u201c{owner_name}\u201d is kept only with the owner "
                    "\u201cA named person\u201d: choose that, or clear the name."
                )
            )
            return
        try:
            due = str(check_field("due", self.query_one("#due", Input).value))
        except ValueError as exc:
            error.update(plain(f"By when: {exc}."))
            return
        self.dismiss(
            NextStep(
                action,
                owner_kind,
                owner_name,
                due,
                str(self.query_one("#status", Select).value),
                self.step.done_on,
                self.step.created_on,
                self.step.moves,
                self.step.id,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
