"""The rounds of fresh replies, and their figures as the coach of each round's own commit
gives them again (benchmarks/bench_fresh.py prints them)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.coach_labels import load_labels, tally
from tests.fresh_rounds import (
    NoHistory,
    Said,
    replies_of,
    rounds,
    rule_records,
    said_at_each,
    together,
)

ROOT = Path(__file__).resolve().parents[2]


def test_each_round_is_four_whole_batches_of_the_tuning_part_and_none_is_counted_twice() -> None:
    tuning = load_labels("tuning")
    listed = rounds()
    assert [r.number for r in listed] == list(range(1, len(listed) + 1))
    batches = [b for r in listed for b in r.batches]
    assert len(batches) == len(set(batches))
    for round_ in listed:
        assert re.fullmatch("[0-9a-f]{40}", round_.scored_at), round_
        found = Counter(e["id"].rpartition("-")[0] + "-" for e in replies_of(round_, tuning))
        assert found == dict.fromkeys(round_.batches, 80), round_
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"({sum(len(replies_of(r, tuning)) for r in listed):,} replies," in readme


def test_a_rules_record_counts_right_wrong_and_alone() -> None:
    entries = [
        {"id": "a", "expect": {"NOBLAME": "fail", "NOABS": "pass", "NODISMISS": "pass"}},
        {"id": "b", "expect": {"NOBLAME": "pass", "NOABS": "pass", "NODISMISS": "pass"}},
        {"id": "c", "expect": {"NOBLAME": "fail", "NOABS": "pass", "NODISMISS": "pass"}},
    ]
    said = Said(
        {},
        {
            "a": {"NOBLAME": ["blame-by-passive", "blame-weighed"]},
            "b": {"NOBLAME": ["blame-weighed"]},
            "c": {},
        },
    )
    records = rule_records(entries, said)
    weighed, passive = records["NOBLAME"]["blame-weighed"], records["NOBLAME"]["blame-by-passive"]
    assert (weighed.right, weighed.wrong, weighed.right_alone, weighed.wrong_alone) == (1, 1, 0, 1)
    assert (passive.right, passive.wrong, passive.precision) == (1, 0, 1.0)
    assert records["NOABS"] == {}
    assert records["NODISMISS"] == {}


@pytest.mark.slow  # checks out every round's commit and scores all their replies
def test_every_round_scored_again_at_its_commit_gives_the_figures_the_readme_quotes() -> None:
    tuning = load_labels("tuning")
    listed = rounds()
    try:
        said = together(said_at_each(listed))
    except NoHistory as error:
        pytest.skip(str(error))
    pooled = tally([e for r in listed for e in replies_of(r, tuning)], said.said)
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    quoted = (
        f"blame {pooled['NOBLAME'].precision:.2f} precision / {pooled['NOBLAME'].recall:.2f} "
        f"recall, sweeping verdicts {pooled['NOABS'].precision:.2f} / "
        f"{pooled['NOABS'].recall:.2f}, brush-offs {pooled['NODISMISS'].precision:.2f} / "
        f"{pooled['NODISMISS'].recall:.2f}, penalty vs clean {pooled['PENALTY'].agreement:.2f}"
    )
    assert quoted in readme
