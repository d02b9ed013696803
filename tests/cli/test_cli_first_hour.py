"""What a new user meets in the first hour on the command line, as the README shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from convocoach.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_reuses_its_session_unless_asked_for_a_new_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, first, err = run(capsys, "demo")
    assert code == 0
    assert "created demo session" in err
    code, again, err = run(capsys, "demo")
    assert (code, again) == (0, first)
    assert "reusing demo session" in err
    code, fresh, err = run(capsys, "demo", "--new")
    assert code == 0
    assert fresh != first
    _, listing, _ = run(capsys, "sessions", "list")
    assert len(listing.strip().splitlines()) == 1 + 2  # header and two sessions


def test_profile_alone_shows_the_profile(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "profile")
    assert (code, err) == (0, "")
    assert "timezone" in out
    assert "business_end" in out


def test_a_bad_profile_value_names_the_argument_not_the_settings_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, _, err = run(capsys, "profile", "set", "business_end", "25:00")
    assert code == 2
    assert err.startswith("error: business_end: '25:00' is not a 24-hour time")
    assert "settings.yaml" not in err
    assert not (isolated_home / "config" / "settings.yaml").exists()


def test_a_bad_time_zone_says_what_is_wrong_once_and_suggests_the_nearest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "profile", "set", "timezone", "Europe/Londn")
    assert code == 2
    message, fix = err.splitlines()
    assert message == (
        "error: timezone: 'Europe/Londn': there is no such time zone (did you mean Europe/London?)"
    )
    assert fix.strip() == "fix: write a time zone like Europe/London"


def test_validate_takes_the_id_that_playbooks_new_suggests(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "playbooks", "new", "vendor-change")
    assert code == 0
    assert "then run 'convocoach playbooks validate vendor-change'" in err
    for ref in ("vendor-change", "vendor-change.yaml"):
        code, out, _ = run(capsys, "playbooks", "validate", ref)
        assert code == 0, ref
        assert out.endswith("vendor-change.yaml: ok\n")
    code, out, _ = run(capsys, "playbooks", "validate", "project-delays")
    assert code == 0
    assert "project-delays.yaml: ok" in out


def test_validate_finds_an_invalid_file_by_id(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    folder = isolated_home / "config" / "playbooks"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("schema: 1\nid: broken\n", encoding="utf-8")
    code, out, _ = run(capsys, "playbooks", "validate", "broken")
    assert code == 2
    assert "broken.yaml:3:1: error: missing required key 'title'" in out


def test_validate_an_unknown_id_says_where_it_looked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "playbooks", "validate", "nope")
    assert code == 2
    assert "no playbook file or id 'nope'" in err
    assert "looked in" in err
