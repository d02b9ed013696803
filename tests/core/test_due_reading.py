"""The due list's own quick reading of the settings file and of the database: the same
answers as the full readers, and the full readers whenever the quick one is not sure."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from convocoach.diagnostics import InvalidFile
from convocoach.followthrough import business_hours as bh
from convocoach.followthrough.business_hours import hours_of, read_business_hours
from convocoach.followthrough.due_db import READS_VERSION, open_for_due
from convocoach.profile import Profile, dump_profile, load_profile
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.schema_sql import MIGRATIONS, SCHEMA_VERSION
from convocoach.sessions.store import SessionStore

SETTINGS = [
    "",
    "name: Sam\n",
    "timezone: Pacific/Auckland\nbusiness_start: 08:30\nbusiness_end: '18:00'\n",
    "---\ntimezone: 'America/New_York'  # office\nbusiness_start: \"07:45\"\n",
    "signature: |\n  Sam\n  timezone: Asia/Tokyo\ntimezone: Europe/Paris\n",
    "signature: 'Sam\n\n  Brightline'\ntimezone: Europe/Berlin\n",
    # Quoted values running on at the margin: YAML reads them as one value.
    'signature: "Sam\ntimezone: Asia/Tokyo"\n',
    "signature: 'It''s\ntimezone: Asia/Tokyo'\n",
    # A plain value going on over an indented line is one value to YAML.
    "timezone: Europe\n  /London\n",
    # Flow style, anchors and repeated keys: the full reader's to judge.
    "{timezone: Asia/Tokyo}\n",
    "timezone: &z Asia/Tokyo\n",
    "timezone: UTC\ntimezone: Asia/Tokyo\n",
    # Values the full reader refuses, with its own words.
    "business_start: 10:00\n",  # a number to YAML 1.1
    "business_start: '18:00'\nbusiness_end: '09:00'\n",
    "timezone: Mars/Olympus\n",
    "timezone: [1, 2]\n",
    "\tbad: tab\n",
]


def full(path: Path) -> bh.BusinessHours:
    profile = load_profile(path)
    return hours_of(profile.timezone, profile.business_start, profile.business_end)


@pytest.mark.parametrize("text", SETTINGS)
def test_the_quick_reading_agrees_with_the_profile(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        expected: bh.BusinessHours | str = full(path)
    except InvalidFile as exc:
        expected = exc.format()
    try:
        got: bh.BusinessHours | str = read_business_hours(path)
    except InvalidFile as exc:
        got = exc.format()
    assert got == expected


def test_a_written_profile_is_read_without_yaml(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    profile = Profile(
        name="Sam: Okafor",
        signature="Sam Okafor\nBrightline Studio\n\n'quoted' \"too\"",
        timezone="America/Argentina/Buenos_Aires",
        business_start="08:00",
        business_end="16:30",
    )
    path.write_text(dump_profile(profile), encoding="utf-8")
    assert bh._quick_values(path.read_bytes()) is not None
    assert read_business_hours(path) == full(path)
    data = asdict(profile)
    assert bh._quick_values(path.read_bytes()) == {k: data[k] for k in bh.WANTED}


def test_a_problem_elsewhere_in_the_file_does_not_stop_the_due_list(tmp_path: Path) -> None:
    """Only the zone and the hours are read; the profile's own screens name the rest."""
    path = tmp_path / "settings.yaml"
    path.write_text("email: not-an-address\ntimezone: Asia/Tokyo\n", encoding="utf-8")
    with pytest.raises(InvalidFile):
        load_profile(path)
    assert read_business_hours(path) == hours_of("Asia/Tokyo", "09:00", "17:30")


def test_no_settings_file_is_the_defaults(tmp_path: Path) -> None:
    assert read_business_hours(tmp_path / "none.yaml") == full(tmp_path / "none.yaml")


def test_the_reader_knows_the_databases_version() -> None:
    """A new migration must be checked against the columns the due list reads, then this
    number raised (``followthrough/due_db.py``)."""
    assert READS_VERSION == SCHEMA_VERSION


def test_no_database_is_nothing_due_and_nothing_created(tmp_path: Path) -> None:
    assert open_for_due(tmp_path / "data" / "sessions.db") is None
    assert not (tmp_path / "data").exists()


def test_the_database_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    SessionStore.open(path).close()
    db = open_for_due(path)
    assert db is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("UPDATE sessions SET title = 'x'")
    db.close()


@pytest.mark.parametrize("folder", ["what? #1 100%", "Données clients", "a%3Fb", "//twice"])
def test_a_folder_with_a_uri_character_in_its_name_is_opened(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder.lstrip("/") / "sessions.db"
    path.parent.mkdir()
    with SessionStore.open(path) as store:
        store.create("launch-delay", title="Found")
    db = open_for_due(str(path) if not folder.startswith("//") else f"/{path}")
    assert db is not None
    assert db.execute("SELECT title FROM sessions").fetchall() == [("Found",)]
    db.close()


def test_an_older_database_is_migrated_as_by_every_command(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    raw = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            raw.execute(statement)
    raw.execute("PRAGMA user_version = 1")
    raw.close()
    db = open_for_due(path)
    assert db is not None
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert path.with_name(f"sessions.db.before-v{SCHEMA_VERSION}").exists()
    db.close()


def test_a_newer_or_damaged_database_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    SessionStore.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer convocoach"):
        open_for_due(path)
    for leftover in ("-wal", "-shm"):
        path.with_name(path.name + leftover).unlink(missing_ok=True)
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="is damaged"):
        open_for_due(path)


def test_the_due_command_loads_no_yaml_nor_the_session_model(tmp_path: Path) -> None:
    """A shell prompt's ``convocoach due`` stays lean (see benchmarks/bench_due.py)."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.yaml").write_text(
        "name: Sam\ntimezone: Europe/London\nbusiness_start: 09:00\n", encoding="utf-8"
    )
    SessionStore.open(tmp_path / "data" / "sessions.db").close()
    code = (
        "import sys\n"
        "from convocoach.cli import main\n"
        f"main(['due', '--data-dir', {str(tmp_path / 'data')!r},"
        f" '--config-dir', {str(tmp_path / 'config')!r}])\n"
        "heavy = {'yaml', 'argparse', 'jinja2', 'textual', 'convocoach.sessions.model',"
        " 'typing', 'pathlib',"
        " 'convocoach.sessions.database', 'convocoach.profile', 'convocoach.playbooks.summary'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "[]\n"
