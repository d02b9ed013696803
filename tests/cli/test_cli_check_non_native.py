"""``convocoach check --client-language``: a reply checked for a client who reads English as
a second language, from the shell; exit codes as ever (1 only for a penalty)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from convocoach.cli import main
from tests.tui_support import open_store

IDIOM = "I can give you a ballpark figure on Friday at noon."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "check", *argv, "--format", "json")
    data: dict[str, Any] = json.loads(out)
    return code, data


def test_a_second_language_client_gets_the_clear_dimension(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = as_json(capsys, IDIOM, "--client-language", "pt-BR")
    assert code == 1
    assert data["reader"] == "non_native"
    assert data["penalties"] == ["CLEAR"]
    clear = next(d for d in data["dimensions"] if d["code"] == "CLEAR")
    assert clear["title"] == "Words a second-language reader can follow"
    assert (clear["polarity"], clear["status"], clear["penalty"]) == ("penalty", "fail", True)
    assert clear["matches"] == [
        {
            "start": 17,
            "end": 32,
            "text": "ballpark figure",
            "rule": "idioms",
            "instead": "rough figure",
        }
    ]
    assert clear["rewrite"] == "I can give you a rough figure on Friday at noon."


@pytest.mark.parametrize("tag", ["", "en", "en-GB", "EN_us"])
def test_a_client_of_ones_own_language_is_checked_as_before(
    capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    code, data = as_json(capsys, IDIOM, "--client-language", tag)
    assert code == 0
    assert data["reader"] == "native"
    assert "CLEAR" not in [d["code"] for d in data["dimensions"]]
    assert data == as_json(capsys, IDIOM)[1]


def test_the_users_language_comes_from_the_profile_or_the_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "profile", "set", "language", "fr")[0] == 0
    # A French client of a French-speaking user reads the reply as their own language...
    assert as_json(capsys, IDIOM, "--client-language", "fr-CA")[1]["reader"] == "native"
    # ...and an English one reads it as a second language.
    code, data = as_json(capsys, IDIOM, "--client-language", "en")
    assert (code, data["reader"]) == (1, "non_native")
    # --my-language wins over the profile.
    code, data = as_json(capsys, IDIOM, "--client-language", "fr", "--my-language", "en")
    assert (code, data["reader"]) == (1, "non_native")


def test_a_missed_reward_alone_still_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "We will send the plan today.", "--client-language", "de")
    assert code == 0
    assert "+ pass CLEAR" in out
    assert "0 penalties (client technical level: medium; a second-language reader)" in out


def test_the_text_report_names_each_word_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        "Don't you think a ballpark figure would help?",
        "--client-language",
        "nl",
    )
    assert code == 1
    assert "x fail CLEAR" in out
    assert "'ballpark figure' -> 'rough figure'" in out
    assert "found: 'Don't you think a ballpark figure would help?'" in out
    assert "ask it the positive way" in out


def test_a_sessions_rehearsal_from_the_shell_coaches_for_its_client(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with open_store() as store:
        session_id = store.create("project-delays", "", "Delays")
        store.set_field(session_id, "client.language", "de")
    path = tmp_path / "replies.txt"
    path.write_text("We will get back to you about the date on Friday.\n", encoding="utf-8")
    argv = ("rehearse", "--session", str(session_id), "--replies", str(path))
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0
    played = json.loads(out)
    (exchange,) = played["exchanges"]
    assert exchange["verdicts"]["CLEAR"]["status"] == "fail"
    assert exchange["heard"] == "unclear"
    assert played["last_client_line"] == (
        "Sorry \u2014 what do you mean by \u2018get back to you\u2019?"
    )
