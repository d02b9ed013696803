"""The home screen: the library, a filter, and the selected prep sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Static

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.widgets.markdown_page import MarkdownPage
from tests.tui_support import build_app, wait_until


def app_with(playbook_dirs: list[Path] | None = None) -> ConvocoachApp:
    return build_app(playbook_dirs=playbook_dirs)


def titles(app: ConvocoachApp) -> list[str]:
    options = app.screen.query_one("#playbooks", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_library_is_listed_and_the_first_sheet_shown() -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Project delays" in titles(app)
        assert titles(app) == sorted(titles(app), key=str.casefold)
        sheet = app.screen.query_one("#sheet", MarkdownPage)
        assert sheet.source.startswith(f"# {titles(app)[0]}")


async def test_filter_narrows_the_list_and_escape_clears_it() -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"delay")
        # The list follows once typing pauses.
        await wait_until(pilot, lambda: all("delay" in t.casefold() for t in titles(app)))
        assert "Project delays" in titles(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == ""
        assert len(titles(app)) > 1


async def test_moving_through_the_list_updates_the_sheet(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    write_playbook("aaa-first", folder=folder)
    app = app_with([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sheet = app.screen.query_one("#sheet", MarkdownPage)
        assert sheet.source.startswith("# Aaa first")
        await pilot.press("down")
        await wait_until(pilot, lambda: sheet.source.startswith(f"# {titles(app)[1]}"))


async def test_hostile_titles_are_shown_as_text(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    text = Path(write_playbook("hostile", folder=folder)).read_text(encoding="utf-8")
    (folder / "hostile.yaml").write_text(
        text.replace('title: "Hostile"', 'title: "[@click=app.quit]Quit[/] [b]x"'), encoding="utf-8"
    )
    app = app_with([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "[@click=app.quit]Quit[/] [b]x" in titles(app)
        assert app.is_running


async def test_bad_playbooks_show_a_warning_and_the_rest_works(
    write_playbook: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    write_playbook(text="schema: 1\nid: bad\ntitel: [/]\n", folder=folder, name="bad.yaml")
    app = app_with([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        warning = str(app.screen.query_one("#problems", Static).render())
        assert "1 playbook file could not be used" in warning
        assert "bad.yaml:3:1: error: unknown key 'titel'" in warning
        assert "Project delays" in titles(app)


def test_home_snapshot(snap_compare: Any) -> None:
    """The library at 80x24 on first use (no sessions yet): header, the Sessions and
    Playbooks tab bar with '▸ Playbooks' current, a filter box, playbook titles in alphabetical
    order on the left (the first one highlighted), its prep sheet (title, approach, summary,
    '1. Prepare') on the right, and the footer with New, Filter, Progress, Workshop, Sessions
    (T), Lessons and Help."""
    assert snap_compare(app_with(), terminal_size=(80, 24))


async def test_the_first_sheet_is_laid_out_on_first_use() -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        sheet = app.screen.query_one("#sheet", MarkdownPage)
        assert sheet.source
        assert sheet.size.height > 10


async def test_the_sheet_is_drawn_after_the_welcome_is_skipped() -> None:
    app = build_app(profile=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        sheet = app.screen.query_one("#sheet", MarkdownPage)
        assert sheet.source
        assert sheet.size.height > 10
