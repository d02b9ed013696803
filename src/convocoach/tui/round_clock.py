"""The clock of the round being played, shared by the observer's screen and the big timer.

It keeps the core timer, saves how long it has run (so a crash or a quit resumes the round
where it was), and turns its warnings into a notification and, at the end, the bell.
"""

from __future__ import annotations

from collections.abc import Callable

from convocoach.sessions.workshops import WorkshopLog
from convocoach.workshop.timer import ALERT_TEXT, Alert, RoundTimer, clock_face

SAVE_EVERY = 5.0
"""Seconds of running between saves of the clock (a pause or the end saves at once)."""


class RoundClock:
    def __init__(self, log: WorkshopLog, workshop_id: int, round_no: int, minutes: int,
                 used: float, monotonic: Callable[[], float]) -> None:
        self._log = log
        self._workshop_id = workshop_id
        self.round_no = round_no
        self._now = monotonic
        self.timer = RoundTimer(minutes * 60.0, used)
        self._saved_at = used
        self.last_alert: Alert | None = None if used < minutes * 60 else "time-up"

    @property
    def running(self) -> bool:
        return self.timer.running

    @property
    def face(self) -> str:
        return clock_face(self.timer.remaining(self._now()))

    @property
    def status(self) -> str:
        """A word for the state, so it reads without colour as well."""
        if self.timer.finished(self._now()):
            return ALERT_TEXT["time-up"]
        if not self.running:
            return "Paused" if self.timer.used else "Ready: F5 starts the clock"
        return ALERT_TEXT[self.last_alert] if self.last_alert else "Running"

    @property
    def level(self) -> str:
        """'' / '-warning' / '-over': the face's colour class."""
        if self.timer.finished(self._now()):
            return "-over"
        return "-warning" if self.last_alert else ""

    def toggle(self) -> None:
        self.timer.toggle(self._now())
        self.save()

    def stop(self) -> None:
        self.timer.pause(self._now())
        self.save()

    def poll(self) -> Alert | None:
        """Called on every tick: the warning due now, if any; saves now and then."""
        now = self._now()
        alert = self.timer.due(now)
        if alert:
            self.last_alert = alert
        used = self.timer.elapsed(now)
        if alert or used - self._saved_at >= SAVE_EVERY:
            self.save()
        return alert

    def save(self, finished: bool | None = None) -> None:
        used = self.timer.elapsed(self._now())
        self._log.set_clock(self._workshop_id, self.round_no, used, finished)
        self._saved_at = used
