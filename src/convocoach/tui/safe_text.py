"""Outside text, made safe to show: no markup, no terminal control sequences."""

from __future__ import annotations

from textual.content import Content

from convocoach.textsafety import strip_controls


def plain(text: str) -> Content:
    """``text`` as Content that is never parsed as markup."""
    return Content(strip_controls(text))
