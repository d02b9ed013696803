"""A Markdown document made by the core (a prep sheet, an email), drawn with hanging indents."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from convocoach.tui.support.markdown_content import Block, layout, markdown_blocks


class MarkdownPage(Widget):
    """Shows Markdown; outside text in it was escaped by the core and is never read as markup."""

    DEFAULT_CSS = """
    MarkdownPage {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        self._blocks: list[Block] = []
        self._lines: tuple[int, list[Content]] = (-1, [])

    def show(self, markdown: str) -> None:
        self.source = markdown
        self._blocks = markdown_blocks(markdown)
        self._lines = (-1, [])
        self.refresh(layout=True)
        # A layout asked for before the first frame may still be pending: then this change
        # is not counted and the sheet keeps its empty height. Ask again once it is drawn.
        self.call_after_refresh(self.refresh, layout=True)

    def _lines_for(self, width: int) -> list[Content]:
        if self._lines[0] != width:
            self._lines = (width, layout(self._blocks, width))
        return self._lines[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines_for(width))

    def render_line(self, y: int) -> Strip:
        # Line by line: a long sheet costs only the rows on screen, not its whole height.
        width = self.content_size.width
        style = self.visual_style
        lines = self._lines_for(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, style.rich_style)
        return Strip(lines[y].render_segments(style)).adjust_cell_length(width, style.rich_style)
