"""The bundled library: complete in every section, and the four core challenges are there."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from convocoach.locations import Locations
from convocoach.playbooks.loader import load_playbook_file
from tests.conftest import BUNDLED

FILES = sorted(BUNDLED.glob("*.yaml"))


def test_library_covers_the_core_challenges_and_more() -> None:
    ids = {p.stem for p in FILES}
    assert {
        "unrealistic-expectations",
        "budget-constraints",
        "project-delays",
        "miscommunication",
    } <= ids
    assert len(ids) >= 8


def test_bundled_folder_is_found_from_the_checkout() -> None:
    assert Locations.from_env().bundled_playbooks.resolve() == BUNDLED.resolve()


def _empty_fields(obj: object, path: str = "") -> list[str]:
    empty: list[str] = []
    if is_dataclass(obj):
        for f in fields(obj):
            empty += _empty_fields(getattr(obj, f.name), f"{path}.{f.name}".lstrip("."))
    elif isinstance(obj, tuple):
        if not obj:
            empty.append(path)
        for i, item in enumerate(obj):
            empty += _empty_fields(item, f"{path}[{i}]")
    elif isinstance(obj, str) and not obj:
        empty.append(path)
    return empty


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_bundled_playbook_is_complete(path: Path) -> None:
    loaded = load_playbook_file(path, "bundled")
    pb = loaded.playbook
    assert pb.id == path.stem
    # Branches may omit tests, jargon is optional, the case facts come from a session, and a
    # workshop's figures are only those the scenario turns on.
    optional = ("rehearsal.turns", "coaching", "rehearsal.facts", "workshop.figures")
    assert [f for f in _empty_fields(pb) if not f.startswith(optional)] == []
    assert {c.channel for c in pb.setting.channels} == {"in_person", "video", "phone", "email"}
    assert len(pb.prepare.options) >= 3
    assert len(pb.empathy.avoid) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_c_and_python_yaml_parsers_agree(path: Path) -> None:
    # libyaml and pure-Python PyYAML differ on some flow-style edge cases ("?" inside [ ]).
    import yaml

    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_bundled_playbook_has_a_role_play(path: Path) -> None:
    script = load_playbook_file(path, "bundled").playbook.rehearsal
    assert script is not None
    assert len(script.turns) >= 7
    for turn in script.turns:
        assert turn.client
        assert all(b.goto for b in turn.branches)
    # Blame somewhere in the script makes the client angrier, and something calms them.
    moods = [b.mood for t in script.turns for b in t.branches]
    assert min(moods) < 0 < max(moods)
