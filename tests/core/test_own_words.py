"""Which parts of an email hold the user's own words, named for a person, and the one note
the app and the command line give for an email in another language."""

from __future__ import annotations

from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.own_words import own_words, own_words_note
from convocoach.sessions.model import Meeting, NextStep, Session, StepMove

UUID = "0b0e6b8a-3f1c-4c8e-9a51-6f4f3c2d1e0f"


def _session(**changes: object) -> Session:
    return Session(uuid=UUID, playbook_id="project-delays", **changes)  # type: ignore[arg-type]


def test_an_empty_session_has_no_words_of_the_users() -> None:
    assert own_words(_session()) == []
    assert own_words(_session(title="  ", points=(" ",), meeting=Meeting(place=""))) == []


def test_each_part_present_is_named_in_the_emails_order() -> None:
    moved = NextStep("Send the plan", moves=(StepMove("2026-11-30", reason="Board on the 8th"),))
    session = _session(
        title="Launch slip",
        meeting=Meeting(place="Room 4"),
        points=("New date",),
        next_steps=(moved,),
    )
    assert own_words(session) == [
        "the title (the email's topic)",
        "the meeting's place",
        "the discussion points",
        "the next steps",
    ]
    # A move's reason is in the check-in email only.
    assert own_words(session, checkin=True)[-1] == "the reasons a next step moved"


def test_dropped_steps_are_not_in_the_email() -> None:
    dropped = NextStep("Old idea", status="dropped", moves=(StepMove("2026-11-30", reason="x"),))
    assert own_words(_session(next_steps=(dropped,)), checkin=True) == []


def test_an_edited_follow_up_is_the_users_edit_alone_but_not_the_check_ins() -> None:
    session = _session(email_draft="Hallo Dana", points=("New date",))
    assert own_words(session) == ["your own edit of the email"]
    assert own_words(session, checkin=True) == ["the discussion points"]


def test_the_note_names_the_language_register_and_parts() -> None:
    german = EmailLanguage("de", "formal")
    assert own_words_note(german, ["the discussion points", "the next steps"]) == (
        "Written in German, formal. Your own words stay as you wrote them: the discussion "
        "points, the next steps — translate them yourself."
    )
    assert own_words_note(EmailLanguage("pt-BR", "informal"), []) == (
        "Written in Portuguese (Brazil), informal."
    )
    assert own_words_note(ENGLISH, ["the next steps"]) == ""
