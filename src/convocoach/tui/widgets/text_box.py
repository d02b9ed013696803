"""A multi-line text box that refuses giant pastes (they would freeze the screen)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

MAX_CHARS = 20_000
"""The longest answer a session file can hold."""


class TextBox(TextArea):
    """A soft-wrapping TextArea for prose, capped at :data:`MAX_CHARS`."""

    DEFAULT_CSS = """
    TextBox { height: auto; min-height: 3; max-height: 12; }
    """

    def __init__(self, text: str = "", *, placeholder: str = "", max_chars: int = MAX_CHARS,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         placeholder=placeholder, id=id, classes=classes)
        self.max_chars = max_chars

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)

    async def _on_paste(self, event: events.Paste) -> None:
        room = self.max_chars - len(self.text) + len(self.selected_text)
        if len(event.text) <= room:
            await super()._on_paste(event)
            return
        event.prevent_default()
        event.stop()
        if room > 0 and not self.read_only:
            result = self._replace_via_keyboard(event.text[:room], *self.selection)
            if result:
                self.move_cursor(result.end_location)
        self.notify(f"The paste was cut to fit: a box holds at most {self.max_chars:,} "
                    "characters.", severity="warning")
