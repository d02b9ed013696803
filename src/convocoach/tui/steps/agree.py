"""Step 6: discussion points, next steps (what, who, by when, then done or moved) and the
check-in rhythm."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Select, Static

from convocoach.playbooks.model import CADENCE_LABELS
from convocoach.sessions.checkin_dates import DEFAULT_MONTHS
from convocoach.sessions.field_check import check_field
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.model import NextStep
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.dialogs.move_step_form import MoveStepForm
from convocoach.tui.dialogs.next_step_form import NextStepForm
from convocoach.tui.steps.base import StepPane
from convocoach.tui.steps.next_steps_table import NextStepsTable, step_detail
from convocoach.tui.support.safe_text import plain
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.text_box import TextBox

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


class AgreeStep(StepPane):
    step_key = "agree"
    CHOICE_LABELS = {"cadence": CADENCE_LABELS}  # noqa: RUF012
    FIELD_WIDGETS = _WIDGETS
    FIELD_NAMES = _DESCRIPTIONS

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
        yield Static(
            "After the meeting: D done today, U undo done, M moved (new date and why)",
            classes="note muted",
        )
        yield NextStepsTable(id="steps", cursor_type="row", zebra_stripes=True)
        yield Static("", id="step-detail", classes="note muted", markup=False)
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
        self.query_one("#steps", NextStepsTable).show_steps(self._listed, cursor)
        self._show_detail()

    @on(DataTable.RowHighlighted, "#steps")
    def _show_detail(self) -> None:
        row = self.query_one("#steps", NextStepsTable).cursor_row
        detail = step_detail(self._listed[row]) if 0 <= row < len(self._listed) else ""
        line = self.query_one("#step-detail", Static)
        line.update(plain(detail))
        line.display = bool(detail)

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

    @on(NextStepsTable.EditStep)
    @work
    async def _edit(self, event: NextStepsTable.EditStep) -> None:
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

    @on(NextStepsTable.RemoveStep)
    @work
    async def _remove(self, event: NextStepsTable.RemoveStep) -> None:
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

    @on(NextStepsTable.MoveStep)
    def _move(self, event: NextStepsTable.MoveStep) -> None:
        steps = self._listed
        target = event.row + event.offset
        if event.row < len(steps) and 0 <= target < len(steps):
            self.editor.move_next_step(steps[event.row].id, target)
            self._fill_table(cursor=target)

    @on(NextStepsTable.MarkDone)
    def _mark_done(self, event: NextStepsTable.MarkDone) -> None:
        if event.row >= len(self._listed):
            return
        step = self._listed[event.row]
        try:
            self.editor.update_next_step(
                step.id,
                step,
                then=self._shown_once_saved(event.row),
                status="done" if event.done else "open",
            )
        except WriteConflict:
            self._changed_elsewhere("marked")
        self._fill_table(cursor=event.row)

    @on(NextStepsTable.Reschedule)
    @work
    async def _reschedule(self, event: NextStepsTable.Reschedule) -> None:
        if event.row >= len(self._listed):
            return
        step = self._listed[event.row]
        moved = await self.app.push_screen_wait(MoveStepForm(step))
        if moved is not None:
            try:
                self.editor.reschedule_next_step(
                    step.id, moved.new_due, moved.reason, step, self._shown_once_saved(event.row)
                )
            except WriteConflict:
                self._changed_elsewhere("moved")
            self._fill_table(cursor=event.row)
        self.query_one("#steps").focus()

    def _shown_once_saved(self, row: int) -> Callable[[None], None]:
        """For a mark that waited for the database: the list shows it when it lands."""
        return lambda _: self._fill_table(cursor=row)

    def _changed_elsewhere(self, done: str) -> None:
        self.editor.poll()
        self.notify(
            f"This step was changed in another window, so it was not {done}: look at it again.",
            title=f"Not {done}",
            severity="warning",
            timeout=10,
            markup=False,
        )
