"""``convocoach check``: what it prints, and exit codes a script can rely on."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from convocoach.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_reply_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "It sounds like a hard week. What would help most?")
    assert code == 0
    assert "{{It sounds like a hard}}" in out
    assert "+ pass FEEL" in out
    assert "0 penalties" in out


def test_a_penalty_exits_1_and_marks_the_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "Calm down, you should have told us.", "--client-level", "low"
    )
    assert code == 1
    assert "[[Calm down]]" in out
    assert "[[you should have told]]" in out  # the longest of the matches that overlap
    assert "x fail NOBLAME" in out
    assert "'Calm down' -> 'I can hear how much this matters'" in out
    assert "client technical level: low" in out


def test_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "We need to circle back.", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["penalties"] == ["PLAIN"]
    plain = next(d for d in data["dimensions"] if d["code"] == "PLAIN")
    assert plain["matches"] == [
        {
            "start": 11,
            "end": 22,
            "text": "circle back",
            "rule": "business-jargon",
            "instead": "come back to",
        }
    ]
    assert plain["rewrite"] == "We need to come back to."


def test_a_file_or_standard_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Dear Dana,\n\nI'm sorry we missed the date. I'll send the revised plan "
        "by Thursday.\n\nSam\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(draft))
    assert code == 0
    assert "+ pass OWN" in out
    assert "+ pass NEXT" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Trust me.")))
    code, out, _ = run(capsys, "check", "-")
    assert code == 1
    assert "[[Trust me]]" in out


def test_the_clients_line_lets_reflections_count(capsys: pytest.CaptureFixture[str]) -> None:
    reply = "Let's put the board briefing on the holiday launch first."
    _, without, _ = run(capsys, "check", reply)
    _, with_line, _ = run(
        capsys, "check", reply, "--client", "I briefed my board on the holiday launch already!"
    )
    assert "- n/a  REFL" in without
    assert "+ pass REFL" in with_line


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("check",), "nothing to check"),
        (("check", "   "), "is empty"),
        (("check", "Hi", "--rubric", "nowhere"), "no rubric 'nowhere'"),
        (("check", "Hi", "--playbook", "no-such"), "no playbook 'no-such'"),
    ],
)
def test_bad_input_exits_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err


def test_a_file_that_is_not_utf8_names_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "draft.txt"
    bad.write_bytes(b"Hello\nthere \xff friend\n")
    code, _, err = run(capsys, "check", str(bad))
    assert code == 2
    assert f"{bad}:2:7: not UTF-8 text" in err


def test_a_broken_rubric_file_exits_2_with_its_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rubric = tmp_path / "mine.yaml"
    rubric.write_text("format: 1\nid: mine\ndimensions: [{code: lower}]\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "Hi", "--rubric", str(rubric))
    assert code == 2
    assert f"{rubric}:3:21: error:" in err


def test_show_rubric_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--show-rubric")
    assert code == 0
    assert "NOBLAME  No blame" in out
    assert "- technical-words: substitution (client level: low)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("rehearse", "no-such-playbook"), "no playbook 'no-such-playbook'"),
        (("rehearse", "--session", "99"), "no session with id 99"),
    ],
)
def test_rehearse_refuses_what_it_cannot_open(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    "reply",
    [
        "I understand this is frustrating. " * 12,  # over 255 bytes: no file name is that long
        "I hear you/" * 30,  # looks like a path, too long for one
    ],
)
def test_a_long_reply_given_as_an_argument_is_checked_as_text(
    reply: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--format", "json", reply])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["text"] == reply
    assert code == (1 if report["penalties"] else 0)  # the verdict, not a read error
    assert "too long" not in captured.err


def test_a_missed_reward_exits_0_and_strict_makes_it_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    half_step = "I'll send you the revised plan."
    code, out, _ = run(capsys, "check", half_step)
    assert code == 0
    assert "Half a step" in out
    assert "found: 'I'll'; 'revised plan'" in out
    assert "0 penalties" in out
    strict, _, _ = run(capsys, "check", "--strict", half_step)
    assert strict == 1


def test_strict_still_exits_0_on_a_reply_that_fails_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reply = (
        "So the board meeting on the 14th is what worries you, and that's a lot of pressure. "
        "I'm sorry we missed the date. What would help most? I'll send the plan by Friday."
    )
    code, out, _ = run(
        capsys,
        "check",
        "--strict",
        reply,
        "--client",
        "My board meets on the 14th and I have nothing to show them.",
    )
    assert code == 0, out
