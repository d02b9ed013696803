"""Step 6: discussion points, next steps (what, who, by when) and the check-in rhythm."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Select, Static

from convocoach.playbooks.model import CADENCE_LABELS
from convocoach.sessions.field_check import check_field
from convocoach.sessions.model import NextStep
from convocoach.sessions.summary_md import owner_label
from convocoach.tui.commands import Command, bindings
from convocoach.tui.safe_text import plain, plain_rich
from convocoach.tui.steps.base import StepPane
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.text_box import TextBox

_STATUS_MARKS = {"open": "open", "done": "done \u2713", "dropped": "dropped"}


class NextStepsTable(DataTable[Text]):
    """The agreed next steps; its keys act on the highlighted row."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("add", "a", "Add step", "Add a next step"),
        Command("edit", "enter", "Edit step", "Edit the highlighted next step"),
        Command("remove", "delete", "Remove step", "Remove the highlighted next step"),
        Command("move(-1)", "shift+up", "Move up", "Move the highlighted step up"),
        Command("move(1)", "shift+down", "Move down", "Move the highlighted step down"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    DEFAULT_CSS = """
    NextStepsTable { height: auto; max-height: 12; margin: 0 0 1 0; }
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove", "move"):
            return True if self.row_count else None
        return True

    def action_add(self) -> None:
        self.post_message(AgreeStep.EditStep(None))

    def action_edit(self) -> None:
        if self.row_count:
            self.post_message(AgreeStep.EditStep(self.cursor_row))

    def action_remove(self) -> None:
        if self.row_count:
            self.post_message(AgreeStep.RemoveStep(self.cursor_row))

    def action_move(self, offset: int) -> None:
        if self.row_count:
            self.post_message(AgreeStep.MoveStep(self.cursor_row, offset))


class AgreeStep(StepPane):
    step_key = "agree"
    DEFAULT_CSS = """
    AgreeStep #points { max-height: 8; }
    AgreeStep .row { height: auto; }
    AgreeStep .row > Label { width: 16; }
    AgreeStep .error { color: $text-error; height: auto; }
    AgreeStep #cadence, AgreeStep #next-checkin { width: 30; max-width: 100%; }
    """

    class EditStep(Message):
        def __init__(self, row: int | None) -> None:
            super().__init__()
            self.row = row

    class RemoveStep(Message):
        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class MoveStep(Message):
        def __init__(self, row: int, offset: int) -> None:
            super().__init__()
            self.row = row
            self.offset = offset

    def compose(self) -> ComposeResult:
        session = self.editor.session
        yield Static("Discussion points (one per line)", classes="section-title")
        yield TextBox("\n".join(session.points), id="points",
                      placeholder="What you explained, what they raised, what you decided")
        yield Static("Next steps: A adds, Enter edits, Delete removes, Shift+arrows move",
                     classes="section-title")
        table = NextStepsTable(id="steps", cursor_type="row", zebra_stripes=True)
        # A bounded first column keeps Who, By when and Status on an 80-column screen; the
        # whole action shows when the step is opened with Enter.
        table.add_column("What", width=34)
        table.add_columns("Who", "By when", "Status")
        yield table
        yield Static("Check-ins", classes="section-title")
        if self.playbook is not None:
            followup = self.playbook.playbook.followup
            yield Static(plain(f"The playbook suggests {CADENCE_LABELS[followup.cadence]}: "
                               f"{followup.cadence_reason}"), classes="note muted")
        with Horizontal(classes="row"):
            yield Label("How often")
            yield Select([(label, key) for key, label in CADENCE_LABELS.items()],
                         value=session.cadence if session.cadence in CADENCE_LABELS
                         else "weekly", allow_blank=False, compact=True, id="cadence")
        with Horizontal(classes="row"):
            yield Label("Next check-in")
            yield Field(session.next_checkin, placeholder="YYYY-MM-DD", compact=True,
                        id="next-checkin")
        yield Static("", id="checkin-error", classes="error", markup=False)

    _listed: tuple[NextStep, ...] = ()

    def on_mount(self) -> None:
        self.query_one("#checkin-error").display = False
        self._fill_table()

    def shown(self) -> None:
        # Next steps may have come in from a rehearsal since this step was last shown.
        if self.editor.session.next_steps != self._listed:
            self._fill_table()

    def _fill_table(self, cursor: int | None = None) -> None:
        table = self.query_one("#steps", NextStepsTable)
        table.clear()
        self._listed = self.editor.session.next_steps
        for step in self._listed:
            table.add_row(plain_rich(step.action), plain_rich(owner_label(step)),
                          plain_rich(step.due or "-"),
                          plain_rich(_STATUS_MARKS.get(step.status, step.status)))
        if cursor is not None and table.row_count:
            table.move_cursor(row=max(0, min(cursor, table.row_count - 1)))
        table.refresh_bindings()

    @on(TextBox.Changed, "#points")
    def _points(self, event: TextBox.Changed) -> None:
        points = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        if points != list(self.editor.session.points):
            self.editor.set_list("points", points)

    @on(Select.Changed, "#cadence")
    def _cadence(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.editor.session.cadence:
            self.editor.set_field("cadence", event.value)

    @on(Input.Changed, "#next-checkin")
    def _checkin(self, event: Input.Changed) -> None:
        error = self.query_one("#checkin-error", Static)
        try:
            value = str(check_field("next_checkin", event.value))
        except ValueError as exc:
            error.update(plain(f"Not saved yet: {exc}."))
            error.display = True
            event.input.add_class("-invalid")
            return
        error.display = False
        event.input.remove_class("-invalid")
        if value != self.editor.session.next_checkin:
            self.editor.set_field("next_checkin", value)

    @on(EditStep)
    @work
    async def _edit(self, event: EditStep) -> None:
        from convocoach.tui.screens.next_step_form import NextStepForm

        steps = self.editor.session.next_steps
        current = steps[event.row] if event.row is not None and event.row < len(steps) else None
        result = await self.app.push_screen_wait(NextStepForm(current))
        if result is None:
            return
        if current is None:
            self.editor.add_next_step(result)
            self._fill_table(cursor=len(self.editor.session.next_steps) - 1)
        else:
            self.editor.update_next_step(current.id, action=result.action,
                                         owner_kind=result.owner_kind,
                                         owner_name=result.owner_name, due=result.due,
                                         status=result.status)
            self._fill_table(cursor=event.row)
        self.query_one("#steps").focus()

    @on(RemoveStep)
    @work
    async def _remove(self, event: RemoveStep) -> None:
        from convocoach.tui.screens.confirm import ConfirmScreen

        steps = self.editor.session.next_steps
        if event.row >= len(steps):
            return
        step = steps[event.row]
        if await self.app.push_screen_wait(ConfirmScreen(
                "Remove next step", f"Remove \u201c{step.action}\u201d?", yes="Remove")):
            self.editor.delete_next_step(step.id)
            self._fill_table(cursor=event.row)
        self.query_one("#steps").focus()

    @on(MoveStep)
    def _move(self, event: MoveStep) -> None:
        steps = self.editor.session.next_steps
        target = event.row + event.offset
        if event.row < len(steps) and 0 <= target < len(steps):
            self.editor.move_next_step(steps[event.row].id, target)
            self._fill_table(cursor=target)
