"""`-o PATH` writes regular files only: through a symlink, never over a pipe, device or folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from convocoach.atomicfile import NotARegularFile, write_text_atomic
from convocoach.cli import main


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o644)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o644  # permissions kept


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "later.md")
    write_text_atomic(link, "hello")
    assert link.is_symlink()
    assert (tmp_path / "later.md").read_text(encoding="utf-8") == "hello"


def test_a_new_file_is_private(tmp_path: Path) -> None:
    write_text_atomic(tmp_path / "new.md", "x")
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_and_left_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="named pipe"):
        write_text_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile, match="folder"):
        write_text_atomic(tmp_path, "x")


def test_a_link_to_a_device_is_refused_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(os.devnull)
    assert main(["playbooks", "show", "project-delays", "--format", "md", "-o", str(link)]) == 2
    err = capsys.readouterr().err
    assert "will not write" in err
    assert "a device, not a regular file" in err
    assert "wrote" not in err
    assert link.is_symlink()
