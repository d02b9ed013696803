"""Characters that must not reach a terminal or a stored file from outside text."""

from __future__ import annotations

import re

# C0/C1 controls (but tab and newline) and bidi embeddings/overrides/isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters that would act on a terminal."""
    return CONTROL.sub("", text)


def clean_text(text: str) -> str:
    """Text safe to store and show: no controls, lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", CONTROL.sub("", text))
