"""The coach: agreement with hand labels, and scoring speed.

    python benchmarks/bench_coach.py [--misses CODE] [--folds K]

1. Precision and recall per dimension over the hand-labelled replies, in two parts
   (tests/data/LABELLING.md): the tuning part (tests/data/coach_replies.yaml), which rules
   and the weight tables of the weighed rules are fitted to (so its figures flatter the
   coach: the tables have seen every one of its replies), and the frozen part
   (tests/data/coach_replies_frozen.yaml), which no rule or table is changed for; its
   figures are the ones to quote. The "positive" class is what the
   dimension looks for: the behaviour for a reward (FEEL ... OWN), the fault for a penalty
   (NOBLAME ... READ). Agreement is the share of replies where the coach's pass/fail/n-a
   equals the label; "penalty vs clean" is the share of replies where the coach and the
   label agree on whether any wording to avoid is there.
2. Scoring throughput of the full bundled rubric, in replies per second, as a ratio to a
   single compiled regular expression searched over the same replies (same run).

--folds K adds the tuning part cross-validated: each reply scored by weight tables fitted to
the other K-1 folds, whole batches (writers) to a fold, a fairer view of the tables than the
tuning part's own, without looking at the frozen part (thresholds are chosen on it).
A second reader's blind labels for 480 tuning replies (NOBLAME, NOABS, NODISMISS) are printed
against the first labels beside the coach on the same replies: how far two careful readers
agree is the most any coach can agree with one of them.
--misses lists the disagreements of the tuning part only (cross-validated, with --folds):
the frozen part's misses are not printed, so that nobody fits a rule to them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.coach_labels import (
    CODES,
    SECOND_CODES,
    Tally,
    cross_validate,
    evaluate,
    load_labels,
    reader_agreement,
    second_reader,
)

from _harness import Result, interleaved, report
from convocoach.coach.loader import find_rubric
from convocoach.coach.model import Rubric
from convocoach.coach.score import Coach
from convocoach.locations import Locations

HEADINGS = {
    "tuning": "rules and weight tables fitted to these: not a measure",
    "cross-validated": "each scored by tables fitted to other writers' batches; rules still fitted",
    "frozen": "nothing fitted to these: the figures to quote",
}


def print_agreement(
    part: str, entries: list[dict[str, object]], tallies: dict[str, Tally], misses: str
) -> None:
    print(f"{part} part: {len(entries)} labelled replies ({HEADINGS[part]})\n")
    print(
        f"{'dimension':10} {'precision':>9} {'recall':>7} {'agreement':>9}   "
        f"{'tp':>3} {'fp':>3} {'fn':>3}"
    )
    for code in CODES:
        t = tallies[code]
        print(
            f"{code:10} {t.precision:9.2f} {t.recall:7.2f} {t.agreement:9.2f}   "
            f"{t.tp:3} {t.fp:3} {t.fn:3}"
        )
    mean = sum(tallies[code].agreement for code in CODES) / len(CODES)
    print(f"{'mean':10} {'':9} {'':7} {mean:9.2f}")
    p = tallies["PENALTY"]
    print(
        f"{'penalty vs clean':20} {p.agreement:9.2f}   (penalty precision {p.precision:.2f}, "
        f"recall {p.recall:.2f})\n"
    )
    if misses:
        for line in tallies[misses].misses:
            print(f"  {misses} {line}")
        print()


def print_second_reader(
    rubric: Rubric, coach: Coach, tuning: list[dict[str, Any]], folds: int
) -> None:
    """Two careful readers never agree perfectly: how far a second reader agrees with the
    labels is the most to expect of any coach, beside how far the coach agrees on the same
    replies (cross-validated with ``folds``, else with the shipped tables, which flatter)."""
    second = second_reader()
    ids = frozenset(label["id"] for label in second)
    sample = [entry for entry in tuning if entry["id"] in ids]
    if folds > 1:
        coach_tallies, whose = cross_validate(rubric, tuning, folds, only=ids), "cross-validated"
    else:
        coach_tallies, whose = evaluate(coach, sample), "shipped tables: flatters it"
    readers = reader_agreement(tuning, second)
    print(
        f"second reader: {len(second)} tuning replies labelled again, blind, by the guide\n"
        f"(each figure against the first labels; the coach {whose})\n"
    )
    print(
        f"{'dimension':10} {'reader P':>8} {'R':>5} {'kappa':>5}   "
        f"{'coach P':>7} {'R':>5} {'kappa':>5}"
    )
    for code in SECOND_CODES:
        r, c = readers[code], coach_tallies[code]
        print(
            f"{code:10} {r.precision:8.2f} {r.recall:5.2f} {r.kappa:5.2f}   "
            f"{c.precision:7.2f} {c.recall:5.2f} {c.kappa:5.2f}"
        )
    print()


def bench_throughput(coach: Coach, replies: list[str], rounds: int) -> Result:
    regex = re.compile(r"\byou should have\b", re.IGNORECASE)

    def bare() -> None:
        for text in replies:
            regex.search(text)

    def ours() -> None:
        for text in replies:
            coach.score(text, "", "medium")

    base, cand = interleaved(bare, ours, rounds)
    per_second = len(replies) / cand
    print(f"full rubric: {per_second:,.0f} replies/s ({cand / len(replies) * 1e6:.0f} us a reply)")
    return Result(
        f"score {len(replies)} replies vs one compiled regex search (report only)",
        base,
        cand,
        float("inf"),
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--misses",
        choices=(*CODES, "PENALTY"),
        default="",
        help="also list the replies where this dimension disagrees",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="also score the tuning part cross-validated over this many folds (slow)",
    )
    args = parser.parse_args()
    rubric = find_rubric(Locations.from_env())
    coach = Coach(rubric)
    tuning = load_labels("tuning")
    frozen = load_labels("frozen")
    # With folds, the misses worth reading are the cross-validated ones.
    tuning_misses = "" if args.folds > 1 else args.misses
    print_agreement("tuning", tuning, evaluate(coach, tuning), tuning_misses)
    if args.folds > 1:
        held = cross_validate(rubric, tuning, args.folds)
        print_agreement("cross-validated", tuning, held, args.misses)
    print_agreement("frozen", frozen, evaluate(coach, frozen), "")
    print_second_reader(rubric, coach, tuning, args.folds)
    replies = [str(e["reply"]) for e in tuning + frozen]
    coach.score(replies[0])  # compile caches warm, as in a running app
    report([bench_throughput(coach, replies, args.rounds)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
