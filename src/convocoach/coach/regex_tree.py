"""Python's parser of regular expressions, where each Python version keeps it: the rubric's
patterns are read as trees to learn what they need and how they treat case."""

from __future__ import annotations

try:  # private, and moved in 3.11
    import re._parser as parser  # type: ignore[import-not-found]
except ImportError:  # Python 3.10
    import sre_parse as parser

__all__ = ["REPEATS", "parser"]

REPEATS = tuple(
    getattr(parser, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(parser, name)
)
"""The repeat operations (``*``, ``*?``, ``*+`` and their bounded forms) of this version."""
