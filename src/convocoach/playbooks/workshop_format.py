"""The ``workshop:`` section of a playbook: what people playing the scenario in a room need
that the scripted role-play does not: the case's figures, the professional's private brief
and the behaviours the observer should watch most."""

from __future__ import annotations

import yaml

from convocoach.playbooks.rehearsal_format import DIMENSION_CODES, node_at
from convocoach.rehearsal.client_lines import SPEECH
from convocoach.schema import (
    INVALID,
    Checked,
    Choice,
    Conversion,
    ListOf,
    Record,
    Text,
    spec_dataclass,
    spec_field,
)

_figure = Text(max_length=120, one_line=True)
MAX_WATCHED = 4


@spec_dataclass
class Figures:
    """The case's facts as both players say them. The keys are the facts a client line may
    name (``rehearsal/case.py``; a test keeps the two in step)."""

    old_date: str = spec_field(_figure, "The date first agreed.", default="", example="3 March")
    new_date: str = spec_field(_figure, "The new date.", default="")
    delay: str = spec_field(_figure, "How long the delay is.", default="")
    old_price: str = spec_field(_figure, "The price until now.", default="")
    new_price: str = spec_field(_figure, "The new price.", default="")
    amount: str = spec_field(
        _figure,
        "The amount at stake (an invoice, an overrun, a budget gap).",
        default="",
        example="£18,400",
    )
    out_of_scope: str = spec_field(_figure, "What is out of scope.", default="")


FIGURES = Record.of(
    Figures,
    "Figures",
    "The case's figures: printed on both players' cards, and said in the client's lines "
    "in place of their {placeholders}.",
)


@spec_dataclass
class Watch:
    code: str = spec_field(
        Choice(DIMENSION_CODES),
        "The coach's dimension to watch (its code, as in the rubric).",
        required=True,
        example="NEXT",
    )
    listen_for: str = spec_field(
        Text(max_length=200, one_line=True, allow_empty=True),
        "What the behaviour sounds like in this scenario, for the observer.",
        default="",
        example="A payment plan with amounts and dates, not 'we'll sort something out'.",
    )


WATCH = Record.of(Watch, "Watch", "A behaviour the observer watches most in this scenario.")


def _once_each(value: tuple[Watch, ...], node: yaml.Node, ctx: Conversion, path: str) -> object:
    seen: set[str] = set()
    result: object = None
    for index, item in enumerate(value):
        if item.code in seen:
            result = ctx.report(
                node_at(node, index, "code"),
                f"{path}[{index}].code",
                f"{item.code!r} is watched twice",
                "keep one entry for each code",
                "duplicate-item",
            )
        seen.add(item.code)
    return INVALID if result is INVALID else None


@spec_dataclass
class RolePlay:
    """A scenario as people play it in a workshop."""

    figures: Figures = spec_field(
        FIGURES, "The case's figures, as both players know them.", default=Figures()
    )
    professional_brief: tuple[str, ...] = spec_field(
        ListOf(SPEECH, max_items=8),
        "What the professional knows and the client's card does not say: what was agreed, "
        "what happened, the constraints. A figure can be written as a placeholder "
        "({amount}), said with the value under 'figures'.",
        default=(),
        example=["Two invoices are overdue: {amount} in all, the oldest 47 days."],
    )
    watch: tuple[Watch, ...] = spec_field(
        Checked(ListOf(WATCH, max_items=MAX_WATCHED), _once_each),
        "The behaviours the observer should watch most in this scenario, first on the "
        "observer's card. Without it, the ones the role-play's client reacts to most.",
        default=(),
    )


WORKSHOP = Record.of(
    RolePlay,
    "Workshop",
    "For a role-play workshop where people play the parts: the case's figures, the "
    "professional's private brief and what the observer watches most.",
)
