from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from convocoach.playbooks.starter import starter_playbook

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
BUNDLED = REPO / "playbooks"


SLOW_FOLDERS = ("tui", "e2e")
"""Tests of the app (Pilot, snapshots) and of real processes: `pytest -m "not slow"` is the rest."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent.name in SLOW_FOLDERS and item.path.parent.parent == TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own config and data folders and no extra playbook path.

    The cache of playbook summaries is shared by the tests of one worker, as a user's is by
    each start of the app: entries are per file and checked against its size, time and
    inode, so a test's own playbooks get their own, and the bundled ones are read once.
    (Tests of the cache itself give it a folder of their own.)
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CONVOCOACH_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("CONVOCOACH_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CONVOCOACH_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("CONVOCOACH_PLAYBOOKS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def write_playbook(tmp_path: Path) -> Callable[..., Path]:
    """Write a playbook file (the starter for ``pid`` unless ``text`` is given)."""

    def write(
        pid: str = "sample",
        text: str | None = None,
        folder: Path | None = None,
        name: str | None = None,
    ) -> Path:
        target_dir = folder or tmp_path
        target_dir.mkdir(parents=True, exist_ok=True)
        path = target_dir / (name or f"{pid}.yaml")
        path.write_text(starter_playbook(pid) if text is None else text, encoding="utf-8")
        return path

    return write


MINIMAL = """\
schema: 1
id: minimal
title: Minimal
summary: A minimal playbook.
approach: Keep it short.
"""
