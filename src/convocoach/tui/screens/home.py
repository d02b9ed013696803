"""Home: the playbook library, filtered as you type, with the selected prep sheet beside it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from convocoach.playbooks.library import Library
from convocoach.playbooks.model import PlaybookFile
from convocoach.playbooks.prepsheet import prep_sheet_markdown
from convocoach.tui.safe_text import plain
from convocoach.tui.widgets.prep_sheet import PrepSheet

# Moving quickly through the list should not render every sheet on the way.
_SHEET_DELAY = 0.08


class HomeScreen(Screen[None]):
    """The library on the left, the chosen playbook's prep sheet on the right."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, library: Library[PlaybookFile]) -> None:
        super().__init__()
        self.library = library
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="library"):
                yield Input(placeholder="Filter playbooks (title or tag)", id="filter")
                yield OptionList(id="playbooks", markup=False)
                if self.library.invalid:
                    yield Static("! " + self.library.invalid_report(), id="problems", markup=False)
            with VerticalScroll(id="sheet-scroll"):
                yield PrepSheet(id="sheet")
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#playbooks", OptionList).focus()

    def _fill(self, query: str) -> None:
        needle = query.casefold().strip()
        option_list = self.query_one("#playbooks", OptionList)
        current = option_list.highlighted_option
        keep = current.id if current is not None else None
        option_list.clear_options()
        matches = [loaded.playbook for loaded in self.library.sorted()
                   if not needle or needle in " ".join(
                       (loaded.playbook.title, loaded.playbook.id, *loaded.playbook.tags)
                   ).casefold()]
        option_list.add_options(Option(plain(pb.title), id=pb.id) for pb in matches)
        ids = [pb.id for pb in matches]
        if ids:
            option_list.highlighted = ids.index(keep) if keep in ids else 0

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionHighlighted, "#playbooks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._pending is not None:
            self._pending.stop()
        playbook_id = event.option.id or ""
        sheet = self.query_one("#sheet", PrepSheet)
        if not sheet.source:
            self._show(playbook_id)  # the first sheet appears at once
        else:
            self._pending = self.set_timer(_SHEET_DELAY, lambda: self._show(playbook_id))

    def _show(self, playbook_id: str) -> None:
        loaded = self.library.get(playbook_id)
        if loaded is not None:
            self.query_one("#sheet", PrepSheet).show(prep_sheet_markdown(loaded.playbook))
            self.query_one("#sheet-scroll", VerticalScroll).scroll_home(animate=False)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        self.query_one("#playbooks", OptionList).focus()
