"""A lesson in a sentence, written or edited before it is kept."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from convocoach.sessions.limits import LESSON
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.text_box import TextBox


class LessonEditor(ScreenContract, ModalScreen[str | None]):
    """Dismisses with the lesson's words (never empty), or None when cancelled."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("keep", "ctrl+s", "Keep", "Keep the lesson as written", priority=True),
        Command("cancel", "escape", "Cancel", "Close without keeping it"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "lessons"
    CSS_PATH = "lesson_editor.tcss"

    def __init__(self, title: str, text: str, note: str = "") -> None:
        super().__init__()
        self._title = title
        self.text = text
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            box.border_subtitle = "Ctrl+S keeps it \u00b7 Esc cancels"
            if self._note:
                yield Static(plain(self._note), id="note")
            yield TextBox(
                self.text,
                id="lesson-text",
                max_chars=LESSON,
                placeholder="What to do differently next time, in a sentence",
            )
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="cancel")
                yield Button("Keep", compact=True, id="keep", variant="primary")

    def on_mount(self) -> None:
        box = self.query_one(TextBox)
        box.focus()
        box.move_cursor(box.document.end)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        text = " ".join(self.query_one(TextBox).text.split())
        if not text:
            self.notify("Write the lesson first, or Esc to cancel.", markup=False)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
