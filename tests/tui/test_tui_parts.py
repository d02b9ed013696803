"""The app's smaller parts: the Markdown reader, the external editor, theme and palette."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.command import CommandList, CommandPalette

from convocoach.locations import Locations
from convocoach.tui.support.external_editor import EditorUnavailable, edit_in_editor
from convocoach.tui.support.markdown_content import inline, layout, markdown_blocks
from tests.tui_support import build_app, open_store, wait_until


def lines(markdown: str, width: int = 40) -> list[str]:
    return [line.plain for line in layout(markdown_blocks(markdown), width)]


def test_markdown_structure_becomes_indented_text() -> None:
    assert lines(
        "# Title\n\nSome *text*.\n\n- one\n- two that wraps onto a second line here\n"
        "  - nested\n\n1. first\n2. second",
        30,
    ) == [
        "Title",
        "",
        "Some text.",
        "",
        "\u2022 one",
        "\u2022 two that wraps onto a second",
        "  line here",
        "  \u2022 nested",
        "",
        "1. first",
        "2. second",
    ]


def test_escaped_and_hostile_text_stays_literal() -> None:
    content = inline(r"\*not bold\* [@click=app.quit]x[/] \[a\](b) <script> 1\. ok")
    assert content.plain == "*not bold* [@click=app.quit]x[/] [a](b) <script> 1. ok"
    assert not [span for span in content.spans if "click" in str(span.style)]
    assert inline("**bold** and ~~gone~~ and `code`").spans


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=1, max_value=120))
def test_any_text_renders_without_raising(text: str, width: int) -> None:
    layout(markdown_blocks(text), width)


class FakeApp:
    suspended = 0

    @contextmanager
    def suspend(self) -> Iterator[None]:
        self.suspended += 1
        yield


def test_the_external_editor_edits_a_private_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys\nopen(sys.argv[1], 'a').write('PS: added')\n", encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = FakeApp()
    assert edit_in_editor(app, "Hello\n") == "Hello\nPS: added"  # type: ignore[arg-type]
    assert app.suspended == 1
    monkeypatch.setenv("VISUAL", f"{sys.executable} -c 'import sys; sys.exit(3)'")
    with pytest.raises(EditorUnavailable, match="exited with status 3"):
        edit_in_editor(app, "Hello\n")  # type: ignore[arg-type]
    monkeypatch.setenv("VISUAL", "/no/such/editor")
    with pytest.raises(EditorUnavailable, match="Could not start"):
        edit_in_editor(app, "Hello\n")  # type: ignore[arg-type]


async def test_the_chosen_theme_is_remembered() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == "textual-light"
    preferences = Locations.from_env().preferences_file
    assert json.loads(preferences.read_text(encoding="utf-8")) == {
        "theme": "textual-light",
        "cursor_blink": False,
    }  # the other preference is kept
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_bad_settings_files_are_reported_and_left_alone() -> None:
    locations = Locations.from_env()
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    locations.preferences_file.write_text("{not json", encoding="utf-8")
    app = build_app()
    locations.settings_file.write_text("name: [unclosed\n", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("l", "enter")  # a session needs the profile: now it is read
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(locations.preferences_file) in m for m in messages)
        assert any(str(locations.settings_file) in m for m in messages)
        assert app.is_running
    assert locations.preferences_file.read_text(encoding="utf-8") == "{not json"
    assert locations.settings_file.read_text(encoding="utf-8") == "name: [unclosed\n"


async def test_palette_lists_hostile_titles_as_text() -> None:
    with open_store() as store:
        store.create("project-delays", title="[@click=app.quit]Quit[/] [b]x")
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Open session")

        def prompts() -> list[str]:
            options = app.screen.query_one(CommandList)
            return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]

        await wait_until(
            pilot, lambda: any("[@click=app.quit]Quit[/] [b]x" in p for p in prompts())
        )
        assert app.is_running


async def test_the_collector_paused_for_start_up_runs_again_after_the_first_paint() -> None:
    import gc

    app = build_app()
    gc.disable()  # as `convocoach` does before it imports the app
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_preferences_hold_the_cursor_still_or_refuse_a_bad_value(tmp_path: Path) -> None:
    from convocoach.diagnostics import InvalidFile
    from convocoach.preferences import load_preferences

    path = tmp_path / "preferences.json"
    path.write_text('{"theme": "nord", "cursor_blink": false}', encoding="utf-8")
    assert load_preferences(path).cursor_blink is False
    path.write_text('{"cursor_blink": "no"}', encoding="utf-8")
    with pytest.raises(InvalidFile, match="cursor_blink"):
        load_preferences(path)


def test_keys_are_written_for_people() -> None:
    from convocoach.tui.support.commands import key_label

    assert key_label("ctrl+n") == "Ctrl+N"
    assert key_label("f12") == "F12"
    assert key_label("escape,q") == "Esc or Q"
    assert key_label("shift+up") == "Shift+Up"
    assert key_label("slash") == "/"
    assert key_label("delete") == "Delete"
