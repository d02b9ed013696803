"""Edit the follow-up email in the app."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, TextArea

from convocoach.sessions.limits import EMAIL
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.text_box import TextBox


class EmailEditor(ScreenContract, ModalScreen[str | None]):
    """Dismisses with the edited text, or None when cancelled."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "ctrl+s", "Keep my version", "Keep the edited email", priority=True),
        Command("cancel", "escape", "Cancel", "Close without keeping the changes"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "email-editor"
    CSS_PATH = "email_editor.tcss"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Edit the follow-up email"
            box.border_subtitle = "Ctrl+S keeps it · Esc cancels"
            yield TextBox(self.text, id="email-text", max_chars=EMAIL)
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="cancel")
                yield Button("Keep my version", compact=True, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
