"""Playing the project-delays role-play to each ending, undo, and the scorecard."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.playbooks.loader import load_playbook_file
from convocoach.rehearsal.engine import State, begin, client_line, respond, undo
from convocoach.rehearsal.scorecard import scorecard
from convocoach.rehearsal.script import Script
from tests.conftest import BUNDLED


@lru_cache(maxsize=1)
def delays() -> Script:
    script = load_playbook_file(BUNDLED / "project-delays.yaml").playbook.rehearsal
    assert script is not None
    return script


@lru_cache(maxsize=1)
def coach() -> Coach:
    return coach_for_rubric(bundled_rubric())


def say(state: State, reply: str) -> State:
    script = delays()
    score = coach().score(reply, client_line(script, state), script.persona.technical_level)
    return respond(script, state, reply, score)


def play(*replies: str) -> State:
    state = begin(delays())
    for reply in replies:
        state = say(state, reply)
    return state


AGREE = (
    "That puts you in a really awkward spot with your board, and I'm sorry we didn't warn "
    "you sooner: the payment provider changed its card check, and we found out too late.",
    "The card checkout can go live on 28 November, two weeks late, and I'll send you a "
    "revised plan by Thursday noon with what it depends on.",
    "We could launch the core checkout in phases: the card payments on time and the rest in "
    "January. I'll confirm that in writing by Thursday. What matters most to you for the "
    "campaign?",
)
BLAME = (
    "You should have read the status reports.",
    "Calm down, as I told you the risks were in the plan.",
)
"""Two blaming replies: the client walks out, and NEXT is never judged."""


def test_acknowledging_and_concrete_steps_reach_an_agreement() -> None:
    state = play(*AGREE)
    assert state.ending == "agreement"
    assert [e.turn_id for e in state.exchanges] == ["opening", "wants_facts", "options"]
    assert [e.mood_after for e in state.exchanges] == [4, 6, 8]
    line = client_line(delays(), state)
    assert "by Thursday and" in line  # the time the user promised, in the client's words
    assert not line.startswith("Phases mean")  # at an ending, no more objections
    assert state.exchanges[-1].passed == ("first_phase",)


def test_blame_twice_makes_the_client_walk_out() -> None:
    state = play(
        "Well, you should have read our status reports.",
        "Calm down, as I told you the risks were in the plan.",
    )
    assert state.ending == "walkout"
    assert state.mood == 0
    assert state.exchanges[0].penalties == ("NOBLAME",)
    assert state.exchanges[0].note.startswith("Blame or a stock phrase")


CIRCLES = (
    "The integration had some issues.",
    "There were several factors involved.",
    "It has been a complicated few weeks for everybody.",
    "The team is working through the list.",
    "We are looking at all of it.",
)
"""Replies that answer nothing the client asks, and offend nobody."""


def test_going_round_in_circles_ends_in_a_stalemate() -> None:
    state = begin(delays())
    for reply in CIRCLES:
        if state.ending is None:
            state = say(state, reply)
    assert "unanswered" in [e.heard for e in state.exchanges]  # asked once more first
    assert state.ending == "stalemate"


def test_too_many_replies_end_in_a_stalemate() -> None:
    # The client keeps asking for plain words; after max_replies it is a stalemate.
    state = begin(delays())
    replies = 0
    while state.ending is None:
        state = say(state, "Thank you for raising it.")
        replies += 1
    assert replies <= delays().max_replies
    assert state.ending in ("stalemate", "walkout")


def test_undo_goes_back_exactly_one_reply() -> None:
    first = play(AGREE[0])
    second = say(first, AGREE[1])
    assert undo(second) == first
    assert undo(begin(delays())) == begin(delays())
    assert say(undo(second), AGREE[1]) == second  # same reply, same result


def test_the_scorecard() -> None:
    state = play(*AGREE)
    card = scorecard(state, bundled_rubric())
    assert card.ending == "agreement"
    assert card.replies == 3
    tally = {t.code: t for t in card.dimensions}
    assert (tally["NEXT"].passed, tally["NEXT"].not_applicable) == (2, 1)
    assert tally["NOBLAME"].rate == 1.0
    assert card.questions == 1
    assert [e.turn_id for e in card.movers] == ["wants_facts", "options", "opening"]
    assert "I'll send you a revised plan by Thursday noon" in card.commitments[0]
    assert card.path == ("opening", "wants_facts", "options", "first_phase", "agreement")
    assert any(tip.startswith("Reflects what they said") for tip in card.tips)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=14))
def test_any_replies_keep_the_mood_in_range_and_end_in_time(replies: list[str]) -> None:
    state = begin(delays())
    for reply in replies:
        if state.ending is not None:
            break
        state = say(state, reply)
        assert 0 <= state.mood <= 10
    assert len(state.exchanges) <= delays().max_replies
    if len(state.exchanges) == delays().max_replies:
        assert state.ending is not None
