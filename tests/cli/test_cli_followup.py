"""``convocoach demo``, ``email`` and ``profile`` from the command line."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from convocoach.cli import main


def demo(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["demo"]) == 0
    return capsys.readouterr().out.strip()


def test_demo_then_email_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sid = demo(capsys)
    assert main(["email", sid, "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "Hello Dana," in captured.out
    assert "send by" in captured.err
    for fmt in ("txt", "html", "eml", "ics"):
        target = tmp_path / f"followup.{fmt}"
        assert main(["email", sid, "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 200
    msg = message_from_bytes((tmp_path / "followup.eml").read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert main(["email", sid, "--template", "formal"]) == 0
    assert "Dear Dana Whitfield," in capsys.readouterr().out


def test_email_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sid = demo(capsys)
    assert main(["email", "999"]) == 2
    assert "no session with id 999" in capsys.readouterr().err
    assert main(["email", sid, "--template", "nope"]) == 2
    assert "standard" in capsys.readouterr().err
    bad = tmp_path / "bad.md.j2"
    bad.write_text("Hi {{ client.nmae }}\n", encoding="utf-8")
    assert main(["email", sid, "--template", str(bad)]) == 2
    assert f"{bad}:1:1: error: 'dict object' has no attribute 'nmae'" in capsys.readouterr().err


def test_profile_set_show_and_bad_values(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert main(["profile", "set", "name", "Sam Okafor"]) == 0
    assert main(["profile", "set", "timezone", "Europe/Lisbon"]) == 0
    assert main(["profile", "show"]) == 0
    out = capsys.readouterr().out
    assert "Sam Okafor" in out
    assert "Europe/Lisbon" in out
    assert main(["profile", "set", "timezone", "Mars/Olympus"]) == 2
    err = capsys.readouterr().err
    assert "timezone: 'Mars/Olympus': there is no such time zone" in err
    assert main(["profile", "set", "nmae", "x"]) == 2
    assert "did you mean 'name'?" in capsys.readouterr().err
    settings = isolated_home / "config" / "settings.yaml"
    assert "Europe/Lisbon" in settings.read_text(encoding="utf-8")


def test_bad_settings_file_gets_a_precise_error(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    settings = isolated_home / "config" / "settings.yaml"
    settings.parent.mkdir(parents=True)
    settings.write_text("name: Sam\nbusiness_start: 9am\n", encoding="utf-8")
    assert main(["profile", "show"]) == 2
    err = capsys.readouterr().err
    assert f"{settings}:2:17: error: '9am' is not a 24-hour time like 09:00" in err


def test_an_unusable_data_folder_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert main(["sessions", "list", "--data-dir", str(blocker / "data")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_an_edited_email_is_used_until_a_template_is_named(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    from convocoach.sessions.store import SessionStore

    sid = demo(capsys)
    with SessionStore.open(isolated_home / "data" / "sessions.db") as store:
        store.set_field(int(sid), "email_draft", "Hello Dana, *edited* by hand.\n")
        store.set_field(int(sid), "template", "brief")
    assert main(["email", sid]) == 0
    assert capsys.readouterr().out == "Hello Dana, *edited* by hand.\n"
    assert main(["email", sid, "--template", "formal"]) == 0
    assert "Dear Dana Whitfield," in capsys.readouterr().out
