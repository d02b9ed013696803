"""The coach a playbook's rehearsals are judged by: the rubric plus the playbook's own words."""

from __future__ import annotations

import dataclasses

from convocoach.coach import model
from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.playbooks.model import Playbook


def coach_for(playbook: Playbook) -> Coach:
    """The bundled rubric plus the playbook's own phrases to avoid and jargon: the coach a
    rehearsal of this playbook is judged by (compiled once per playbook)."""
    return coach_for_rubric(with_playbook(bundled_rubric(), playbook))


def with_playbook(rubric: model.Rubric, playbook: Playbook) -> model.Rubric:
    """The rubric plus the playbook's own words: its phrases to avoid (each with what to say
    instead) as stock escalators, and its jargon as plain-words rules for a non-technical
    or middling client."""
    avoid = tuple(
        model.Swap(a.phrase.strip(" .!?\"'"), a.instead)
        for a in playbook.empathy.avoid
        if a.phrase.strip(" .!?\"'")
    )
    jargon = tuple(model.Swap(j.use, j.instead) for j in playbook.coaching.jargon)
    extra: dict[str, model.Rule] = {}
    if avoid:
        extra["NODISMISS"] = model.Substitution(
            id=f"playbook-{playbook.id}-avoid",
            message="The playbook advises against this phrase",
            levels=model.LEVELS,
            swaps=avoid,
            quoted="ignore",
        )
    if jargon:
        extra["PLAIN"] = model.Substitution(
            id=f"playbook-{playbook.id}-jargon",
            message="Jargon of the field",
            levels=("low", "medium"),
            swaps=jargon,
            quoted="ignore",
        )
    dims = tuple(
        dataclasses.replace(d, rules=(*d.rules, extra[d.code])) if d.code in extra else d
        for d in rubric.dimensions
    )
    return dataclasses.replace(rubric, dimensions=dims)
