"""Put outside text into Markdown as data: it never becomes a link, heading or raw HTML."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def md_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown line; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
