"""The playbook library: filter as you type, the highlighted playbook's prep sheet beside it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from convocoach.playbooks.library import Library
from convocoach.playbooks.summary import PlaybookSummary
from convocoach.tui.support.safe_text import plain
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.markdown_page import MarkdownPage

# Moving quickly through the list should not render every sheet on the way, and typing in
# the filter should echo at once: the list follows when the typing pauses.
_SHEET_DELAY = 0.08
_FILTER_DELAY = 0.12


class LibraryBrowser(Horizontal):
    # Down from the filter box goes on to the matches (the list and the sheet use it first).
    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "focus_list", show=False)]
    DEFAULT_CSS = """
    LibraryBrowser #library { width: 36; min-width: 24; border-right: vkey $foreground 20%; }
    LibraryBrowser #filter { margin: 0 0 1 0; }
    LibraryBrowser #playbooks { height: 1fr; }
    LibraryBrowser #problems {
        height: auto; max-height: 8; color: $warning; padding: 0 1; overflow-y: auto;
    }
    LibraryBrowser #sheet-scroll { width: 1fr; padding: 0 1; overflow-y: auto; }
    """

    class Chosen(Message):
        """The user pressed Enter on a playbook."""

        def __init__(self, playbook: PlaybookSummary) -> None:
            super().__init__()
            self.playbook = playbook

    def __init__(self, library: Library[PlaybookSummary], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self._pending: Timer | None = None
        self._filter_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Field(placeholder="Filter: title or tag", compact=True, id="filter")
            yield OptionList(id="playbooks", markup=False)
            if self.library.invalid:
                yield Static(plain("! " + self.library.invalid_report()), id="problems")
        with VerticalScroll(id="sheet-scroll"):
            yield MarkdownPage(id="sheet")

    def on_mount(self) -> None:
        self.fill("")

    @property
    def highlighted(self) -> PlaybookSummary | None:
        option = self.query_one("#playbooks", OptionList).highlighted_option
        return None if option is None or option.id is None else self.library.get(option.id)

    def action_focus_list(self) -> None:
        self._fill_from_filter()  # what is typed applies now, as with Enter
        self.focus_list()

    def focus_list(self) -> None:
        self.query_one("#playbooks", OptionList).focus()

    def focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.fill("")
        self.focus_list()

    def fill(self, query: str) -> None:
        needle = query.casefold().strip()
        if self._filter_timer is not None:
            self._filter_timer.pause()
        option_list = self.query_one("#playbooks", OptionList)
        current = option_list.highlighted_option
        keep = current.id if current is not None else None
        matches = [
            pb
            for pb in self.library.sorted()
            if not needle or needle in " ".join((pb.title, pb.id, *pb.tags)).casefold()
        ]
        ids = [pb.id for pb in matches]
        shown = [option_list.get_option_at_index(n).id for n in range(option_list.option_count)]
        if ids == shown:
            return  # same list: leave it (and the screen) alone
        option_list.clear_options()
        option_list.add_options(Option(plain(pb.title), id=pb.id) for pb in matches)
        if ids:
            option_list.highlighted = ids.index(keep) if keep in ids else 0

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()  # nothing above the library needs each key
        # One timer, restarted on each key (a new timer per key costs the echo a little).
        if self._filter_timer is None:
            self._filter_timer = self.set_interval(
                _FILTER_DELAY, self._fill_from_filter, pause=True
            )
        self._filter_timer.reset()
        self._filter_timer.resume()

    def _fill_from_filter(self) -> None:
        self.fill(self.query_one("#filter", Input).value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.fill(event.value)
        self.focus_list()

    @on(OptionList.OptionSelected, "#playbooks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        loaded = self.library.get(event.option.id or "")
        if loaded is not None:
            self.post_message(self.Chosen(loaded))

    @on(OptionList.OptionHighlighted, "#playbooks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self._pending is not None:
            self._pending.stop()
        playbook_id = event.option.id or ""
        if not self.query_one("#sheet", MarkdownPage).source:
            # The first sheet waits for the first frame, so the screen paints at once.
            self.call_after_refresh(self._show, playbook_id)
        else:
            self._pending = self.set_timer(_SHEET_DELAY, lambda: self._show(playbook_id))

    def _show(self, playbook_id: str) -> None:
        summary = self.library.get(playbook_id)
        if summary is not None:
            self.query_one("#sheet", MarkdownPage).show(summary.sheet)
            self.query_one("#sheet-scroll", VerticalScroll).scroll_home(animate=False)
