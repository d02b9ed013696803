"""A workshop's plan: scenarios, rounds, round length, and who plays which role in each round."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from convocoach.diagnostics import UserError
from convocoach.textsafety import clean_text

GroupKind = Literal["pairs", "triads"]
Role = Literal["professional", "client", "observer"]

GROUP_KINDS: tuple[GroupKind, ...] = get_args(GroupKind)
ROLES: tuple[Role, ...] = ("professional", "client", "observer")
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


def group_size(group: GroupKind) -> int:
    return 2 if group == "pairs" else 3


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

    def playbook_for(self, round_no: int) -> str:
        """The scenario of round ``round_no`` (1-based): the playbooks in turn."""
        return self.playbook_ids[(round_no - 1) % len(self.playbook_ids)]

    def roles(self, round_no: int) -> dict[str, Role]:
        """Who plays what in round ``round_no``: everyone moves one role along each round,
        so over as many rounds as people each person has played every role once."""
        size = len(self.people)
        return {
            person: ROLES[(index - (round_no - 1)) % size]
            for index, person in enumerate(self.people)
        }

    def person_in(self, round_no: int, role: Role) -> str:
        """The person playing ``role`` in that round ('' when no one does, as the observer
        in pairs)."""
        return next((p for p, r in self.roles(round_no).items() if r == role), "")

    @property
    def ticker(self) -> Role:
        """Who ticks the checklist: the observer, or in pairs the client (after the round)."""
        return "observer" if self.group == "triads" else "client"


def make_plan(
    title: str,
    playbook_ids: list[str] | tuple[str, ...],
    rounds: int,
    round_minutes: int,
    group: str,
    people: list[str] | tuple[str, ...] = (),
) -> WorkshopPlan:
    """Check the trainer's choices and build the plan; raise :class:`UserError` saying what
    to change."""
    if group not in GROUP_KINDS:
        raise UserError(f"unknown group {group!r}", "use 'pairs' or 'triads'")
    kind: GroupKind = "pairs" if group == "pairs" else "triads"
    ids = tuple(p.strip() for p in playbook_ids if p.strip())
    if not ids:
        raise UserError("a workshop needs at least one playbook", "pick one or more scenarios")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise UserError(f"{rounds} rounds is out of range", f"use 1 to {MAX_ROUNDS} rounds")
    if not 1 <= round_minutes <= MAX_MINUTES:
        raise UserError(
            f"a round of {round_minutes} minutes is out of range", f"use 1 to {MAX_MINUTES} minutes"
        )
    # Cleaned before the checks, so what is stored is exactly what was checked.
    names = tuple(
        name for name in (" ".join(clean_text(p).split())[:MAX_NAME] for p in people) if name
    ) or default_people(kind)
    if len(names) != group_size(kind):
        raise UserError(
            f"{kind} need {group_size(kind)} names, got {len(names)}",
            "give one name per person, separated by commas",
        )
    if len({n.casefold() for n in names}) != len(names):
        raise UserError("two people have the same name", "give each person their own name")
    return WorkshopPlan(
        " ".join(clean_text(title).split()) or "Role-play workshop",
        ids,
        rounds,
        round_minutes,
        kind,
        names,
    )
