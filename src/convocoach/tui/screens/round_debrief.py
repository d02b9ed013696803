"""After a round: what worked, and one thing to try. Saved as it is typed, for the group."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from convocoach.tui.support.needs import RoundDebriefContext
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.text_box import TextBox
from convocoach.workshop.desk import Desk
from convocoach.workshop.record import GroupRound


class RoundDebriefScreen(ScreenContract, ModalScreen[bool]):
    """Dismisses with True to close the round (and go on), False to stay in it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f8", "done(True)", "Close round", priority=True),
        Binding("escape", "done(False)", "Back to the round"),
    ]
    CSS_PATH = "round_debrief.tcss"

    def __init__(
        self,
        context: RoundDebriefContext,
        desk: Desk,
        round_no: int,
        record: GroupRound,
        last: bool,
        moves_on: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self.desk = desk
        self.round_no = round_no
        self.record = record
        self.last = last
        self.moves_on = moves_on
        """Whether closing it moves the room on (the facilitator's); else it only closes."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Round {self.round_no}: debrief"
            box.border_subtitle = "Ctrl+S " + (
                "saves and closes"
                if not self.moves_on
                else "finishes the workshop"
                if self.last
                else "goes on to the next round"
            )
            yield Static("What worked?", classes="section-title")
            yield TextBox(
                self.record.worked, placeholder="A moment that moved the client", id="worked"
            )
            yield Static("One thing to try next time", classes="section-title")
            yield TextBox(self.record.try_next, placeholder="One concrete change", id="try_next")
            yield Static(
                plain("Everyone says one of each, the professional first."), classes="muted"
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#worked").focus()

    @on(TextBox.Changed)
    def _typed(self, event: TextBox.Changed) -> None:
        event.stop()
        name, text, round_no = event.text_area.id or "", event.text_area.text, self.round_no
        self.context.saver.saved(
            lambda: self.desk.set_answer(round_no, name, text),
            ("workshop-text", self.desk.workshop_id, self.desk.group_no, round_no, name),
        )

    def action_done(self, go_on: bool) -> None:
        self.dismiss(go_on)
