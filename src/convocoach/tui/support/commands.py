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


@dataclass(frozen=True, slots=True)
class KeyNote:
    """A key the help lists that is no command of its own (Enter in a list, Tab between
    fields): its words for the keys table."""

    keys: str
    does: str


_KEY_NAMES = {
    "escape": "Esc",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "backspace": "Backspace",
}


def key_label(key: str) -> str:
    """How a key is written for people: ``ctrl+n`` -> ``Ctrl+N``, ``f2`` -> ``F2``,
    ``escape,q`` -> ``Esc or Q``."""
    if "," in key:
        return " or ".join(key_label(one) for one in key.split(","))
    return "+".join(_KEY_NAMES.get(part, _key_name(part)) for part in key.split("+"))


def _key_name(part: str) -> str:
    # A letter or a function key in capitals (N, F2); a named key as a word (Up, Delete).
    if len(part) == 1 or (part[0] == "f" and part[1:].isdigit()):
        return part.upper()
    return part.capitalize()


def key_rows(commands: Iterable[Command]) -> list[tuple[str, str]]:
    """The keys table's rows for ``commands``, one per action (its keys together). All of
    them, also those the footer hides until they apply (the table is the reference)."""
    keys: dict[str, list[str]] = {}
    does: dict[str, str] = {}
    for command in commands:
        keys.setdefault(command.action, []).append(key_label(command.key))
        does.setdefault(command.action, command.help)
    return [(" or ".join(labels), does[action]) for action, labels in keys.items()]
