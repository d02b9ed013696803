"""The room at a glance, for the facilitator: each group's round, roles, ticks and scores."""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.workshop.behaviours import Behaviour
from convocoach.workshop.groups import Role
from convocoach.workshop.record import Workshop, notes_text
from convocoach.workshop.scores import RoomScore


@dataclass(frozen=True, slots=True)
class GroupLine:
    number: int
    roles: dict[Role, tuple[str, ...]]
    """Who plays each role this round (an extra observer makes two observers)."""
    good: int
    """Ticks of behaviours to do."""
    watch: int
    """Ticks of behaviours to avoid: kept apart, never added to the good ones."""
    notes: int
    last_note: str
    scores: tuple[RoomScore, ...]
    """This round's rehearsal scores of the group's members, as published."""


def room_lines(
    workshop: Workshop, scores: list[RoomScore], checklist: tuple[Behaviour, ...]
) -> list[GroupLine]:
    number = workshop.current_round
    record = workshop.round(number)
    avoid = {b.code for b in checklist if b.kind == "avoid"}
    lines = []
    for group in workshop.plan.groups:
        mine = record.group(group.number)
        roles: dict[Role, tuple[str, ...]] = {}
        for person, role in group.roles(number).items():
            roles[role] = (*roles.get(role, ()), person)
        good = sum(n for code, n in mine.ticks.items() if code not in avoid)
        watch = sum(n for code, n in mine.ticks.items() if code in avoid)
        lines.append(
            GroupLine(
                group.number,
                roles,
                good,
                watch,
                len(mine.notes),
                notes_text(mine.notes[-1:]),
                tuple(s for s in scores if s.round == number and s.person in group.members),
            )
        )
    return lines
