"""Sessions by client on the home screen, a client's page, and their history saved as files."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from textual.widgets import Input, OptionList, Static

from convocoach.followthrough.clients import list_clients
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.dialogs.export_form import ExportForm
from convocoach.tui.screens.client import ClientScreen
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets import client_list
from convocoach.tui.widgets.client_list import ClientList
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.session_list import SessionList
from tests.client_fixtures import FORMULA_ACTION, HOSTILE_ACTION, fill_clients
from tests.tui_support import build_app, open_store


def app_with_clients(export_dir: Path | None = None) -> tuple[ConvocoachApp, dict[str, int]]:
    with open_store() as store:
        ids = fill_clients(store)
    return build_app(export_dir=export_dir), ids


def options(screen: Any, selector: str) -> list[str]:
    found = screen.query_one(selector, OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_b_groups_the_sessions_by_client_and_back() -> None:
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        sessions = home.query_one(SessionList)
        assert sessions.highlighted is not None
        await pilot.press("b")
        await pilot.pause()
        assert sessions.grouped
        assert options(home, "#clients") == [
            "Dana Whitfield, Northwind Retail\n2 conversations · 5 open next steps · 1 overdue",
            "Lee Chan, Northwind Retail\n1 conversation · 0 open next steps",
            "No client named\n1 conversation · 0 open next steps",
        ]
        assert not sessions.query_one("#sessions", OptionList).display
        assert home.query_one("#clients", OptionList).has_focus
        # A client, not a session, is highlighted: copying and deleting wait.
        assert sessions.highlighted is None
        assert home.check_action("copy_session", ()) is None
        assert home.check_action("group_by_client", (True,)) is False
        detail = home.query_one("#client-detail", MarkdownPage)
        assert detail.source.startswith("# Dana Whitfield, Northwind Retail")
        assert "Partly agreed · follow-up sent" in detail.source
        await pilot.press("down")
        await pilot.pause()
        assert detail.source.startswith("# Lee Chan, Northwind Retail")
        await pilot.press("b")
        await pilot.pause()
        assert not sessions.grouped
        assert sessions.query_one("#sessions", OptionList).display
        assert sessions.query_one("#sessions", OptionList).has_focus
        assert sessions.highlighted is not None


async def test_the_grouping_is_read_only_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = list_clients

    def counting(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(client_list, "list_clients", counting)
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query(ClientList)
        assert calls == []
        await pilot.press("b")
        await pilot.pause()
        assert len(calls) == 1


async def test_the_client_key_belongs_to_the_sessions_tab() -> None:
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")  # the playbooks
        await pilot.pause()
        assert app.screen.check_action("group_by_client", (True,)) is False
        await pilot.press("b")  # typed into nothing: no grouping
        await pilot.pause()
        assert not app.screen.query(ClientList)


async def test_enter_on_a_client_shows_their_conversations_and_commitments() -> None:
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientScreen)
        assert screen.sub_title == "Dana Whitfield, Northwind Retail"
        assert "2 conversations · 5 open · 1 overdue" in text_of(screen, "#client-counts")
        conversations = options(screen, "#conversations")
        assert [c.split("\n")[0] for c in conversations] == [
            "Checkout launch slips two weeks",
            "Scope of the loyalty add-on",
        ]
        assert conversations[0].endswith(
            "2026-11-10 · project-delays · Partly agreed · follow-up sent"
        )
        assert conversations[1].endswith("Agreed · follow-up not sent")
        commitments = text_of(screen, "#commitments")
        ours = commitments.index("What we owe")
        theirs = commitments.index("What the client owes")
        others = commitments.index("What others owe")
        assert ours < theirs < commitments.index("Confirm the two phases") < others
        assert "Confirm the two phases  The client · due 2026-11-20  overdue" in commitments
        assert "Brief the board  Dana Whitfield · due 2026-11-30" in commitments
        assert commitments.index(FORMULA_ACTION) > ours  # shown as typed, never run
        assert commitments.index(" ".join(HOSTILE_ACTION.split())) > others
        assert "Send the revised plan" not in commitments  # done
        assert "Offer a discount" not in commitments  # dropped
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one(SessionList).grouped


async def test_enter_on_a_conversation_opens_it_and_back_shows_the_client_again() -> None:
    app, ids = app_with_clients()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        client = app.screen
        assert isinstance(client, ClientScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.editor.session.id == ids["loyalty"]
        with open_store() as store:  # meanwhile, the conversation's outcome is recorded
            store.set_field(ids["loyalty"], "outcome.result", "escalated")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is client
        assert options(client, "#conversations")[1].endswith("Escalated · follow-up not sent")


async def test_no_client_named_lists_each_company(tmp_path: Path) -> None:
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "end", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientScreen)
        assert screen.sub_title == "No client named"
        assert options(screen, "#conversations")[0].startswith("Practice run · Acme\n")
        assert "Nothing open" in text_of(screen, "#commitments")


async def test_s_saves_the_history_in_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    app, _ = app_with_clients(export_dir=folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ExportForm)
        assert form.stem == "dana-whitfield-northwind-retail-history"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClientScreen)
    stem = folder / "dana-whitfield-northwind-retail-history"
    markdown = stem.with_suffix(".md").read_text(encoding="utf-8")
    assert markdown.startswith("# Dana Whitfield, Northwind Retail\n")
    with stem.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["action"] for row in rows} >= {HOSTILE_ACTION, "'" + FORMULA_ACTION}
    todos: list[Any] = Calendar.from_ical(stem.with_suffix(".ics").read_bytes()).walk("VTODO")
    assert len(todos) == 6


async def test_a_refused_folder_saves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("x", encoding="utf-8")
    app, _ = app_with_clients(export_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(blocker / "inside")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClientScreen)
        assert any("Nothing was saved" in (n.title or "") for n in app._notifications)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]


async def test_f1_explains_the_client_page_and_lists_its_keys() -> None:
    app, _ = app_with_clients()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClientScreen)
        assert screen.help_topic() == "client"
        keys = dict(screen.key_table())
        assert set(keys) >= {"S", "Esc", "Enter"}


async def test_no_sessions_no_clients_says_so() -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", "b")  # from the playbooks (shown first) to the sessions
        await pilot.pause()
        grouped = app.screen.query_one(ClientList)
        assert grouped.groups == []
        assert grouped.query_one("#clients-empty").display
        assert not grouped.query_one("#clients", OptionList).display
        await pilot.press("enter")  # nothing to open
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_the_home_screen_loads_without_the_grouping() -> None:
    """The first paint imports nothing of it: it is loaded when B is pressed."""
    code = (
        "import sys\nimport convocoach.tui.screens.home\n"
        "grouping = ('convocoach.tui.widgets.client_list', 'convocoach.followthrough.clients')\n"
        "print([m for m in grouping if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


async def test_a_client_renamed_meanwhile_is_said_gone_and_home_follows() -> None:
    app, ids = app_with_clients()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("b", "down", "enter")  # Lee Chan: one conversation
        await pilot.pause()
        client = app.screen
        assert isinstance(client, ClientScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        with open_store() as store:  # typed again elsewhere under another name
            store.set_field(ids["invoice"], "client.name", "Lee Chan-Moreau")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is client
        assert "No session names this client any more" in text_of(client, "#client-counts")
        assert options(client, "#conversations") == []
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is client  # nothing to save: said, no form
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert [label.split("\n")[0] for label in options(home, "#clients")] == [
            "Dana Whitfield, Northwind Retail",
            "Lee Chan-Moreau, Northwind Retail",
            "No client named",
        ]
