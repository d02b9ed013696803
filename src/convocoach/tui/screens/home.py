"""Home: the playbook library, filtered as you type, with the selected prep sheet beside it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from convocoach.playbooks.library import Library
from convocoach.playbooks.model import PlaybookFile
from convocoach.playbooks.prepsheet import prep_sheet_markdown
from convocoach.tui.safe_text import plain


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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="library"):
                yield Input(placeholder="Filter playbooks (title or tag)", id="filter")
                yield OptionList(id="playbooks", markup=False)
                if self.library.invalid:
                    yield Static(self._invalid_summary(), id="problems", markup=False)
            yield Markdown(id="sheet", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#playbooks", OptionList).focus()

    def _invalid_summary(self) -> str:
        count = len(self.library.invalid)
        lines = [f"! {count} playbook file{'s' * (count != 1)} could not be used:"]
        lines += [bad.problems[0].format() if bad.problems else bad.file
                  for bad in self.library.invalid]
        return "\n".join(lines)

    def _fill(self, query: str) -> None:
        needle = query.casefold().strip()
        option_list = self.query_one("#playbooks", OptionList)
        option_list.clear_options()
        for loaded in self.library.sorted():
            pb = loaded.playbook
            haystack = " ".join((pb.title, pb.id, *pb.tags)).casefold()
            if needle and needle not in haystack:
                continue
            option_list.add_option(Option(plain(pb.title), id=pb.id))
        if option_list.option_count:
            option_list.highlighted = 0

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionHighlighted, "#playbooks")
    async def _show(self, event: OptionList.OptionHighlighted) -> None:
        loaded = self.library.get(event.option.id or "")
        if loaded is not None:
            await self.query_one("#sheet", Markdown).update(prep_sheet_markdown(loaded.playbook))

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        self.query_one("#playbooks", OptionList).focus()
