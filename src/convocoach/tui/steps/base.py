"""What every step of a session shares."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import VerticalScroll

from convocoach.playbooks.model import PlaybookFile
from convocoach.tui.commands import Command
from convocoach.tui.context import AppContext
from convocoach.tui.session_editor import SessionEditor


class StepPane(VerticalScroll):
    """A step's content; scrolls, so nothing is cut off on a small terminal."""

    DEFAULT_CSS = """
    StepPane { padding: 0 1; }
    StepPane .section-title { text-style: bold; margin: 1 0 0 0; }
    StepPane .muted { color: $text-muted; }
    StepPane .note { height: auto; }
    """
    step_key: ClassVar[str] = ""
    ACTIONS: ClassVar[tuple[Command, ...]] = ()

    def __init__(self, context: AppContext, editor: SessionEditor,
                 playbook: PlaybookFile | None) -> None:
        super().__init__(id=f"step-{self.step_key}")
        self.context = context
        self.editor = editor
        self.playbook = playbook

    def shown(self) -> None:
        """Called each time the step comes into view (derived content may have changed)."""

    def focus_first(self) -> None:
        for widget in self.query("Input, TextArea, Select, OptionList, SelectionList, DataTable"):
            if widget.focusable:
                widget.focus()
                return
        self.focus()
