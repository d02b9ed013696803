"""The clock of the round being played, shared by the observer's screen and the big timer.

It keeps the core timer, saves how long it has run (so a crash or a quit resumes the round
where it was), and turns its warnings into a notification and, at the end, the bell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.saving import Saver
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.workshop.store import WorkshopLog
from convocoach.workshop.timer import ALERT_TEXT, Alert, RoundTimer, clock_face

SAVE_EVERY = 5.0
"""Seconds of running between saves of the clock (a pause or the end saves at once)."""


class RoundClock:
    def __init__(
        self,
        log: WorkshopLog,
        saver: Saver,
        workshop_id: int,
        round_no: int,
        minutes: int,
        used: float,
        monotonic: Callable[[], float],
    ) -> None:
        self._log = log
        self._saver = saver
        self._workshop_id = workshop_id
        self.round_no = round_no
        self._now = monotonic
        self.timer = RoundTimer(minutes * 60.0, used)
        self._saved_at = used

    @property
    def running(self) -> bool:
        return self.timer.running

    def paint(self, face: BigClock, status: Static) -> None:
        """Show the time left, coloured by the warning reached, and the state in words (so
        it reads without colour as well)."""
        now = self._now()
        stage = self.timer.stage(now)
        face.text = clock_face(self.timer.remaining(now))
        face.set_classes("-over" if stage == "time-up" else "-warning" if stage else "")
        if stage == "time-up":
            words = ALERT_TEXT[stage]
        elif not self.running:
            words = "Paused" if self.timer.used else "Ready: F5 starts the clock"
        else:
            words = ALERT_TEXT[stage] if stage else "Running"
        status.update(plain(words))

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
        used = self.timer.elapsed(now)
        if alert or used - self._saved_at >= SAVE_EVERY:
            self.save()
        return alert

    def save(self, finished: bool | None = None) -> None:
        used = self.timer.elapsed(self._now())
        self._saver.saved(
            lambda: self._log.set_clock(self._workshop_id, self.round_no, used, finished),
            ("workshop-clock", self._workshop_id, self.round_no),
        )
        self._saved_at = used


def announce(screen: Screen[Any], alert: Alert, *, toast: bool = True) -> None:
    """Say a warning where everyone sees it; ring the terminal's bell when time is up.

    The big timer says it in its own status line, so a toast would only cover the roles.
    """
    if alert == "time-up":
        screen.app.bell()
    if not toast:
        return
    if alert == "time-up":
        screen.notify(
            "Time is up. F8 ends the round with a short debrief.",
            title="Time is up",
            severity="error",
            timeout=10,
        )
    else:
        screen.notify(ALERT_TEXT[alert] + ".", severity="warning")
