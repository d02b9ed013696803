"""A rehearsal reply judged and answered: the time from a reply sent to the client's answer.

    python benchmarks/bench_engine.py [--rounds 5] [--check]

Plays the same ten replies through every bundled playbook's role-play with the engine's
``step`` (coach verdicts, what the client hears, the branch, the mood), as the app and
``convocoach rehearse --replies`` do. The baseline, in the same run, is the coach scoring the
same replies alone, so the ratio is what the client's hearing and the script add. The goal
is absolute: the slowest playbook's median reply under 10 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Result, report
from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.loader import load_playbook_file
from convocoach.rehearsal.engine import begin, client_line, step

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 10.0
REPLIES = (
    "I can see this leaves you exposed with your board, and I'm sorry we didn't warn you.",
    "The integration tests found a problem with the payment provider on Monday.",
    "What matters most to you for the campaign: the date or the full checkout?",
    "We could launch a smaller checkout on the 14th and add the rest in January.",
    "I'll send you the revised plan with both options by Thursday noon.",
    "I understand you feel frustrated. What would help most?",
    "That was our mistake: we should have flagged the risk in October.",
    "Would a short call with your director tomorrow at ten help?",
    "I'll send the revised plan by Friday.",
    "Thank you for bearing with us; I'll call you on Monday morning.",
)


def bench(rounds: int) -> tuple[Result, float]:
    per_playbook: list[float] = []
    base_all: list[float] = []
    cand_all: list[float] = []
    for path in sorted((ROOT / "playbooks").glob("*.yaml")):
        playbook = load_playbook_file(path).playbook
        script = playbook.rehearsal
        if script is None:
            continue
        coach = coach_for(playbook)
        times: list[float] = []
        for _ in range(rounds):
            state = begin(script)
            for reply in REPLIES:
                if state.ending is not None:
                    state = begin(script)
                line = client_line(script, state)
                start = time.perf_counter()
                coach.score(reply, line, script.persona.technical_level)
                base_all.append(time.perf_counter() - start)
                start = time.perf_counter()
                state, _ = step(script, coach, state, reply)
                elapsed = time.perf_counter() - start
                times.append(elapsed)
                cand_all.append(elapsed)
        per_playbook.append(statistics.median(times))
    result = Result(
        "one reply judged and answered vs the coach's score alone",
        statistics.median(base_all),
        statistics.median(cand_all),
        float("inf"),
    )
    return result, max(per_playbook) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if the goal is missed")
    args = parser.parse_args()
    result, slowest_ms = bench(args.rounds)
    report([result])
    met = slowest_ms < GOAL_MS
    print(
        f"slowest playbook's median reply: {slowest_ms:.2f} ms (goal < {GOAL_MS:.0f} ms) "
        f"{'ok' if met else 'MISSED'}"
    )
    return 0 if met or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
