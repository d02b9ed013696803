"""Progress over all rehearsals, from the home screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import UserError
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import ProgressContext
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.progress_chart import ProgressChart

INTRO = (
    "How often each coaching dimension passed in each of your rehearsals, across all "
    "sessions. Read the trend rather than a single rehearsal: one reply is a small "
    "sample, and the coach cannot hear tone."
)


class ProgressScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("close", "escape", "Back", "Back to the home screen"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "progress.tcss"
    HELP_TOPIC = "progress"

    def __init__(self, context: ProgressContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-scroll"):
            yield Static(plain(INTRO), id="intro")
            yield ProgressChart(id="chart")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.sub_title = "your rehearsals"
        try:
            history = self.context.rehearsals.history()
        except UserError as exc:
            self.notify(exc.format(), severity="error", markup=False)
            history = []
        self.query_one(ProgressChart).show([r.state for r in history], bundled_rubric())
        self.query_one("#progress-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
