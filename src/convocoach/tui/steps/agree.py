"""Step 6: discussion points, next steps (what, who, by when) and the check-in rhythm."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Select, Static

from convocoach.playbooks.model import CADENCE_LABELS
from convocoach.sessions.checkin_dates import DEFAULT_MONTHS
from convocoach.sessions.field_check import check_field
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.model import NextStep
from convocoach.sessions.summary_md import owner_label
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.dialogs.next_step_form import NextStepForm
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain, plain_rich
from convocoach.tui.support.screen_contract import HasCommands
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.text_box import TextBox

_STATUS_MARKS = {"open": "open", "done": "done \u2713", "dropped": "dropped"}
_COLUMNS = ("What", "Who", "By when", "Status")
_MIN_WHAT = 12
_MAX_WHO = 24
Row = tuple[Text, Text, Text, Text]
_WIDGETS = {
    "points": "points",
    "cadence": "cadence",
    "next_checkin": "next-checkin",
    "checkin_until": "checkin-until",
}
_DESCRIPTIONS = {
    "points": "Discussion points",
    "cadence": "How often",
    "next_checkin": "Next check-in",
    "checkin_until": "Repeat until",
}


class NextStepsTable(HasCommands, DataTable[Text]):
    """The agreed next steps; its keys act on the highlighted row."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("add", "a", "Add step", "Add a next step"),
        Command("edit", "enter", "Edit step", "Edit the highlighted next step"),
        Command("remove", "delete", "Remove step", "Remove the highlighted next step"),
        Command("move(-1)", "shift+up", "Move up", "Move the highlighted step up"),
        Command("move(1)", "shift+down", "Move down", "Move the highlighted step down"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)

    _rows: Sequence[Row] = ()
    _widths: tuple[int, ...] = ()
    _pending = False
    """Rows given while the table had no width yet, shown at the next resize."""

    def show(self, rows: Sequence[Row], cursor: int | None = None) -> None:
        """Fill the table with columns sized to these rows and the table's width."""
        self._rows = rows
        self._pending = not self.size.width
        if self._pending:
            return  # not laid out yet: filled at the first resize, so sized once
        self._widths = self._fit()
        self.clear(columns=True)
        for label, width in zip(_COLUMNS, self._widths, strict=True):
            self.add_column(label, width=width)
        self.add_rows(rows)
        if cursor is not None and self.row_count:
            self.move_cursor(row=max(0, min(cursor, self.row_count - 1)))
        self.refresh_bindings()

    def _fit(self) -> tuple[int, ...]:
        # Who, By when and Status keep their whole text; What takes the room that is left
        # (the whole action shows when the step is opened with Enter).
        natural = [
            max([len(label), *(row[i].cell_len for row in self._rows)])
            for i, label in enumerate(_COLUMNS)
        ]
        natural[1] = min(natural[1], _MAX_WHO)
        room = self.scrollable_content_region.width - 2 * self.cell_padding * len(_COLUMNS)
        what = max(_MIN_WHAT, min(natural[0], room - sum(natural[1:])))
        return (what, *natural[1:])

    def on_resize(self, event: events.Resize) -> None:
        if self._pending or self._fit() != self._widths:
            self.show(self._rows, self.cursor_row)

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
        session = self.session
        yield Static(
            "Discussion points (one per line; the email to the client lists them)",
            classes="section-title",
        )
        yield TextBox(
            "\n".join(session.points),
            id="points",
            placeholder="Write them to the client: \u201cThe launch moves to 8 January.\u201d",
        )
        yield Static(
            "Next steps: A adds, Enter edits, Delete removes, Shift+arrows move",
            classes="section-title",
        )
        yield NextStepsTable(id="steps", cursor_type="row", zebra_stripes=True)
        yield Static("Check-ins", classes="section-title")
        if self.playbook is not None:
            followup = self.playbook.playbook.followup
            yield Static(
                plain(
                    f"The playbook suggests {CADENCE_LABELS[followup.cadence]}: "
                    f"{followup.cadence_reason}"
                ),
                classes="note muted",
            )
        with Horizontal(classes="row"):
            yield Label("How often")
            yield Select(
                [(label, key) for key, label in CADENCE_LABELS.items()],
                value=session.cadence if session.cadence in CADENCE_LABELS else "weekly",
                allow_blank=False,
                compact=True,
                id="cadence",
            )
        with Horizontal(classes="row"):
            yield Label("Next check-in")
            yield Field(
                session.next_checkin,
                placeholder="YYYY-MM-DD",
                compact=True,
                id="next-checkin",
                classes="date",
            )
        yield Static("", id="next-checkin-error", classes="error", markup=False)
        with Horizontal(classes="row"):
            yield Label("Repeat until")
            yield Field(
                session.checkin_until,
                placeholder="YYYY-MM-DD",
                compact=True,
                id="checkin-until",
                classes="date",
            )
        yield Static("", id="checkin-until-error", classes="error", markup=False)
        yield Static(
            f"The calendar invite repeats the check-ins until then; left empty, for "
            f"{DEFAULT_MONTHS} months.",
            classes="note muted",
            markup=False,
        )

    _listed: tuple[NextStep, ...] = ()

    def on_mount(self) -> None:
        for error in self.query(".error"):
            error.display = False
        self._fill_table()

    def shown(self) -> None:
        # Next steps may have come in from a rehearsal since this step was last shown.
        if self.editor.session.next_steps != self._listed:
            self._fill_table()

    def widget_for(self, key: str) -> Widget | None:
        widget_id = _WIDGETS.get(key)
        return None if widget_id is None else self.query_one(f"#{widget_id}")

    def describe(self, key: str) -> str:
        return _DESCRIPTIONS.get(key, super().describe(key))

    def show(self, key: str, value: object) -> None:
        if key != "points" or not isinstance(value, tuple):
            super().show(key, value)
            return
        # The cursor stays on the line it was on, wherever the merge put that line.
        box = self.query_one("#points", TextBox)
        row, column = box.cursor_location
        line = box.document.get_line(row).strip() if row < box.document.line_count else ""
        box.load_text("\n".join(value))
        if box.has_focus and line in value:
            box.move_cursor((value.index(line), column))

    def sync(self) -> None:
        super().sync()
        if self.editor.session.next_steps != self._listed:
            self._fill_table(self.query_one("#steps", NextStepsTable).cursor_row)

    def _fill_table(self, cursor: int | None = None) -> None:
        self._listed = self.editor.session.next_steps
        self.query_one("#steps", NextStepsTable).show(
            [
                (
                    plain_rich(step.action),
                    plain_rich(owner_label(step)),
                    plain_rich(step.due or "-"),
                    plain_rich(_STATUS_MARKS.get(step.status, step.status)),
                )
                for step in self._listed
            ],
            cursor,
        )

    @on(TextBox.Changed, "#points")
    def _points(self, event: TextBox.Changed) -> None:
        points = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        if tuple(points) != self.seen["points"]:
            self.save_list(
                "points",
                points,
                "Points merged",
                "Discussion points were changed "
                "in another window too: both windows' points are kept.",
            )

    @on(Select.Changed, "#cadence")
    def _cadence(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.seen["cadence"]:
            self.save("cadence", event.value)

    @on(Input.Changed, "#next-checkin")
    @on(Input.Changed, "#checkin-until")
    def _checkin_date(self, event: Input.Changed) -> None:
        name = "next_checkin" if event.input.id == "next-checkin" else "checkin_until"
        error = self.query_one(f"#{event.input.id}-error", Static)
        try:
            value = str(check_field(name, event.value))
            first = self.editor.session.next_checkin
            if name == "checkin_until" and value and first and value < first:
                raise ValueError(f"the check-ins cannot end before the next one ({first})")
        except ValueError as exc:
            error.update(plain(f"Not saved yet: {exc}."))
            error.display = True
            event.input.add_class("-invalid")
            return
        error.display = False
        event.input.remove_class("-invalid")
        if value != self.seen[name]:
            self.save(name, value)

    @on(EditStep)
    @work
    async def _edit(self, event: EditStep) -> None:
        steps = self._listed
        current = steps[event.row] if event.row is not None and event.row < len(steps) else None
        result = await self.app.push_screen_wait(NextStepForm(current))
        if result is None:
            return
        if current is None:
            self.editor.add_next_step(result)
            self._fill_table(cursor=len(self.editor.session.next_steps) - 1)
            self.query_one("#steps").focus()
            return
        try:
            self.editor.update_next_step(
                current.id,
                current,
                action=result.action,
                owner_kind=result.owner_kind,
                owner_name=result.owner_name,
                due=result.due,
                status=result.status,
            )
        except WriteConflict:
            # Changed or removed in another window meanwhile: both versions stay.
            self.editor.add_next_step(result)
            self.notify(
                "This step was changed in another window while you edited it. "
                "Both versions are kept: yours is now the last step.",
                title="Kept both",
                severity="warning",
                timeout=10,
                markup=False,
            )
            self._fill_table(cursor=len(self.editor.session.next_steps) - 1)
        else:
            self._fill_table(cursor=event.row)
        self.query_one("#steps").focus()

    @on(RemoveStep)
    @work
    async def _remove(self, event: RemoveStep) -> None:
        steps = self._listed
        if event.row >= len(steps):
            return
        step = steps[event.row]
        if await self.app.push_screen_wait(
            ConfirmScreen("Remove next step", f"Remove \u201c{step.action}\u201d?", yes="Remove")
        ):
            try:
                self.editor.delete_next_step(step.id, step)
            except WriteConflict:
                self.notify(
                    "This step was changed in another window, so it was not "
                    "removed: look at it again.",
                    title="Not removed",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
            self._fill_table(cursor=event.row)
        self.query_one("#steps").focus()

    @on(MoveStep)
    def _move(self, event: MoveStep) -> None:
        steps = self._listed
        target = event.row + event.offset
        if event.row < len(steps) and 0 <= target < len(steps):
            self.editor.move_next_step(steps[event.row].id, target)
            self._fill_table(cursor=target)
