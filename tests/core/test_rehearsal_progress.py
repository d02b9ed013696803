"""Progress over rehearsals told honestly: bars on one 0-100% scale, n/a as a gap and in words."""

from __future__ import annotations

from convocoach.coach.loader import bundled_rubric
from convocoach.rehearsal.progress import BARS, GAP, Trend, spark, trends
from tests.core.test_rehearsal_engine import AGREE, BLAME, play


def test_one_rehearsal_draws_bars_of_different_heights() -> None:
    # Scaled to the data's own range, a single value filled every bar whatever it was.
    assert spark([0.25]) != spark([1.0])
    assert spark([1.0]) == BARS[-1]
    assert spark([0.0]) == BARS[0]


def test_a_steady_full_score_is_drawn_full() -> None:
    assert spark([1.0, 1.0, 1.0]) == BARS[-1] * 3


def test_bars_keep_their_height_whatever_the_rest_of_the_row() -> None:
    assert spark([0.5, 1.0])[0] == spark([0.5, 0.0])[0] == spark([0.5])


def test_a_rehearsal_that_did_not_judge_a_dimension_is_a_gap() -> None:
    assert spark([1.0, None, 0.0]) == BARS[-1] + GAP + BARS[0]


def test_an_unjudged_latest_rehearsal_says_so() -> None:
    trend = Trend("NEXT", "Concrete next step", (0.5, 1.0, None))
    assert trend.latest is None
    assert trend.change is None
    assert trend.summary() == "latest n/a (last measured 100%)"
    assert Trend("NEXT", "Concrete next step", (None,)).summary() == "latest n/a"


def test_the_latest_rate_and_its_change_in_points() -> None:
    assert Trend("X", "x", (0.5, 1.0)).summary() == "latest 100% (+50 points)"
    assert Trend("X", "x", (0.5, 0.51)).summary() == "latest 51% (+1 point)"
    assert Trend("X", "x", (1.0, None, 0.5)).summary() == "latest 50% (-50 points)"
    assert Trend("X", "x", (0.25,)).summary() == "latest 25%"
    assert Trend("X", "x", (1.0, 1.0)).summary() == "latest 100% (no change)"


def test_trends_from_rehearsals_where_the_last_one_ended_early() -> None:
    by_code = {t.code: t for t in trends([play(*AGREE), play(*BLAME)], bundled_rubric())}
    assert by_code["NEXT"].rates == (1.0, None)
    assert by_code["NEXT"].summary() == "latest n/a (last measured 100%)"
    assert spark(by_code["NEXT"].rates) == BARS[-1] + GAP
