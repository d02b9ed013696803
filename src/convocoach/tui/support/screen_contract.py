"""What every convocoach screen tells the app, declared and typed rather than looked up by
name: the help topic F1 opens, the commands on screen (and who runs them), and command-palette
entries whose titles are outside text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar, NamedTuple

from textual.dom import DOMNode

from convocoach.tui.support.commands import Command
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

    def palette_entries(self) -> Iterator[Entry]:
        """Palette entries titled with outside text (shown as typed, never as markup)."""
        yield from ()
