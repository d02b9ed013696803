"""Export and import round-trip exactly; a bad import file changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.cli import main
from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.diagnostics import InvalidFile
from convocoach.locations import Locations
from convocoach.playbooks.loader import load_playbook_file
from convocoach.rehearsal.engine import begin, client_line, respond
from convocoach.rehearsal.script import Script
from convocoach.sessions.fileformat import dump_session, parse_session
from convocoach.sessions.model import NextStep
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.sessions.store import SessionStore
from tests.conftest import BUNDLED

HOSTILE = "Dana \u202b\u05e9\u05dc\u05d5\u05dd\u202c {{ 7*7 }} {% raw %} 😀\n  trailing  \n"


def make_session(store: SessionStore) -> int:
    sid = store.create("project-delays", "ab" * 32, "Acme: launch slip")
    store.set_field(sid, "client.name", "Zoë O'Brien")
    store.set_field(sid, "client.email", "zoe@example.com")
    store.set_field(sid, "meeting.date", "2026-11-27")
    store.set_field(sid, "meeting.time", "09:30")
    store.set_field(sid, "notes", HOSTILE)
    store.set_answer(sid, "facts", 0, "What slipped?", "yes")
    store.set_list(sid, "points", ["NO", "1:30", "012"])
    store.add_next_step(sid, NextStep("Send the plan", "person", "Ana", "2026-12-01"))
    return sid


@pytest.fixture
def store() -> Iterator[SessionStore]:
    opened = SessionStore.open(Locations.from_env().database)
    yield opened
    opened.close()


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_import_export_is_identical(store: SessionStore, fmt: str) -> None:
    original = store.get(make_session(store))
    text = dump_session(original, fmt)
    parsed = parse_session(text.encode(), f"s.{fmt}").session
    assert dump_session(parsed, fmt) == text
    assert parsed.notes == HOSTILE.replace("\u202b", "").replace("\u202c", "")
    assert parsed.points == ("NO", "1:30", "012")


def test_cli_round_trip_through_a_file(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = make_session(store)
    out = tmp_path / "session.yaml"
    assert main(["sessions", "export", str(sid), "-o", str(out)]) == 0
    assert main(["sessions", "import", str(out)]) == 2
    assert "already here" in capsys.readouterr().err
    assert main(["sessions", "delete", str(sid)]) == 0
    assert main(["sessions", "import", str(out)]) == 0
    (row,) = store.list_sessions()
    again = tmp_path / "again.yaml"
    assert main(["sessions", "export", str(row.id), "-o", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    assert main(["sessions", "import", str(out), "--replace"]) == 0
    assert len(store.list_sessions()) == 1


@cache
def delays_script_and_coach() -> tuple[Script, Coach]:
    """Read and compiled once: a coach takes a tenth of a second to build."""
    script = load_playbook_file(BUNDLED / "project-delays.yaml").playbook.rehearsal
    assert script is not None
    return script, coach_for_rubric(bundled_rubric())


def add_rehearsals(store: SessionStore, sid: int) -> None:
    """One finished and one unfinished rehearsal, as the app saves them."""
    script, coach = delays_script_and_coach()
    log = RehearsalLog(store)
    for replies in (
        (
            "I'm sorry. It sounds like this has put you in a hard spot.",
            "Calm down, you should have told us sooner.",
        ),
        ("What worries you most about the board meeting?",),
    ):
        state = begin(script)
        rid = log.start(sid, "project-delays", state)
        for reply in replies:
            if state.ending is None:
                score = coach.score(reply, client_line(script, state))
                state = respond(script, state, reply, score, seconds=12.25)
        log.save(rid, state, 41.5)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_rehearsals_travel_with_the_session(store: SessionStore, tmp_path: Path, fmt: str) -> None:
    sid = make_session(store)
    add_rehearsals(store, sid)
    before = RehearsalLog(store).history(sid)
    out = tmp_path / f"session.{fmt}"
    assert main(["sessions", "export", str(sid), "--format", fmt, "-o", str(out)]) == 0
    assert main(["sessions", "delete", str(sid)]) == 0
    assert RehearsalLog(store).history() == []
    assert main(["sessions", "import", str(out)]) == 0
    (row,) = store.list_sessions()
    after = RehearsalLog(store).history(row.id)
    assert [(r.playbook_id, r.state, r.seconds, r.started_at) for r in after] == [
        (r.playbook_id, r.state, r.seconds, r.started_at) for r in before
    ]
    again = tmp_path / f"again.{fmt}"
    assert main(["sessions", "export", str(row.id), "--format", fmt, "-o", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_a_version_1_file_without_rehearsals_still_imports(store: SessionStore) -> None:
    text = dump_session(store.get(make_session(store)), "yaml")
    old = (
        text.replace("convocoach_session: 3", "convocoach_session: 1")
        .replace("rehearsals: []\n", "")
        .replace("checkin_until: ''\n", "")
    )
    assert "rehearsals" not in old
    assert parse_session(old.encode(), "old.yaml").rehearsals == ()


def test_the_end_of_the_check_ins_travels_and_older_files_have_none(store: SessionStore) -> None:
    sid = make_session(store)
    store.set_field(sid, "checkin_until", "2027-03-01")
    text = dump_session(store.get(sid), "yaml")
    assert "checkin_until: '2027-03-01'\n" in text
    assert parse_session(text.encode(), "s.yaml").session.checkin_until == "2027-03-01"
    old = text.replace("convocoach_session: 3", "convocoach_session: 2").replace(
        "checkin_until: '2027-03-01'\n", ""
    )
    assert parse_session(old.encode(), "old.yaml").session.checkin_until == ""


def test_bad_import_reports_every_problem_and_changes_nothing(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = dump_session(store.get(make_session(store)), "yaml")
    before = store.list_sessions()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        good.replace("uuid: ", "uuid: x")
        .replace("channel: video", "channel: zoom")
        .replace("status: open", "status: opn"),
        encoding="utf-8",
    )
    assert main(["sessions", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2:7: error:" in err
    assert "[meeting.channel]" in err
    assert "did you mean 'open'?" in err
    assert store.list_sessions() == before


def test_unquoted_dates_and_times_written_by_hand_are_accepted(store: SessionStore) -> None:
    text = dump_session(store.get(make_session(store)), "yaml").replace(
        "'2026-11-27'", "2026-11-27"
    )
    assert "date: 2026-11-27\n" in text
    assert parse_session(text.encode(), "s.yaml").session.meeting.date == "2026-11-27"


def test_impossible_date_is_refused() -> None:
    with pytest.raises(InvalidFile) as caught:
        parse_session(
            b"convocoach_session: 1\nuuid: 00000000-0000-0000-0000-000000000000\n"
            b"playbook_id: x\nnext_checkin: '2026-02-30'\n",
            "s.yaml",
        )
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.path) == (4, 15, "next_checkin")


def test_sessions_list_show_and_json(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = make_session(store)
    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "Acme: launch slip" in out
    assert "Zoë O'Brien" in out
    assert main(["sessions", "show", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "# Acme: launch slip" in out
    assert "Send the plan (Ana, by 2026-12-01)" in out
    assert main(["sessions", "show", "999"]) == 2
    assert "no session with id 999" in capsys.readouterr().err


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_import_text_gives_a_session_or_a_clean_error(text: str) -> None:
    problems: tuple[object, ...] = ("no error",)
    try:
        parse_session(text.encode("utf-8", "surrogatepass"), "s.yaml")
    except InvalidFile as exc:
        problems = exc.problems
    assert problems


@pytest.mark.slow
def test_export_leaves_out_the_oldest_rehearsals_beyond_what_import_takes(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from convocoach.sessions import limits

    sid = make_session(store)
    for _ in range(limits.REHEARSALS // 2 + 1):  # two each: one over the limit
        add_rehearsals(store, sid)
    history = RehearsalLog(store).history(sid)
    assert len(history) == limits.REHEARSALS + 2
    out = tmp_path / "many.yaml"
    capsys.readouterr()
    assert main(["sessions", "export", str(sid), "-o", str(out)]) == 0
    assert "the 2 oldest rehearsals of this session are not in the file" in capsys.readouterr().err
    imported = parse_session(out.read_bytes(), str(out))
    assert len(imported.rehearsals) == limits.REHEARSALS
    assert imported.rehearsals[-1].started_at == history[-1].started_at


def test_export_stays_within_the_import_size_limit(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convocoach.sessions import fileformat

    sid = make_session(store)
    for _ in range(6):
        add_rehearsals(store, sid)
    history = RehearsalLog(store).history(sid)
    whole = dump_session(store.get(sid), "json", history)
    limit = len(whole.encode()) - 1  # one byte short of the whole file
    monkeypatch.setattr(fileformat, "SESSION_MAX_BYTES", limit)
    text, left_out = fileformat.export_session(store.get(sid), "json", history)
    assert left_out == 1
    assert len(text.encode()) <= limit
    assert len(fileformat.parse_session(text.encode(), "s.json").rehearsals) == len(history) - 1
