"""``convocoach sessions sheet``: the whole plan on one page, from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from convocoach.cli import main


def demo(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["demo"]) == 0
    return capsys.readouterr().out.strip()


def test_sheet_as_markdown_and_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sid = demo(capsys)
    assert main(["sessions", "sheet", sid]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "## Situation" in out
    assert "Dana Whitfield" in out
    assert "## Timing and setting" in out
    assert "## Next steps" in out
    assert main(["sessions", "sheet", sid, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Prep sheet: " in page
    target = tmp_path / "plan.html"
    assert main(["sessions", "sheet", sid, "--format", "html", "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"wrote {target}" in captured.err
    assert target.read_text(encoding="utf-8") == page
    md = tmp_path / "plan.md"
    assert main(["sessions", "sheet", sid, "--format", "md", "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8") == out


def test_sheet_uses_the_profile_business_hours(capsys: pytest.CaptureFixture[str]) -> None:
    sid = demo(capsys)
    assert main(["profile", "set", "business_start", "11:00"]) == 0
    assert main(["profile", "set", "business_end", "12:00"]) == 0
    capsys.readouterr()
    assert main(["sessions", "sheet", sid]) == 0
    assert "**Warning:** The meeting is outside your business hours" in capsys.readouterr().out


def test_sheet_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    demo(capsys)
    assert main(["sessions", "sheet", "999"]) == 2
    assert "no session with id 999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["sessions", "sheet", "1", "--format", "pdf"])
    assert exc.value.code == 2
