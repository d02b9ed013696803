"""A participant's rehearsal score in a room, as the facilitator sees it while it happens."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RoomScore:
    round: int
    person: str
    playbook_id: str
    score: int
    """The scorecard's overall score, 0-100."""
    replies: int = 0
    ending: str = ""
    """How the role-play ended ('' while it goes on)."""
    updated_at: str = ""
