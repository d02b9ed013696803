"""The one-line field: keys repaint the field alone, and long text still scrolls."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from convocoach.tui.widgets.field import Field


class _FieldApp(App[None]):
    CSS = "Field { width: 20; }"

    def compose(self) -> ComposeResult:
        yield Field(compact=True)
        yield Static("below", id="below")


async def test_typing_does_not_lay_out_the_screen_again() -> None:
    app = _FieldApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        layouts = 0
        reflow = app.screen._compositor.reflow

        def counting_reflow(*args: object, **kwargs: object) -> object:
            nonlocal layouts
            layouts += 1
            return reflow(*args, **kwargs)  # type: ignore[arg-type]

        app.screen._compositor.reflow = counting_reflow  # type: ignore[assignment]
        await pilot.press(*"hello")
        await pilot.pause()
        assert app.query_one(Field).value == "hello"
        assert layouts == 0


async def test_long_text_scrolls_to_keep_the_cursor_in_view() -> None:
    app = _FieldApp()
    async with app.run_test(size=(60, 10)) as pilot:
        field = app.query_one(Field)
        await pilot.press(*"abcdefghijklmnopqrstuvwxyz0123456789")
        await pilot.pause()
        assert field.scroll_x == 17  # 36 characters and the cursor in a 20-column box
        app.query_one("#below", Static).styles.height = 3  # an unrelated layout pass
        await pilot.pause()
        assert field.scroll_x == 17
        await pilot.press("home")
        assert field.scroll_x == 0
        await pilot.press("end", "X")
        await pilot.pause()
        assert field.scroll_x == 18
        assert field.value.endswith("9X")
