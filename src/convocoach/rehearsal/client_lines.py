"""What the role-play's client says, as a playbook writes it: text whose ``{placeholders}``
must name facts of the case, each problem reported where the placeholder is in the file."""

from __future__ import annotations

import yaml

from convocoach.rehearsal import case
from convocoach.schema import Checked, Conversion, Text


def _check_placeholders(value: str, node: yaml.Node, ctx: Conversion, path: str) -> object:
    """Each {fact} names a known fact; reported where the placeholder is in the file."""
    result: object = None
    for problem in case.placeholder_problems(value):
        line, column = _position_of(node, ctx.text, value, problem.offset)
        result = ctx.report_at(line, column, path, problem.message, problem.fix, "unknown-fact")
    return result


def _position_of(node: yaml.Node, text: str, value: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``value[offset:]`` in the file's ``text`` (the node's
    own start when it cannot be found there)."""
    start, end = node.start_mark, node.end_mark
    snippet = value[offset : offset + 12].split("\n")[0].split(" ")[0]
    if text and snippet:
        found = text.find(snippet, start.index, end.index)
        if found >= 0:
            before = text[:found]
            return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1
    return start.line + 1, start.column + 1


SPEECH = Checked(Text(max_length=600), _check_placeholders)
"""A turn's line."""
CLIENT_LINE = Checked(Text(max_length=300, allow_empty=True), _check_placeholders)
"""A shorter line that may be left empty (an option's objection)."""
