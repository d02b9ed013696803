"""The row of steps at the top of a session: where the user is, and which steps are done."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from convocoach.sessions.flow import STEPS


class StepBar(Widget):
    """Click a step to go there. Done steps carry a tick (not only a colour)."""

    DEFAULT_CSS = """
    StepBar { height: 1; width: 1fr; background: $panel; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-bar--current", "step-bar--done"}
    DEFAULT_CSS += """
    StepBar > .step-bar--current { background: $primary; color: $text; text-style: bold; }
    StepBar > .step-bar--done { color: $text-success; }
    """

    current: reactive[str] = reactive("situation")
    done: reactive[frozenset[str]] = reactive(frozenset())

    class Clicked(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []

    def _items(self, compact: bool) -> list[tuple[str, str]]:
        items = []
        for number, (key, label) in enumerate(STEPS, start=1):
            mark = "\u2713" if key in self.done else str(number)
            text = f" {mark} {label} " if key == self.current or not compact else f" {mark} "
            items.append((key, text))
        return items

    def render(self) -> Content:
        items = self._items(compact=False)
        if sum(len(text) for _, text in items) > self.size.width:
            items = self._items(compact=True)
        current = self.get_visual_style("step-bar--current")
        done = self.get_visual_style("step-bar--done")
        parts: list[Content] = []
        self._spans = []
        offset = 0
        for key, text in items:
            piece = Content(text)
            if key == self.current:
                piece = piece.stylize(current)
            elif key in self.done:
                piece = piece.stylize(done)
            parts.append(piece)
            self._spans.append((offset, offset + len(text), key))
            offset += len(text)
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.post_message(self.Clicked(key))
                return
