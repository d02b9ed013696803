"""Rehearsals in the database (saved after each reply, resumed, listed), the debrief, progress."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.rehearsal.debrief import debrief_markdown
from convocoach.rehearsal.engine import begin, undo
from convocoach.rehearsal.progress import trends
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.sessions.store import SessionStore
from tests.core.test_rehearsal_engine import AGREE, delays, play, say


def clock() -> datetime:
    return datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore.open(tmp_path / "sessions.db", clock)


def test_saved_after_each_reply_and_resumed(store: SessionStore) -> None:
    sid = store.create("project-delays")
    log = RehearsalLog(store)
    rid = log.start(sid, "project-delays", begin(delays()))
    assert log.unfinished(sid) is not None
    state = play(AGREE[0])
    log.save(rid, state, 42.5)
    again = RehearsalLog(SessionStore.open(store.path, clock)).get(rid)
    assert again.state == state
    assert again.seconds == 42.5
    assert again.started_at == "2026-11-23T09:00:00+00:00"
    finished = play(*AGREE)
    log.save(rid, finished, 90)
    assert log.unfinished(sid) is None
    assert [r.id for r in log.history(sid)] == [rid]
    assert log.history()[0].finished


def test_undo_is_saved_too(store: SessionStore) -> None:
    sid = store.create("project-delays")
    log = RehearsalLog(store)
    rid = log.start(sid, "project-delays", begin(delays()))
    two = say(play(AGREE[0]), AGREE[1])
    log.save(rid, two, 10)
    log.save(rid, undo(two), 12)
    assert len(log.get(rid).state.exchanges) == 1


def test_deleting_the_session_deletes_its_rehearsals(store: SessionStore) -> None:
    sid = store.create("project-delays")
    log = RehearsalLog(store)
    rid = log.start(sid, "project-delays", begin(delays()))
    store.delete(sid)
    with pytest.raises(StoreError):
        log.get(rid)


def test_a_damaged_transcript_is_reported_not_raised_raw(store: SessionStore) -> None:
    sid = store.create("project-delays")
    log = RehearsalLog(store)
    rid = log.start(sid, "project-delays", begin(delays()))
    db = sqlite3.connect(store.path)
    db.execute("UPDATE rehearsals SET exchanges = '[{\"oops\": 1}]' WHERE id = ?", (rid,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="damaged"):
        log.get(rid)


def test_the_debrief_quotes_each_exchange_and_escapes_text() -> None:
    state = play(
        "I'm sorry, but you should have told us about **this** [change](http://x.example).", *AGREE
    )
    text = debrief_markdown("Northwind <launch>", delays(), state, bundled_rubric(), 125)
    assert text.startswith("# Rehearsal debrief: Northwind \\<launch\\>\n")
    assert "Client: **Dana Whitfield** (Head of E-commerce, Director; reports to the board)" in text
    assert "\\*\\*this\\*\\* \\[change\\](http://x.example)" in text
    assert "- Penalties: OWN (Clean apology), NOBLAME (No blame)" in text
    assert "## Scorecard" in text
    assert "| NOBLAME No blame | " in text


def test_progress_follows_each_dimension_over_rehearsals() -> None:
    rubric = bundled_rubric()
    first = play("You should have read the status reports.", "Calm down.")
    second = play(*AGREE)
    by_code = {t.code: t for t in trends([first, second], rubric)}
    assert by_code["NOBLAME"].rates == (0.5, 1.0)
    assert by_code["NOBLAME"].change == 0.5
    assert by_code["NEXT"].rates == (None, 1.0)
    assert by_code["NEXT"].change is None


def test_an_unsent_reply_is_kept_with_the_rehearsal(store: SessionStore) -> None:
    sid = store.create("project-delays")
    log = RehearsalLog(store)
    rid = log.start(sid, "project-delays", begin(delays()))
    assert log.get(rid).draft == ""
    log.save_draft(rid, "I'm sorry, I\ud800 should have")
    resumed = log.unfinished(sid)
    assert resumed is not None
    assert resumed.draft == "I'm sorry, I\ufffd should have"
    log.save(rid, play(AGREE[0]), 12.0)  # sending the reply empties the box
    assert log.get(rid).draft == ""
    log.save(rid, play(AGREE[0]), 15.0, "Half a")
    assert RehearsalLog(SessionStore.open(store.path, clock)).get(rid).draft == "Half a"


def test_rehearsals_from_before_drafts_open_with_an_empty_one(tmp_path: Path) -> None:
    from convocoach.sessions.schema_sql import MIGRATIONS

    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        db.executescript(script)
    db.execute(
        "INSERT INTO sessions (uuid, playbook_id, created_at, updated_at) VALUES "
        "('0b7e9f4e-8d0e-4c55-9a51-6c1f7d2b4a10', 'project-delays', 'x', 'x')"
    )
    db.execute(
        "INSERT INTO rehearsals (session_id, playbook_id, started_at, updated_at, "
        "turn_id, mood) VALUES (1, 'project-delays', 'x', 'x', 'open', 3)"
    )
    db.execute("PRAGMA user_version = 4")
    db.close()
    with SessionStore.open(path, clock) as store:
        log = RehearsalLog(store)
        assert log.get(1).draft == ""
        log.save_draft(1, "kept")
        assert log.get(1).draft == "kept"
