"""Merging the search path: later folders win, and a bad file never hides the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from convocoach.locations import Locations
from convocoach.playbooks.library import load_library, search_path
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.summary import SummaryCache


def test_search_path_order(tmp_path: Path, monkeypatch: object) -> None:
    env = {
        "CONVOCOACH_CONFIG_DIR": str(tmp_path / "cfg"),
        "CONVOCOACH_DATA_DIR": "d",
        "CONVOCOACH_CACHE_DIR": "c",
        "CONVOCOACH_PLAYBOOKS": f"{tmp_path}/e1:{tmp_path}/e2",
    }
    loc = Locations.from_env(env, playbook_dirs=[tmp_path / "opt"])
    dirs = search_path(loc)
    assert [d.origin for d in dirs] == ["bundled", "user", "env", "env", "option"]
    assert dirs[1].path == tmp_path / "cfg" / "playbooks"
    assert dirs[3].path == tmp_path / "e2"


def test_user_playbook_overrides_bundled(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    loc = Locations.from_env()
    override = write_playbook("project-delays", folder=loc.user_playbooks)
    library = load_library(search_path(loc), load_playbook_file)
    winner = library.get("project-delays")
    assert winner is not None
    assert winner.path == override
    assert winner.origin == "user"
    assert [h.origin for h in library.overrides("project-delays")] == ["bundled"]


def test_option_folder_wins_over_env_folder(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    env_dir, opt_dir = tmp_path / "env", tmp_path / "opt"
    write_playbook("shared", folder=env_dir)
    mine = write_playbook("shared", folder=opt_dir)
    loc = Locations.from_env(
        {
            "CONVOCOACH_PLAYBOOKS": str(env_dir),
            "CONVOCOACH_CONFIG_DIR": "x",
            "CONVOCOACH_DATA_DIR": "y",
            "CONVOCOACH_CACHE_DIR": "z",
        },
        playbook_dirs=[opt_dir],
    )
    library = load_library(search_path(loc), load_playbook_file)
    assert library.playbooks["shared"].path == mine


def test_bad_file_is_reported_and_the_rest_still_load(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    write_playbook("good-one", folder=folder)
    bad = write_playbook(text="schema: 1\nid: [\n", folder=folder, name="broken.yaml")
    loc = Locations.from_env(playbook_dirs=[folder])
    library = load_library(search_path(loc), load_playbook_file)
    assert "good-one" in library.playbooks
    assert "project-delays" in library.playbooks
    assert [b.file for b in library.invalid] == [str(bad)]


def test_two_files_with_one_id_in_a_folder(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    first = write_playbook("twin", folder=folder, name="a.yaml")
    write_playbook("twin", folder=folder, name="b.yaml")
    library = load_library(
        search_path(Locations.from_env(playbook_dirs=[folder])), load_playbook_file
    )
    assert library.playbooks["twin"].path == first
    (problem,) = library.invalid[0].problems
    lines = first.read_text(encoding="utf-8").splitlines()
    id_line = next(n for n, line in enumerate(lines, 1) if line.startswith("id:"))
    assert (problem.rule, problem.line) == ("duplicate-id", id_line)


def test_missing_option_folder_is_reported(tmp_path: Path) -> None:
    library = load_library(
        search_path(Locations.from_env(playbook_dirs=[tmp_path / "nope"])), load_playbook_file
    )
    assert library.invalid[0].problems[0].rule == "no-folder"
    assert library.playbooks


def test_summary_cache_matches_full_load_and_notices_edits(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    path = write_playbook("cached", folder=folder)
    loc = Locations.from_env(playbook_dirs=[folder])
    cache_dir = tmp_path / "cache"

    first = SummaryCache(cache_dir)
    summary = first.load(path, "option")
    first.save()
    assert (summary.id, summary.title) == ("cached", "Cached")
    assert (cache_dir / "playbook-summaries.json").is_file()

    path.write_text(
        path.read_text(encoding="utf-8").replace('title: "Cached"', 'title: "Renamed title"'),
        encoding="utf-8",
    )
    second = SummaryCache(cache_dir)
    assert second.load(path, "option").title == "Renamed title"
    second.save()

    path.write_text("schema: 1\nid: [\n", encoding="utf-8")
    third = SummaryCache(cache_dir)
    library = load_library(search_path(loc), third.load)
    third.save()
    assert [b.file for b in library.invalid] == [str(path)]
    again = load_library(search_path(loc), SummaryCache(cache_dir).load)
    assert again.invalid[0].problems == library.invalid[0].problems


def test_damaged_cache_is_ignored(write_playbook: Callable[..., Path], tmp_path: Path) -> None:
    path = write_playbook("cached")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "playbook-summaries.json").write_text("{not json", encoding="utf-8")
    assert SummaryCache(cache_dir).load(path, "option").id == "cached"
