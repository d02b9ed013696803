"""A damaged database is refused before anything reads part of it or writes into it, and
'sessions salvage' copies out what can still be read."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.sessions import database as database_module
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.integrity import EarlyCheck
from convocoach.sessions.salvage import _readable_rows
from convocoach.sessions.store import SessionStore

SESSIONS = 12


def database(home: Path) -> Path:
    return home / "data" / "sessions.db"


def make_sessions(path: Path) -> None:
    with SessionStore.open(path) as store:
        for n in range(SESSIONS):
            sid = store.create("project-delays", "", f"Session {n} " + "x" * 3000)
            store.set_field(sid, "stakes", "s" * 2000)
            store.set_list(sid, "points", [f"point {n}.{i} " + "p" * 300 for i in range(5)])
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def damage(path: Path) -> None:
    """Overwrite one page that holds sessions' rows (not the schema's, which would leave
    nothing to salvage), in the middle of them."""
    db = sqlite3.connect(path)
    try:
        pages = [
            int(row[0])
            for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name IN ('sessions', 'list_items') "
                "AND pagetype IN ('leaf', 'overflow') ORDER BY pageno"
            )
        ]
    except sqlite3.OperationalError:  # no dbstat in this SQLite: the middle of the file
        pages = [path.stat().st_size // 4096 // 2 + 1]
    finally:
        db.close()
    start = (pages[len(pages) // 2] - 1) * 4096
    data = bytearray(path.read_bytes())
    data[start : start + 4096] = random.Random(7).randbytes(4096)
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(isolated_home: Path) -> Path:
    path = database(isolated_home)
    path.parent.mkdir(parents=True)
    make_sessions(path)
    damage(path)
    return path


def test_opening_a_damaged_database_is_refused_with_the_way_out(damaged: Path) -> None:
    with pytest.raises(StoreError) as caught:
        SessionStore.open(damaged)
    assert f"{damaged} is damaged" in caught.value.message
    assert "convocoach sessions salvage" in caught.value.fix


@pytest.mark.parametrize(
    "argv",
    [
        ["sessions", "list"],
        ["demo"],
        ["sessions", "delete", "1"],
        ["email", "1"],
        ["workshop", "list"],
    ],
)
def test_no_command_reads_part_of_it_or_writes_into_it(
    damaged: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(damaged)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err
    assert "Traceback" not in err
    assert digest(damaged) == before


def test_import_does_not_write_into_it(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "fresh"
    (fresh / "data").mkdir(parents=True)
    SessionStore.open(fresh / "data" / "sessions.db").close()
    with SessionStore.open(fresh / "data" / "sessions.db") as store:
        store.create("project-delays", "", "To move")
    exported = tmp_path / "one.yaml"
    assert (
        main(["sessions", "export", "1", "-o", str(exported), "--data-dir", str(fresh / "data")])
        == 0
    )
    before = digest(damaged)
    assert main(["sessions", "import", str(exported)]) == 2
    assert digest(damaged) == before


def test_salvage_keeps_what_can_be_read_and_the_damaged_file(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(damaged)
    assert main(["sessions", "salvage"]) == 0
    err = capsys.readouterr().err
    assert "salvaged" in err
    kept = list(damaged.parent.glob("sessions.db.damaged-*"))
    assert [digest(p) for p in kept if not p.name.endswith(("-wal", "-shm"))] == [before]
    with SessionStore.open(damaged) as store:  # opens cleanly now
        sessions = [store.get(row.id) for row in store.list_sessions()]
    assert all(s.title.startswith("Session ") for s in sessions)
    kept_rows = len(sessions) + sum(len(s.points) for s in sessions)
    assert 0 < kept_rows < SESSIONS * 6  # the damaged page's rows are gone, no others
    assert main(["sessions", "list"]) == 0
    assert main(["demo"]) == 0


def test_salvage_of_a_healthy_database_copies_everything(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = database(isolated_home)
    path.parent.mkdir(parents=True)
    make_sessions(path)
    assert main(["sessions", "salvage"]) == 0
    assert f"salvaged {SESSIONS} of {SESSIONS} sessions" in capsys.readouterr().err
    with SessionStore.open(path) as store:
        assert len(store.list_sessions()) == SESSIONS
        assert len(store.get(1).points) == 5


class _ScanFails:
    """A table whose rows read one by one, but whose scan fails at row 5 every time."""

    calls = 0

    def execute(self, select: str, params: tuple[int]) -> list[tuple[int, str]]:
        self.calls += 1
        if self.calls > 200:
            raise AssertionError("the salvage runs round in circles")
        start = params[0]
        if "LIMIT 1" in select:
            return _Rows([(start, "one")] if start <= 9 else [])
        if start < 5:
            return _Failing([(n, "scan") for n in range(max(start + 1, 1), 5)])
        raise sqlite3.DatabaseError("database disk image is malformed")


class _Rows(list[tuple[int, str]]):
    def fetchone(self) -> tuple[int, str] | None:
        return self[0] if self else None


class _Failing(list[tuple[int, str]]):
    def __iter__(self) -> Iterator[tuple[int, str]]:
        yield from super().__iter__()
        raise sqlite3.DatabaseError("database disk image is malformed")


def test_salvage_steps_past_a_row_that_reads_alone_but_not_in_a_scan() -> None:
    """It used to find that row again and again, for ever."""
    rows = _readable_rows(_ScanFails(), "SELECT rowid, text FROM t")  # type: ignore[arg-type]
    assert len(list(rows)) < 20


def test_the_early_check_refuses_a_damaged_database_as_the_opening_does(damaged: Path) -> None:
    with pytest.raises(StoreError) as caught:
        SessionStore.open(damaged, checked=EarlyCheck(damaged))
    assert f"{damaged} is damaged" in caught.value.message


def test_a_whole_database_checked_early_is_not_checked_again(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database(isolated_home)
    make_sessions(path)
    early = EarlyCheck(path)
    assert early.passed()

    def checked_twice(*_: object) -> None:
        raise AssertionError("the opening checked the file again")

    monkeypatch.setattr(database_module, "check_integrity", checked_twice)
    with SessionStore.open(path, checked=early) as store:
        assert len(store.list_sessions()) == SESSIONS


def test_with_no_database_yet_the_opening_creates_it(isolated_home: Path) -> None:
    path = database(isolated_home)
    with SessionStore.open(path, checked=EarlyCheck(path)) as store:
        assert store.list_sessions() == []
