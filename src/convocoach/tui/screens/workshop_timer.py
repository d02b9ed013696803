"""The round's clock in digits as big as the terminal allows, to show the room."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from convocoach.tui.screens.round_clock import RoundClock, announce
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.big_clock import BigClock
from convocoach.tui.widgets.key_footer import KeyFooter


class WorkshopTimerScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("toggle_clock", "f5", "Start/pause", "Start, pause or resume the room's clock"),
        Command("extend", "f6", "+1 min", "One more minute for every group"),
        Command("close", "escape,f3", "Back", "Back to the round (checklist and notes)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "workshop_timer.tcss"
    HELP_TOPIC = "workshop"

    def __init__(self, clock: RoundClock, round_text: str, scenario: str, roles: Content) -> None:
        super().__init__()
        self.clock = clock
        self._round_text = round_text
        self._scenario = scenario
        self._role_line = roles

    def compose(self) -> ComposeResult:
        yield Static(
            plain(f"{self._round_text.capitalize()}: {self._scenario}"),
            classes="line",
            id="timer-round",
        )
        yield BigClock(id="big-clock")
        yield Static(self._role_line, classes="line", id="timer-roles")
        yield Static("", classes="line", id="timer-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self.set_interval(0.25, self._tick)

    def _tick(self) -> None:
        # The clock may be started, paused or extended in another app of the room: the
        # round's screen below reads it again, and this shows it.
        alert = self.clock.poll()
        if alert:
            announce(self, alert, toast=False)
        self._show()

    def _show(self) -> None:
        self.clock.paint(self.query_one(BigClock), self.query_one("#timer-status", Static))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.clock.control is not None or action not in ("toggle_clock", "extend")

    def action_toggle_clock(self) -> None:
        self.clock.toggle()
        self._show()

    def action_extend(self) -> None:
        self.clock.extend()
        self._show()

    def action_close(self) -> None:
        self.dismiss()
