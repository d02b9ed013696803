"""A one-line row of tabs drawn by a single widget (lighter than Tabs for two entries)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class TabBar(Widget):
    """Click a tab (or use the screen's keys) to switch; the current one is marked."""

    DEFAULT_CSS = """
    TabBar { height: 1; width: 1fr; background: $panel; }
    TabBar > .tab-bar--current { background: $primary; color: $text; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-bar--current"}

    current: reactive[str] = reactive("")

    class Clicked(Message):
        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, tabs: list[tuple[str, str]], current: str, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs = tabs
        self.set_reactive(TabBar.current, current)
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Content:
        style = self.get_visual_style("tab-bar--current")
        parts: list[Content] = []
        self._spans = []
        offset = 0
        for key, label in self.tabs:
            # A marker as well as a colour, so the current tab shows without colour too.
            text = f" \u25b8 {label} " if key == self.current else f"   {label} "
            piece = Content(text)
            parts.append(piece.stylize(style) if key == self.current else piece)
            self._spans.append((offset, offset + len(text), key))
            offset += len(text)
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.post_message(self.Clicked(key))
                return
