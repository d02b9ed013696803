"""Put outside text into Markdown as data: it never becomes a link, heading or raw HTML."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
# At the start of a line these make a list item, a numbered item or a heading underline.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")


def md_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown line; line breaks become spaces."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md_lines(text: str) -> str:
    """Escape each line of ``text`` and keep the line breaks (as Markdown hard breaks)."""
    lines = [md_inline(line) for line in text.strip().splitlines()]
    return "\\\n".join(line for line in lines if line)
