"""The home screen's tabs (lighter than Textual's Tabs for two entries)."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive

from convocoach.tui.widgets.segment_bar import SegmentBar


class TabBar(SegmentBar):
    """The current tab carries a marker as well as a colour, so it shows without colour too."""

    DEFAULT_CSS = """
    TabBar > .tab-bar--current { background: $primary; color: $text; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-bar--current"}

    current: reactive[str] = reactive("")

    def __init__(self, tabs: list[tuple[str, str]], current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs = tabs
        self.set_reactive(TabBar.current, current)

    def render(self) -> Content:
        style = self.get_visual_style("tab-bar--current")
        return self.join_segments(
            [
                (
                    key,
                    Content(f" \u25b8 {label} ").stylize(style)
                    if key == self.current
                    else Content(f"   {label} "),
                )
                for key, label in self.tabs
            ]
        )
