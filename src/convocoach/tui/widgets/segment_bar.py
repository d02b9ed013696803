"""A one-line bar of clickable labels (the step bar, the home tabs), drawn by one widget."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget


class SegmentBar(Widget):
    """Subclasses build the labels; a click anywhere on one posts :class:`Clicked` with its key."""

    DEFAULT_CSS = """
    SegmentBar { height: 1; width: 1fr; background: $panel; }
    """

    class Clicked(Message):
        def __init__(self, bar: SegmentBar, key: str) -> None:
            super().__init__()
            self.bar = bar
            self.key = key

        @property
        def control(self) -> SegmentBar:
            return self.bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []

    def join_segments(self, segments: list[tuple[str, Content]]) -> Content:
        """The segments side by side, remembering where each key's label lies for clicks."""
        self._spans = []
        offset = 0
        for key, piece in segments:
            self._spans.append((offset, offset + piece.cell_length, key))
            offset += piece.cell_length
        return Content("").join(piece for _, piece in segments)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.post_message(self.Clicked(self, key))
                return
