"""The problems found while converting one document, and how they are worded."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

import yaml

from convocoach.diagnostics import Problem

STR_TAG: Final = "tag:yaml.org,2002:str"
NULL_TAG: Final = "tag:yaml.org,2002:null"
INT_TAG: Final = "tag:yaml.org,2002:int"
_KIND_OF_TAG: Final = {
    INT_TAG: "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:timestamp": "a date",
    NULL_TAG: "nothing",
}


class _Invalid(enum.Enum):
    """The type of :data:`INVALID`: an enum of one, so that ``value is INVALID`` narrows."""

    INVALID = "INVALID"

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid.INVALID
"""Returned by ``convert`` when the node had problems (already reported)."""


class Conversion:
    """Collects the problems found while converting one document."""

    __slots__ = ("problems", "source", "text")

    def __init__(self, source: str, text: str = "") -> None:
        self.source = source
        self.text = text
        """The document's text, where a check points inside a value (empty: not kept)."""
        self.problems: list[Problem] = []

    def report(self, node: yaml.Node, path: str, message: str, fix: str, rule: str) -> _Invalid:
        mark = node.start_mark
        return self.report_at(mark.line + 1, mark.column + 1, path, message, fix, rule)

    def report_at(
        self, line: int, column: int, path: str, message: str, fix: str, rule: str
    ) -> _Invalid:
        """A problem at a 1-based line and column that no node starts at."""
        self.problems.append(Problem(self.source, line, column, path, message, fix, rule))
        return INVALID

    def wrong_type(self, node: yaml.Node, path: str, expected: str) -> _Invalid:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == NULL_TAG:
                return self.report(
                    node,
                    path,
                    f"has no value; expected {expected}",
                    "write a value, or delete the key if it is optional",
                    "empty-value",
                )
            kind = _KIND_OF_TAG.get(node.tag, "a plain value")
            if node.tag == STR_TAG:
                kind = "text"
            fix = f'put it in quotes: "{node.value}"' if expected == "text" else _fix_for(expected)
            if node.tag == "tag:yaml.org,2002:bool" and expected == "text":
                fix += " (unquoted yes, no, on, off, true and false are read as yes/no values)"
            return self.report(
                node, path, f"expected {expected}, got {kind} ({node.value!r})", fix, "wrong-type"
            )
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping (key: value pairs)"
        return self.report(
            node, path, f"expected {expected}, got {kind}", _fix_for(expected), "wrong-type"
        )


def _fix_for(expected: str) -> str:
    if expected.startswith("a list"):
        return "put each item on its own line, starting with '- '"
    if expected.startswith("a mapping"):
        return "write 'key: value' lines indented under this key"
    return f"write {expected} here"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def did_you_mean(word: str, choices: Sequence[str], otherwise: str) -> str:
    lowered = {c.lower(): c for c in choices}
    match = lowered.get(word.lower().replace("-", "_").replace(" ", "_"))
    if match is None:
        # Lazy: difflib only to suggest a word for a mistyped one.
        import difflib

        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
        match = close[0] if close else None
    if match is not None:
        return f"did you mean {match!r}?"
    return otherwise + ", ".join(choices)
