"""A one-line text field that repaints itself on each key without re-laying out the screen."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from convocoach.textsafety import clean_text
from convocoach.tui.support.app_base import cursor_blinks


class Field(Input):
    """An ``Input`` whose scroll width changes without a layout pass, and that says what a
    paste or a key could not add.

    ``Input`` sets its virtual size to the width of its text on every key, and the next
    layout sets it back to the width of the box: with the stock descriptor each key then
    re-lays out the whole screen, a cost that grows with the number of widgets on it. The
    field's own size never depends on its text (it is not ``auto``-sized), so only its
    horizontal scroll needs the new width, and a repaint is enough for that.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)

    def on_mount(self) -> None:
        self.cursor_blink = cursor_blinks(self.app)

    def _on_paste(self, event: events.Paste) -> None:
        # Input would drop a paste longer than max_length whole, and its other lines unsaid.
        event.prevent_default()
        event.stop()
        lines = [line for line in clean_text(event.text).splitlines() if line.strip()]
        if not lines:
            return
        line = lines[0]
        start, end = sorted(self.selection)
        room = self.max_length - len(self.value) + (end - start) if self.max_length else len(line)
        kept = line[: max(room, 0)]
        cut = []
        if len(lines) > 1:
            cut.append("only its first line was kept (this field holds one line)")
        if len(kept) < len(line):
            cut.append(
                f"{len(line) - len(kept):,} characters did not fit (this field holds "
                f"at most {self.max_length:,})"
            )
        if cut:
            self.notify(f"The paste was cut: {'; '.join(cut)}.", severity="warning", markup=False)
        if kept:
            self.replace(kept, start, end)

    _told_full: str | None = None
    """The value the field was full at when the user was told (told once, not on each key)."""

    def restricted(self) -> None:
        if self.max_length and len(self.value) >= self.max_length and self._told_full != self.value:
            self._told_full = self.value
            self.notify(
                f"This field is full: it holds at most {self.max_length:,} characters.",
                severity="warning",
                markup=False,
            )
        super().restricted()
