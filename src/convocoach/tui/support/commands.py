"""Each command defined once: its key, its footer label and its command-palette entry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode


@dataclass(frozen=True, slots=True)
class Command:
    action: str
    key: str
    label: str
    help: str
    show: bool = True
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.label,
            show=self.show,
            priority=self.priority,
            tooltip=self.help,
        )


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    return [command.binding() for command in commands]


def palette_entries(node: DOMNode, commands: Iterable[Command]) -> Iterator[SystemCommand]:
    """The commands ``node`` can run right now (the same check that greys out the footer)."""
    for command in commands:
        if node.check_action(command.action, ()) is True:
            yield SystemCommand(command.label, command.help, _runner(node, command.action))


def _runner(node: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await node.app.run_action(action, node)

    return run
