"""A client's history as files: the Markdown against golden files, the CSV and the calendar
parsed back (hostile text included)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from convocoach.followthrough.client_export import (
    CLIENT_FORMATS,
    CSV_COLUMNS,
    client_csv,
    client_ics,
    client_markdown,
    step_uid,
    write_history,
)
from convocoach.followthrough.clients import ClientHistory, client_history, list_clients
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore
from tests.client_fixtures import (
    FORMULA_ACTION,
    FORMULA_OWNER,
    HOSTILE_ACTION,
    TODAY,
    WRITTEN,
    fill_clients,
)
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
STAMP = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db", clock=lambda: WRITTEN)
    fill_clients(opened)
    yield opened
    opened.close()


def history(store: SessionStore, number: int) -> ClientHistory:
    return client_history(store, list_clients(store, TODAY)[number - 1], TODAY)


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel wants
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header, *body = list(reader)
    assert tuple(header) == CSV_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in body]


@pytest.mark.parametrize(("number", "name"), [(1, "client-dana"), (3, "client-no-name")])
def test_markdown_golden(store: SessionStore, number: int, name: str) -> None:
    out = client_markdown(history(store, number))
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8"), "UPDATE_GOLDEN=1 pytest to accept"


def test_markdown_keeps_typed_text_as_text(store: SessionStore) -> None:
    out = client_markdown(history(store, 1))
    # No link, no HTML, no heading and no emphasis made from what people typed.
    assert "\\[link\\](http://x.example) \\& \\<b\\>" in out
    assert "\n  \\# Offering the phased plan" in out
    assert "\\*in writing\\*" in out
    assert "\\=HYPERLINK" in out
    # Conversations in date order, each step with its status.
    assert out.index("## 2026-11-10: Checkout") < out.index("## 2026-11-19: Scope")
    assert "(Us, due 2026-11-12): done on 2026-11-12" in out
    assert "(The client, due 2026-11-20): open, overdue" in out
    assert "  - moved from 2026-11-18 to 2026-11-30 on 2026-11-15: the board meets later" in out
    assert "(Us, due 2026-11-21): dropped" in out


def test_csv_parses_back_with_every_step(store: SessionStore) -> None:
    found = rows(client_csv(history(store, 1)))
    assert len(found) == 7  # every step of both conversations, done and dropped ones too
    assert {(r["client"], r["company"]) for r in found} == {("Dana Whitfield", "Northwind Retail")}
    by_action = {r["action"]: r for r in found}
    hostile = by_action[HOSTILE_ACTION]  # commas, quotes and a line break, intact
    assert hostile["owner"] == "'" + FORMULA_OWNER
    assert hostile["due"] == "2026-11-25"
    assert by_action["'" + FORMULA_ACTION]["status"] == "open"
    done = by_action["Send the revised plan"]
    assert (done["status"], done["done_on"], done["meeting_date"]) == (
        "done",
        "2026-11-12",
        "2026-11-10",
    )
    moved = by_action["Brief the board"]
    assert (
        moved["moves"] == "moved from 2026-11-18 to 2026-11-30 on 2026-11-15: the board meets later"
    )
    assert moved["due"] == "2026-11-30"
    assert by_action["Book the launch review"]["due"] == ""


def test_csv_guards_every_formula_start(store: SessionStore) -> None:
    launch = list_clients(store, TODAY)[0].conversations[0].session_id
    for action in ("+1+1", "-2+3", "@SUM(A1)", "\tx=1", "=1+1"):
        store.add_next_step(launch, NextStep(action))
    found = rows(client_csv(history(store, 1)))
    actions = {r["action"] for r in found}
    assert {"'+1+1", "'-2+3", "'@SUM(A1)", "'\tx=1", "'=1+1"} <= actions
    # Nothing else starts with a character a spreadsheet would run.
    assert not [
        cell for r in found for cell in r.values() if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    ]


def test_ics_has_every_dated_step_once_as_a_todo(store: SessionStore) -> None:
    shown = history(store, 1)
    raw = client_ics(shown, STAMP)
    assert b"\r\n" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    todos: list[Any] = Calendar.from_ical(raw).walk("VTODO")
    dated = [
        (session, n, step)
        for session in shown.sessions
        for n, step in enumerate(session.next_steps)
        if step.due
    ]
    assert len(dated) == 6
    assert sorted(str(t["uid"]) for t in todos) == sorted(step_uid(s, n) for s, n, _ in dated)
    by_uid = {str(t["uid"]): t for t in todos}
    for session, n, step in dated:
        todo = by_uid[step_uid(session, n)]
        assert todo.decoded("due") == date.fromisoformat(step.due)
        expected = {"open": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}
        assert str(todo["status"]) == expected[step.status]
        if step.status == "done":
            assert todo.decoded("completed").date().isoformat() == step.done_on
        else:
            assert "completed" not in todo
    summaries = {str(t["summary"]) for t in todos}
    assert 'Send "final" figures, v2 with the [link](http://x.example) & <b>' in summaries
    assert FORMULA_ACTION in summaries


def test_ics_uids_stay_the_same_from_one_export_to_the_next(store: SessionStore) -> None:
    first = client_ics(history(store, 1), STAMP)
    again = client_ics(history(store, 1), STAMP)
    assert first == again
    assert b"UID:" in first


def test_a_client_with_no_dated_step_gets_a_calendar_without_todos(store: SessionStore) -> None:
    cal = Calendar.from_ical(client_ics(history(store, 2), STAMP))
    assert cal.walk("VTODO") == []


def test_files_are_written_in_every_format(store: SessionStore, tmp_path: Path) -> None:
    shown = history(store, 1)
    folder = tmp_path / "out"
    paths = write_history(folder, tuple(CLIENT_FORMATS), shown, STAMP)
    assert [p.name for p in paths] == [
        "dana-whitfield-northwind-retail-history.md",
        "dana-whitfield-northwind-retail-history.csv",
        "dana-whitfield-northwind-retail-history.ics",
    ]
    assert paths[0].read_text(encoding="utf-8") == client_markdown(shown)
    assert paths[1].read_bytes() == client_csv(shown)
    assert paths[2].read_bytes() == client_ics(shown, STAMP)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)  # no temp
