"""The steps of a session, the Prepare checklist, and the checks on typed fields."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from convocoach.diagnostics import InvalidFile
from convocoach.followup.email import find_template
from convocoach.followup.export import export_followup, file_stem
from convocoach.locations import Locations
from convocoach.playbooks.loader import load_playbook_file
from convocoach.preferences import Preferences, load_preferences, save_preferences
from convocoach.profile import Profile
from convocoach.sessions.field_check import check_field
from convocoach.sessions.flow import meeting_key, neighbour, resume_step, steps_done
from convocoach.sessions.model import Answer, Client, Meeting, NextStep, Outcome, Session
from convocoach.sessions.prompts import answered_count, prep_prompts
from convocoach.sessions.steps import STEP_KEYS
from tests.conftest import BUNDLED

DELAYS = load_playbook_file(BUNDLED / "project-delays.yaml", "bundled").playbook


def test_prepare_prompts_follow_the_playbook_in_order() -> None:
    prompts = prep_prompts(DELAYS)
    sections = [p.section for p in prompts]
    assert sections == sorted(
        sections, key=["facts", "perspective", "options", "walk_away", "questions"].index
    )
    assert prompts[0].text == DELAYS.prepare.facts[0]
    assert len({p.key for p in prompts}) == len(prompts)
    option = next(p for p in prompts if p.section == "options")
    assert DELAYS.prepare.options[0].name in option.text
    assert "gains:" in option.hint
    assert "costs:" in option.hint
    asked = [p for p in prompts if p.section == "questions"]
    assert asked[0].hint == DELAYS.prepare.questions[0].answer
    # one extra "another option" prompt after the playbook's own
    assert sum(p.section == "options" for p in prompts) == len(DELAYS.prepare.options) + 1


def test_steps_done_follow_what_the_session_holds() -> None:
    prompts = prep_prompts(DELAYS)
    empty = Session(uuid="u", playbook_id="project-delays")
    assert steps_done(empty, prompts) == frozenset()
    full = replace(
        empty,
        client=Client(name="Dana"),
        meeting=Meeting(date="2026-11-24", time="10:00"),
        answers=tuple(Answer(p.section, p.position, p.text, "yes") for p in prompts),
        phrases=("I can see why",),
        next_steps=(NextStep("Send plan"),),
        next_checkin="2026-12-01",
        exported_at="2026-11-24T12:00:00+00:00",
        outcome=Outcome(result="partly"),
    )
    checked = meeting_key(full.meeting)
    assert steps_done(full, prompts, timing_checked=checked) == frozenset(STEP_KEYS) - {"rehearse"}
    blank_answer = replace(full, answers=(*full.answers[:-1], Answer("questions", 99, "x", " ")))
    assert "prepare" not in steps_done(blank_answer, prompts)
    assert answered_count(prompts, blank_answer.answers) == len(prompts) - 1
    # The outcome is done by how it went; a reaction alone does not record it.
    reaction_only = replace(full, outcome=Outcome(reaction="Relieved"))
    assert "outcome" not in steps_done(reaction_only, prompts, timing_checked=checked)


def test_timing_is_done_once_its_check_of_this_meeting_was_seen() -> None:
    session = Session(
        uuid="u", playbook_id="project-delays", meeting=Meeting(date="2026-11-24", time="10:00")
    )
    assert "timing" not in steps_done(session, ())  # a meeting, but the step not seen yet
    seen = meeting_key(session.meeting)
    assert "timing" in steps_done(session, (), timing_checked=seen)
    moved = replace(session, meeting=replace(session.meeting, time="17:30"))
    assert "timing" not in steps_done(moved, (), timing_checked=seen)  # look again
    undated = replace(session, meeting=Meeting())
    assert "timing" not in steps_done(undated, (), timing_checked=meeting_key(Meeting()))


def test_resume_and_neighbours_stay_in_range() -> None:
    session = Session(uuid="u", playbook_id="p", step="agree")
    assert resume_step(session) == "agree"
    assert resume_step(replace(session, step="rehearsal-v9")) == "situation"
    assert neighbour("situation", -1) == "situation"
    assert neighbour("followup", 1) == "outcome"
    assert neighbour("outcome", 1) == "outcome"
    assert neighbour("prepare", 1) == "timing"


@pytest.mark.parametrize(
    ("name", "typed", "stored"),
    [
        ("meeting.date", " 2026-11-24 ", "2026-11-24"),
        ("meeting.date", "", ""),
        ("meeting.time", "09:30", "09:30"),
        ("meeting.duration_min", "45", 45),
        ("client.email", "dana@northwind.example", "dana@northwind.example"),
        ("client.name", "  Dana  ", "Dana"),
    ],
)
def test_valid_fields(name: str, typed: str, stored: str | int) -> None:
    assert check_field(name, typed) == stored


@pytest.mark.parametrize(
    ("name", "typed", "why"),
    [
        ("meeting.date", "2026-02-30", "a date like"),
        ("meeting.date", "24/11/2026", "a date like"),
        ("next_checkin", "tomorrow", "a date like"),
        ("meeting.time", "25:00", "24-hour time"),
        ("meeting.time", "9.30", "24-hour time"),
        ("meeting.duration_min", "4", "5 to 600"),
        ("meeting.duration_min", "", "5 to 600"),
        ("client.email", "dana at northwind", "one address, like"),
        ("client.email", "a@b\r\nBcc: x@y", "one address, like"),
    ],
)
def test_invalid_fields_say_why(name: str, typed: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        check_field(name, typed)


def test_preferences_round_trip_and_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    assert load_preferences(path) == Preferences()
    save_preferences(path, Preferences(theme="textual-light"))
    assert load_preferences(path).theme == "textual-light"
    path.write_text('{\n  "theme": [1, 2\n}\n', encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        load_preferences(path)
    assert f"{path}:3:1: error: Expecting ',' delimiter" in caught.value.format()
    path.write_text('{"theme": "[/] Quit"}', encoding="utf-8")
    with pytest.raises(InvalidFile, match="is not a theme name"):
        load_preferences(path)


def test_export_writes_each_format_with_a_safe_name(tmp_path: Path) -> None:
    session = Session(
        uuid="00000000-0000-4000-8000-000000000000",
        playbook_id="project-delays",
        title="Ünïcode / ../../etc: launch *slips*",
        client=Client(name="Dana"),
        meeting=Meeting(date="2026-11-24", time="10:00"),
    )
    assert file_stem(session) == "unicode-etc-launch-slips-followup"
    assert file_stem(replace(session, title="")) == "dana-followup"
    template = find_template(Locations.from_env())
    from datetime import datetime, timezone

    written = export_followup(
        tmp_path / "out",
        ("md", "eml", "ics"),
        template,
        session,
        DELAYS,
        Profile(name="Sam"),
        datetime(2026, 11, 23, tzinfo=timezone.utc),
    )
    assert [p.name for p in written] == [
        f"unicode-etc-launch-slips-followup.{f}" for f in ("md", "eml", "ics")
    ]
    assert all(p.parent == tmp_path / "out" and p.stat().st_size > 100 for p in written)
