"""Reading works from a read-only folder, and a failed save names its real cause and file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from convocoach.sessions.db_errors import StoreWriteError
from convocoach.sessions.store import SessionStore

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SETPRIV = shutil.which("setpriv")


@pytest.fixture
def read_only_data() -> Iterator[tuple[Path, Path]]:
    """A data folder holding one session that the test's command cannot write to, and a
    writable folder for the rest. As root (CI), commands run as 'nobody' instead."""
    top = Path(tempfile.mkdtemp(prefix="convocoach-ro-"))
    top.chmod(0o755)
    data, scratch = top / "data", top / "scratch"
    data.mkdir()
    scratch.mkdir()
    scratch.chmod(0o777)
    with SessionStore.open(data / "sessions.db") as store:
        sid = store.create("project-delays", "", "Read me")
        store.set_field(sid, "client.name", "Dana Reyes")
    db = sqlite3.connect(data / "sessions.db")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for leftover in data.glob("sessions.db-*"):
        leftover.unlink()
    (data / "sessions.db").chmod(0o644)
    if not AS_ROOT:
        data.chmod(0o555)
    try:
        yield data, scratch
    finally:
        data.chmod(0o755)
        shutil.rmtree(top)


def convocoach(data: Path, scratch: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CONVOCOACH_DATA_DIR": str(data),
        "HOME": str(scratch),
        "CONVOCOACH_CONFIG_DIR": str(scratch / "config"),
        "CONVOCOACH_CACHE_DIR": str(scratch / "cache"),
        "NO_COLOR": "1",
    }
    command = [sys.executable, "-m", "convocoach", *argv]
    if AS_ROOT:
        command = [*_AS_NOBODY, *command]
        if not _nobody_can_run_convocoach():
            pytest.skip(
                "the unprivileged user cannot run this Python or reach the package "
                "(a private folder on the way); .ci/run makes its folder reachable"
            )
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, cwd=scratch, check=False
    )


_AS_NOBODY = [SETPRIV or "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _nobody_can_run_convocoach() -> bool:
    if SETPRIV is None:
        return False
    probe = subprocess.run(
        [*_AS_NOBODY, sys.executable, "-c", "import convocoach"],
        capture_output=True,
        cwd="/",
        timeout=60,
        check=False,
    )
    return probe.returncode == 0


def test_reading_commands_work_in_a_read_only_folder(read_only_data: tuple[Path, Path]) -> None:
    data, scratch = read_only_data
    listed = convocoach(data, scratch, "sessions", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Read me" in listed.stdout
    shown = convocoach(data, scratch, "sessions", "show", "1")
    assert shown.returncode == 0, shown.stderr
    assert "Dana Reyes" in shown.stdout
    assert sorted(p.name for p in data.iterdir()) == ["sessions.db"]


def test_writing_in_a_read_only_folder_says_read_only(read_only_data: tuple[Path, Path]) -> None:
    data, scratch = read_only_data
    result = convocoach(data, scratch, "demo")
    assert result.returncode == 2
    assert "read-only" in result.stderr
    assert str(data / "sessions.db") in result.stderr
    assert "not a convocoach sessions database" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_full_disk_is_named_and_nothing_saved_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    with SessionStore.open(path) as store:
        sid = store.create("project-delays", "", "Kept")
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreWriteError) as caught:
            store.set_field(sid, "notes", "n" * 20_000)
        assert isinstance(caught.value, sqlite3.Error)  # the screens' handlers still see it
        assert f"saving to {path} failed: no space left" in caught.value.message
        assert store.get(sid).title == "Kept"
