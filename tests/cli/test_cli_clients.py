"""``convocoach clients``: the numbered list, and one client's history exported as Markdown,
CSV and a calendar file, found by number or by name."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from convocoach.cli import main
from convocoach.followthrough.client_export import client_markdown
from convocoach.followthrough.clients import client_history, list_clients
from convocoach.locations import Locations
from convocoach.sessions.store import SessionStore
from tests.client_fixtures import FORMULA_ACTION, HOSTILE_ACTION, WRITTEN, fill_clients


@pytest.fixture
def ids() -> dict[str, int]:
    with SessionStore.open(Locations.from_env().database, clock=lambda: WRITTEN) as store:
        return fill_clients(store)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def overdue_of_dana() -> int:
    """Dana's open steps due before today (the command line's today is the real one)."""
    today = date.today().isoformat()
    return sum(1 for due in ("2026-11-20", "2026-11-25", "2026-11-26", "2026-11-30") if due < today)


def test_list_numbers_every_client(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    code, out, _ = run(capsys, "clients")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "#",
        "CLIENT",
        "COMPANY",
        "SESSIONS",
        "OPEN",
        "OVERDUE",
        "LAST",
        "MEETING",
    ]
    assert lines[1].split() == [
        "1",
        "Dana",
        "Whitfield",
        "Northwind",
        "Retail",
        "2",
        "5",
        str(overdue_of_dana()),
        "2026-11-19",
    ]
    assert lines[2].split()[:6] == ["2", "Lee", "Chan", "Northwind", "Retail", "1"]
    assert lines[3].split() == ["3", "No", "client", "named", "-", "1", "0", "0", "-"]
    assert run(capsys, "clients", "list")[1] == out


def test_list_as_json(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    for argv in (["clients", "--format", "json"], ["clients", "list", "--format", "json"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        listed: list[dict[str, Any]] = json.loads(out)
        assert [c["label"] for c in listed] == [
            "Dana Whitfield, Northwind Retail",
            "Lee Chan, Northwind Retail",
            "No client named",
        ]
        dana = listed[0]
        assert [c["session_id"] for c in dana["conversations"]] == [ids["launch"], ids["loyalty"]]
        assert [c["outcome_label"] for c in dana["conversations"]] == ["Partly agreed", "Agreed"]
        assert dana["conversations"][0]["sent_at"] == "2026-11-10T15:00:00+00:00"
        assert (dana["open_steps"], dana["overdue_steps"]) == (5, overdue_of_dana())


def test_no_sessions_no_clients(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "clients")
    assert (code, out) == (0, "")
    assert "no sessions yet" in err
    assert run(capsys, "clients", "--format", "json")[:2] == (0, "[]\n")


def test_export_markdown_by_number_and_by_name(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], tmp_path: Path
) -> None:
    code, by_number, _ = run(capsys, "clients", "export", "1", "--format", "md")
    assert code == 0
    assert by_number.startswith("# Dana Whitfield, Northwind Retail\n")
    assert run(capsys, "clients", "export", "DANA whitfield")[1] == by_number  # md by default
    with SessionStore.open(Locations.from_env().database) as store:
        today = store.today()
        expected = client_markdown(client_history(store, list_clients(store, today)[0], today))
    assert by_number == expected
    target = tmp_path / "dana.md"
    code, out, err = run(capsys, "clients", "export", "dana", "-o", str(target))
    assert (code, out) == (0, "")
    assert f"wrote {target}" in err
    assert target.read_text(encoding="utf-8") == expected


def test_export_csv_parses_back(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "dana.csv"
    assert run(capsys, "clients", "export", "1", "--format", "csv", "-o", str(target))[0] == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[:6] == ["client", "company", "session", "meeting_date", "action", "owner"]
    actions = [row[header.index("action")] for row in rows]
    assert HOSTILE_ACTION in actions
    assert "'" + FORMULA_ACTION in actions
    assert len(rows) == 7
    # The same rows on standard output.
    out = run(capsys, "clients", "export", "1", "--format", "csv")[1]
    assert list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline=""))) == [header, *rows]


def test_export_ics_parses_back(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "dana.ics"
    assert run(capsys, "clients", "export", "dana", "--format", "ics", "-o", str(target))[0] == 0
    todos: list[Any] = Calendar.from_ical(target.read_bytes()).walk("VTODO")
    assert sorted(t.decoded("due").isoformat() for t in todos) == [
        "2026-11-12",
        "2026-11-20",
        "2026-11-21",
        "2026-11-25",
        "2026-11-26",
        "2026-11-30",
    ]
    assert len({str(t["uid"]) for t in todos}) == 6


def test_a_client_with_no_dated_step_gets_a_note(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int]
) -> None:
    code, out, err = run(capsys, "clients", "export", "lee", "--format", "ics")
    assert code == 0
    assert "BEGIN:VCALENDAR" in out
    assert "no next step with Lee Chan, Northwind Retail has a date" in err


@pytest.mark.parametrize(
    ("client", "message"),
    [
        ("northwind", "'northwind' matches 2 clients: 1 Dana Whitfield, Northwind Retail; 2 Lee"),
        ("Morgan", "no client matches 'Morgan'"),
        ("9", "there is no client number 9; the list goes from 1 to 3"),
    ],
)
def test_an_unknown_or_ambiguous_client_exits_2(
    capsys: pytest.CaptureFixture[str], ids: dict[str, int], client: str, message: str
) -> None:
    code, out, err = run(capsys, "clients", "export", client, "--format", "csv")
    assert (code, out) == (2, "")
    assert message in err
    assert "fix:" in err


def test_a_wrong_format_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["clients", "export", "1", "--format", "pdf"])
    assert ended.value.code == 2


def test_listing_clients_imports_its_own_command_only(ids: dict[str, int]) -> None:
    code = (
        "import json, sys\nfrom convocoach.cli import main\n"
        "main(['clients'])\nprint(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert {m for m in loaded if m.endswith("_cmd")} == {"convocoach.cli.clients_cmd"}
    assert "textual" not in loaded
    assert "icalendar" not in loaded
    assert "convocoach.followthrough.client_export" not in loaded  # the formats: export only
