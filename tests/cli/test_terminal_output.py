"""Nothing the command line prints can act on the terminal: control characters are shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convocoach.cli import main
from convocoach.textsafety import visible

# Anything a terminal acts on, but newline and tab (and CR only as part of CRLF).
ACTIVE = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ATTACKS = [
    "\x1b]0;renamed\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b[2J",
    "\x9b2J",
    "\x07",
    "\u202e",
    "\r",
]
with_controls = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.characters(exclude_categories=["Cs"])), max_size=12
).map("".join)
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@given(with_controls)
def test_visible_leaves_nothing_active_and_keeps_plain_text(text: str) -> None:
    shown = visible(text)
    assert ACTIVE.search(shown) is None
    if ACTIVE.search(text) is None:
        assert shown == text


def test_an_escape_is_shown_not_dropped() -> None:
    assert visible("a\x1b]0;x\x07b\r\n") == "a\\u001b]0;x\\u0007b\r\n"


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.slow
@SLOW
@given(with_controls)
def test_check_never_echoes_a_raw_control(capsys: pytest.CaptureFixture[str], text: str) -> None:
    main(["check", f"Sorry, that was our mistake {text} and I will fix it."])
    assert ACTIVE.search(printed(capsys)) is None
    main(["check", "--format", "json", f"You should have told us {text}"])
    assert ACTIVE.search(printed(capsys)) is None


@SLOW
@given(key=with_controls, name=st.sampled_from(ATTACKS))
def test_validate_and_list_never_print_a_raw_control(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str, name: str
) -> None:
    folder = tmp_path / "pbs"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    escaped = key.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    bad = folder / f"bad{name}.yaml"
    bad.write_text(f'schema: 1\nid: bad\n"k{escaped}": 1\n', encoding="utf-8")
    for argv in (
        ["playbooks", "validate", str(bad)],
        ["playbooks", "validate", "--format", "json", str(bad)],
        ["playbooks", "list", "--playbooks", str(folder)],
        ["playbooks", "list", "--format", "json", "--playbooks", str(folder)],
    ):
        main(argv)
        assert ACTIVE.search(printed(capsys)) is None, argv


def test_argument_errors_are_shown_safely(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sessions", "\x1b]0;renamed\x07"])
    out = printed(capsys)
    assert "invalid choice" in out
    assert ACTIVE.search(out) is None


def test_a_profile_value_with_a_control_is_refused_visibly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["profile", "set", "name", "Sam\x1b]0;x\x07"]) == 2
    assert ACTIVE.search(printed(capsys)) is None
