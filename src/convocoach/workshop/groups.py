"""A room's groups: who plays with whom, and who plays what in each round.

The app splits the roster into pairs or triads in the order given; a person left over
makes one group bigger (a triad among pairs, or an extra observer), or the trainer says who
is with whom. Within a group the players move one role along each round; an extra observer
observes every round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from convocoach.diagnostics import UserError

GroupKind = Literal["pairs", "triads"]
Role = Literal["professional", "client", "observer"]
Leftover = Literal["mixed", "observer"]
"""What to do with people left over: ``mixed`` groups them as a pair among triads or a
triad among pairs; ``observer`` makes one of them an extra observer in the last group."""

GROUP_KINDS: tuple[GroupKind, ...] = get_args(GroupKind)
LEFTOVERS: tuple[Leftover, ...] = get_args(Leftover)
ROLES: tuple[Role, ...] = ("professional", "client", "observer")
MAX_PEOPLE = 30
MAX_GROUP = 4


def group_size(group: GroupKind) -> int:
    return 2 if group == "pairs" else 3


@dataclass(frozen=True, slots=True)
class Group:
    number: int
    """From 1, in the order the groups were made."""
    members: tuple[str, ...]
    players: int
    """How many members take turns at the roles (2 or 3); the others observe every round."""

    def roles(self, round_no: int) -> dict[str, Role]:
        """Who plays what in round ``round_no``: each player moves one role along each round,
        so over as many rounds as players each has played every role once."""
        return {
            person: ROLES[(index - (round_no - 1)) % self.players]
            if index < self.players
            else "observer"
            for index, person in enumerate(self.members)
        }

    def person_in(self, round_no: int, role: Role) -> str:
        """The first member playing ``role`` in that round ('' when no one does)."""
        return next((p for p, r in self.roles(round_no).items() if r == role), "")

    @property
    def ticker(self) -> Role:
        """Who ticks the checklist: an observer, or in a pair the client (after the round)."""
        return "observer" if len(self.members) > 2 else "client"


def split(
    people: Sequence[str], kind: GroupKind, leftover: Leftover = "mixed"
) -> tuple[Group, ...]:
    """The roster in groups of the kind asked for, in order; raise :class:`UserError` when it
    cannot be (too few or too many people)."""
    count = len(people)
    size = group_size(kind)
    if count < size:
        raise UserError(
            f"{kind} need at least {size} people, got {count}",
            "give one name per person, separated by commas"
            + ("" if kind == "pairs" else ", or use pairs"),
        )
    if count > MAX_PEOPLE:
        raise UserError(
            f"a room holds at most {MAX_PEOPLE} people, got {count}",
            "split the room into two workshops",
        )
    sizes = _sizes(count, size, leftover)
    groups: list[Group] = []
    start = 0
    for members, players in sizes:
        groups.append(Group(len(groups) + 1, tuple(people[start : start + members]), players))
        start += members
    return tuple(groups)


def _sizes(count: int, size: int, leftover: Leftover) -> list[tuple[int, int]]:
    """(members, players) of each group."""
    whole, rest = divmod(count, size)
    if rest == 0:
        return [(size, size)] * whole
    if size == 2:  # one person over: a triad, or a pair with an extra observer
        return [(2, 2)] * (whole - 1) + ([(3, 3)] if leftover == "mixed" else [(3, 2)])
    if rest == 1 and leftover == "observer":
        return [(3, 3)] * (whole - 1) + [(4, 3)]
    if rest == 1:  # the last triad and the one over become two pairs
        return [(3, 3)] * (whole - 1) + [(2, 2), (2, 2)]
    return [(3, 3)] * whole + [(2, 2)]


def assigned(
    chosen: Sequence[Sequence[str]], people: Sequence[str], leftover: Leftover = "mixed"
) -> tuple[Group, ...]:
    """The trainer's own groups: each of 2 to 4 people from the roster, everyone in one.

    A group of three takes turns as a triad (or, with ``observer``, as a pair watched by its
    third member); in a group of four the fourth observes every round.
    """
    roster = {p.casefold(): p for p in people}
    seen: set[str] = set()
    groups: list[Group] = []
    for members in chosen:
        names = tuple(" ".join(m.split()) for m in members if m.strip())
        if not 2 <= len(names) <= MAX_GROUP:
            raise UserError(
                f"group {len(groups) + 1} has {len(names)} people",
                f"give each group 2 to {MAX_GROUP} names",
            )
        for name in names:
            key = name.casefold()
            if key not in roster:
                raise UserError(
                    f"{name!r} is in group {len(groups) + 1} but not on the list of people",
                    "add them to the people, or correct the name",
                )
            if key in seen:
                raise UserError(f"{name!r} is in two groups", "put each person in one group")
            seen.add(key)
        players = min(len(names), 3)
        if len(names) == 3 and leftover == "observer":
            players = 2
        groups.append(Group(len(groups) + 1, tuple(roster[n.casefold()] for n in names), players))
    missing = [p for p in people if p.casefold() not in seen]
    if missing:
        raise UserError(
            f"{missing[0]!r} is in no group", "put everyone on the list of people in a group"
        )
    return tuple(groups)
