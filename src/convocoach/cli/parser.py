"""The command-line grammar, built from the table of commands in ``table.py``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach import __version__
from convocoach.cli.table import COMMANDS, Arguments, Command
from convocoach.textsafety import visible

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class _Parser(argparse.ArgumentParser):
    """argparse quotes the words it did not understand back to the terminal: made visible()."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(visible(message), file)


def parse(words: Sequence[str]) -> Arguments:
    """Parse ``words``; on bad input argparse prints why and exits with 2."""
    return build_parser(words).parse_args(words, namespace=Arguments())


def build_parser(words: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The grammar of every command of the table, or of the one that ``words`` start with.

    argparse hands every word after a command's name to that command's parser, so when
    ``words`` start with one, no other command's parser is ever reached (nor shown: the
    main parser's usage names no command). Building only that one, and only the action its
    next word names, saves most of the parser's building time, which is most of its cost.
    """
    common = _common_options()
    parser = _Parser(
        prog="convocoach",
        parents=[common],
        description="Prepare, rehearse and follow up a difficult client conversation. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"convocoach {__version__}")
    _add_commands(parser, common, COMMANDS, words, "COMMAND", required=False)
    return parser


def _add_commands(
    parser: argparse.ArgumentParser,
    common: argparse.ArgumentParser,
    commands: Sequence[Command],
    words: Sequence[str],
    metavar: str,
    *,
    required: bool,
) -> None:
    named = [command for command in commands if words and command.name == words[0]]
    subparsers = parser.add_subparsers(metavar=metavar, required=required)
    for command in named or commands:
        sub = subparsers.add_parser(
            command.name, parents=[common], help=command.help, description=command.description
        )
        command.arguments(sub)
        if command.handler is not None:
            # An action's own default, set after its family's, wins over it.
            sub.set_defaults(command=command)
        if command.actions:
            # The next word is the action only right after the command's name.
            _add_commands(
                sub,
                common,
                command.actions,
                words[1:] if named else (),
                "ACTION",
                required=command.handler is None,
            )


def _common_options() -> argparse.ArgumentParser:
    """The options every command takes, before or after its name."""
    common = _Parser(add_help=False)
    # SUPPRESS lets these options sit before or after the subcommand: a subcommand's parser
    # that is not given one leaves what the main parser read alone.
    common.add_argument(
        "--playbooks",
        metavar="DIR",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        help="also load playbooks from DIR (repeatable; wins over the others)",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="where sessions are stored (default: $CONVOCOACH_DATA_DIR or the user data folder)",
    )
    common.add_argument(
        "--config-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="where settings, user playbooks and templates live (default: "
        "$CONVOCOACH_CONFIG_DIR or the user config folder)",
    )
    return common
