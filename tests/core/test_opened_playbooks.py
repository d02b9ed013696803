"""The playbooks the app opens: each file read in full once, and a broken one explained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from convocoach.locations import Locations
from convocoach.playbooks.opened import OpenedPlaybooks
from convocoach.playbooks.summary import load_summaries


def opened(folder: Path) -> OpenedPlaybooks:
    return OpenedPlaybooks(load_summaries(Locations.from_env(playbook_dirs=[folder])))


def test_a_playbook_is_read_in_full_once(
    tmp_path: Path, write_playbook: Callable[..., Path]
) -> None:
    path = write_playbook("sample", folder=tmp_path / "mine")
    playbooks = opened(tmp_path / "mine")
    first = playbooks.get("sample")
    assert first is not None
    assert first.playbook.id == "sample"
    path.write_text("no longer a playbook", encoding="utf-8")
    assert playbooks.get("sample") is first


def test_a_file_broken_since_the_listing_is_none_with_the_reason(
    tmp_path: Path, write_playbook: Callable[..., Path]
) -> None:
    path = write_playbook("sample", folder=tmp_path / "mine")
    playbooks = opened(tmp_path / "mine")
    path.write_text("schema: 1\nid: sample\n", encoding="utf-8")
    assert playbooks.get("sample") is None
    assert str(path) in playbooks.why_unreadable("sample")


def test_an_unknown_id_is_none_with_a_plain_reason(tmp_path: Path) -> None:
    playbooks = opened(tmp_path)
    assert playbooks.get("nowhere") is None
    assert playbooks.why_unreadable("nowhere") == "The playbook 'nowhere' could not be read."
