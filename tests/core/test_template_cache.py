"""Compiled templates are kept in the cache folder, so a command does not compile the same
template on every run; a damaged entry or an unusable folder only costs a compile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from convocoach.followup import render as render_module
from convocoach.followup.email import find_template, render_markdown
from convocoach.locations import Locations
from tests.followup_fixtures import PROFILE, playbook, session


def _render() -> str:
    render_module._compile.cache_clear()  # a new run: nothing compiled in this process
    template = find_template(Locations.from_env(), "standard")
    return render_markdown(template, session(), playbook(), PROFILE)


def _never_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("compiled again")

    env = render_module._environment()
    monkeypatch.setattr(env, "compile", refuse)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONVOCOACH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "templates"


def test_the_second_run_uses_the_compiled_template(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _render()
    assert len(list(cache.glob("convocoach-*.cache"))) == 1
    _never_compile(monkeypatch)
    assert _render() == first


def test_a_damaged_entry_is_compiled_afresh(cache: Path) -> None:
    first = _render()
    (entry,) = cache.glob("convocoach-*.cache")
    for damage in (b"", b"garbage" * 10, entry.read_bytes()[:40]):
        entry.write_bytes(damage)
        assert _render() == first
    assert entry.read_bytes() != damage  # written again, whole


def test_a_changed_template_is_not_taken_from_the_cache(cache: Path, isolated_home: Path) -> None:
    folder = Locations.from_env().user_templates
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.md.j2").write_text("First {{ client.name }}\n", encoding="utf-8")
    template = find_template(Locations.from_env(), "mine")
    assert render_markdown(template, session(), playbook(), PROFILE) == "First Dana Whitfield\n"
    (folder / "mine.md.j2").write_text("Second {{ client.name }}\n", encoding="utf-8")
    render_module._compile.cache_clear()
    template = find_template(Locations.from_env(), "mine")
    assert render_markdown(template, session(), playbook(), PROFILE) == "Second Dana Whitfield\n"


def test_an_unusable_cache_folder_only_costs_a_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CONVOCOACH_CACHE_DIR", str(tmp_path / "a-file"))
    assert _render().startswith("Hello Dana,")
