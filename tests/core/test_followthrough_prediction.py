"""The rehearsal's prediction beside the real outcome (issue 18, the Outcome step)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from convocoach.followthrough.prediction import Prediction, predict
from convocoach.rehearsal.engine import State, begin
from convocoach.rehearsal.script import Ending
from convocoach.sessions.model import Outcome
from convocoach.sessions.rehearsals import RehearsalLog, SavedRehearsal
from convocoach.sessions.store import SessionStore
from tests.core.test_rehearsal_engine import AGREE, delays, play


def saved(mood: int, ending: Ending | None = None, rid: int = 1) -> SavedRehearsal:
    return SavedRehearsal(
        rid, 1, "project-delays", "", "", State("t", mood, ending=ending), seconds=60
    )


def test_the_line_sets_the_rehearsal_beside_the_real_outcome() -> None:
    prediction = predict([saved(8, "agreement")], Outcome(result="partly"))
    assert prediction.line == "Rehearsed: agreement at mood 8 \u2014 real: partly agreed"
    assert prediction.match == "worse"
    assert prediction.verdict == "The meeting went worse than the rehearsal."


@pytest.mark.parametrize(
    ("ending", "result", "match"),
    [
        ("agreement", "agreed", "as rehearsed"),
        ("agreement", "partly", "worse"),
        ("agreement", "escalated", "worse"),
        ("stalemate", "none", "as rehearsed"),
        ("stalemate", "partly", "better"),
        ("stalemate", "agreed", "better"),
        ("stalemate", "escalated", "worse"),
        ("walkout", "escalated", "as rehearsed"),
        ("walkout", "none", "better"),
    ],
)
def test_whether_the_meeting_went_as_rehearsed(ending: Ending, result: str, match: str) -> None:
    assert predict([saved(5, ending)], Outcome(result=result)).match == match


def test_the_latest_finished_rehearsal_predicts_not_a_later_unfinished_one() -> None:
    history = [saved(3, "walkout", 1), saved(9, "agreement", 2), saved(4, None, 3)]
    prediction = predict(history, Outcome(result="agreed"))
    assert prediction == Prediction("agreement", 9, "agreed")
    assert prediction.match == "as rehearsed"
    assert prediction.verdict == "The meeting went as the rehearsal did."


def test_no_rehearsal_unfinished_only_and_no_outcome_yet() -> None:
    nothing = predict([], Outcome())
    assert nothing.line == "Not rehearsed \u2014 real: not recorded yet"
    assert nothing.match is None
    assert nothing.verdict == ""
    unfinished = predict([saved(6)], Outcome(result="none"))
    assert unfinished.line == "Rehearsed: not to an end (left at mood 6) \u2014 real: no agreement"
    assert unfinished.match is None  # nothing predicted to compare with
    waiting = predict([saved(7, "stalemate")], Outcome(reaction="Quiet"))
    assert waiting.line == "Rehearsed: stalemate at mood 7 \u2014 real: not recorded yet"
    assert waiting.match is None


def test_a_rehearsal_played_to_agreement_and_stored_predicts_agreement(tmp_path: Path) -> None:
    def clock() -> datetime:
        return datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)

    with SessionStore.open(tmp_path / "sessions.db", clock) as store:
        sid = store.create("project-delays")
        log = RehearsalLog(store)
        rid = log.start(sid, "project-delays", begin(delays()))
        finished = play(*AGREE)
        log.save(rid, finished, 90)
        store.set_field(sid, "outcome.result", "escalated")
        prediction = predict(log.history(sid), store.get(sid).outcome)
    assert finished.ending == "agreement"
    assert prediction.line == (
        f"Rehearsed: agreement at mood {finished.mood} \u2014 real: escalated"
    )
    assert prediction.match == "worse"
