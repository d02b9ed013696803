"""What each person did over a workshop: their rounds in each role, and what was ticked while
they were the professional, the good behaviours and the ones to watch kept apart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from convocoach.coach.model import Rubric
from convocoach.workshop.behaviours import Kind, behaviours
from convocoach.workshop.groups import Role
from convocoach.workshop.record import RoundRecord, Workshop


@dataclass(frozen=True, slots=True)
class PersonTally:
    name: str
    group: int
    rounds: Mapping[Role, tuple[int, ...]]
    ticks: Mapping[str, int]
    """Ticked in their group while they were the professional."""
    kinds: Mapping[str, Kind]
    """Each checklist behaviour's kind: a behaviour to avoid counts as a watch-out, never as
    a good one (a code the checklist does not know counts as neither)."""

    @property
    def good(self) -> int:
        return sum(n for code, n in self.ticks.items() if self.kinds.get(code) == "do")

    @property
    def watch(self) -> int:
        return sum(n for code, n in self.ticks.items() if self.kinds.get(code) == "avoid")


def played(record: RoundRecord) -> bool:
    """Whether anything happened in the round: its clock ran, or something was recorded."""
    return bool(
        record.finished
        or record.seconds > 0
        or record.ticks
        or record.notes.strip()
        or record.worked.strip()
        or record.try_next.strip()
    )


def person_tallies(workshop: Workshop, rubric: Rubric) -> tuple[PersonTally, ...]:
    kinds = {b.code: b.kind for b in behaviours(rubric)}
    found = []
    for group in workshop.plan.groups:
        for person in group.members:
            rounds: dict[Role, tuple[int, ...]] = {}
            ticks: dict[str, int] = {}
            for record in workshop.rounds:
                if not played(record):
                    continue
                role = group.roles(record.number)[person]
                rounds[role] = (*rounds.get(role, ()), record.number)
                if role == "professional":
                    for code, count in record.group(group.number).ticks.items():
                        ticks[code] = ticks.get(code, 0) + count
            found.append(PersonTally(person, group.number, rounds, ticks, kinds))
    return tuple(found)
