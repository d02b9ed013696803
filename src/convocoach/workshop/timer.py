"""The round timer: counts down, pauses and resumes, and says when a warning is due.

Pure and clock-free: every call takes ``now`` (monotonic seconds), so the screen drives it
from its own ticks and tests drive it with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Alert = Literal["two-minutes", "thirty-seconds", "time-up"]
ALERT_AT: tuple[tuple[Alert, float], ...] = (
    ("two-minutes", 120.0),
    ("thirty-seconds", 30.0),
    ("time-up", 0.0),
)
ALERT_TEXT: dict[Alert, str] = {
    "two-minutes": "Two minutes left",
    "thirty-seconds": "Thirty seconds left",
    "time-up": "Time is up",
}


@dataclass
class RoundTimer:
    """``length`` seconds, of which ``used`` have run (resumed rounds start part-used)."""

    length: float
    used: float = 0.0
    _since: float | None = field(default=None, init=False)
    _fired: set[Alert] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        # A warning already passed when a round is resumed is not given again.
        if self.used:
            self._fired.update(self._reached(self.length - self.used))

    def _reached(self, left: float) -> list[Alert]:
        """The warnings whose moment has come with ``left`` seconds to go, in order; one as
        long as the round itself would be pointless and never comes."""
        return [alert for alert, at in ALERT_AT if left <= at and (at == 0 or at < self.length)]

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self, now: float) -> None:
        if self._since is None and self.remaining(now) > 0:
            self._since = now

    def pause(self, now: float) -> None:
        if self._since is not None:
            self.used = min(self.length, self.used + now - self._since)
            self._since = None

    def toggle(self, now: float) -> None:
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    def elapsed(self, now: float) -> float:
        running = now - self._since if self._since is not None else 0.0
        return min(self.length, self.used + max(0.0, running))

    def remaining(self, now: float) -> float:
        return max(0.0, self.length - self.elapsed(now))

    def finished(self, now: float) -> bool:
        return self.remaining(now) <= 0

    def stage(self, now: float) -> Alert | None:
        """The latest warning whose moment has come (None before the first)."""
        reached = self._reached(self.remaining(now))
        return reached[-1] if reached else None

    def due(self, now: float) -> Alert | None:
        """The warning to give now, each at most once; the round stops when time is up."""
        left = self.remaining(now)
        new = [alert for alert in self._reached(left) if alert not in self._fired]
        self._fired.update(new)
        if left <= 0:
            self.pause(now)
        # When several pass in one tick, only the latest is worth saying.
        return new[-1] if new else None


def clock_face(seconds: float) -> str:
    """MM:SS, rounded up, so the face shows 00:00 only when time is really up."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"
