"""A long history opens as fast as a short one: the first sessions are listed before the first
paint and the rest follow just after it, the list ending up whole and in order."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from convocoach.sessions.session_rows import SessionRow
from convocoach.sessions.store import SessionStore
from convocoach.tui.widgets.session_list import SessionList, first_rows
from tests.tui_support import build_app, open_store, wait_until

FIRST_ROWS = first_rows(30)
MANY = FIRST_ROWS * 3 + 7


def _titles(options: OptionList) -> list[str]:
    return [
        str(options.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(options.option_count)
    ]


def _fill(count: int) -> list[int]:
    with open_store() as store:
        return [store.create("project-delays", "", f"Session {n:03d}") for n in range(count)]


async def test_the_rest_of_a_long_history_follows_the_first_paint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _fill(MANY)
    first_fills: list[int] = []
    fill = SessionList._fill

    def counted_fill(self: SessionList, keep: int | None) -> None:
        fill(self, keep)
        first_fills.append(self.query_one("#sessions", OptionList).option_count)

    monkeypatch.setattr(SessionList, "_fill", counted_fill)
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.screen.query_one(SessionList).query_one("#sessions", OptionList)
        # What the first paint measured, however soon the rest follows on this machine.
        assert first_fills[0] <= FIRST_ROWS
        await wait_until(pilot, lambda: options.option_count == MANY)
        # Most recently changed first (created in order: the newest is the last).
        assert _titles(options) == [f"Session {n:03d}" for n in reversed(range(MANY))]
        await pilot.press("end")
        await pilot.pause()
        assert app.screen.query_one(SessionList).highlighted.id == ids[0]  # type: ignore[union-attr]


async def test_a_session_saved_elsewhere_meanwhile_is_in_the_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fill(MANY)
    whole = SessionStore.list_sessions

    def another_window_saves_first(store: SessionStore, limit: int = -1) -> list[SessionRow]:
        # Between the first rows and the rest, another window saves a new session.
        if limit == -1 and not saved:
            with open_store() as other:
                saved.append(other.create("project-delays", "", "Saved in the other window"))
        return whole(store, limit)

    saved: list[int] = []
    monkeypatch.setattr(SessionStore, "list_sessions", another_window_saves_first)
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.screen.query_one(SessionList).query_one("#sessions", OptionList)
        await wait_until(pilot, lambda: options.option_count == MANY + 1)
        assert _titles(options)[0] == "Saved in the other window"
        assert len(set(_titles(options))) == MANY + 1
