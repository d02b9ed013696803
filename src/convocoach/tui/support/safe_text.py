"""Outside text, made safe to show: no markup, no terminal control sequences."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from convocoach.textsafety import strip_controls


def plain(text: str) -> Content:
    """``text`` as Content that is never parsed as markup."""
    return Content(strip_controls(text))


def plain_rich(text: str, style: str = "") -> Text:
    """``text`` as a Rich Text (for DataTable cells and Rich renderables), never markup."""
    return Text(strip_controls(text), style=style)


def styled(*parts: tuple[str, str] | str) -> Content:
    """Content from parts: ``"outside text"`` or ``(outside text, style)``; never markup."""
    pieces: list[tuple[str, str] | str] = []
    for part in parts:
        if isinstance(part, tuple):
            pieces.append((strip_controls(part[0]), part[1]))
        else:
            pieces.append(strip_controls(part))
    return Content.assemble(*pieces)


def bullets(items: tuple[str, ...] | list[str]) -> Content:
    """Outside text as a bulleted list, one item per line."""
    return Content("\n").join(Content.assemble("\u2022 ", plain(item)) for item in items)
