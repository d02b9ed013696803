"""A field changed in another window while the user was typing in it: which one stays?"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract


class ConflictScreen(ScreenContract, ModalScreen[bool]):
    """Both versions, one above the other; dismisses with True to keep the user's own.

    Until the user chooses, the other window's version stays saved and the user's stays in
    the field: neither is lost, whatever happens to the app meanwhile. The question comes up
    while the user is typing, so no key typed next may answer it: nothing has focus and no
    letter is bound; a button must be clicked, or reached with Tab and pressed.
    """

    AUTO_FOCUS = ""
    CSS_PATH = "conflict.tcss"

    def __init__(self, field: str, theirs: str, mine: str) -> None:
        super().__init__()
        self._field = field
        self._theirs = theirs
        self._mine = mine

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Changed in another window"
            yield Static(
                plain(
                    f"{self._field} was changed in another convocoach window "
                    "while you were typing here. Nothing is lost yet: choose "
                    "which version to keep."
                )
            )
            yield Static("Saved from the other window", classes="label")
            with VerticalScroll(can_focus=False):
                yield Static(plain(self._theirs or "(empty)"), id="theirs")
            yield Static("Yours, not saved yet", classes="label")
            with VerticalScroll(can_focus=False):
                yield Static(plain(self._mine or "(empty)"), id="mine")
            yield Static("Tab goes to the buttons.", classes="hint")
            with Horizontal(id="buttons"):
                yield Button("Take theirs", compact=True, id="theirs-button")
                yield Button("Keep mine", compact=True, id="mine-button", variant="warning")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "mine-button")
