"""A whole document: its root converted, and a newer format refused before anything else."""

from __future__ import annotations

from typing import TypeVar

import yaml

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.schema.conversion import Conversion, _Invalid
from convocoach.schema.spec import Spec

T = TypeVar("T")


def convert_document(
    root: yaml.Node, spec: Spec[T], source: str, text: str = ""
) -> tuple[T | _Invalid, list[Problem]]:
    """Convert a whole document (``text``: what it was parsed from, for checks that point
    inside a value); the value is :data:`INVALID` when any problem was found."""
    ctx = Conversion(source, text)
    value = spec.convert(root, ctx, "")
    return value, ctx.problems


def refuse_newer_format(root: yaml.Node, key: str, current: int, what: str, source: str) -> None:
    """Raise InvalidFile when ``root[key]`` is a version newer than ``current``.

    Checked first and alone, before the rest of the file: a newer file's unknown keys
    would only be noise, and the one thing to say is that convocoach needs upgrading.
    """
    if not isinstance(root, yaml.MappingNode):
        return
    for key_node, value in root.value:
        if key_node.value != key or not isinstance(value, yaml.ScalarNode):
            continue
        text = value.value.strip()
        if text.isdigit() and (len(text) > 9 or int(text) > current):
            mark = value.start_mark
            raise InvalidFile(
                source,
                [
                    Problem(
                        source,
                        mark.line + 1,
                        mark.column + 1,
                        key,
                        f"this {what} was written by a newer convocoach (format {text}); this one "
                        f"reads format {current} and older",
                        "upgrade convocoach (pip install --upgrade convocoach)",
                        "newer-format",
                    )
                ],
            )
