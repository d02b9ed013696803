"""The role-play's client who reads English as a second language: they ask what an idiom
means instead of reacting to the reply, once per idiom, and the scorecard says so."""

from __future__ import annotations

from pathlib import Path

import yaml

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.model import Reader
from convocoach.rehearsal import clarify
from convocoach.rehearsal.engine import State, begin, client_line, step, undo
from convocoach.rehearsal.headless import play
from convocoach.rehearsal.progress import trends
from convocoach.rehearsal.scorecard import scorecard
from convocoach.schema import convert_document
from convocoach.sessions.rehearsal_file import REHEARSAL, rehearsal_to_data
from convocoach.sessions.rehearsals import RehearsalLog, SavedRehearsal
from convocoach.sessions.store import SessionStore
from tests.core.test_rehearsal_engine import AGREE, coach, delays

BALLPARK = (
    "I'm sorry we didn't warn you sooner, and I can give you a ballpark figure for the new "
    "date today."
)


def say(state: State, reply: str, reader: Reader = "non_native") -> State:
    return step(delays(), coach(), state, reply, reader=reader)[0]


def test_the_client_asks_what_an_idiom_means_instead_of_reacting() -> None:
    start = begin(delays())
    asked = say(start, BALLPARK)
    last = asked.exchanges[-1]
    assert (last.heard, last.unclear) == ("unclear", "ballpark figure")
    assert (asked.turn_id, asked.mood) == (start.turn_id, start.mood)  # no move, no cost
    assert "ballpark figure" in last.note
    said = client_line(delays(), asked)
    assert said == "Sorry \u2014 what do you mean by \u2018ballpark figure\u2019?"
    assert "CLEAR" in last.penalties


def test_a_reader_of_ones_own_language_hears_the_reply_as_ever() -> None:
    start = begin(delays())
    heard = say(start, BALLPARK, "native")
    assert heard.exchanges[-1].heard != "unclear"
    assert heard.exchanges[-1].unclear == ""
    assert "CLEAR" not in dict(heard.exchanges[-1].statuses)
    assert "what do you mean" not in client_line(delays(), heard)


def test_jargon_plain_flags_is_asked_about_too_and_each_phrase_only_once() -> None:
    state = say(begin(delays()), "Let's touch base tomorrow about the new date.")
    assert state.exchanges[-1].unclear == "touch base"
    again = say(state, "Sorry: let's touch base tomorrow, I mean talk, about the new date.")
    assert again.exchanges[-1].heard != "unclear"  # asked once; the conversation goes on


def test_plain_words_carry_the_conversation_as_for_anyone() -> None:
    native = play(delays(), coach(), list(AGREE)).state
    second = play(delays(), coach(), list(AGREE), "non_native").state
    assert [e.turn_id for e in second.exchanges] == [e.turn_id for e in native.exchanges]
    assert second.ending == native.ending == "agreement"
    assert all(e.status("CLEAR") is not None for e in second.exchanges)


def test_undo_takes_the_question_back() -> None:
    start = begin(delays())
    assert undo(say(start, BALLPARK)) == start


def test_the_scorecard_and_progress_show_clear_only_when_judged() -> None:
    rubric = bundled_rubric()
    native = play(delays(), coach(), list(AGREE)).state
    assert "CLEAR" not in [t.code for t in scorecard(native, rubric).dimensions]
    assert "CLEAR" not in [t.code for t in trends([native], rubric)]
    asked = say(begin(delays()), BALLPARK)
    card = scorecard(asked, rubric)
    clear = next(t for t in card.dimensions if t.code == "CLEAR")
    assert (clear.passed, clear.failed) == (0, 1)
    assert any("had to ask what an idiom meant" in tip for tip in card.tips)
    assert [t.code for t in trends([native, asked], rubric)][-1] == "CLEAR"


def test_the_question_without_its_words() -> None:
    assert clarify.question("") == clarify.VAGUE_QUESTION
    assert clarify.question("  on the   same page ") == (
        "Sorry \u2014 what do you mean by \u2018on the same page\u2019?"
    )


def test_the_question_is_kept_when_the_rehearsal_is_saved_resumed_and_exported(
    tmp_path: Path,
) -> None:
    asked = say(begin(delays()), BALLPARK)
    with SessionStore.open(tmp_path / "sessions.db") as store:
        session_id = store.create("project-delays")
        log = RehearsalLog(store)
        rehearsal_id = log.start(session_id, "project-delays", begin(delays()))
        log.save(rehearsal_id, asked, 12.0)
        resumed = log.get(rehearsal_id)
    assert resumed.state.exchanges[-1].unclear == "ballpark figure"
    assert client_line(delays(), resumed.state) == client_line(delays(), asked)
    data = rehearsal_to_data(resumed)
    assert data["exchanges"][-1]["unclear"] == "ballpark figure"
    text = yaml.safe_dump(data, allow_unicode=True)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    imported, problems = convert_document(root, REHEARSAL, "r.yaml", text)
    assert problems == []
    assert isinstance(imported, SavedRehearsal)
    assert imported.state.exchanges[-1].unclear == "ballpark figure"
