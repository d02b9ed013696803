"""``convocoach due``: what is overdue or due today, for a shell prompt or cron, at fixed
clock times (``--now`` or ``$CONVOCOACH_NOW``)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.locations import Locations
from tests.due_fixtures import fill_mixed

MONDAY_9 = "2026-11-23T09:00:00+00:00"


@pytest.fixture
def ids() -> dict[str, int]:
    return fill_mixed(Locations.from_env().database)


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(["due", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_line_per_item_most_overdue_first(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int]
) -> None:
    code, out, err = run(capsys, "--now", MONDAY_9)
    assert (code, err) == (0, "")
    pricing, launch = ids["pricing"], ids["launch"]
    assert out.splitlines() == [
        "2 days overdue: Us: Send the new price list \u2014 Price rise for 2027 "
        f"(Lee Park, Globex) [session {pricing}]",
        "due today at 12:00: Send the follow-up email \u2014 Launch slips two weeks "
        f"(Dana Reyes, Acme) [session {launch}]",
        f"due today: Lee Park: Sign the renewal \u2014 Price rise for 2027 (Lee Park, Globex) "
        f"[session {pricing}]",
        "due today: Check in with Lee Park (1 earlier check-in missed) \u2014 Price rise for "
        f"2027 (Lee Park, Globex) [session {pricing}]",
    ]


def test_before_at_and_after_the_emails_send_by(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int]
) -> None:
    def email_line(now: str) -> list[str]:
        code, out, _ = run(capsys, "--now", now)
        assert code == 0
        return [line.split(": Send")[0] for line in out.splitlines() if "follow-up" in line]

    assert email_line("2026-11-21T12:00Z") == []  # Saturday: not before Monday
    assert email_line("2026-11-23T11:59Z") == ["due today at 12:00"]
    assert email_line("2026-11-23T12:00Z") == ["due today at 12:00"]
    assert email_line("2026-11-23T12:01Z") == ["overdue since 12:00 today"]
    assert email_line("2026-11-25T08:00Z") == ["2 days overdue"]


def test_nothing_due_prints_nothing(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int]
) -> None:
    assert run(capsys, "--now", "2026-11-06T09:00Z") == (0, "", "")  # before everything


def test_no_database_prints_nothing_and_creates_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, "", "")
    assert not Locations.from_env().database.exists()


def test_json_is_a_list_of_objects(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    code, out, _ = run(capsys, "--format", "json", "--now", MONDAY_9)
    items = json.loads(out)
    assert code == 0
    assert [(i["kind"], i["late"], i["overdue"]) for i in items] == [
        ("step", "2 days overdue", True),
        ("email", "due today at 12:00", False),
        ("step", "due today", False),
        ("checkin", "due today", False),
    ]
    assert items[3]["missed"] == 1
    assert items[0]["session_title"] == "Price rise for 2027"
    assert items[0]["step_id"]
    assert items[1]["step_id"] is None
    assert items[1]["due"] == "2026-11-23T12:00"
    # Nothing due: still JSON, an empty list.
    assert run(capsys, "--format=json", "--now=2026-11-06T09:00Z") == (0, "[]\n", "")


def test_the_environment_sets_now_and_the_option_wins(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONVOCOACH_NOW", "2026-11-06T09:00Z")
    assert run(capsys) == (0, "", "")
    assert len(run(capsys, "--now", MONDAY_9)[1].splitlines()) == 4


def test_a_time_without_offset_is_the_senders_own(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int]
) -> None:
    settings = Locations.from_env().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("timezone: Pacific/Auckland\n", encoding="utf-8")
    # 09:00 on the 21st in Auckland: the price list (due the 21st) is due today there.
    out = run(capsys, "--now", "2026-11-21T09:00")[1]
    assert "due today: Us: Send the new price list" in out
    assert "overdue: Us: Send the new price list" not in out
    # The same instant written in UTC.
    assert run(capsys, "--now", "2026-11-20T20:00Z")[1] == out


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01T09:00", ""])
def test_a_bad_now_is_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], bad: str
) -> None:
    code, out, err = run(capsys, f"--now={bad}") if bad else run(capsys, "--now", "")
    assert (code, out) == (2, "")
    assert "is not a date and time" in err
    assert "fix: give one like 2026-11-23T09:00" in err


def test_bad_now_in_the_environment_names_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONVOCOACH_NOW", "soon")
    code, _, err = run(capsys)
    assert code == 2
    assert "CONVOCOACH_NOW: 'soon' is not a date and time" in err


def test_the_parser_path_gives_the_same_answer(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], tmp_path: Path
) -> None:
    """Common options before the command go through the parser; the result is the same."""
    data = str(Locations.from_env().data_dir)
    expected = run(capsys, "--now", MONDAY_9)
    assert main(["--data-dir", data, "due", "--now", MONDAY_9]) == 0
    assert capsys.readouterr() == (expected[1], expected[2])
    code, out, _ = run(capsys, "--data-dir", data, "--now", MONDAY_9, "--format", "text")
    assert (code, out) == (0, expected[1])


def test_unknown_words_get_the_parsers_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["due", "--fromat", "json"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --fromat" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["due", "--format", "xml"])
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_titles_cannot_drive_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    database = Locations.from_env().database
    fill_mixed(database)
    # A raw value, past the store's cleaning, as a damaged or hand-edited file could hold.
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE sessions SET title = 'Launch \x1b]52;c;aGk=\x07'")
    _, out, _ = run(capsys, "--now", MONDAY_9)
    assert "\x1b" not in out
    assert "\\u001b]52;c;aGk=\\u0007" in out


def test_the_installed_command(ids: dict[str, int]) -> None:
    """As a prompt runs it: a process of its own, exit 0, the lines on stdout."""
    env = {**os.environ, "CONVOCOACH_NOW": MONDAY_9}
    done = subprocess.run(
        [sys.executable, "-m", "convocoach", "due"], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == 4
