"""The room's clock: one round's time for every group at once, kept as three numbers.

Every app process in the room computes the same face from the same stored state and its own
reading of the wall clock, so a pause or an extension made anywhere shows everywhere. Time
past the end keeps counting, as overtime, until the facilitator pauses or ends the round.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from convocoach.workshop.timer import ALERT_AT, Alert

EXTEND_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class RoomClock:
    length: float
    """The round's seconds, extensions included."""
    used: float = 0.0
    """Seconds run before the last start."""
    since: float | None = None
    """Wall-clock seconds at the last start; None while paused."""

    @property
    def running(self) -> bool:
        return self.since is not None

    def elapsed(self, now: float) -> float:
        return self.used + (max(0.0, now - self.since) if self.since is not None else 0.0)

    def remaining(self, now: float) -> float:
        return max(0.0, self.length - self.elapsed(now))

    def overtime(self, now: float) -> float:
        """Seconds past the end of the round (0 until then)."""
        return max(0.0, self.elapsed(now) - self.length)

    def reached(self, now: float) -> list[Alert]:
        """The warnings whose moment has come, in order (one as long as the round itself
        never comes)."""
        left = self.length - self.elapsed(now)
        return [a for a, at in ALERT_AT if left <= at and (at == 0 or at < self.length)]

    def stage(self, now: float) -> Alert | None:
        """The latest warning whose moment has come."""
        reached = self.reached(now)
        return reached[-1] if reached else None

    def started(self, now: float) -> RoomClock:
        return self if self.running else replace(self, since=now)

    def paused(self, now: float) -> RoomClock:
        return replace(self, used=self.elapsed(now), since=None) if self.running else self

    def extended(self, seconds: float = EXTEND_SECONDS) -> RoomClock:
        return replace(self, length=self.length + seconds)


def room_face(clock: RoomClock, now: float) -> str:
    """MM:SS left, or +MM:SS over time."""
    over = clock.overtime(now)
    if over > 0:
        whole = int(over)
        return f"+{whole // 60:02d}:{whole % 60:02d}"
    whole = int(-(-clock.remaining(now) // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"
