"""The hand-labelled replies: well formed, both parts, and the coach keeps agreeing with them.

The floors below are regression guards set under today's figures (benchmarks/bench_coach.py
prints them per dimension). The tuning part is what rules are fitted to; the frozen part is
never used to change a rule, so its floors are the ones that say something about new text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.model import Weighed
from convocoach.coach.score import coach_for_rubric
from tests.coach_labels import (
    CODES,
    PARTS,
    SECOND_CODES,
    Tally,
    batch,
    batch_folds,
    evaluate,
    load_labels,
    reader_agreement,
    second_reader,
)

NA_ALLOWED = frozenset(("NEXT", "OWN", "READ"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_is_well_formed(part: str) -> None:
    entries = load_labels(part)  # type: ignore[arg-type]
    assert len({e["id"] for e in entries}) == len(entries)
    assert len({e["challenge"] for e in entries}) >= 6
    for entry in entries:
        assert set(entry["expect"]) == set(CODES), entry["id"]
        assert entry["level"] in ("low", "medium", "high")
        assert isinstance(entry.get("client", ""), str)
        for code, label in entry["expect"].items():
            assert label in ("pass", "fail", "n/a"), entry["id"]
            assert label != "n/a" or code in NA_ALLOWED, (entry["id"], code)


def test_the_readme_quotes_the_parts_and_thresholds_as_they_are() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    tuning, frozen = load_labels("tuning"), load_labels("frozen")
    outside = sum(1 for e in tuning if e["id"].startswith("tune-"))
    assert f"a tuning part of {len(tuning):,} replies" in readme
    assert f"{outside:,} of them written by outside writers" in readme
    assert f"frozen part of {len(frozen)} replies" in readme
    blame, brush, verdicts = (
        sum(e["expect"][code] == "fail" for e in frozen)
        for code in ("NOBLAME", "NODISMISS", "NOABS")
    )
    said = (
        f"{blame} of its replies blame, {brush} brush aside and {verdicts} pass a sweeping verdict"
    )
    assert said in readme
    weighed = {
        r.id: r.threshold
        for d in bundled_rubric().dimensions
        for r in d.rules
        if isinstance(r, Weighed)
    }
    thresholds = (
        f"(blame {weighed['blame-weighed']:g}, verdicts {weighed['absolutes-weighed']:g}, "
        f"brush-offs {weighed['dismissal-weighed']:g})"
    )
    assert thresholds in readme


def test_the_corpus_is_big_split_and_balanced_enough() -> None:
    tuning, frozen = load_labels("tuning"), load_labels("frozen")
    assert len(tuning) + len(frozen) >= 400
    assert len(frozen) >= 150
    assert not {e["id"] for e in tuning} & {e["id"] for e in frozen}
    assert not {e["reply"] for e in tuning} & {e["reply"] for e in frozen}
    for code in CODES:
        counts = Counter(e["expect"][code] for e in frozen)
        assert counts["pass"] >= 10, code
        assert counts["fail"] >= 10, code
    assert sum(1 for e in frozen if not e.get("client")) >= 10  # reflections with no client line


@pytest.mark.slow  # scores all 7,776 tuning replies
def test_the_coach_agrees_with_the_tuning_part() -> None:
    tallies = evaluate(coach_for_rubric(bundled_rubric()), load_labels("tuning"))
    # A floor against regressions, not a measure: the tuning part grows with fresh batches
    # whose misses are fixed only where a category, not one reply, was missing (0.93 since
    # the tester-style batches, whose faults hide inside polite replies; 0.92 since those
    # with many honest look-alikes, some of which the coach still flags).
    assert tallies["PENALTY"].agreement >= 0.92
    for code in CODES:
        tally = tallies[code]
        # 0.78: batches are added to fit the weight tables, and no rule is refitted to one
        # reply (NEXT's n/a against fail). REFL 0.74: the tester-style writers take the
        # client's point said back in other words as a reflection far more often than the
        # REFL rule, which counts the client's own words, can see (0.77 until "tune-bx-" to
        # "tune-ca-", where it found 107 of 200 such reflections before anything was fitted;
        # 0.76 until "tune-cf-" to "tune-ci-", where it found 102 of 161; 0.75 until
        # "tune-cj-" to "tune-cm-", where it found 112 of 229).
        assert tally.agreement >= (0.74 if code == "REFL" else 0.78), (code, tally.misses)
        assert tally.precision >= 0.85, (code, tally.misses)


def test_the_coach_holds_up_on_the_frozen_part() -> None:
    # Floors only, set below the measured figures: a rule change that costs accuracy on text
    # nobody tuned for fails here, but nothing is ever fitted to this part's misses.
    tallies = evaluate(coach_for_rubric(bundled_rubric()), load_labels("frozen"))
    assert tallies["PENALTY"].agreement >= 0.80
    for code in CODES:
        assert tallies[code].agreement >= 0.70, code


def test_a_writers_batch_is_never_split_across_folds() -> None:
    tuning = load_labels("tuning")
    folds = batch_folds(tuning, 5)
    by_batch: dict[str, set[int]] = {}
    for entry, fold in zip(tuning, folds, strict=True):
        by_batch.setdefault(batch(entry["id"]), set()).add(fold)
    assert all(len(f) == 1 for f in by_batch.values())
    assert set(folds) == set(range(5))
    assert batch("tune-ab-012") == "tune-ab"
    assert batch("unrealistic-01") == "first"


def test_a_second_reader_labelled_a_sample_of_the_tuning_part_blind() -> None:
    """The second reader's file names tuning replies only, once each, with a pass or fail
    for each of its codes; and the two readers agree as closely as the README says (Cohen's
    kappa 0.94, 0.98, 0.90): the guide is applied alike, so what the coach misses is its own."""
    second = second_reader()
    tuning = {entry["id"] for entry in load_labels("tuning")}
    ids = [label["id"] for label in second]
    assert len(ids) == len(set(ids)) == 480
    assert set(ids) <= tuning
    for label in second:
        assert set(label) == {"id", *SECOND_CODES}
        assert {label[code] for code in SECOND_CODES} <= {"pass", "fail"}
    agreement = reader_agreement(load_labels("tuning"), second)
    assert {code: round(t.kappa, 2) for code, t in agreement.items()} == {
        "NOBLAME": 0.94,
        "NOABS": 0.98,
        "NODISMISS": 0.90,
    }


def test_kappa_is_agreement_beyond_chance() -> None:
    # Two raters who each say "fail" half the time and agree on 80 of 100: kappa 0.6.
    assert Tally(tp=40, fp=10, fn=10, agree=80, total=100).kappa == pytest.approx(0.6)
    assert Tally(tp=5, agree=10, total=10).kappa == 1.0
