"""``convocoach playbooks ...`` and ``locate``: output, files written and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from convocoach.cli import main
from convocoach.playbooks.format import json_schema


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_bundled_playbooks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "playbooks", "list")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "TITLE", "SOURCE", "FILE"]
    row = next(line for line in out.splitlines() if line.startswith("project-delays"))
    assert "Project delays" in row
    assert "bundled" in row
    assert err == ""


def test_list_shows_which_file_won(
    capsys: pytest.CaptureFixture[str], write_playbook: Callable[..., Path], isolated_home: Path
) -> None:
    mine = write_playbook("project-delays", folder=isolated_home / "config" / "playbooks")
    _code, out, _ = run(capsys, "playbooks", "list")
    row = next(line for line in out.splitlines() if line.startswith("project-delays"))
    assert "user (overrides bundled)" in row
    assert str(mine) in row
    _, out, _ = run(capsys, "playbooks", "list", "--format", "json")
    entry = next(r for r in json.loads(out)["playbooks"] if r["id"] == "project-delays")
    assert entry["origin"] == "user"
    assert entry["path"] == str(mine)
    assert entry["overrides"][0].endswith("playbooks/project-delays.yaml")


def test_list_reports_bad_files_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str], write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    bad = write_playbook(
        text="schema: 1\nid: x\ntitle: [\n", folder=tmp_path / "extra", name="bad.yaml"
    )
    code, out, err = run(capsys, "playbooks", "list", "--playbooks", str(tmp_path / "extra"))
    assert code == 0
    assert "project-delays" in out
    assert "1 playbook file could not be used" in err
    assert f"{bad}:4:1: error: YAML syntax" in err
    # The second run is served from the cache and says the same.
    assert run(capsys, "--playbooks", str(tmp_path / "extra"), "playbooks", "list")[1:] == (
        out,
        err,
    )


def test_show_prints_a_prep_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "playbooks", "show", "project-delays")
    assert code == 0
    assert "Project delays" in out
    assert "Facts to gather" in out


def test_show_unknown_id_suggests_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "playbooks", "show", "project-delay")
    assert code == 2
    assert "no playbook with id 'project-delay'" in err
    assert "did you mean 'project-delays'?" in err


def test_show_writes_markdown_and_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    md, html = tmp_path / "sheet.md", tmp_path / "sheet.html"
    assert (
        run(capsys, "playbooks", "show", "project-delays", "--format", "md", "-o", str(md))[0] == 0
    )
    assert md.read_text(encoding="utf-8").startswith("# Project delays\n")
    assert (
        run(capsys, "playbooks", "show", "project-delays", "--format", "html", "-o", str(html))[0]
        == 0
    )
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h2>1. Prepare</h2>" in page


def test_show_a_file_by_path(
    capsys: pytest.CaptureFixture[str], write_playbook: Callable[..., Path]
) -> None:
    path = write_playbook("from-disk")
    code, out, _ = run(capsys, "playbooks", "show", str(path), "--format", "md")
    assert code == 0
    assert out.startswith("# From disk")


def test_validate_ok_and_bad(
    capsys: pytest.CaptureFixture[str], write_playbook: Callable[..., Path]
) -> None:
    good = write_playbook("good")
    code, out, err = run(capsys, "playbooks", "validate", str(good))
    assert (code, out.strip()) == (0, f"{good}: ok")
    assert "1 checked, 1 valid" in err
    bad = write_playbook(text="schema: 1\nid: bad\ntitel: x\n", name="bad.yaml")
    code, out, err = run(capsys, "playbooks", "validate", str(good), str(bad))
    assert code == 2
    assert f"{bad}:3:1: error: unknown key 'titel' [titel] (unknown-key)" in out
    assert "fix: did you mean 'title'?" in out
    assert "2 checked, 1 valid, 1 invalid (4 problems)" in err


def test_validate_json(
    capsys: pytest.CaptureFixture[str], write_playbook: Callable[..., Path]
) -> None:
    bad = write_playbook(
        text="schema: 1\nid: bad\ntitle: x\nsummary: s\napproach: a\ntags: 3\n", name="bad.yaml"
    )
    code, out, _ = run(capsys, "playbooks", "validate", "--format", "json", str(bad))
    assert code == 2
    (report,) = json.loads(out)
    assert report["valid"] is False
    assert report["problems"][0] | {"message": ""} == {
        "file": str(bad),
        "line": 6,
        "column": 7,
        "path": "tags",
        "message": "",
        "fix": "put each item on its own line, starting with '- '",
        "rule": "wrong-type",
    }


def test_validate_folder_and_default_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "playbooks", "validate")
    assert code == 0
    assert "project-delays.yaml: ok" in out


def test_validate_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "playbooks", "validate", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "(unreadable)" in out


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "playbooks", "schema")
    assert code == 0
    assert json.loads(out) == json_schema()


def test_new_writes_a_valid_commented_starter(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, _, err = run(capsys, "playbooks", "new", "vendor-change")
    assert code == 0
    path = isolated_home / "config" / "playbooks" / "vendor-change.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=playbook.schema.json\n")
    assert yaml.safe_load(text)["id"] == "vendor-change"
    assert (
        json.loads((path.parent / "playbook.schema.json").read_text(encoding="utf-8"))
        == json_schema()
    )
    assert run(capsys, "playbooks", "validate", str(path))[0] == 0
    assert "vendor-change" in run(capsys, "playbooks", "list")[1]
    code, _, err = run(capsys, "playbooks", "new", "vendor-change")
    assert code == 2
    assert "already exists" in err


def test_new_with_a_bundled_id_warns_about_the_override(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "playbooks", "new", "project-delays", "-o", str(tmp_path / "pd.yaml")
    )
    assert code == 0
    assert "replaces the bundled playbook 'project-delays'" in err


@pytest.mark.parametrize("bad_id", ["Has Spaces", "under_score", "x-", "yes!"])
def test_new_refuses_a_bad_id(capsys: pytest.CaptureFixture[str], bad_id: str) -> None:
    code, _, err = run(capsys, "playbooks", "new", bad_id)
    assert code == 2
    assert "not a valid playbook id" in err


@pytest.mark.parametrize("pid", ["yes", "no", "null", "123", "1-0"])
def test_new_starter_validates_for_tricky_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pid: str
) -> None:
    target = tmp_path / f"{pid}.yaml"
    assert run(capsys, "playbooks", "new", pid, "-o", str(target))[0] == 0
    assert run(capsys, "playbooks", "validate", str(target))[0] == 0


def test_locate_names_every_place(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    code, out, _ = run(capsys, "locate")
    assert code == 0
    assert f"settings           {isolated_home / 'config' / 'settings.yaml'}" in out
    assert f"sessions database  {isolated_home / 'data' / 'sessions.db'}" in out
    code, out, _ = run(capsys, "playbooks", "locate", "--format", "json")
    assert {row["what"] for row in json.loads(out)} >= {"bundled playbooks", "user playbooks"}


def test_unwritable_output_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "playbooks", "schema", "-o", str(blocker / "schema.json"))
    assert code == 2
    assert "cannot write" in err
