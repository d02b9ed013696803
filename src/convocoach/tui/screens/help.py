"""F1: what the current screen is for, and its keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from convocoach.tui.support.help_text import Topic, help_markdown
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.markdown_page import MarkdownPage


class HelpScreen(ScreenContract, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss", "Close")]
    CSS_PATH = "help.tcss"

    def __init__(self, topic: Topic, keys: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.topic = topic
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "Esc to close"
            sheet = MarkdownPage()
            sheet.show(help_markdown(self.topic, self._keys))
            yield sheet

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
