"""A prep sheet: Markdown made by the core, drawn in one widget so it updates quickly."""

from __future__ import annotations

from rich.markdown import Markdown
from textual.widgets import Static


class PrepSheet(Static):
    """Shows a Markdown document; outside text in it was escaped by the core."""

    DEFAULT_CSS = """
    PrepSheet {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.source = ""

    def show(self, markdown: str) -> None:
        self.source = markdown
        # Rich renders Markdown structure only; it never reads console markup in the text.
        self.update(Markdown(markdown, hyperlinks=False))
