"""A countdown face in block digits, as large as its box allows (readable across a room)."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

# 3x5 glyphs; each "#" becomes a block, scaled up to fill the widget.
_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}
_ROWS = 5


def face_lines(text: str, scale: int) -> list[str]:
    """``text`` (digits and colons) drawn in blocks, each glyph cell ``2*scale`` wide and
    ``scale`` high (terminal cells are about twice as tall as wide)."""
    lines = []
    for row in range(_ROWS):
        cells = " ".join(_GLYPHS.get(ch, _GLYPHS["0"])[row] for ch in text)
        line = "".join("\u2588" * 2 * scale if c == "#" else " " * 2 * scale for c in cells)
        lines.extend([line] * scale)
    return lines


def face_width(text: str, scale: int) -> int:
    cells = sum(len(_GLYPHS.get(ch, _GLYPHS["0"])[0]) for ch in text) + len(text) - 1
    return cells * 2 * scale


class BigClock(Widget):
    """Shows ``text`` (like ``09:30``) in the largest block digits that fit, centred."""

    DEFAULT_CSS = """
    BigClock { width: 1fr; height: 1fr; color: $text; }
    BigClock.-warning { color: $text-warning; }
    BigClock.-over { color: $text-error; }
    """

    text: reactive[str] = reactive("00:00")

    def __init__(
        self,
        text: str = "00:00",
        *,
        max_scale: int = 8,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.max_scale = max_scale
        self.set_reactive(BigClock.text, text)

    def _scale(self, size: Size) -> int:
        scale = self.max_scale
        while scale > 1 and (
            face_width(self.text, scale) > size.width or _ROWS * scale > size.height
        ):
            scale -= 1
        return scale

    def render_line(self, y: int) -> Strip:
        size = self.content_size
        style = self.rich_style
        scale = self._scale(size)
        if face_width(self.text, scale) > size.width or _ROWS * scale > size.height:
            lines = [self.text]  # no room for blocks: plain digits, still centred
        else:
            lines = face_lines(self.text, scale)
        top = max(0, (size.height - len(lines)) // 2)
        if not top <= y < top + len(lines):
            return Strip.blank(size.width, style)
        line = lines[y - top]
        left = max(0, (size.width - len(line)) // 2)
        return Strip([Segment(" " * left + line, style)]).adjust_cell_length(size.width, style)
