"""The Agree step's table of next steps: what, who, by when, and how each is followed through
(done on a day, moved with a reason); its keys act on the highlighted row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable

from convocoach.sessions.model import NextStep
from convocoach.sessions.summary_md import owner_label
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain_rich
from convocoach.tui.support.screen_contract import HasCommands

_COLUMNS = ("What", "Who", "By when", "Status")
_MIN_WHAT = 12
_MAX_WHO = 24
_MAX_STATUS = 34
"""The status keeps a moved step's last reason to this width; the line under the table has it
in full."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
Row = tuple[Text, Text, Text, Text]


def short_day(iso: str) -> str:
    """``2026-12-04`` as "4 Dec" (the text as it is if it is no date)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS[day.month - 1]}"


def moved_note(step: NextStep) -> str:
    """How often the step moved, with the last reason ("" if it never moved)."""
    if not step.moves:
        return ""
    last = step.moves[-1]
    note = "moved" if len(step.moves) == 1 else f"moved \u00d7{len(step.moves)}"
    return f"{note}: {last.reason}" if last.reason else note


def status_text(step: NextStep) -> str:
    """The Status column: "done 4 Dec", "open, moved ×2: client away", "dropped"."""
    if step.status == "done":
        return f"done \u2713 {short_day(step.done_on)}" if step.done_on else "done \u2713"
    moved = moved_note(step)
    text = f"{step.status}, {moved}" if moved else step.status
    return text if len(text) <= _MAX_STATUS else text[: _MAX_STATUS - 1] + "\u2026"


def step_detail(step: NextStep) -> str:
    """The highlighted step's follow-through in full, for the line under the table."""
    if step.status == "done" and step.done_on:
        return f"Done on {step.done_on}."
    if not step.moves:
        return ""
    last = step.moves[-1]
    times = "once" if len(step.moves) == 1 else f"{len(step.moves)} times"
    return (
        f"Moved {times}; last on {last.moved_on}, from {last.old_due or 'no date'} to "
        f"{last.new_due}: {last.reason or 'no reason given'}"
    )


def step_row(step: NextStep) -> Row:
    return (
        plain_rich(step.action),
        plain_rich(owner_label(step)),
        plain_rich(step.due or "-"),
        plain_rich(status_text(step)),
    )


class NextStepsTable(HasCommands, DataTable[Text]):
    """The agreed next steps; its keys act on the highlighted row."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("add", "a", "Add step", "Add a next step"),
        Command("edit", "enter", "Edit step", "Edit the highlighted next step"),
        Command("remove", "delete", "Remove step", "Remove the highlighted next step"),
        Command("move(-1)", "shift+up", "Move up", "Move the highlighted step up"),
        Command("move(1)", "shift+down", "Move down", "Move the highlighted step down"),
        # Said in the line above the table, so the footer keeps its room for Next.
        Command("done", "d", "Done", "Mark the highlighted step done today", show=False),
        Command(
            "undone", "u", "Undo done", "Take back the highlighted step's done mark", show=False
        ),
        Command(
            "reschedule",
            "m",
            "Moved",
            "The highlighted step moved: its new date and why",
            show=False,
        ),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)

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

    class MarkDone(Message):
        """Mark the step done today (``done``) or take the mark back."""

        def __init__(self, row: int, done: bool) -> None:
            super().__init__()
            self.row = row
            self.done = done

    class Reschedule(Message):
        """The step moved to another date: ask when and why."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    _rows: Sequence[Row] = ()
    _statuses: Sequence[str] = ()
    _widths: tuple[int, ...] = ()
    _pending = False
    """Rows given while the table had no width yet, shown at the next resize."""

    def show_steps(self, steps: Sequence[NextStep], cursor: int | None = None) -> None:
        """Fill the table with these steps."""
        self._statuses = [step.status for step in steps]
        self.show([step_row(step) for step in steps], cursor)

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

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Done, Undo done and Moved depend on the highlighted step (the step hears it too).
        self.refresh_bindings()

    def _status(self) -> str:
        row = self.cursor_row
        return self._statuses[row] if self.row_count and row < len(self._statuses) else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove", "move"):
            return True if self.row_count else None
        if action == "done":
            return True if self._status() in ("open", "dropped") else None
        if action == "undone":
            return True if self._status() == "done" else None
        if action == "reschedule":
            return True if self._status() == "open" else None
        return True

    def action_add(self) -> None:
        self.post_message(self.EditStep(None))

    def action_edit(self) -> None:
        if self.row_count:
            self.post_message(self.EditStep(self.cursor_row))

    def action_remove(self) -> None:
        if self.row_count:
            self.post_message(self.RemoveStep(self.cursor_row))

    def action_move(self, offset: int) -> None:
        if self.row_count:
            self.post_message(self.MoveStep(self.cursor_row, offset))

    def action_done(self) -> None:
        if self.row_count:
            self.post_message(self.MarkDone(self.cursor_row, True))

    def action_undone(self) -> None:
        if self.row_count:
            self.post_message(self.MarkDone(self.cursor_row, False))

    def action_reschedule(self) -> None:
        if self.row_count:
            self.post_message(self.Reschedule(self.cursor_row))
