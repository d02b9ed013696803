"""Characters that must not reach a terminal or a stored file from outside text."""

from __future__ import annotations

import re

# C0/C1 controls (but tab and newline) and bidi embeddings/overrides/isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a terminal would act on: the same set, and a carriage return not ending a line
# (CRLF endings of email and calendar text are kept).
# (CRLF endings of email and calendar text are kept). Lone surrogates cannot be printed.
_ACTIVE = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def strip_controls(text: str) -> str:
    """``text`` without control characters that would act on a terminal."""
    return CONTROL.sub("", text)


def visible(text: str) -> str:
    """``text`` safe to print: each control character shown as an escape (ESC as ``\\u001b``).

    Everything the command line prints goes through this, so a file name, a YAML key or a
    reply holding ESC, BEL or an OSC sequence can neither rename the window, write the
    clipboard nor clear the screen; showing the escape (rather than dropping it) tells the
    user that the text holds one.
    """
    return _ACTIVE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    # \u001b rather than \x1b: the same escape is valid inside JSON output.
    return f"\\u{ord(found.group()):04x}"


def clean_text(text: str) -> str:
    """Text safe to store and show: no controls, lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", CONTROL.sub("", text))
