"""Typing and pasting stop at a field's or a box's limit, say so, and keep what fits, cleaned."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App, ComposeResult

from convocoach.sessions import limits
from convocoach.sessions.fileformat import dump_session, parse_session
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.reply_box import ReplyBox
from convocoach.tui.widgets.text_box import TextBox
from tests.tui.test_tui_session import start_delays_session
from tests.tui_support import build_app


class _App(App[None]):
    def compose(self) -> ComposeResult:
        yield Field(compact=True, id="line", max_length=limits.LINE)
        yield TextBox(id="box", max_chars=12)
        yield ReplyBox(id="reply")


def _told(app: App[Any]) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _paste(app: App[Any], widget_id: str, text: str) -> None:
    widget = app.screen.query_one(f"#{widget_id}")
    widget.focus()
    widget.post_message(events.Paste(text))


async def test_a_long_paste_into_a_one_line_field_keeps_what_fits_and_says_what_was_cut() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await _paste(app, "line", "x" * 350 + "\nsecond line [/]")
        await pilot.pause()
        assert app.query_one("#line", Field).value == "x" * limits.LINE
        [told] = _told(app)
        assert "only its first line was kept" in told
        assert "50 characters did not fit (this field holds at most 300)" in told


async def test_typing_into_a_full_field_is_refused_once_with_a_word() -> None:
    app = _App()
    async with app.run_test() as pilot:
        field = app.query_one("#line", Field)
        field.value = "y" * limits.LINE
        field.focus()
        await pilot.press("a", "b", "c")
        await pilot.pause()
        assert field.value == "y" * limits.LINE
        assert _told(app) == ["This field is full: it holds at most 300 characters."]


async def test_typing_into_a_full_box_adds_nothing_and_says_so_once() -> None:
    app = _App()
    async with app.run_test() as pilot:
        box = app.query_one("#box", TextBox)
        box.focus()
        await pilot.press(*"hello world!", "x", "y", "enter")
        await pilot.pause()
        assert box.text == "hello world!"
        assert _told(app) == ["This box is full: it holds at most 12 characters."]


async def test_a_paste_into_a_box_is_cut_to_fit_with_a_word() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await _paste(app, "box", "abcdef\nghijklmnop")
        await pilot.pause()
        assert app.query_one("#box", TextBox).text == "abcdef\nghijk"
        assert _told(app) == ["The paste was cut to fit: this box holds at most 12 characters."]


async def test_the_reply_box_stops_at_the_reply_limit() -> None:
    app = _App()
    async with app.run_test() as pilot:
        reply = app.query_one("#reply", ReplyBox)
        reply.focus()
        reply.text = "r" * (limits.REPLY - 1)
        reply.move_cursor(reply.document.end)
        await pilot.press("s", "t")
        await pilot.pause()
        assert len(reply.text) == limits.REPLY
        assert "at most 2,000 characters" in _told(app)[0]


async def test_pasted_control_characters_and_lone_surrogates_are_cleaned() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await _paste(app, "line", "a\x1b]52;c;x\x07b\ud800c")
        await _paste(app, "box", "d\x1b[2Je\r\nf\udfff")
        await pilot.pause()
        assert app.query_one("#line", Field).value == "a]52;c;xb\ufffdc"
        assert app.query_one("#box", TextBox).text == "d[2Je\nf\ufffd"
        assert _told(app) == []


async def test_pastes_in_a_session_are_stored_cut_to_the_limits_and_export_cleanly() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        await _paste(app, "f-title", "T\x1b[31m" + "t" * 400 + "\nsecond line")
        await _paste(app, "f-stakes", "s" * (limits.PROSE + 5_000))
        await pilot.pause()
        session = screen.editor.session
        assert session.title == "T[31m" + "t" * (limits.LINE - 5)
        assert session.stakes == "s" * limits.PROSE
        assert any("did not fit (this field holds at most 300)" in told for told in _told(app))
        assert any("this box holds at most 20,000" in told for told in _told(app))
        text = dump_session(session, "yaml")
        assert parse_session(text.encode(), "s.yaml").session.title == session.title
