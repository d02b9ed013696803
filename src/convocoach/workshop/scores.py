"""A participant's rehearsal score in a room, as the facilitator sees it while it happens."""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.rehearsal.engine import State


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


def rehearsal_score(state: State) -> int:
    """The share of the coach's checks the replies passed so far, 0-100 (0 before any)."""
    statuses = [status for e in state.exchanges for _, status in e.statuses]
    judged = [s for s in statuses if s in ("pass", "fail")]
    return round(100 * judged.count("pass") / len(judged)) if judged else 0
