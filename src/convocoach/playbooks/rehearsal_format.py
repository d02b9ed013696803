"""The ``rehearsal:`` section of a playbook: the checks on its graph of turns, and on the
options its branches test (its keys are declared on ``rehearsal/script.py``'s models)."""

from __future__ import annotations

import yaml

from convocoach.rehearsal import script
from convocoach.schema import INVALID, Checked, Conversion

DIMENSION_CODES = (
    "FEEL",
    "REFL",
    "OPENQ",
    "NEXT",
    "OWN",
    "NOBLAME",
    "NOABS",
    "NODISMISS",
    "PLAIN",
    "READ",
    "CLEAR",
)
"""The bundled rubric's dimensions, which branches may test (kept here so that validating a
playbook never has to read the rubric; a test keeps the two in step)."""


def _check_graph(value: script.Script, node: yaml.Node, ctx: Conversion, path: str) -> object:
    """Every target exists, every turn is reachable, an ending of each kind can be reached."""
    ids = [t.id for t in value.turns]
    bad = ctx.problems.__len__()
    seen: set[str] = set()
    for index, turn in enumerate(value.turns):
        where = f"{path}.turns[{index}]"
        if turn.id in seen:
            ctx.report(
                node_at(node, "turns", index, "id"),
                f"{where}.id",
                f"the turn id {turn.id!r} is used twice",
                "give each turn its own id",
                "duplicate-name",
            )
        seen.add(turn.id)
        if turn.ending and turn.branches:
            ctx.report(
                node_at(node, "turns", index, "branches"),
                f"{where}.branches",
                "an ending has no branches",
                "remove the branches, or the ending",
                "ending-branches",
            )
        if not turn.ending:
            if not turn.branches or not turn.branches[-1].is_default:
                ctx.report(
                    node_at(node, "turns", index),
                    where,
                    f"turn {turn.id!r} needs a last branch without if_pass/if_fail, for "
                    "replies no other branch fits",
                    "add '- goto: ...' at the end",
                    "no-default",
                )
            for b, branch in enumerate(turn.branches):
                if branch.goto not in ids:
                    ctx.report(
                        node_at(node, "turns", index, "branches", b, "goto"),
                        f"{where}.branches[{b}].goto",
                        f"no turn {branch.goto!r}",
                        "use one of: " + ", ".join(ids),
                        "unknown-turn",
                    )
                for code in (*branch.if_pass, *branch.if_fail):
                    if code not in DIMENSION_CODES:
                        ctx.report(
                            node_at(node, "turns", index, "branches", b),
                            f"{where}.branches[{b}]",
                            f"{code!r} is not a dimension of the coach",
                            "use one of: " + ", ".join(DIMENSION_CODES),
                            "unknown-dimension",
                        )
    if value.start not in ids:
        ctx.report(
            node_at(node, "start"),
            f"{path}.start",
            f"no turn {value.start!r}",
            "name the opening turn",
            "unknown-turn",
        )
    for kind in script.ENDINGS:
        if not any(t.ending == kind for t in value.turns):
            ctx.report(
                node_at(node, "turns"),
                f"{path}.turns",
                f"no {kind} ending",
                f"add a turn with 'ending: {kind}' and the client's last words",
                "missing-ending",
            )
    if len(ctx.problems) > bad:
        return INVALID
    return _check_reach(value, node, ctx, path)


def _check_reach(value: script.Script, node: yaml.Node, ctx: Conversion, path: str) -> object:
    edges = {t.id: [b.goto for b in t.branches] for t in value.turns}
    reached = _walk(value.start, edges)
    # Walking out and running out of time can end any conversation.
    reached |= {value.ending("walkout").id, value.ending("stalemate").id}
    endings = {t.id for t in value.turns if t.ending}
    result: object = None
    for index, turn in enumerate(value.turns):
        where = f"{path}.turns[{index}]"
        if turn.id not in reached:
            result = ctx.report(
                node_at(node, "turns", index, "id"),
                f"{where}.id",
                f"turn {turn.id!r} can never be reached",
                "point a branch at it, or remove it",
                "unreachable",
            )
        elif not turn.ending and not (_walk(turn.id, edges) & endings):
            result = ctx.report(
                node_at(node, "turns", index, "id"),
                f"{where}.id",
                f"no ending can be reached from turn {turn.id!r}",
                "add a branch towards an ending",
                "no-ending",
            )
    agreement = {t.id for t in value.turns if t.ending == "agreement"}
    if not _walk(value.start, edges) & agreement:
        result = ctx.report(
            node_at(node, "start"),
            f"{path}.start",
            "no agreement can be reached from the start",
            "give the user a way to an agreement",
            "no-agreement",
        )
    return result


def _walk(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for target in edges.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def node_at(node: yaml.Node, *steps: str | int) -> yaml.Node:
    """The node at ``steps`` below ``node`` (as far as it exists), for a problem's position."""
    for step in steps:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            found = node.value[step]
        else:
            found = None
        if found is None:
            break
        node = found
    return node


REHEARSAL = Checked(script.SCRIPT, _check_graph)
"""The ``rehearsal:`` section: the script's keys, then the checks on its graph."""
