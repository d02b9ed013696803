"""What a session keeps after the meeting: the outcome, steps done and moved, the follow-up
sent, the check-ins held and the lessons; and a database from before them migrates."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.sessions.lessons import LessonBook, client_key
from convocoach.sessions.merge import WriteConflict
from convocoach.sessions.model import NextStep, StepMove
from convocoach.sessions.schema_sql import MIGRATIONS, SCHEMA_VERSION
from convocoach.sessions.store import SessionStore

NOW = [datetime(2026, 12, 4, 15, 0, tzinfo=timezone.utc)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(tmp_path / "sessions.db", clock=lambda: NOW[0])
    yield opened
    opened.close()


def _session(store: SessionStore) -> int:
    sid = store.create("project-delays", "", "Acme launch slip")
    store.set_field(sid, "client.name", "Dana Ruiz")
    store.set_field(sid, "client.company", "Acme")
    return sid


def test_a_step_marked_done_keeps_the_day_and_undoing_it_clears_it(store: SessionStore) -> None:
    sid = _session(store)
    step_id = store.add_next_step(sid, NextStep("Send the plan", due="2026-12-01"))
    (added,) = store.get(sid).next_steps
    assert added.created_on == store.today().isoformat()
    store.update_next_step(step_id, added, status="done")
    (done,) = store.get(sid).next_steps
    assert (done.status, done.done_on) == ("done", store.today().isoformat())
    store.update_next_step(step_id, done, status="open")
    assert store.get(sid).next_steps[0].done_on == ""


def test_a_moved_step_keeps_each_move_and_its_reason(store: SessionStore) -> None:
    sid = _session(store)
    step_id = store.add_next_step(sid, NextStep("Send the plan", due="2026-12-01"))
    store.reschedule_next_step(step_id, "2026-12-08", "the vendor's fix slipped a week")
    step = store.get(sid).next_steps[0]
    store.reschedule_next_step(step_id, "2026-12-10", "board moved", expected=step)
    (moved,) = store.get(sid).next_steps
    assert moved.due == "2026-12-10"
    assert moved.moves == (
        StepMove(
            store.today().isoformat(), "2026-12-01", "2026-12-08", "the vendor's fix slipped a week"
        ),
        StepMove(store.today().isoformat(), "2026-12-08", "2026-12-10", "board moved"),
    )
    # Another window moved it since this one read it: nothing is written.
    with pytest.raises(WriteConflict):
        store.reschedule_next_step(step_id, "2026-12-20", "late", expected=step)
    with pytest.raises(UserError, match="over the limit"):
        store.reschedule_next_step(step_id, "2026-12-20", "x" * 301)
    with pytest.raises(ValueError, match="Invalid isoformat"):
        store.reschedule_next_step(step_id, "next week", "why")
    assert len(store.get(sid).next_steps[0].moves) == 2


def test_the_follow_up_is_marked_sent_and_the_mark_taken_back(store: SessionStore) -> None:
    sid = _session(store)
    assert store.mark_sent(sid) == "2026-12-04T15:00:00+00:00"
    assert store.get(sid).sent_at == "2026-12-04T15:00:00+00:00"
    store.mark_sent(sid, "")
    assert store.get(sid).sent_at == ""


def test_check_ins_held_are_kept_once_each(store: SessionStore) -> None:
    sid = _session(store)
    store.mark_checkin(sid, date(2026, 12, 11))
    store.mark_checkin(sid, date(2026, 12, 11))
    store.mark_checkin(sid, date(2026, 12, 18))
    assert [c.due_on for c in store.get(sid).checkins] == ["2026-12-11", "2026-12-18"]
    store.mark_checkin(sid, date(2026, 12, 11), done=False)
    assert [c.due_on for c in store.get(sid).checkins] == ["2026-12-18"]


def test_the_outcome_is_dated_by_its_first_word(store: SessionStore) -> None:
    sid = _session(store)
    store.set_field(sid, "outcome.result", "partly")
    NOW[0] = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)
    try:
        store.set_field(sid, "outcome.reaction", "Relieved, but wants it in writing")
        store.set_came_up(sid, ["Why did nobody tell us sooner?"])
    finally:
        NOW[0] = datetime(2026, 12, 4, 15, 0, tzinfo=timezone.utc)
    outcome = store.get(sid).outcome
    assert outcome.result == "partly"
    assert outcome.came_up == ("Why did nobody tell us sooner?",)
    assert outcome.recorded_at == "2026-12-04T15:00:00+00:00"
    with pytest.raises(WriteConflict):
        store.set_came_up(sid, [], expected=[])


def test_what_to_change_becomes_a_lesson_until_the_lesson_is_edited(store: SessionStore) -> None:
    sid = _session(store)
    book = LessonBook(store)
    store.set_field(sid, "outcome.change", "Bring the phased plan in writing")
    (lesson,) = book.all()
    assert (lesson.text, lesson.source, lesson.session_id) == (
        "Bring the phased plan in writing",
        "outcome",
        sid,
    )
    assert client_key(lesson.client_name, lesson.client_company) == client_key(
        " dana  RUIZ", "acme"
    )
    store.set_field(sid, "outcome.change", "Bring the plan, printed")
    assert [x.text for x in book.all()] == ["Bring the plan, printed"]
    book.edit(lesson.id, "Bring the plan, printed, and the new dates")
    store.set_field(sid, "outcome.change", "")
    assert [x.text for x in book.all()] == ["Bring the plan, printed, and the new dates"]


def test_an_emptied_what_to_change_removes_its_lesson(store: SessionStore) -> None:
    sid = _session(store)
    store.set_field(sid, "outcome.change", "Lead with the new date")
    store.set_field(sid, "outcome.change", "  ")
    assert LessonBook(store).all() == []


def test_lessons_for_prepare_are_the_same_clients_then_the_same_playbooks(
    store: SessionStore,
) -> None:
    first, other = _session(store), store.create("budget-constraints", "", "Other")
    store.set_field(first, "outcome.change", "Bring the plan in writing")
    store.set_field(other, "outcome.change", "Name the figure early")
    third = store.create("project-delays", "", "Unrelated client")
    book = LessonBook(store)
    assert [x.text for x in book.for_prepare("project-delays", "", "", third)] == [
        "Bring the plan in writing"
    ]
    again = store.create("budget-constraints", "", "Dana again")
    texts = [x.text for x in book.for_prepare("budget-constraints", "DANA ruiz", "Acme ", again)]
    assert texts == ["Bring the plan in writing", "Name the figure early"]
    # A session does not learn from itself, and retired lessons are not shown.
    assert book.for_prepare("project-delays", "Dana Ruiz", "Acme", first) == []
    book.retire(book.of_session(other)[0].id)
    assert [x.text for x in book.for_prepare("budget-constraints", "", "", again)] == []


def test_a_lesson_outlives_the_session_it_came_from(store: SessionStore) -> None:
    sid = _session(store)
    LessonBook(store).add(sid, "Check the vendor's dates first", "scorecard")
    store.delete(sid)
    (kept,) = LessonBook(store).all()
    assert (kept.session_id, kept.source, kept.playbook_id) == (None, "scorecard", "project-delays")
    assert LessonBook(store).origins() == {}


def test_a_copy_starts_without_the_originals_outcome(store: SessionStore) -> None:
    sid = _session(store)
    store.set_field(sid, "outcome.result", "agreed")
    store.mark_sent(sid)
    store.mark_checkin(sid, date(2026, 12, 11))
    copy = store.get(store.duplicate(sid))
    assert (copy.outcome.result, copy.sent_at, copy.checkins) == ("", "", ())


def test_a_version_9_database_migrates_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:9]:
        db.executescript(script)
    db.execute(
        "INSERT INTO sessions (uuid, playbook_id, created_at, updated_at) VALUES "
        "('00000000-0000-0000-0000-000000000001', 'project-delays', "
        "'2026-10-02T08:00:00+00:00', '2026-10-02T08:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO next_steps (session_id, position, action, due, status) "
        "VALUES (1, 0, 'Send the plan', '2026-10-09', 'done')"
    )
    db.execute("PRAGMA user_version = 9")
    db.commit()
    db.close()
    with SessionStore.open(path) as store:
        session = store.get(1)
    (step,) = session.next_steps
    assert (step.created_on, step.done_on, step.moves) == ("2026-10-02", "", ())
    assert (session.outcome.result, session.sent_at, session.checkins) == ("", "", ())
    backup = sqlite3.connect(tmp_path / f"sessions.db.before-v{SCHEMA_VERSION}")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 9
    backup.close()
