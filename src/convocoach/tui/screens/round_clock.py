"""The room's clock as a screen shows it, shared by the round's screen and the big timer.

The clock's state lives in the database, so every app in the room shows the same time; this
keeps the last state read, paints it, says each warning once in this app, and, for whoever
runs the room, starts, pauses and extends it for every group at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.saving import Saver
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.workshop.desk import GroupDesk
from convocoach.workshop.room_clock import RoomClock, room_face
from convocoach.workshop.timer import ALERT_TEXT, Alert, clock_face


class RoundClock:
    def __init__(
        self,
        state: RoomClock,
        round_no: int,
        seconds: Callable[[], float],
        saver: Saver,
        control: GroupDesk | None = None,
    ) -> None:
        self.state = state
        self.round_no = round_no
        self._now = seconds
        self._saver = saver
        self.control = control
        # A warning already passed when the round is opened is not given again.
        self._fired: set[Alert] = set(state.reached(seconds()))

    @property
    def running(self) -> bool:
        return self.state.running

    def update(self, state: RoomClock) -> None:
        """The state as another app (or this one) has stored it."""
        self.state = state

    def paint(self, face: BigClock, status: Static) -> None:
        """Show the time left (or over), coloured by the warning reached, and the state in
        words (so it reads without colour as well)."""
        now = self._now()
        stage = self.state.stage(now)
        face.text = room_face(self.state, now)
        face.set_classes("-over" if stage == "time-up" else "-warning" if stage else "")
        over = self.state.overtime(now)
        if not self.running:
            if self.state.used == 0:
                words = (
                    "Ready: F5 starts the clock"
                    if self.control
                    else "Waiting for the facilitator to start the clock"
                )
            else:
                words = "Paused" + (f", {clock_face(over)} over time" if over else "")
        elif over:
            words = f"Over time by {clock_face(over)}"
        else:
            words = ALERT_TEXT[stage] if stage else "Running"
        status.update(plain(words))

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self._start()

    def _start(self) -> None:
        control, now = self.control, self._now()
        if control is None:
            return
        if self._saver.saved(lambda: control.start_clock(now), retry=False):
            self.state = self.state.started(now)

    def stop(self) -> None:
        """Pause the room's clock, and keep how long the round has run."""
        control, now = self.control, self._now()
        if control is None or not self.running:
            return
        if self._saver.saved(lambda: control.pause_clock(now), retry=False):
            self.state = self.state.paused(now)
            self.save()

    def extend(self, seconds: float = 60.0) -> None:
        control = self.control
        if control is not None and self._saver.saved(
            lambda: control.extend_clock(seconds), retry=False
        ):
            self.state = self.state.extended(seconds)

    def poll(self) -> Alert | None:
        """Called on every tick: the warning due now, if any (each once, the latest of
        several passed at once)."""
        new = [a for a in self.state.reached(self._now()) if a not in self._fired]
        self._fired.update(new)
        return new[-1] if new else None

    def save(self, finished: bool | None = None) -> None:
        """Record how long the round ran (for the debrief), and whether it is over."""
        control, used, round_no = self.control, self.state.elapsed(self._now()), self.round_no
        if control is not None:
            self._saver.saved(
                lambda: control.record_clock(round_no, used, finished),
                ("workshop-clock", control.workshop_id, round_no),
            )


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
