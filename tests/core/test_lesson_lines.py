"""Lessons in words: where each came from, on the Prepare step and in the Lessons view."""

from __future__ import annotations

from convocoach.followthrough.lesson_lines import (
    origin_words,
    prepare_line,
    prepare_lines,
    same_client,
    scorecard_lesson,
    who_words,
)
from convocoach.rehearsal.scorecard import DimensionTally, Scorecard
from convocoach.sessions.lessons import Lesson, LessonOrigin

DANA = Lesson(
    "Bring the phased plan  in writing.",
    "project-delays",
    source="outcome",
    client_name="Dana Whitfield",
    client_company="Northwind",
    created_at="2026-11-21T10:00:00+00:00",
    id=1,
    session_id=7,
)
ACME = Lesson(
    "Name the new date first.",
    "project-delays",
    source="outcome",
    client_name="Lee Park",
    client_company="Acme",
    created_at="2026-10-02T10:00:00+00:00",
    id=2,
    session_id=8,
)
SEVEN = LessonOrigin(7, "Launch slips", "2026-11-20")
EIGHT = LessonOrigin(8, "Project delays", "2026-10-01")


def test_the_same_client_s_lesson_says_when_and_which_conversation() -> None:
    assert prepare_line(DANA, SEVEN, with_client=True) == (
        "Last time with Dana Whitfield (2026-11-20, Launch slips): "
        "Bring the phased plan in writing."
    )


def test_the_same_playbook_s_lesson_names_the_conversation_and_the_client() -> None:
    assert prepare_line(ACME, EIGHT, with_client=False) == (
        "From \u2018Project delays\u2019 with Acme: Name the new date first."
    )


def test_a_lesson_whose_session_was_deleted_says_so_with_the_day_it_was_kept() -> None:
    assert prepare_line(DANA, None, with_client=True) == (
        "Last time with Dana Whitfield (2026-11-21, session deleted): "
        "Bring the phased plan in writing."
    )
    assert prepare_line(ACME, None, with_client=False) == (
        "From a deleted session with Acme: Name the new date first."
    )


def test_a_rehearsal_s_lesson_says_it_came_from_a_rehearsal() -> None:
    lesson = Lesson("Ask before answering.", "project-delays", source="scorecard", id=3)
    assert prepare_line(lesson, EIGHT, with_client=False) == (
        "From \u2018Project delays\u2019 (rehearsal): Ask before answering."
    )
    named = Lesson("Ask first.", "p", source="scorecard", client_name="Dana Whitfield", id=4)
    assert prepare_line(named, SEVEN, with_client=True) == (
        "Last time with Dana Whitfield (2026-11-20, Launch slips, in rehearsal): Ask first."
    )


def test_untitled_sessions_and_unnamed_clients_read_plainly() -> None:
    lesson = Lesson("Slow down.", "p", id=5, session_id=9)
    assert prepare_line(lesson, LessonOrigin(9, " ", ""), with_client=False) == (
        "From an untitled session: Slow down."
    )


def test_prepare_lines_keeps_the_order_and_tells_the_same_client_apart() -> None:
    lines = prepare_lines([DANA, ACME], {1: SEVEN, 2: EIGHT}, "dana  whitfield", "NORTHWIND")
    assert lines[0].startswith("Last time with Dana Whitfield (2026-11-20")
    assert lines[1].startswith("From \u2018Project delays\u2019 with Acme")


def test_the_same_client_needs_a_name() -> None:
    assert same_client(DANA, "Dana Whitfield", "Northwind")
    assert not same_client(DANA, "Dana Whitfield", "Southwind")
    nameless = Lesson("x", "p", client_company="Northwind")
    assert not same_client(nameless, "", "Northwind")


def test_origin_and_client_words_for_the_lessons_view() -> None:
    assert origin_words(DANA, SEVEN) == "Launch slips (2026-11-20)"
    assert origin_words(DANA, None) == "session deleted (2026-11-21)"
    assert origin_words(DANA, LessonOrigin(7, "", "")) == "Untitled session (2026-11-21)"
    assert who_words(DANA) == "Dana Whitfield, Northwind"
    assert who_words(Lesson("x", "p", client_company="Acme")) == "Acme"


def card(tips: tuple[str, ...], *tallies: DimensionTally) -> Scorecard:
    return Scorecard("", 3, tallies, 0, 0, (), tips, ())


def test_a_scorecard_s_lesson_is_its_first_tip_without_the_rehearsal_s_figures() -> None:
    tips = (
        "Blame: Own the delay (it cost 3 of the client's mood)",
        "Empathy: Name the feeling",
    )
    assert scorecard_lesson(card(tips)) == "Blame: Own the delay"


def test_without_tips_the_weakest_dimension_is_the_lesson() -> None:
    weak = DimensionTally("REFL", "Reflective listening", 1, 3, 0)
    weaker = DimensionTally("ASK", "Open questions", 0, 2, 0)
    good = DimensionTally("OWN", "Ownership", 3, 0, 0)
    assert scorecard_lesson(card((), weak, weaker, good)) == (
        "Open questions: show it more often (it passed 0 of 2)."
    )
    assert scorecard_lesson(card((), good)) == ""
