"""The wheel carries the bundled playbooks, templates and stylesheets, and finds them once
installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, REPO

PACKAGE = REPO / "src" / "convocoach"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("convocoach-*.whl")
    return built


def test_wheel_contains_playbooks_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for playbook in BUNDLED.glob("*.yaml"):
        assert f"convocoach/playbooks_bundled/{playbook.name}" in names
    assert "convocoach/playbooks_bundled/playbook.schema.json" in names
    assert any(n.startswith("convocoach/templates_bundled/") for n in names)
    # Both families: the follow-up's templates and the check-in email's (checkin-NAME).
    templates = sorted(p.name for p in (REPO / "templates").glob("*.md.j2"))
    assert "checkin-standard.md.j2" in templates
    assert "checkin-brief.md.j2" in templates
    for name in templates:
        assert f"convocoach/templates_bundled/{name}" in names


def test_wheel_contains_every_stylesheet(wheel: Path) -> None:
    # The screens and steps read them at run time (CSS_PATH): one left out is a bare screen.
    names = set(zipfile.ZipFile(wheel).namelist())
    sheets = sorted(PACKAGE.rglob("*.tcss"))
    screens = [sheet for sheet in sheets if sheet.parent.name == "screens"]
    assert len(screens) > 10
    for sheet in sheets:
        assert f"convocoach/{sheet.relative_to(PACKAGE).as_posix()}" in names


def test_installed_package_finds_its_bundled_playbooks(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = (
        "from convocoach.locations import Locations\n"
        "from convocoach.playbooks.library import load_library, search_path\n"
        "from convocoach.playbooks.loader import load_playbook_file\n"
        "loc = Locations.from_env()\n"
        "lib = load_library(search_path(loc), load_playbook_file)\n"
        "print(loc.bundled_playbooks)\n"
        "print(sorted(lib.playbooks))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={
            "PYTHONPATH": str(tmp_path / "site"),
            "CONVOCOACH_CONFIG_DIR": str(tmp_path / "c"),
            "CONVOCOACH_DATA_DIR": str(tmp_path / "d"),
            "CONVOCOACH_CACHE_DIR": str(tmp_path / "k"),
        },
    )
    where, ids = result.stdout.splitlines()
    assert where == str(tmp_path / "site" / "convocoach" / "playbooks_bundled")
    assert "project-delays" in ids
