"""Exchange file version 5 carries what came after the meeting; versions 1 to 4 still import."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from convocoach.cli import main
from convocoach.locations import Locations
from convocoach.sessions.fileformat import FILE_VERSION, dump_session, parse_session
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore


@pytest.fixture
def store() -> Iterator[SessionStore]:
    opened = SessionStore.open(Locations.from_env().database)
    yield opened
    opened.close()


def _after_the_meeting(store: SessionStore) -> int:
    sid = store.create("project-delays", "", "Acme launch slip")
    store.set_field(sid, "client.name", "Dana Ruiz")
    store.set_field(sid, "meeting.date", "2026-11-27")
    done = store.add_next_step(sid, NextStep("Send the plan", "us", "", "2026-12-01"))
    moved = store.add_next_step(sid, NextStep("Confirm the dates", "client", "", "2026-12-02"))
    store.update_next_step(done, status="done")
    store.reschedule_next_step(moved, "2026-12-09", "their board meets on the 8th")
    store.set_field(sid, "outcome.result", "partly")
    store.set_field(sid, "outcome.reaction", "Relieved; wants it in writing")
    store.set_field(sid, "outcome.change", "Bring the phased plan in writing")
    store.set_came_up(sid, ["Why did nobody tell us sooner?"])
    store.mark_sent(sid, "2026-11-27T16:10:00+00:00")
    store.mark_checkin(sid, date(2026, 12, 4))
    book = LessonBook(store)
    book.retire(book.add(sid, "Ask before proposing", "scorecard"))
    return sid


def _lesson_texts(store: SessionStore) -> list[tuple[str, str, bool]]:
    return sorted((x.text, x.source, bool(x.retired_at)) for x in LessonBook(store).all())


def test_what_came_after_the_meeting_travels_and_imports_once(
    store: SessionStore, tmp_path: Path
) -> None:
    sid = _after_the_meeting(store)
    original, lessons = store.get(sid), _lesson_texts(store)
    out = tmp_path / "s.yaml"
    assert main(["sessions", "export", str(sid), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["convocoach_session"] == FILE_VERSION
    assert main(["sessions", "delete", str(sid)]) == 0
    assert main(["sessions", "import", str(out)]) == 0
    assert main(["sessions", "import", str(out), "--replace"]) == 0
    (row,) = store.list_sessions()
    again = store.get(row.id)
    strip = [replace(s, id=0) for s in again.next_steps]
    assert replace(again, id=0, next_steps=tuple(strip)) == replace(
        original, id=0, next_steps=tuple(replace(s, id=0) for s in original.next_steps)
    )
    # The deleted session's own lessons stayed (a lesson outlives its session), and the
    # file's came in once, not once per import.
    assert _lesson_texts(store) == sorted(lessons + lessons)
    assert len(LessonBook(store).of_session(row.id)) == 2


@pytest.mark.parametrize("old", [1, 2, 3, 4])
def test_files_from_before_version_5_still_import(store: SessionStore, old: int) -> None:
    session = store.get(store.create("project-delays", "", "Old file"))
    data = yaml.safe_load(dump_session(session, "yaml"))
    data["convocoach_session"] = old
    for key in ("outcome", "sent_at", "checkins", "lessons"):
        del data[key]
    parsed = parse_session(yaml.safe_dump(data).encode(), "old.yaml")
    assert parsed.session.outcome.result == ""
    assert parsed.lessons == ()


def test_a_bad_move_in_a_file_names_its_line(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = _after_the_meeting(store)
    text = dump_session(store.get(sid), "yaml").replace(
        "new_due: '2026-12-09'", "new_due: 'next Tuesday'"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "next Tuesday" in row)
    capsys.readouterr()
    assert main(["sessions", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"bad.yaml:{line}:" in err
    assert "'next Tuesday' is not a date like 2026-11-27" in err


def test_sessions_show_says_how_it_went_and_what_moved(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = _after_the_meeting(store)
    capsys.readouterr()
    assert main(["sessions", "show", str(sid)]) == 0
    shown = capsys.readouterr().out
    assert "- [x] Send the plan (Us, by 2026-12-01, done on " in shown
    assert "from 2026-12-02 to 2026-12-09: their board meets on the 8th" in shown
    assert "## After the meeting" in shown
    assert "- **How it went:** Partly agreed" in shown
    assert "- **Follow-up sent:** 2026-11-27T16:10:00+00:00" in shown
    assert "- **Check-ins held:** 2026-12-04" in shown
    assert "  - Why did nobody tell us sooner?" in shown
