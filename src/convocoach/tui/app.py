"""The convocoach Textual app and the factory the CLI and the tests call."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from convocoach.locations import Locations
from convocoach.playbooks.library import Library, load_library, search_path
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.model import PlaybookFile
from convocoach.tui.screens.home import HomeScreen


class ConvocoachApp(App[int]):
    """Prepare, rehearse and follow up a difficult client conversation."""

    TITLE = "convocoach"
    SUB_TITLE = "difficult client conversations"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, library: Library[PlaybookFile]) -> None:
        super().__init__()
        self.library = library

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.library))


def make_app(locations: Locations) -> ConvocoachApp:
    """Build the app with everything it needs, loaded from ``locations``."""
    library = load_library(search_path(locations), load_playbook_file)
    return ConvocoachApp(library)
