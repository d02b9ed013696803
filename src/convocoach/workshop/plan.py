"""A workshop's plan: scenarios, rounds, round length, the room's people and their groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from convocoach.diagnostics import UserError
from convocoach.textsafety import clean_text
from convocoach.workshop.groups import (
    GROUP_KINDS,
    LEFTOVERS,
    ROLES,
    Group,
    GroupKind,
    Leftover,
    Role,
    assigned,
    group_size,
    split,
)

__all__ = ["GROUP_KINDS", "ROLES", "GroupKind", "Role", "WorkshopPlan", "group_size", "make_plan"]

ROLE_LABELS: dict[Role, str] = {
    "professional": "Professional",
    "client": "Client",
    "observer": "Observer",
}
GROUP_LABELS: dict[GroupKind, str] = {
    "pairs": "pairs (professional and client)",
    "triads": "triads (professional, client and observer)",
}
MAX_ROUNDS = 12
MAX_MINUTES = 60
MAX_NAME = 40


def default_people(group: GroupKind) -> tuple[str, ...]:
    return ("A", "B", "C")[: group_size(group)]


@dataclass(frozen=True, slots=True)
class WorkshopPlan:
    """What the trainer chose; every round's scenario and roles follow from it."""

    title: str
    playbook_ids: tuple[str, ...]
    rounds: int
    round_minutes: int
    group: GroupKind
    people: tuple[str, ...]
    """The room's roster, in the order given."""
    groups: tuple[Group, ...]

    def playbook_for(self, round_no: int) -> str:
        """The scenario of round ``round_no`` (1-based): the playbooks in turn."""
        return self.playbook_ids[(round_no - 1) % len(self.playbook_ids)]

    def roles(self, round_no: int) -> dict[str, Role]:
        """Who plays what in round ``round_no``, everyone in the room (names are unique)."""
        return {person: role for g in self.groups for person, role in g.roles(round_no).items()}

    def group_of(self, person: str) -> Group | None:
        return next((g for g in self.groups if person in g.members), None)

    def person_in(self, round_no: int, role: Role) -> str:
        """The person playing ``role`` in that round in the first group ('' when no one
        does, as the observer in a pair)."""
        return self.groups[0].person_in(round_no, role)

    @property
    def ticker(self) -> Role:
        """Who ticks the checklist: the observer, or in pairs the client (after the round)."""
        return "observer" if self.group == "triads" else "client"


def make_plan(
    title: str,
    playbook_ids: Sequence[str],
    rounds: int,
    round_minutes: int,
    group: str,
    people: Sequence[str] = (),
    leftover: str = "mixed",
    chosen: Sequence[Sequence[str]] = (),
) -> WorkshopPlan:
    """Check the trainer's choices and build the plan; raise :class:`UserError` saying what
    to change. The people are split into groups of the kind asked for, unless the trainer
    ``chosen`` them."""
    if group not in GROUP_KINDS:
        raise UserError(f"unknown group {group!r}", "use 'pairs' or 'triads'")
    kind: GroupKind = "pairs" if group == "pairs" else "triads"
    if leftover not in LEFTOVERS:
        raise UserError(
            f"unknown choice for people left over: {leftover!r}", "use 'mixed' or 'observer'"
        )
    extra: Leftover = "mixed" if leftover == "mixed" else "observer"
    ids = tuple(p.strip() for p in playbook_ids if p.strip())
    if not ids:
        raise UserError("a workshop needs at least one playbook", "pick one or more scenarios")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise UserError(f"{rounds} rounds is out of range", f"use 1 to {MAX_ROUNDS} rounds")
    if not 1 <= round_minutes <= MAX_MINUTES:
        raise UserError(
            f"a round of {round_minutes} minutes is out of range", f"use 1 to {MAX_MINUTES} minutes"
        )
    names = tuple(n for n in (_name(p) for p in people) if n)
    if not names and chosen:
        names = tuple(n for members in chosen for n in (_name(m) for m in members) if n)
    names = names or default_people(kind)
    if len({n.casefold() for n in names}) != len(names):
        raise UserError("two people have the same name", "give each person their own name")
    groups = (
        assigned([[_name(m) for m in members] for members in chosen], names, extra)
        if chosen
        else split(names, kind, extra)
    )
    return WorkshopPlan(
        " ".join(clean_text(title).split()) or "Role-play workshop",
        ids,
        rounds,
        round_minutes,
        kind,
        names,
        groups,
    )


def _name(raw: str) -> str:
    # Cleaned before the checks, so what is stored is exactly what was checked.
    return " ".join(clean_text(raw).split())[:MAX_NAME]
