"""The round timer: counts down, pauses and resumes, and says when a warning is due.

Pure and clock-free: every call takes ``now`` (monotonic seconds), so the screen drives it
from its own ticks and tests drive it with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    _since: float | None = None
    _fired: set[Alert] | None = None

    def __post_init__(self) -> None:
        # A warning as long as the round itself is pointless; one already passed when a
        # round is resumed is not given again.
        left = self.length - self.used
        self._fired = {alert for alert, at in ALERT_AT
                       if (at > 0 and (at >= self.length or at > left)) or left <= 0}

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

    def due(self, now: float) -> Alert | None:
        """The warning to give now, each at most once; the round stops when time is up."""
        assert self._fired is not None
        left = self.remaining(now)
        due: Alert | None = None
        for alert, at in ALERT_AT:
            if alert not in self._fired and left <= at:
                self._fired.add(alert)
                due = alert  # when several pass in one tick, only the latest is worth saying
        if left <= 0:
            self.pause(now)
        return due


def clock_face(seconds: float) -> str:
    """MM:SS, rounded up, so the face shows 00:00 only when time is really up."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"
