"""``convocoach playbooks preview FILE``: the prep sheet follows the file as it is edited."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from convocoach.cli import main
from convocoach.cli.preview_cmd import open_preview
from convocoach.locations import Locations
from convocoach.playbooks.starter import starter_playbook
from convocoach.tui.app import ConvocoachApp, make_app
from convocoach.tui.screens.help import HelpScreen
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.playbook_preview import PlaybookPreviewScreen
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.problem_panel import ProblemPanel
from tests.conftest import BUNDLED
from tests.tui_support import fixed_clock, wait_until, write_profile

# 'best_channel: pigeon' on line 38 of the starter: a schema error, with a line and a column.
BAD_CHANNEL = ("best_channel: video", "best_channel: pigeon")


def preview_app(path: Path) -> ConvocoachApp:
    """The app as the command opens it, with the test's fixed clock and profile."""
    locations = Locations.from_env(playbook_dirs=[])
    write_profile(locations)
    locations.preferences_file.parent.mkdir(parents=True, exist_ok=True)
    locations.preferences_file.write_text('{"cursor_blink": false}\n', encoding="utf-8")
    return make_app(locations, clock=fixed_clock, open_with=lambda app: open_preview(app, path))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in the test's folder, so paths read as a user types them: ``sample.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for worker in list(pilot.app.workers):
        if worker.group == "preview":
            await worker.wait()
    await pilot.pause()


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the preview's own timer notice the change (as it does for a user)."""
    await wait_until(pilot, condition, timeout=5)


def text_of(screen: PlaybookPreviewScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def panel_shown(screen: PlaybookPreviewScreen) -> bool:
    return screen.query_one(ProblemPanel).has_class("-shown")


async def test_edits_invalid_fixed_and_deleted(
    in_tmp: Path, write_playbook: Callable[..., Path]
) -> None:
    write_playbook()
    path = Path("sample.yaml")
    app = preview_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlaybookPreviewScreen)
        sheet = screen.query_one(MarkdownPage)
        assert sheet.source.startswith("# Sample\n")
        assert not panel_shown(screen)
        assert text_of(screen, "#preview-status") == (
            "sample.yaml · loaded at 09:00:00 · saving the file updates this page"
        )

        edit(path, *BAD_CHANNEL)
        await wait_for(pilot, lambda: panel_shown(screen))
        problems = text_of(screen, "#problem-list")
        assert problems.startswith("sample.yaml:41:17: error: ")
        assert "[setting.best_channel]" in problems
        assert "\n    fix: " in problems
        assert "Showing the last valid version" in text_of(screen, "#problem-note")
        assert sheet.source.startswith("# Sample\n")  # the old version is still there

        edit(path, 'title: "Sample"', 'title: "Fixed draft"')
        edit(path, BAD_CHANNEL[1], BAD_CHANNEL[0])
        await wait_for(pilot, lambda: not panel_shown(screen))
        assert sheet.source.startswith("# Fixed draft\n")
        assert screen.sub_title == "Fixed draft"
        assert "reloaded at 09:00:00" in text_of(screen, "#preview-status")

        path.unlink()
        await wait_for(pilot, lambda: panel_shown(screen))
        assert "the file is not there" in text_of(screen, "#problem-list")
        assert sheet.source.startswith("# Fixed draft\n")

        path.write_text(starter_playbook("sample"), encoding="utf-8")
        await wait_for(pilot, lambda: not panel_shown(screen))
        assert sheet.source.startswith("# Sample\n")

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_an_invalid_file_opens_and_waits_for_a_valid_save(
    in_tmp: Path, write_playbook: Callable[..., Path]
) -> None:
    path = write_playbook(text="title: [oops\n")
    app = preview_app(Path(path.name))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlaybookPreviewScreen)
        assert panel_shown(screen)
        assert text_of(screen, "#problem-list").startswith("sample.yaml:2:1: error: ")
        assert "Nothing to show" in text_of(screen, "#problem-note")
        assert text_of(screen, "#preview-status").endswith("waiting for a valid save")
        assert screen.query_one(MarkdownPage).source == ""
        path.write_text(starter_playbook("sample"), encoding="utf-8")
        await wait_for(pilot, lambda: not panel_shown(screen))
        assert screen.query_one(MarkdownPage).source.startswith("# Sample\n")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.topic == "preview"
        await pilot.press("escape", "q")
        assert isinstance(app.screen, HomeScreen)


async def test_r_reloads_at_once_and_markup_is_never_read(
    in_tmp: Path, write_playbook: Callable[..., Path]
) -> None:
    # Text from the file must show as typed, square brackets and all.
    path = write_playbook(name="[b]odd.yaml")
    app = preview_app(Path(path.name))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlaybookPreviewScreen)
        path.write_text("\x00\xff junk", encoding="latin-1")
        await pilot.press("r")
        await settle(pilot)
        assert text_of(screen, "#problem-list").startswith("[b]odd.yaml:1:")
        assert text_of(screen, "#preview-status").startswith("[b]odd.yaml · ")


def test_the_command_refuses_a_missing_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["playbooks", "preview", "missing.yaml"]) == 2
    err = capsys.readouterr().err
    assert "error: no file 'missing.yaml'" in err
    assert "fix: " in err
    assert main(["playbooks", "preview", "."]) == 2
    assert "is not a file" in capsys.readouterr().err


async def load_then(pilot: Pilot[Any], change: Callable[[], None] | None = None) -> None:
    await settle(pilot)
    if change is not None:
        change()
        screen = pilot.app.screen
        assert isinstance(screen, PlaybookPreviewScreen)
        await wait_for(pilot, lambda: panel_shown(screen))
    await settle(pilot)


def test_preview_snapshot(in_tmp: Path, snap_compare: Any) -> None:
    """A bundled playbook in the preview: 'Playbook preview — Project delays' in the header,
    a 'Role-play: Dana Whitfield, Head of E-commerce · 12 turns, up to 10 replies' line, the
    prep sheet from its title down, the status line 'project-delays.yaml · loaded at 09:00:00
    · saving the file updates this page', and Reload and Back in the footer."""
    shutil.copy(BUNDLED / "project-delays.yaml", in_tmp)
    app = preview_app(Path("project-delays.yaml"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=load_then)


def test_preview_invalid_snapshot(
    in_tmp: Path, write_playbook: Callable[..., Path], snap_compare: Any
) -> None:
    """After a save that breaks the file: a red-bordered panel at the top titled 'The file has 1
    problem' showing 'sample.yaml:38:17: error: …' with its 'fix:' line and, in
    bold, 'Showing the last valid version (loaded at 09:00:00).'; the starter's prep sheet
    ('Sample') under it; the status line ends 'last valid version loaded at 09:00:00'."""
    path = write_playbook()

    async def run_before(pilot: Pilot[Any]) -> None:
        await load_then(pilot, lambda: edit(path, *BAD_CHANNEL))

    app = preview_app(Path("sample.yaml"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_the_preview_ends_with_the_role_play_map(in_tmp: Path) -> None:
    from tests.conftest import BUNDLED

    path = Path("delays.yaml")
    path.write_bytes((BUNDLED / "project-delays.yaml").read_bytes())
    app = preview_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sheet = app.screen.query_one(MarkdownPage)
        assert "## The role-play as a map" in sheet.source
        assert "\u2192 wants_facts: FEEL passes (+1)" in sheet.source
