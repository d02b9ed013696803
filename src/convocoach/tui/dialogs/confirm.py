"""A yes/no question, for anything that cannot be undone."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract


class ConfirmScreen(ScreenContract, ModalScreen[bool]):
    """Dismisses with True only when the user confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]
    CSS_PATH = "confirm.tcss"

    def __init__(self, title: str, question: str, yes: str = "Delete") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            yield Static(plain(self._question))
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="no")
                yield Button(self._yes, compact=True, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
