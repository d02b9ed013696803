"""Put outside text into Markdown as data: it never becomes a link, heading or raw HTML."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def md_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown line; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_lines(text: str) -> str:
    """Escape each line of ``text`` and keep the line breaks (as Markdown hard breaks)."""
    lines = [md_inline(line) for line in text.strip().splitlines()]
    return "\\\n".join(line for line in lines if line)
