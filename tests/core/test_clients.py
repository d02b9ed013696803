"""Sessions grouped by client: who counts as the same client, what each side still owes, and
one query for the whole list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.followthrough.clients import (
    NO_CLIENT,
    ClientGroup,
    client_history,
    find_client,
    list_clients,
    overview_markdown,
)
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore
from tests.client_fixtures import FORMULA_OWNER, TODAY, WRITTEN, fill_clients


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db", clock=lambda: WRITTEN)
    yield opened
    opened.close()


@pytest.fixture
def ids(store: SessionStore) -> dict[str, int]:
    return fill_clients(store)


def statements(store: SessionStore) -> list[str]:
    """Collects every SQL statement the store's connection runs from now on."""
    seen: list[str] = []
    store.connection.set_trace_callback(seen.append)
    return seen


def test_the_same_client_whatever_the_case_and_spacing(
    store: SessionStore, ids: dict[str, int]
) -> None:
    groups = list_clients(store, TODAY)
    assert [g.label for g in groups] == [
        "Dana Whitfield, Northwind Retail",
        "Lee Chan, Northwind Retail",
        NO_CLIENT,
    ]
    dana = groups[0]
    # In meeting-date order, though typed "dana  WHITFIELD" / "northwind retail " once.
    assert [c.session_id for c in dana.conversations] == [ids["launch"], ids["loyalty"]]
    assert [c.result_label for c in dana.conversations] == ["Partly agreed", "Agreed"]
    assert [c.sent for c in dana.conversations] == [True, False]
    assert dana.open_steps == 5  # 3 open of the launch, 2 of the loyalty add-on
    assert dana.overdue_steps == 1  # "Confirm the two phases", due 2026-11-20
    assert dana.last_meeting == "2026-11-19"
    assert dana.counts() == "2 conversations · 5 open next steps · 1 overdue"
    assert groups[1].counts() == "1 conversation · 0 open next steps"


def test_a_session_with_no_client_name_is_under_no_client_named(
    store: SessionStore, ids: dict[str, int]
) -> None:
    store.set_field(store.create("project-delays"), "client.name", "   ")
    unnamed = list_clients(store, TODAY)[-1]
    assert unnamed.label == NO_CLIENT
    assert not unnamed.named
    assert (unnamed.name, unnamed.company) == ("", "")
    assert len(unnamed.conversations) == 2
    assert unnamed.conversations[0].company == "Acme"  # the practice run, with its date "" last
    assert [c.result_label for c in unnamed.conversations] == ["Not recorded"] * 2


def test_the_most_recently_changed_session_names_the_client(tmp_path: Path) -> None:
    moment = [WRITTEN]
    with SessionStore.open(tmp_path / "s.db", clock=lambda: moment[0]) as store:
        ids = fill_clients(store)
        assert list_clients(store, TODAY)[0].company == "Northwind Retail"
        moment[0] = WRITTEN + timedelta(hours=1)
        store.set_field(ids["loyalty"], "client.company", "NORTHWIND  Retail ")
        dana = list_clients(store, TODAY)[0]
    assert (dana.name, dana.company) == ("dana WHITFIELD", "NORTHWIND Retail")
    assert len(dana.conversations) == 2


def test_the_list_is_one_query(store: SessionStore, ids: dict[str, int]) -> None:
    seen = statements(store)
    groups = list_clients(store, TODAY)
    assert len(seen) == 1
    assert seen[0].lstrip().startswith("SELECT")
    assert sum(len(g.conversations) for g in groups) == 4


def test_whole_sessions_are_read_for_the_client_shown_only(
    store: SessionStore, ids: dict[str, int]
) -> None:
    dana = list_clients(store, TODAY)[0]
    seen = statements(store)
    history = client_history(store, dana, TODAY)
    read = [s for s in seen if s.startswith("SELECT * FROM sessions WHERE id")]
    assert len(read) == 2
    assert [s.id for s in history.sessions] == [ids["launch"], ids["loyalty"]]


def test_open_commitments_on_both_sides(store: SessionStore, ids: dict[str, int]) -> None:
    history = client_history(store, list_clients(store, TODAY)[0], TODAY)
    found = [
        (c.step.action[:20], c.side, c.owner, c.step.due, c.overdue) for c in history.commitments
    ]
    assert found == [
        ("Confirm the two phas", "client", "The client", "2026-11-20", True),
        ('Send "final" figures', "other", FORMULA_OWNER, "2026-11-25", False),
        ('=HYPERLINK("http://e', "us", "Us", "2026-11-26", False),
        # Named as the client herself: her side.
        ("Brief the board", "client", "Dana Whitfield", "2026-11-30", False),
        ("Book the launch revi", "us", "Us", "", False),
    ]
    assert [c.step.action for c in history.on_side("us")] == [
        '=HYPERLINK("http://evil.example","Click")',
        "Book the launch review",
    ]
    # Done and dropped steps are no commitment any more.
    assert all(c.step.status == "open" for c in history.commitments)


def test_a_step_due_today_is_not_overdue(store: SessionStore, ids: dict[str, int]) -> None:
    store.add_next_step(ids["invoice"], NextStep("Check the invoice", "us", "", TODAY.isoformat()))
    lee = list_clients(store, TODAY)[1]
    assert (lee.open_steps, lee.overdue_steps) == (1, 0)
    history = client_history(store, lee, TODAY)
    assert [c.overdue for c in history.commitments] == [False]


def test_a_session_deleted_since_the_list_is_left_out(
    store: SessionStore, ids: dict[str, int]
) -> None:
    dana = list_clients(store, TODAY)[0]
    store.delete(ids["loyalty"])
    history = client_history(store, dana, TODAY)
    assert [s.id for s in history.sessions] == [ids["launch"]]


def test_no_sessions_no_clients(store: SessionStore) -> None:
    assert list_clients(store, TODAY) == []


@pytest.mark.parametrize(
    ("wanted", "label"),
    [
        ("1", "Dana Whitfield, Northwind Retail"),
        ("3", NO_CLIENT),
        ("DANA  whitfield", "Dana Whitfield, Northwind Retail"),
        ("lee", "Lee Chan, Northwind Retail"),
        ("Dana Whitfield, Northwind Retail", "Dana Whitfield, Northwind Retail"),
    ],
)
def test_find_a_client_by_number_or_name(
    store: SessionStore, ids: dict[str, int], wanted: str, label: str
) -> None:
    assert find_client(list_clients(store, TODAY), wanted).label == label


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("northwind", "'northwind' matches 2 clients: 1 Dana Whitfield, Northwind Retail; 2 Lee"),
        ("Morgan", "no client matches 'Morgan'"),
        ("4", "there is no client number 4; the list goes from 1 to 3"),
        ("0", "there is no client number 0"),
        ("  ", "no client given"),
    ],
)
def test_an_unknown_or_ambiguous_client_is_an_error(
    store: SessionStore, ids: dict[str, int], wanted: str, message: str
) -> None:
    with pytest.raises(UserError) as caught:
        find_client(list_clients(store, TODAY), wanted)
    assert message in caught.value.message


def test_an_exact_name_wins_over_names_that_contain_it(store: SessionStore) -> None:
    for name in ("Ann", "Anna Berg"):
        store.set_field(store.create("project-delays"), "client.name", name)
    groups: list[ClientGroup] = list_clients(store, TODAY)
    assert find_client(groups, "ann").name == "Ann"
    assert find_client(groups, "berg").name == "Anna Berg"


def test_a_thousand_sessions_are_listed_in_one_query(tmp_path: Path) -> None:
    with SessionStore.open(tmp_path / "many.db", clock=lambda: WRITTEN) as store:
        db = store.connection
        with store.transaction():
            for n in range(1000):
                sid = db.execute(
                    "INSERT INTO sessions (uuid, playbook_id, client_name, client_company, "
                    "meeting_date, created_at, updated_at) VALUES (?, 'project-delays', ?, ?, "
                    "?, 'x', 'x')",
                    (
                        f"{n:08d}-0000-4000-8000-000000000000",
                        f"Client {n % 50}",
                        "Co",
                        "2026-11-01",
                    ),
                ).lastrowid
                db.executemany(
                    "INSERT INTO next_steps (session_id, position, action, due) "
                    "VALUES (?, ?, ?, ?)",
                    [(sid, k, "Do it", "2026-11-20" if k else "2026-12-01") for k in range(3)],
                )
        seen = statements(store)
        groups = list_clients(store, TODAY)
    assert len(seen) == 1
    assert len(groups) == 50
    assert all(len(g.conversations) == 20 for g in groups)
    assert all((g.open_steps, g.overdue_steps) == (60, 40) for g in groups)


def test_the_overview_is_markdown_with_typed_text_as_text(store: SessionStore) -> None:
    sid = store.create("project-delays", "", "# [Launch](http://x.example) *now*")
    store.set_field(sid, "client.company", "Acme <b>")
    out = overview_markdown(list_clients(store, TODAY)[0])
    assert out.startswith("# No client named\n\n1 conversation · 0 open next steps\n")
    assert (
        "- **\\# \\[Launch\\](http://x.example) \\*now\\*** (Acme \\<b\\>): "
        "no date · Not recorded · follow-up not sent\n"
    ) in out
