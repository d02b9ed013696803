"""What every convocoach screen tells the app, declared and typed rather than looked up by
name: the help topic F1 opens, the commands on screen (and who runs them), and command-palette
entries whose titles are outside text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar, NamedTuple

from textual.dom import DOMNode

from convocoach.tui.support.commands import Command, KeyNote, key_rows
from convocoach.tui.support.help_text import Topic


class Entry(NamedTuple):
    title: str
    """Outside text: shown literally."""
    help: str
    """Our own words only (the palette reads help as markup)."""
    run: Callable[[], object]


CommandSource = tuple[DOMNode, tuple[Command, ...]]
"""Commands and the node that runs them (a screen, or a step on it)."""


class HasCommands:
    """A screen or widget whose keys are declared as :class:`Command` data (``ACTIONS``):
    its bindings, footer labels and palette entries all come from them."""

    ACTIONS: ClassVar[tuple[Command, ...]] = ()
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = ()
    """Keys F1 lists that are no command (Enter in a list, Tab between fields)."""


class ScreenContract(HasCommands):
    """Mixed into every screen of the app, before Textual's ``Screen`` class."""

    HELP_TOPIC: ClassVar[Topic] = "home"

    def help_topic(self) -> Topic:
        """What F1 explains here (a screen with steps answers for the step shown)."""
        return self.HELP_TOPIC

    def command_sources(self) -> Iterator[CommandSource]:
        """Every command on screen now, with the node that runs it."""
        assert isinstance(self, DOMNode)
        yield self, self.ACTIONS

    def key_table(self) -> list[tuple[str, str]]:
        """The keys table F1 shows: every command on screen, then the keys noted."""
        rows: list[tuple[str, str]] = []
        for node, commands in self.command_sources():
            rows += key_rows(commands)
            if isinstance(node, HasCommands):
                rows += [(note.keys, note.does) for note in node.KEY_NOTES]
        return rows

    def palette_entries(self) -> Iterator[Entry]:
        """Palette entries titled with outside text (shown as typed, never as markup)."""
        yield from ()
