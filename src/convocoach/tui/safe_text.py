"""Outside text, made safe to show: no markup, no terminal control sequences."""

from __future__ import annotations

import re

from textual.content import Content

# Keep tab and newline; drop other C0/C1 controls and bidi overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without control characters that would reach the terminal."""
    return _UNSAFE.sub("", text)


def plain(text: str) -> Content:
    """``text`` as Content that is never parsed as markup."""
    return Content(clean(text))
