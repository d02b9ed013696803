"""The sessions database: every change saved at once, never damaged, never silently upgraded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.model import NextStep
from convocoach.sessions.schema_sql import SCHEMA_VERSION
from convocoach.sessions.store import SessionStore

FIXED = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db", clock=lambda: FIXED)
    yield opened
    opened.close()


def test_new_database_is_wal_with_foreign_keys(store: SessionStore) -> None:
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_fields_answers_lists_and_steps_round_trip(store: SessionStore) -> None:
    sid = store.create("project-delays", "d1g3st", "Acme launch slip")
    store.set_field(sid, "client.name", "Dana Ruiz")
    store.set_field(sid, "meeting.duration_min", 45)
    store.set_answer(sid, "facts", 0, "What slipped?", "The payment module, two weeks")
    store.set_answer(sid, "facts", 1, "Why?", "Vendor API change")
    store.set_answer(sid, "facts", 1, "Why?", "")  # an emptied answer goes away
    store.set_list(sid, "points", ["New date", "Weekly updates"])
    first = store.add_next_step(sid, NextStep("Send the revised plan", "us", "", "2026-11-27"))
    second = store.add_next_step(sid, NextStep("Pick an option", "client"))
    store.move_next_step(second, 0)
    store.update_next_step(first, status="done")
    session = store.get(sid)
    assert session.client.name == "Dana Ruiz"
    assert session.meeting.duration_min == 45
    assert session.playbook_digest == "d1g3st"
    assert [(a.position, a.answer) for a in session.answers] == [
        (0, "The payment module, two weeks")
    ]
    assert session.points == ("New date", "Weekly updates")
    assert [(s.action, s.status) for s in session.next_steps] == [
        ("Pick an option", "open"),
        ("Send the revised plan", "done"),
    ]
    assert session.updated_at == "2026-11-23T09:30:00+00:00"
    store.delete_next_step(second)
    assert len(store.get(sid).next_steps) == 1


def test_lone_surrogates_are_replaced_not_fatal(store: SessionStore) -> None:
    sid = store.create("project-delays")
    store.set_field(sid, "notes", "broken \udc80 paste")
    assert store.get(sid).notes == "broken \ufffd paste"


def test_unknown_ids_are_user_errors(store: SessionStore) -> None:
    with pytest.raises(UserError, match="no session with id 99"):
        store.get(99)
    with pytest.raises(UserError):
        store.set_field(99, "notes", "x")
    with pytest.raises(ValueError, match="unknown session field"):
        store.set_field(store.create("x"), "drop table", "x")


def test_delete_removes_children(store: SessionStore) -> None:
    sid = store.create("project-delays")
    store.add_next_step(sid, NextStep("x"))
    store.delete(sid)
    assert store.list_sessions() == []
    db = sqlite3.connect(store.path)
    assert db.execute("SELECT COUNT(*) FROM next_steps").fetchone()[0] == 0
    db.close()


def test_duplicate_copies_everything_under_a_new_uuid(store: SessionStore) -> None:
    sid = store.create("project-delays", title="Original")
    store.add_next_step(sid, NextStep("Call back", due="2026-12-01"))
    copy = store.get(store.duplicate(sid))
    original = store.get(sid)
    assert copy.uuid != original.uuid
    assert copy.title == "Original (copy)"
    assert [s.action for s in copy.next_steps] == ["Call back"]


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("CREATE TABLE future (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer convocoach"):
        SessionStore.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a convocoach sessions database"):
        SessionStore.open(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_two_instances_keep_each_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    one, two = SessionStore.open(path), SessionStore.open(path)
    sid = one.create("project-delays")
    one.set_field(sid, "client.name", "Dana")
    two.set_field(sid, "notes", "from the other window")
    one.set_field(sid, "stakes", "The launch")
    for store in (one, two):
        session = store.get(sid)
        assert (session.client.name, session.notes, session.stakes) == (
            "Dana",
            "from the other window",
            "The launch",
        )
    one.close()
    two.close()


def test_a_version_1_database_is_migrated_with_a_backup_first(tmp_path: Path) -> None:
    from convocoach.sessions.schema_sql import MIGRATIONS

    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(
        "INSERT INTO sessions (uuid, playbook_id, title, created_at, updated_at) VALUES "
        "('0b7e9f4e-8d0e-4c55-9a51-6c1f7d2b4a10', 'project-delay', 'Old one', "
        "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
    )
    db.execute("PRAGMA user_version = 1")
    db.close()

    with SessionStore.open(path) as store:
        (row,) = store.list_sessions()
        session = store.get(row.id)
        assert (session.title, session.template, session.email_draft) == ("Old one", "standard", "")
        store.set_field(row.id, "email_draft", "Edited")
        assert store.get(row.id).email_draft == "Edited"
        assert session.checkin_until == ""
        store.set_field(row.id, "checkin_until", "2027-03-01")
        assert store.get(row.id).checkin_until == "2027-03-01"

    backup = sqlite3.connect(tmp_path / f"sessions.db.before-v{SCHEMA_VERSION}")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT title FROM sessions").fetchall() == [("Old one",)]
    backup.close()


def test_connections_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    # As when several browser tabs start their app at the same moment: each one finds an
    # empty database and wants to create the tables.
    import threading

    target = tmp_path / "sessions.db"
    start = threading.Barrier(8)
    errors: list[str] = []

    def open_and_close() -> None:
        start.wait()
        try:
            SessionStore.open(target).close()
        except StoreError as exc:
            errors.append(exc.format())

    threads = [threading.Thread(target=open_and_close) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
