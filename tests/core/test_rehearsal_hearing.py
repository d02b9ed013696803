"""The client hears a repeat, a flat refusal and words off the subject: a stock formula does
not win a role-play, and a good reply with nonsense or a refusal added earns less."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import hearing
from convocoach.rehearsal.engine import begin, client_line, step
from convocoach.rehearsal.headless import play
from convocoach.sessions.rehearsal_file import rehearsal_to_data
from convocoach.sessions.rehearsals import RehearsalLog
from tests.conftest import BUNDLED
from tests.tui_support import open_store

FORMULA = (
    "I understand you feel frustrated. What would help most? I'll send the revised plan by Friday."
)
VARIANTS = (
    FORMULA,
    FORMULA + " Bananas are yellow.",
    FORMULA + " The price, the date and the scope all stay exactly as they are.",
    "No. Nothing changes. I'll send the revised plan by Friday.",
)
GOOD = (
    "I can see this puts you in a difficult spot, and I'm sorry we didn't warn you sooner. "
    "What matters most to you right now?"
)


@cache
def playbooks() -> tuple[Playbook, ...]:
    return tuple(load_playbook_file(path).playbook for path in sorted(BUNDLED.glob("*.yaml")))


def test_every_bundled_playbook_has_a_role_play() -> None:
    assert len(playbooks()) == 12


@pytest.mark.slow
@pytest.mark.parametrize("reply", VARIANTS)
def test_a_stock_formula_repeated_never_reaches_agreement(reply: str) -> None:
    for playbook in playbooks():
        assert playbook.rehearsal is not None
        played = play(playbook.rehearsal, coach_for(playbook), [reply] * 12)
        assert played.state.ending != "agreement", playbook.id


STUFFED = (
    "I understand you feel frustrated and let down. So what you're saying is this has hurt "
    "your plans. I'm sorry, that was my mistake. What would help most? I'll send you an "
    "update by 5pm tomorrow.",
    "It sounds like you're really disappointed, and that's fair. If I've got this right, you "
    "feel we let you down. I apologise, we got that wrong. What matters most to you? I'll "
    "call you on Monday at 10am.",
    "I can hear how upset you are. So the main worry is what this means for you. I'm sorry, "
    "it was our mistake. How can we make this right? I'll email you a summary by Friday noon.",
    "I can see this is stressful for you. What I'm hearing is that you need to trust us "
    "again. That's on us, and I'm sorry. What would a good outcome look like? I'll get back "
    "to you by Wednesday at 3pm.",
)
"""Every dimension the coach rewards in each reply (a feeling named, a reflection, an apology,
an open question, a dated next step), in other words each time, and nothing the client asked."""


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda path: path.stem)
def test_stuffing_every_dimension_into_each_reply_never_reaches_agreement(path: Path) -> None:
    # One playbook a test: the workers share the twelve role-plays out.
    playbook = load_playbook_file(path).playbook
    assert playbook.rehearsal is not None
    played = play(playbook.rehearsal, coach_for(playbook), list(STUFFED) * 3)
    assert played.state.ending != "agreement", playbook.id
    assert "unanswered" in [e.heard for e in played.state.exchanges], playbook.id


@pytest.mark.parametrize(
    "extra", [" Bananas are yellow.", " My cat likes jazz.", " The price stays exactly as it is."]
)
def test_nonsense_or_a_refusal_added_to_a_good_reply_earns_less(extra: str) -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        coach = coach_for(playbook)
        alone, _ = step(script, coach, begin(script), GOOD)
        added, _ = step(script, coach, begin(script), GOOD + extra)
        assert added.mood < alone.mood, playbook.id


def test_a_repeat_is_noticed_and_the_client_does_not_move_on() -> None:
    playbook = playbooks()[0]
    script = playbook.rehearsal
    assert script is not None
    coach = coach_for(playbook)
    first, _ = step(script, coach, begin(script), GOOD)
    again, _ = step(script, coach, first, GOOD.replace("sorry", "so sorry"))
    assert again.exchanges[-1].heard == "repeat"
    assert again.turn_id == first.turn_id
    assert again.mood == first.mood - 1
    assert client_line(script, again).startswith(hearing.REMARKS["repeat"][2 % 4])


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("No. Nothing changes.", True),
        ("The price, the date and the scope all stay exactly as they are.", True),
        ("That's final.", True),
        ("No, it isn't your fault, and here is what we can change.", False),
        ("Nothing was hidden from you; I'll show you every invoice.", False),
    ],
)
def test_a_flat_refusal(text: str, refusal: bool) -> None:
    assert hearing.is_refusal(text) == refusal


def test_words_off_the_subject() -> None:
    topic = hearing.known_words(["The checkout will not be ready for the holiday campaign."])
    everyday = hearing.everyday_words()
    assert hearing.off_topic("Bananas are yellow. The checkout is late.", topic, everyday) == [
        "Bananas are yellow."
    ]
    assert hearing.off_topic("The weekend crew starts on Saturday.", topic, everyday) == []
    assert hearing.off_topic("Sorry.", topic, everyday) == []


def test_what_the_client_heard_is_kept_with_the_rehearsal() -> None:
    playbook = playbooks()[0]
    script = playbook.rehearsal
    assert script is not None
    state = play(script, coach_for(playbook), [GOOD, GOOD]).state
    with open_store() as store:
        session_id = store.create(playbook.id)
        log = RehearsalLog(store)
        rehearsal_id = log.start(session_id, playbook.id, begin(script))
        log.save(rehearsal_id, state, 0.0)
        [saved] = [s for s in log.history() if s.id == rehearsal_id]
    assert saved.state.exchanges[-1].heard == "repeat"
    data = rehearsal_to_data(saved)
    assert data["exchanges"][-1]["heard"] == "repeat"
    assert data["exchanges"][0]["heard"] == "none"


POOL = st.sampled_from(
    [
        *VARIANTS,
        GOOD,
        "",
        "?",
        "You should have told us.",
        "ok",
        "I'll send the revised plan by Friday 5pm.",
        "Bananas are yellow.",
    ]
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 11), st.lists(st.one_of(POOL, st.text(max_size=80)), max_size=30))
def test_any_replies_end_within_the_turn_limit_and_never_raise(
    which: int, replies: list[str]
) -> None:
    playbook = playbooks()[which]
    script = playbook.rehearsal
    assert script is not None
    played = play(script, coach_for(playbook), [*replies] + ["ok"] * script.max_replies)
    assert played.state.ending is not None
    assert len(played.state.exchanges) <= script.max_replies


REPLIES = BUNDLED.parent / "tests" / "data" / "rehearsal_replies"


@pytest.mark.parametrize(("folder", "ending"), [("natural", "agreement"), ("blaming", "walkout")])
def test_replies_written_without_reading_the_scripts(folder: str, ending: str) -> None:
    files = sorted((REPLIES / folder).glob("*.txt"))
    assert len(files) == 6
    for path in files:
        playbook = next(p for p in playbooks() if p.id == path.stem)
        assert playbook.rehearsal is not None
        replies = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        played = play(playbook.rehearsal, coach_for(playbook), replies)
        assert played.state.ending == ending, path.stem


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("It is open to discussion, it isn't take it or leave it.", False),
        ("This is not non-negotiable.", False),
        ("Nothing changes until the new budget year.", False),
        ("Take it or leave it.", True),
    ],
)
def test_a_refusal_denied_or_put_off_is_not_a_refusal(text: str, refusal: bool) -> None:
    assert hearing.is_refusal(text) is refusal
