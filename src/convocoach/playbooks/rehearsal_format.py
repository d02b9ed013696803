"""The ``rehearsal:`` section of a playbook: persona, turns and endings, and the graph checks."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from convocoach.diagnostics import Problem
from convocoach.playbooks import model
from convocoach.rehearsal import case, script
from convocoach.rehearsal.asks import ASKS, Offer
from convocoach.schema import INVALID, Choice, Context, Field, Integer, ListOf, Record, Text
from convocoach.schema_kinds import Checked

_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_ID_HINT = "a short name of lowercase letters, digits, hyphens or underscores, like 'calmer'"
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
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
)
"""The bundled rubric's dimensions, which branches may test (kept here so that validating a
playbook never has to read the rubric; a test keeps the two in step)."""
_line = Text(max_length=200, one_line=True)
_turn_id = Text(max_length=40, pattern=_ID, pattern_hint=_ID_HINT)
OPTION_ID = _turn_id
_asks = ListOf(Choice(ASKS), max_items=len(ASKS), unique=True)


def _check_placeholders(value: str, node: yaml.Node, ctx: Context, path: str) -> object:
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


_speech = Checked(Text(max_length=600), _check_placeholders)
CLIENT_LINE = Checked(Text(max_length=300, allow_empty=True), _check_placeholders)
_codes = ListOf(
    Text(max_length=12, pattern=_CODE, pattern_hint="a dimension code like FEEL"),
    max_items=10,
    unique=True,
)

PERSONA = Record(
    "Persona",
    "Who the user is talking to in the role-play.",
    (
        Field("name", _line, "The client's name.", required=True, example="Dana Whitfield"),
        Field("role", _line, "Their job title.", required=True, example="Head of E-commerce"),
        Field(
            "seniority",
            _line,
            "How senior they are, and who they answer to.",
            example="Director; reports to the board",
        ),
        Field(
            "temperament",
            _line,
            "How they come across under pressure.",
            example="Direct and impatient, but fair once she trusts the facts",
        ),
        Field(
            "technical_level",
            Choice(("low", "medium", "high")),
            "How technical they are; the coach is stricter on jargon for 'low'.",
            default="medium",
        ),
        Field("wants", ListOf(_line, max_items=10), "What they want from the conversation."),
        Field("fears", ListOf(_line, max_items=10), "What they are afraid of."),
    ),
    script.Persona,
)

BRANCH = Record(
    "Branch",
    "Where the client goes next, depending on how the coach judged the reply.",
    (
        Field("goto", _turn_id, "The turn the client goes to.", required=True),
        Field(
            "mood",
            Integer(-5, 5),
            "Change of the client's mood (0 furious .. 10 at ease).",
            default=0,
        ),
        Field(
            "if_pass",
            _codes,
            "Taken only if every one of these dimensions passed.",
            example=["FEEL", "OPENQ"],
        ),
        Field(
            "if_fail",
            _codes,
            "Taken only if at least one of these dimensions failed.",
            example=["NOBLAME"],
        ),
        Field(
            "note",
            Text(max_length=200, one_line=True, allow_empty=True),
            "Why the client reacts so (shown in the debrief).",
        ),
        Field(
            "if_offered",
            ListOf(OPTION_ID, max_items=10, unique=True),
            "Taken only if the reply offered at least one of these options (the ids of "
            "the playbook's prepare options).",
            example=["phased"],
        ),
        Field(
            "if_answered",
            _asks,
            "Taken only if the client has been given every one of these (in this reply "
            "or an earlier reply to the same turn): reason, date, cost, options, apology, "
            "reassurance.",
            example=["date"],
        ),
    ),
    script.Branch,
)

TURN = Record(
    "Turn",
    "One thing the client says, and where the conversation can go from there.",
    (
        Field("id", _turn_id, "Unique name of the turn.", required=True, example="opening"),
        Field(
            "client",
            _speech,
            "What the client says. A fact of the case is written as "
            "a placeholder, {new_date} or {new_date|wording while it is unknown}: the "
            "client then says the user's own figure, never one of their own.",
            required=True,
        ),
        Field(
            "asks",
            _asks,
            "What the client is asking for here: reason, date, cost, options, apology, "
            "reassurance. A well-said reply that gives none of it is asked again.",
            example=["reason", "date"],
        ),
        Field(
            "variants",
            ListOf(_speech, max_items=10, unique=True),
            "Other ways the client says the same thing: each time the conversation comes "
            "back to this turn, the next one is said, so the client never repeats a line "
            "word for word.",
        ),
        Field(
            "ending",
            Choice(("", *script.ENDINGS)),
            "Set on a turn that ends the conversation: agreement, stalemate or walkout.",
            default="",
        ),
        Field(
            "branches",
            ListOf(BRANCH, max_items=12),
            "Tried in order; the last should have no if_pass/if_fail (the default).",
        ),
    ),
    script.Turn,
)


def _check_graph(value: script.Script, node: yaml.Node, ctx: Context, path: str) -> object:
    """Every target exists, every turn is reachable, an ending of each kind can be reached."""
    ids = [t.id for t in value.turns]
    bad = ctx.problems.__len__()
    seen: set[str] = set()
    for index, turn in enumerate(value.turns):
        where = f"{path}.turns[{index}]"
        if turn.id in seen:
            ctx.report(
                _at(node, "turns", index, "id"),
                f"{where}.id",
                f"the turn id {turn.id!r} is used twice",
                "give each turn its own id",
                "duplicate-name",
            )
        seen.add(turn.id)
        if turn.ending and turn.branches:
            ctx.report(
                _at(node, "turns", index, "branches"),
                f"{where}.branches",
                "an ending has no branches",
                "remove the branches, or the ending",
                "ending-branches",
            )
        if not turn.ending:
            if not turn.branches or not turn.branches[-1].is_default:
                ctx.report(
                    _at(node, "turns", index),
                    where,
                    f"turn {turn.id!r} needs a last branch without if_pass/if_fail, for "
                    "replies no other branch fits",
                    "add '- goto: ...' at the end",
                    "no-default",
                )
            for b, branch in enumerate(turn.branches):
                if branch.goto not in ids:
                    ctx.report(
                        _at(node, "turns", index, "branches", b, "goto"),
                        f"{where}.branches[{b}].goto",
                        f"no turn {branch.goto!r}",
                        "use one of: " + ", ".join(ids),
                        "unknown-turn",
                    )
                for code in (*branch.if_pass, *branch.if_fail):
                    if code not in DIMENSION_CODES:
                        ctx.report(
                            _at(node, "turns", index, "branches", b),
                            f"{where}.branches[{b}]",
                            f"{code!r} is not a dimension of the coach",
                            "use one of: " + ", ".join(DIMENSION_CODES),
                            "unknown-dimension",
                        )
    if value.start not in ids:
        ctx.report(
            _at(node, "start"),
            f"{path}.start",
            f"no turn {value.start!r}",
            "name the opening turn",
            "unknown-turn",
        )
    for kind in script.ENDINGS:
        if not any(t.ending == kind for t in value.turns):
            ctx.report(
                _at(node, "turns"),
                f"{path}.turns",
                f"no {kind} ending",
                f"add a turn with 'ending: {kind}' and the client's last words",
                "missing-ending",
            )
    if len(ctx.problems) > bad:
        return INVALID
    return _check_reach(value, node, ctx, path)


def _check_reach(value: script.Script, node: yaml.Node, ctx: Context, path: str) -> object:
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
                _at(node, "turns", index, "id"),
                f"{where}.id",
                f"turn {turn.id!r} can never be reached",
                "point a branch at it, or remove it",
                "unreachable",
            )
        elif not turn.ending and not (_walk(turn.id, edges) & endings):
            result = ctx.report(
                _at(node, "turns", index, "id"),
                f"{where}.id",
                f"no ending can be reached from turn {turn.id!r}",
                "add a branch towards an ending",
                "no-ending",
            )
    agreement = {t.id for t in value.turns if t.ending == "agreement"}
    if not _walk(value.start, edges) & agreement:
        result = ctx.report(
            _at(node, "start"),
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


def _at(node: yaml.Node, *steps: str | int) -> yaml.Node:
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


REHEARSAL = Checked(
    Record(
        "Rehearsal",
        "A role-play against a scripted client who reacts to the user's replies.",
        (
            Field("persona", PERSONA, "The client in the role-play.", required=True),
            Field(
                "start_mood",
                Integer(script.MOOD_MIN, script.MOOD_MAX),
                "The client's mood at the start: 0 furious .. 10 at ease.",
                default=3,
            ),
            Field(
                "start", _turn_id, "The id of the opening turn.", required=True, example="opening"
            ),
            Field(
                "turns",
                ListOf(TURN, min_items=4, max_items=60),
                "The client's turns, including the endings.",
                required=True,
            ),
            Field(
                "walkout_at",
                Integer(script.MOOD_MIN, script.MOOD_MAX),
                "Mood at or below which the client walks out.",
                default=0,
            ),
            Field(
                "max_replies",
                Integer(3, 40),
                "Replies after which the conversation ends in a stalemate.",
                default=12,
            ),
        ),
        script.Script,
    ),
    _check_graph,
)


def with_offers(**values: Any) -> model.Playbook:
    """The playbook, its role-play knowing the options by which a reply offers them."""
    playbook = model.Playbook(**values)
    if playbook.rehearsal is None:
        return playbook
    offers = tuple(
        Offer(o.id, o.name, o.cues, o.objection)
        for o in playbook.prepare.options
        if o.id and o.cues
    )
    return replace(playbook, rehearsal=replace(playbook.rehearsal, offers=offers))


def option_problems(playbook: model.Playbook, root: yaml.Node, source: str) -> list[Problem]:
    """Option ids that are used twice, cues with no id, and branches testing an option
    the playbook does not have."""
    ctx = Context(source)
    ids: list[str] = []
    for index, option in enumerate(playbook.prepare.options):
        where = f"prepare.options[{index}]"
        if option.id and option.id in ids:
            ctx.report(
                _at(root, "prepare", "options", index, "id"),
                f"{where}.id",
                f"the option id {option.id!r} is used twice",
                "give each option its own id",
                "duplicate-name",
            )
        if (option.cues or option.objection) and not option.id:
            ctx.report(
                _at(root, "prepare", "options", index),
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
                    _at(root, "rehearsal", "turns", t, "branches", b, "if_offered"),
                    f"rehearsal.turns[{t}].branches[{b}].if_offered",
                    f"no option with the id {unknown!r}",
                    f"use one of: {known}",
                    "unknown-option",
                )
    return ctx.problems
