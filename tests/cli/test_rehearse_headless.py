"""``convocoach rehearse PLAYBOOK --replies FILE``: a role-play played without the app."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from convocoach.cli import main
from tests.tui_support import open_store

GOOD = (
    "I can see how exposed this leaves you with the board, and I'm sorry: we missed it. "
    "What matters most for the campaign?"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def replies_file(tmp_path: Path, text: str, name: str = "replies.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_text_file_plays_reply_by_reply_into_a_json_transcript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = replies_file(tmp_path, f"{GOOD}\n\n  You should have told us sooner.  \n")
    code, out, _ = run(capsys, "rehearse", "project-delays", "--replies", path, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["playbook"] == "project-delays"
    assert [e["reply"] for e in data["exchanges"]] == [GOOD, "You should have told us sooner."]
    first, second = data["exchanges"]
    assert first["verdicts"]["FEEL"]["status"] == "pass"
    assert second["verdicts"]["NOBLAME"] == {
        "status": "fail",
        "penalty": True,
        "reason": second["verdicts"]["NOBLAME"]["reason"],
    }
    assert second["mood_after"] < second["mood_before"]
    assert first["next_turn"] == second["turn"]
    assert data["ending"] is None
    assert data["ending_label"] == "Not finished"


def test_a_yaml_list_and_markdown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = replies_file(tmp_path, f'- "{GOOD}"\n- |\n  Two lines,\n  one reply.\n', "r.yaml")
    code, out, _ = run(capsys, "rehearse", "project-delays", "--replies", path)
    assert code == 0
    assert out.startswith("# Rehearsal debrief: Project delays")
    assert "## Reply 2" in out
    assert "## Scorecard" in out


def test_replies_after_the_ending_are_counted_not_played(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rude = "Calm down, you should have told us. Your people never read anything."
    path = replies_file(tmp_path, "\n".join([rude] * 12))
    code, out, _ = run(capsys, "rehearse", "project-delays", "--replies", path, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["ending"] == "walkout"
    assert data["unplayed_replies"] == 12 - len(data["exchanges"]) > 0


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, out, _ = run(capsys, "rehearse", "project-delays", "--replies", "-", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["exchanges"]) == 1


def test_a_session_plays_its_own_playbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with open_store() as store:
        session_id = store.create("budget-constraints", "", "Budget talk")
    path = replies_file(tmp_path, GOOD)
    code, out, _ = run(
        capsys, "rehearse", "--session", str(session_id), "--replies", path, "--format", "json"
    )
    assert code == 0
    assert json.loads(out)["playbook"] == "budget-constraints"


@pytest.mark.parametrize(
    ("name", "content", "where", "words"),
    [
        ("r.yaml", "replies: [one]\n", ":1:1", "expected a list of replies"),
        ("r.yaml", "- fine\n- [not, text]\n", ":2:3", "each reply must be text"),
        ("r.yaml", "- fine\n- 'unclosed\n", ":", ""),
    ],
)
def test_bad_input_exits_2_naming_the_place(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
    content: str,
    where: str,
    words: str,
) -> None:
    path = replies_file(tmp_path, content, name)
    code, out, err = run(capsys, "rehearse", "project-delays", "--replies", path)
    assert code == 2
    assert out == ""
    assert f"{path}{where}" in err
    assert words in err
    assert "Traceback" not in err


def test_text_that_is_not_utf8_is_placed_by_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"fine\nbad \xff byte\n")
    code, _, err = run(capsys, "rehearse", "project-delays", "--replies", str(path))
    assert code == 2
    assert f"{path}:2:5" in err


def test_a_missing_file_or_playbook_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert (
        run(capsys, "rehearse", "project-delays", "--replies", str(tmp_path / "nope.txt"))[0] == 2
    )
    assert (
        run(capsys, "rehearse", "no-such-playbook", "--replies", replies_file(tmp_path, GOOD))[0]
        == 2
    )


def test_no_replies_yet_prints_the_opening_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "rehearse",
        "project-delays",
        "--replies",
        replies_file(tmp_path, "\n  \n"),
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["exchanges"] == []
    assert data["ending"] is None
    assert data["last_client_line"].startswith("I've just heard")
