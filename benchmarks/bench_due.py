"""``convocoach due`` with 1,000 sessions, as a ratio to ``python -c "import yaml"``.

    python benchmarks/bench_due.py [--check] [--sessions 1000] [--rounds 7] [--backlog]

A shell prompt runs ``convocoach due`` before every line, so it has to start about as fast
as a bare Python that imports PyYAML (goal: 1.5x). The database is filled first, in a
temporary home, with varied sessions (``_due_data.py``): follow-ups sent and not, next
steps open, done and dropped on both sides, check-ins at every cadence, most held. By
default its user keeps up (a few dozen things due); ``--backlog`` lets hundreds pile up, and
every one of them is printed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _due_data import BACKLOG, KEEPS_UP, Habits, fill_sessions
from _harness import Result, interleaved, program_env, report, run_quietly

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)
"""A Monday morning: the weekend's send-by times and steps have come due."""
SETTINGS_YAML = "name: Bench\ntimezone: Europe/London\nbusiness_start: 09:00\n"


def bench_due(home: Path, sessions: int, rounds: int, habits: Habits) -> Result:
    env = program_env(home)
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.yaml").write_text(SETTINGS_YAML, encoding="utf-8")
    fill_sessions(home / "data" / "sessions.db", sessions, NOW.date(), habits)
    exe = shutil.which("convocoach") or str(Path(sys.executable).parent / "convocoach")
    argv = [exe, "due", "--now", NOW.isoformat()]
    shown = subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout
    base, cand = interleaved(
        run_quietly([sys.executable, "-c", "import yaml"], env), run_quietly(argv, env), rounds * 4
    )
    lines = len(shown.splitlines())
    name = f"convocoach due ({sessions} sessions, {lines} due) vs 'import yaml'"
    return Result(name, base, cand, 1.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    parser.add_argument(
        "--backlog", action="store_true", help="a user who lets hundreds of things pile up"
    )
    args = parser.parse_args()
    habits = BACKLOG if args.backlog else KEEPS_UP
    with tempfile.TemporaryDirectory() as tmp:
        result = bench_due(Path(tmp), args.sessions, args.rounds, habits)
    ok = report([result])
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
