"""A multi-line text box that stops at its limit (a giant paste would freeze the screen)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from convocoach.sessions.limits import PROSE
from convocoach.textsafety import clean_text
from convocoach.tui.support.app_base import cursor_blinks


class TextBox(TextArea):
    """A soft-wrapping TextArea for prose, capped at ``max_chars`` for typing and pasting."""

    DEFAULT_CSS = """
    TextBox { height: auto; min-height: 3; max-height: 12; }
    """

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        max_chars: int = PROSE,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=placeholder,
            id=id,
            classes=classes,
        )
        self.max_chars = max_chars
        self._told_full = False

    def on_mount(self) -> None:
        self.cursor_blink = cursor_blinks(self.app)

    def type(self, text: str) -> None:
        """Insert ``text`` at the cursor as if typed (within the limit)."""
        result = self._replace_via_keyboard(text, *self.selection)
        if result:
            self.move_cursor(result.end_location)

    async def _on_paste(self, event: events.Paste) -> None:
        # Control characters and lone surrogates never reach the box, nor what it saves.
        event.prevent_default()
        event.stop()
        self.type(clean_text(event.text))
        self.focus()

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # Typing and pasting both come here; edits made by the app itself do not.
        if self.read_only:
            return None
        room = self.max_chars - len(self.text) + len(self.get_text_range(start, end))
        if len(insert) > room:
            self._say_full(cut=len(insert) > 1)
            insert = insert[: max(room, 0)]
            if not insert:
                return None
        elif len(insert) < room:
            self._told_full = False
        return super()._replace_via_keyboard(insert, start, end)

    def _say_full(self, *, cut: bool) -> None:
        if cut:
            self.notify(
                f"The paste was cut to fit: this box holds at most {self.max_chars:,} characters.",
                severity="warning",
                markup=False,
            )
        elif not self._told_full:
            self.notify(
                f"This box is full: it holds at most {self.max_chars:,} characters.",
                severity="warning",
                markup=False,
            )
        self._told_full = True
