"""A session keeps its emails' language and register: in the database (migration 11, with a
backup), through the store with the conflict check, and in the exchange file (version 6;
older files import with the defaults)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.followup.language import REGISTERS
from convocoach.languages import EMAIL_REGISTERS
from convocoach.sessions.fileformat import FILE_VERSION, dump_session, parse_session
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.schema_sql import MIGRATIONS, SCHEMA_VERSION
from convocoach.sessions.store import SessionStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


def test_a_version_10_database_migrates_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:10]:
        db.executescript(script)
    db.execute(
        "INSERT INTO sessions (uuid, playbook_id, client_language, email_draft, created_at, "
        "updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'project-delays', 'de', "
        "'My own words', '2026-10-02T08:00:00+00:00', '2026-10-02T08:00:00+00:00')"
    )
    db.execute("PRAGMA user_version = 10")
    db.commit()
    db.close()
    with SessionStore.open(path) as store:
        session = store.get(1)
        assert (session.email_language, session.email_register) == ("", "formal")
        assert (session.client.language, session.email_draft) == ("de", "My own words")
        store.set_field(1, "email_language", "fr")
        store.set_field(1, "email_register", "informal")
        again = store.get(1)
    assert (again.email_language, again.email_register) == ("fr", "informal")
    assert SCHEMA_VERSION == 11
    backup = sqlite3.connect(tmp_path / "sessions.db.before-v11")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 10
    assert backup.execute("SELECT email_draft FROM sessions").fetchall() == [("My own words",)]
    backup.close()


def test_the_store_refuses_a_language_or_register_it_cannot_use(store: SessionStore) -> None:
    sid = store.create("project-delays")
    with pytest.raises(UserError, match=r"The email language: 'ja' is not a language tag") as ja:
        store.set_field(sid, "email_language", "ja")
    assert "en, de, fr, es, pt-BR, nl" in ja.value.format()
    with pytest.raises(UserError, match="The email register: 'casual' is not formal or informal"):
        store.set_field(sid, "email_register", "casual")
    with pytest.raises(UserError, match="over the limit"):
        store.set_field(sid, "email_language", "de-" + "x" * 60)
    assert store.get(sid).email_language == ""
    # A loose tag is stored as typed, and empty goes back to the client's language.
    assert store.set_field(sid, "email_language", "pt_br") == "pt_br"
    assert store.set_field(sid, "email_language", "") == ""


def test_a_choice_made_in_another_window_is_not_overwritten_unseen(store: SessionStore) -> None:
    sid = store.create("project-delays")
    store.set_field(sid, "email_language", "nl")  # the other window
    with pytest.raises(WriteConflict) as conflict:
        store.set_field(sid, "email_language", "de", expected="")
    assert conflict.value.stored == "nl"
    with pytest.raises(WriteConflict):
        store.set_field(sid, "email_register", "informal", expected="informal")
    assert store.set_field(sid, "email_register", "informal", expected="formal") == "informal"


def test_the_sessions_registers_are_the_follow_ups() -> None:
    assert EMAIL_REGISTERS == REGISTERS


def test_the_exchange_file_carries_the_choice(store: SessionStore) -> None:
    sid = store.create("project-delays", "", "Acme")
    store.set_field(sid, "email_language", "de-AT")
    store.set_field(sid, "email_register", "informal")
    text = dump_session(store.get(sid), "yaml")
    data = yaml.safe_load(text)
    assert data["convocoach_session"] == FILE_VERSION == 6
    assert (data["email_language"], data["email_register"]) == ("de-AT", "informal")
    parsed = parse_session(text.encode(), "s.yaml").session
    assert (parsed.email_language, parsed.email_register) == ("de-AT", "informal")
    again = store.get(store.insert_session(parsed, replace=True))
    assert (again.email_language, again.email_register) == ("de-AT", "informal")


@pytest.mark.parametrize("old", [1, 2, 3, 4, 5])
def test_files_from_before_version_6_import_following_the_client(
    store: SessionStore, old: int
) -> None:
    session = store.get(store.create("project-delays", "", "Old file"))
    data = yaml.safe_load(dump_session(session, "yaml"))
    data["convocoach_session"] = old
    del data["email_language"], data["email_register"]
    if old < 5:
        for key in ("outcome", "sent_at", "checkins", "lessons"):
            del data[key]
    parsed = parse_session(yaml.safe_dump(data).encode(), "old.yaml").session
    assert (parsed.email_language, parsed.email_register) == ("", "formal")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("email_language", "ja", "'ja' is not a language tag convocoach writes: en, de, fr"),
        ("email_register", "casual", "'casual' is not one of formal, informal"),
    ],
)
def test_a_bad_choice_in_a_file_names_its_line(
    store: SessionStore, key: str, value: str, message: str
) -> None:
    text = dump_session(store.get(store.create("project-delays")), "yaml")
    lines = [f"{key}: {value}" if row.startswith(f"{key}:") else row for row in text.splitlines()]
    line = next(n for n, row in enumerate(lines, 1) if row.startswith(f"{key}:"))
    with pytest.raises(InvalidFile) as bad:
        parse_session("\n".join(lines).encode(), "bad.yaml")
    (problem,) = bad.value.problems
    assert (problem.line, problem.path) == (line, key)
    assert message in problem.message
