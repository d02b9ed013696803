"""The coach on text nobody had tuned it on: every round of fresh replies
(tests/data/fresh_rounds.yaml) scored again by the coach of the commit that first scored
it, before any rule or weight was fitted to it.

    python benchmarks/bench_fresh.py [--round N ...] [--at COMMIT]

Needs the project's git history: each round's commit is checked out in a temporary
worktree, and its own code and rubric score the round's replies as they are labelled now
(tests/data/coach_replies.yaml). Printed: for each round and for all of them together,
precision / recall of blame (NOBLAME), sweeping verdicts (NOABS) and brush-offs
(NODISMISS), and penalty vs clean; then each penalty rule's record over all the rounds,
on replies it had never seen: how often it fired on a reply labelled with its fault, how
often on one without, and how often it was the only rule to fire. These are the figures
to expect on text others write; the frozen part (bench_coach.py) is smaller and older.
--at scores the chosen rounds with the coach of another commit instead: a round scored at
the commits before and after an earlier round was fitted shows what that fitting did for
text it had not seen.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.coach_labels import Tally, load_labels, tally
from tests.fresh_rounds import (
    FAULTS,
    NoHistory,
    RuleRecord,
    replies_of,
    rounds,
    rule_records,
    said_at_each,
    together,
)


def _figures(tallies: dict[str, Tally]) -> str:
    cells = [f"{tallies[c].precision:.2f} / {tallies[c].recall:.2f}" for c in FAULTS]
    return " | ".join([*cells, f"{tallies['PENALTY'].agreement:.2f}"])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--round", type=int, action="append", help="only this round")
    parser.add_argument("--at", default="", help="score with the coach of this commit")
    args = parser.parse_args()
    chosen = [r for r in rounds() if not args.round or r.number in args.round]
    if args.at:
        chosen = [replace(r, scored_at=args.at) for r in chosen]
    entries = load_labels("tuning")
    try:
        said = said_at_each(chosen)
    except NoHistory as error:
        print(f"bench_fresh: {error}; it needs a clone with the project's history", file=sys.stderr)
        return 2
    print(
        "| round (scored at) | replies | NOBLAME P / R | NOABS P / R | NODISMISS P / R "
        "| penalty vs clean |"
    )
    print("|---|---|---|---|---|---|")
    everything: list[dict[str, Any]] = []
    for round_, found in zip(chosen, said, strict=True):
        replies = replies_of(round_, entries)
        everything += replies
        print(
            f"| {round_.number} ({round_.scored_at[:7]}) | {len(replies)} "
            f"| {_figures(tally(replies, found.said))} |"
        )
    merged = together(said)
    print(f"| all | {len(everything)} | {_figures(tally(everything, merged.said))} |")
    _print_rules(rule_records(everything, merged))
    return 0


def _print_rules(records: dict[str, dict[str, RuleRecord]]) -> None:
    print("\nEach rule on replies it had never seen (fired on the fault / without it; alone):")
    for code, by_rule in records.items():
        print(f"  {code}")
        for rule_id, r in sorted(by_rule.items(), key=lambda kv: -(kv[1].right + kv[1].wrong)):
            print(
                f"    {rule_id:<28} {r.right:4} / {r.wrong:3}  precision {r.precision:.2f}"
                f"   alone {r.right_alone:3} / {r.wrong_alone:3}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
