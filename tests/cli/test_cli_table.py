"""The table of commands: every entry runs something, the help lists every entry, and the
parser built for one command line answers as the whole grammar does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from convocoach.cli import main
from convocoach.cli.parser import build_parser, parse
from convocoach.cli.table import COMMANDS, Arguments, Command, load_handler


def entries(commands: tuple[Command, ...] = COMMANDS, words: str = "") -> list[tuple[str, Command]]:
    """Each command of the table, families and their actions, with the words that run it."""
    found: list[tuple[str, Command]] = []
    for command in commands:
        said = f"{words} {command.name}".strip()
        found.append((said, command))
        found += entries(command.actions, said)
    return found


ENTRIES = entries()


def test_the_table_holds_every_command_and_action() -> None:
    said = {words for words, _ in ENTRIES}
    assert {"playbooks list", "playbooks validate", "sessions list", "workshop start"} <= said
    assert len(said) == len(ENTRIES), "a command is registered twice"


@pytest.mark.parametrize(("words", "command"), ENTRIES, ids=[words for words, _ in ENTRIES])
def test_every_command_has_a_handler_that_resolves(words: str, command: Command) -> None:
    if command.handler is None:  # a family: each of its actions runs instead
        assert command.actions, f"{words!r} has neither a handler nor actions"
        return
    assert callable(load_handler(command)), words


@pytest.mark.parametrize(("words", "command"), ENTRIES, ids=[words for words, _ in ENTRIES])
def test_the_parser_hands_each_command_its_own_entry(words: str, command: Command) -> None:
    if command.handler is None:
        return
    needed = {  # the positional arguments without a default
        "sessions show": ["1"],
        "sessions sheet": ["1"],
        "sessions export": ["1"],
        "sessions import": ["file.yaml"],
        "sessions delete": ["1"],
        "email": ["1"],
        "profile set": ["name", "Ann"],
        "playbooks show": ["project-delays"],
        "playbooks new": ["vendor-change"],
        "playbooks preview": ["file.yaml"],
        "workshop cards": ["project-delays"],
        "workshop export": ["1"],
        "workshop handouts": ["1"],
        "workshop facilitate": ["1"],
        "workshop join": ["1", "--room", "sessions.db", "--person", "Ana"],
        "clients export": ["1"],
    }
    assert parse([*words.split(), *needed.get(words, [])]).command is command


@pytest.mark.parametrize(("words", "command"), ENTRIES, ids=[words for words, _ in ENTRIES])
@pytest.mark.parametrize("extra", [["--help"], ["--bogus"], ["bogus"]])
def test_the_parser_built_for_a_command_line_answers_as_the_whole_grammar(
    words: str, command: Command, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*words.split(), *extra]
    answers = []
    for parser in (build_parser(argv), build_parser()):
        try:
            answer: object = vars(parser.parse_args(argv, namespace=Arguments()))
        except SystemExit as ended:
            answer = ended.code
        answers.append((answer, capsys.readouterr()))
    assert answers[0] == answers[1]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    listed = capsys.readouterr().out
    for command in COMMANDS:
        assert f"\n    {command.name} " in listed, command.name
    for words, command in ENTRIES:
        if command.actions:
            with pytest.raises(SystemExit):
                main([*words.split(), "--help"])
            family_help = capsys.readouterr().out
            for action in command.actions:
                assert f"\n    {action.name} " in family_help, f"{words} {action.name}"


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["locate"], "locate_cmd"),
        (["playbooks", "list"], "playbooks_list_cmd"),
        (["sessions", "list"], "sessions_cmd"),
        (["check", "I hear you."], "check_cmd"),
    ],
)
def test_a_command_imports_its_own_module_only(argv: list[str], module: str) -> None:
    code = (
        "import json, sys\nfrom convocoach.cli import main\n"
        f"main({argv!r})\nprint(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert {m for m in loaded if m.endswith("_cmd")} == {f"convocoach.cli.{module}"}
    assert "textual" not in loaded
