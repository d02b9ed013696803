"""Typing a rehearsal reply: keystroke echo with the coach's live feedback on, vs off.

    python benchmarks/bench_rehearsal.py [--keys 60] [--check]

Both programs are ``python -m convocoach rehearse project-delays`` in a 100x30 pty, with
fresh config, data and cache folders; one with live feedback (the default), one with
``--no-live-feedback``. They take turns, and who goes first alternates: one key to each,
the time until each shows the text typed so far, then a pause of CADENCE seconds, just
longer than the feedback's debounce, so that the coach scores the draft and redraws its
panel between keys, as it does for someone typing at a thinking pace. Words are erased
with backspaces (untimed). The ratio is the median echo with feedback on over the median
with it off (goal 1.1x).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Result, program_env, report
from _pty import PtyProcess, PtyTimeout

COLUMNS, ROWS = 100, 30
TIMEOUT = 20.0
QUIET = 0.3
CADENCE = 0.3  # seconds between keys; the feedback waits 0.25 s after the last key
MARKERS = ("Dana Whitfield", "Hint")
WORDS = ("sorry", "awkward", "board", "thursday", "plan", "worried", "launch")


def start(home: Path, live: bool) -> PtyProcess:
    env = program_env(home)
    config = home / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.yaml").write_text("name: Bench\n", encoding="utf-8")
    argv = [sys.executable, "-m", "convocoach", "rehearse", "project-delays"]
    if not live:
        argv.append("--no-live-feedback")
    return PtyProcess(argv, env, columns=COLUMNS, rows=ROWS)


def plan(count: int) -> list[tuple[bytes, str]]:
    keys: list[tuple[bytes, str]] = []
    timed = 0
    index = 0
    while timed < count:
        word = WORDS[index % len(WORDS)][: count - timed]
        index += 1
        keys += [(word[n - 1].encode(), word[:n]) for n in range(1, len(word) + 1)]
        keys.append((b"", word))
        timed += len(word)
    return keys


def bench(keys: int) -> Result:
    samples: dict[str, list[float]] = {"on": [], "off": []}
    with ExitStack() as stack:
        procs = {}
        for label, live in (("on", True), ("off", False)):
            home = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            proc = stack.enter_context(start(home, live))
            proc.wait_for(MARKERS, timeout=TIMEOUT)
            proc.wait_quiet(QUIET, timeout=TIMEOUT)
            procs[label] = proc
        for turn, (key, shown) in enumerate(plan(keys)):
            # Alternate who goes first, so neither program always meets the other's redraw.
            order = list(procs.items()) if turn % 2 else list(reversed(procs.items()))
            for label, proc in order:
                if not key:
                    proc.write(b"\x7f" * len(shown))
                    proc.wait_quiet(QUIET, timeout=TIMEOUT)
                    continue
                since = proc.mark()
                sent = proc.write(key)
                samples[label].append(proc.wait_for([shown], since=since, timeout=TIMEOUT) - sent)
            time.sleep(CADENCE)
        for proc in procs.values():
            proc.close()
    print(
        f"echo with live feedback on:  median {statistics.median(samples['on']) * 1000:.1f} ms,"
        f" 90th percentile {_p90(samples['on']) * 1000:.1f} ms"
    )
    print(
        f"echo with live feedback off: median {statistics.median(samples['off']) * 1000:.1f} "
        f"ms, 90th percentile {_p90(samples['off']) * 1000:.1f} ms\n"
    )
    return Result(
        f"reply box echo, median of {keys} keys, feedback on vs off",
        statistics.median(samples["off"]),
        statistics.median(samples["on"]),
        1.1,
    )


def _p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--check", action="store_true", help="exit 1 if the goal is missed")
    args = parser.parse_args()
    try:
        result = bench(args.keys)
    except PtyTimeout as exc:
        print(f"bench_rehearsal: {exc}", file=sys.stderr)
        return 2
    ok = report([result])
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
