"""The hand-labelled replies: well formed, and the coach keeps agreeing with them.

The floors below are regression guards, set under today's figures (benchmarks/bench_coach.py
prints them per dimension); the rubric was tuned on these same replies, so treat them as
a development set, not as an estimate for new text.
"""

from __future__ import annotations

from collections import Counter

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach
from tests.coach_labels import CODES, evaluate, load_labels


def test_the_labelled_set_is_big_and_balanced_enough() -> None:
    entries = load_labels()
    assert len(entries) >= 60
    assert len({e["id"] for e in entries}) == len(entries)
    assert len({e["challenge"] for e in entries}) >= 10
    for entry in entries:
        assert set(entry["expect"]) == set(CODES), entry["id"]
        assert entry["level"] in ("low", "medium", "high")
    for code in CODES:
        counts = Counter(e["expect"][code] for e in entries)
        assert counts["pass"] >= 10, code
        assert counts["fail"] >= 10, code


def test_the_coach_agrees_with_the_labels() -> None:
    tallies = evaluate(Coach(bundled_rubric()), load_labels())
    mean = sum(t.agreement for t in tallies.values()) / len(tallies)
    assert mean >= 0.9
    for code, tally in tallies.items():
        assert tally.agreement >= 0.7, (code, tally.misses)
        assert tally.precision >= 0.75, (code, tally.misses)
