"""A one-line text field that repaints itself on each key without re-laying out the screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class Field(Input):
    """An ``Input`` whose scroll width changes without a layout pass.

    ``Input`` sets its virtual size to the width of its text on every key, and the next
    layout sets it back to the width of the box: with the stock descriptor each key then
    re-lays out the whole screen, a cost that grows with the number of widgets on it. The
    field's own size never depends on its text (it is not ``auto``-sized), so only its
    horizontal scroll needs the new width, and a repaint is enough for that.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)
