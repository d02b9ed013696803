"""What is overdue or due today, most overdue first, each with the session it belongs to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.followthrough.due import DueItem
from convocoach.sessions.steps import StepKey
from convocoach.tui.support.safe_text import styled

EMPTY = (
    "Nothing is overdue or due today.\n\nFollow-up emails past their send-by time, next "
    "steps on either side and check-ins show here when they come due."
)
OPENS_AT: dict[str, StepKey] = {"email": "followup", "step": "agree", "checkin": "agree"}
"""The step a due item opens its session at: where it is done."""


class DueList(Vertical):
    DEFAULT_CSS = """
    DueList #due-summary { padding: 0 1; height: 1; color: $text-muted; }
    DueList #due-items { height: 1fr; }
    DueList #due-empty { padding: 1 2; }
    """

    class Chosen(Message):
        """Enter on an item: open its session at the step where it is done."""

        def __init__(self, session_id: int, step: StepKey) -> None:
            super().__init__()
            self.session_id = session_id
            self.step = step

    def __init__(self, items: list[DueItem] | None = None, *, id: str | None = None) -> None:
        """``items`` now, or None to fill the list only when it is first shown (:meth:`show`)."""
        super().__init__(id=id)
        self.items: list[DueItem] = []
        self._first = items

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="due-empty", markup=False)
        yield Static("", id="due-summary", markup=False)
        yield OptionList(id="due-items", markup=False)

    def on_mount(self) -> None:
        if self._first is not None:
            self.show(self._first)

    def show(self, items: list[DueItem]) -> None:
        """Show ``items``, keeping the highlight on the same one where it is still due."""
        option_list = self.query_one("#due-items", OptionList)
        kept = option_list.highlighted
        keep = self.items[kept] if kept is not None and kept < len(self.items) else None
        self.items = items
        option_list.clear_options()
        option_list.add_options(Option(_label(item)) for item in items)
        self.query_one("#due-empty").display = not items
        option_list.display = bool(items)
        summary = self.query_one("#due-summary", Static)
        summary.display = bool(items)
        summary.update(_summary(items))
        if items:
            same = [n for n, item in enumerate(items) if keep and _same(item, keep)]
            option_list.highlighted = same[0] if same else 0

    @property
    def highlighted(self) -> DueItem | None:
        index = self.query_one("#due-items", OptionList).highlighted
        return None if index is None or index >= len(self.items) else self.items[index]

    def focus_list(self) -> None:
        self.query_one("#due-items", OptionList).focus()

    @on(OptionList.OptionSelected, "#due-items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.highlighted
        if item is not None:
            self.post_message(self.Chosen(item.session_id, OPENS_AT[item.kind]))


def _same(a: DueItem, b: DueItem) -> bool:
    return (a.kind, a.session_id, a.step_id) == (b.kind, b.session_id, b.step_id)


def _summary(items: list[DueItem]) -> str:
    late = sum(1 for item in items if item.overdue)
    return f"{late} overdue, {len(items) - late} due today"


def _label(item: DueItem) -> Content:
    """Two lines: how late and what (overdue in bold, with a word, not colour alone), then
    the session, its client and company."""
    who = ", ".join(part for part in (item.client, item.company) if part.strip())
    session = item.title or "Untitled session"
    return styled(
        (item.late.capitalize(), "bold" if item.overdue else ""),
        " \u00b7 ",
        " ".join(item.what.split()),
        "\n",
        (f"{session} \u00b7 {who}" if who else session, "dim"),
    )
