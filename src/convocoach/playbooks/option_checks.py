"""Checks across a whole playbook that no one section can make: each option's id once, an id
wherever there are cues, and branches that test only options the playbook has."""

from __future__ import annotations

import yaml

from convocoach.diagnostics import Problem
from convocoach.playbooks.model import Playbook
from convocoach.playbooks.rehearsal_format import node_at
from convocoach.schema import Conversion


def option_problems(playbook: Playbook, root: yaml.Node, source: str) -> list[Problem]:
    """Option ids that are used twice, cues with no id, and branches testing an option
    the playbook does not have."""
    ctx = Conversion(source)
    ids: list[str] = []
    for index, option in enumerate(playbook.prepare.options):
        where = f"prepare.options[{index}]"
        if option.id and option.id in ids:
            ctx.report(
                node_at(root, "prepare", "options", index, "id"),
                f"{where}.id",
                f"the option id {option.id!r} is used twice",
                "give each option its own id",
                "duplicate-name",
            )
        if (option.cues or option.objection) and not option.id:
            ctx.report(
                node_at(root, "prepare", "options", index),
                where,
                "an option with cues or an objection needs an id",
                "add 'id: ...', a short name like 'phased'",
                "option-id",
            )
        ids.append(option.id)
    if playbook.rehearsal is None:
        return ctx.problems
    for t, turn in enumerate(playbook.rehearsal.turns):
        for b, branch in enumerate(turn.branches):
            for unknown in [i for i in branch.if_offered if i not in ids]:
                known = ", ".join(i for i in ids if i) or "none yet: give an option an id"
                ctx.report(
                    node_at(root, "rehearsal", "turns", t, "branches", b, "if_offered"),
                    f"rehearsal.turns[{t}].branches[{b}].if_offered",
                    f"no option with the id {unknown!r}",
                    f"use one of: {known}",
                    "unknown-option",
                )
    return ctx.problems
