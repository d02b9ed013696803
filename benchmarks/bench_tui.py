"""The app in a real terminal: first paint, keystroke echo and peak memory, vs bare Textual.

    python benchmarks/bench_tui.py [--check] [--rounds 7] [--sessions 1000]

Both programs run in a pseudo-terminal of 100 columns x 30 rows (TERM=xterm-256color):

* the baseline is a bare Textual app written to a temporary file: a ``Header``, an ``Input``
  (focused on mount, so that the keystroke test has a text field to type into), a ``Static``
  and a ``Footer`` showing the ``ctrl+q`` Quit binding;
* a second baseline for first paint only, the plain app the first-paint goal is stated
  against: a ``Header``, a ``Static`` and a ``Footer`` (no ``Input``, which makes the first
  baseline slower to start and its ratio smaller);
* the candidate is ``python -m convocoach`` with its config, data and cache folders in fresh
  temporary folders (so it uses the bundled playbooks and an empty sessions store) and a
  ``settings.yaml`` holding a sender name, so that the welcome screen is skipped. One untimed
  run of each program first fills the caches, as any earlier use would.

First paint is the time from spawning the process until its output, with escape sequences
removed, contains every marker string of that program (the header title and a key of the
footer, which is drawn last: the baseline's Quit, convocoach's F1 Help), as the median
over interleaved rounds. Textual asks the terminal a few questions at start-up (DECRQM for
synchronized output and in-band resize) but does not wait for the
answers, so none are sent.

Keystroke echo is the time from writing one printable character to the pty until the text
typed so far shows up in the output written after it, as the median of KEYSTROKES keys. The
two programs run side by side and take turns, each key sent only once both have been quiet
for QUIET seconds. The keys spell words from the playbook titles, typed into convocoach's
playbook filter (opened with "/"), so every key also filters the list; the baseline gets the
same keys in its Input. Each word is erased with backspaces (not timed) before the next.

With ``--sessions N``, convocoach's database holds N varied sessions (``_due_data.py``: next
steps, check-ins, emails sent and not) before any run, so the home screen opens on a long
Sessions list; the Due tab's time is reported too: from spawning until, after the first
paint and U, the Due tab's summary line ("... overdue, ... due today") is on screen.

Peak memory is the child's maximum resident set size (``ru_maxrss`` from ``os.wait4``) after
it is closed with ctrl+q (SIGTERM, then SIGKILL, if that does not end it), as the median over
all runs of that program.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _due_data import fill_sessions
from _harness import Result, program_env, report
from _pty import PtyProcess, PtyTimeout

COLUMNS, ROWS = 100, 30
TIMEOUT = 20.0  # seconds for any one wait on the program's output
QUIET = 0.2  # seconds without output that count as "settled"
KEYSTROKES = 30
WORDS = ("price", "scope", "budget", "late", "delay", "quality", "contract")

# What must be on screen for the first paint to count: the header title and the footer.
BASELINE_MARKERS = ("baseline", "Quit")
CONVOCOACH_MARKERS = ("convocoach", "Help")
# Keys that focus a text field once the first paint has settled.
BASELINE_FOCUS_KEYS = b""  # the Input is focused on mount
CONVOCOACH_FOCUS_KEYS = b"/"  # the playbook filter on the home screen
SETTINGS_YAML = "name: Bench\n"

BASELINE_APP = textwrap.dedent("""\
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Footer, Header, Input, Static


    class Baseline(App[None]):
        TITLE = "baseline"
        BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(placeholder="Type here")
            yield Static("A bare Textual app: header, input, text and footer.")
            yield Footer()

        def on_mount(self) -> None:
            self.query_one(Input).focus()


    if __name__ == "__main__":
        Baseline().run()
""")


PLAIN_APP = textwrap.dedent("""\
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Footer, Header, Static


    class Plain(App[None]):
        TITLE = "baseline"
        BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A bare Textual app: header, text and footer.")
            yield Footer()


    if __name__ == "__main__":
        Plain().run()
""")


@dataclass
class Program:
    label: str
    argv: list[str]
    env: dict[str, str]
    markers: Sequence[str]
    focus_keys: bytes
    max_rss_kib: list[int] = field(default_factory=list)
    unclean_exits: int = 0

    def start(self) -> PtyProcess:
        return PtyProcess(self.argv, self.env, columns=COLUMNS, rows=ROWS)

    def finish(self, proc: PtyProcess) -> None:
        self.max_rss_kib.append(proc.close())
        if proc.ended_by != "keys" or proc.status != 0:  # not a clean ctrl+q
            self.unclean_exits += 1

    def first_paint(self) -> float:
        """Seconds from spawning until every marker is on screen; also records the peak RSS."""
        with self.start() as proc:  # closing again on the way out is a no-op
            painted = proc.wait_for(self.markers, timeout=TIMEOUT)
            proc.wait_quiet(QUIET, timeout=TIMEOUT)
            self.finish(proc)
        return painted - proc.started


def programs(home: Path, sessions: int = 0) -> tuple[Program, Program, Program]:
    cand_env = program_env(home)
    if sessions:
        fill_sessions(home / "data" / "sessions.db", sessions, date.today())
    base_env = {k: v for k, v in cand_env.items() if not k.startswith("CONVOCOACH_")}
    script = home / "baseline_app.py"
    script.write_text(BASELINE_APP, encoding="utf-8")
    config = home / "config"
    config.mkdir()
    (config / "settings.yaml").write_text(SETTINGS_YAML, encoding="utf-8")
    baseline = Program(
        "baseline", [sys.executable, str(script)], base_env, BASELINE_MARKERS, BASELINE_FOCUS_KEYS
    )
    plain_script = home / "plain_app.py"
    plain_script.write_text(PLAIN_APP, encoding="utf-8")
    plain = Program("plain", [sys.executable, str(plain_script)], base_env, BASELINE_MARKERS, b"")
    candidate = Program(
        "convocoach",
        [sys.executable, "-m", "convocoach"],
        cand_env,
        CONVOCOACH_MARKERS,
        # With sessions the home screen opens on them: T first, to the playbooks.
        b"t" + CONVOCOACH_FOCUS_KEYS if sessions else CONVOCOACH_FOCUS_KEYS,
    )
    return baseline, plain, candidate


def bench_first_paint(
    baseline: Program, plain: Program, candidate: Program, rounds: int
) -> list[Result]:
    base: list[float] = []
    bare: list[float] = []
    cand: list[float] = []
    for _ in range(rounds):  # interleaved, so a busy moment hits all three alike
        base.append(baseline.first_paint())
        bare.append(plain.first_paint())
        cand.append(candidate.first_paint())
    return [
        Result(
            f"first paint in a {COLUMNS}x{ROWS} pty vs bare Textual (with an Input)",
            statistics.median(base),
            statistics.median(cand),
            1.2,
        ),
        Result(
            f"first paint in a {COLUMNS}x{ROWS} pty vs bare Textual (Header, Static, Footer)",
            statistics.median(bare),
            statistics.median(cand),
            1.2,
        ),
    ]


def bench_due_tab(baseline: Program, candidate: Program, rounds: int) -> Result:
    """Spawn to the Due tab drawn (first paint, then U), vs the baseline's first paint."""
    base: list[float] = []
    cand: list[float] = []
    for _ in range(rounds):
        base.append(baseline.first_paint())
        with candidate.start() as proc:
            proc.wait_for(candidate.markers, timeout=TIMEOUT)
            since = proc.mark()
            proc.write(b"u")
            drawn = proc.wait_for(["due today"], since=since, timeout=TIMEOUT)
            proc.wait_quiet(QUIET, timeout=TIMEOUT)
            candidate.finish(proc)
        cand.append(drawn - proc.started)
    return Result(
        "first paint, then U: the Due tab drawn (reported)",
        statistics.median(base),
        statistics.median(cand),
        float("inf"),
    )


def bench_against_empty(empty: Program, candidate: Program, rounds: int) -> Result:
    """The first paint with the sessions vs with an empty database, interleaved: what the
    sessions themselves cost, apart from how busy the machine is."""
    none: list[float] = []
    full: list[float] = []
    for _ in range(rounds):
        none.append(empty.first_paint())
        full.append(candidate.first_paint())
    return Result(
        "first paint with the sessions vs an empty database (reported)",
        statistics.median(none),
        statistics.median(full),
        float("inf"),
    )


def key_plan(count: int) -> list[tuple[bytes, str]]:
    """(key, text the field then shows) for ``count`` timed keys; b"" ends a word."""
    plan: list[tuple[bytes, str]] = []
    words = itertools.cycle(WORDS)
    timed = 0
    while timed < count:
        word = next(words)[: count - timed]
        plan += [(word[n - 1].encode(), word[:n]) for n in range(1, len(word) + 1)]
        plan.append((b"", word))
        timed += len(word)
    return plan


def bench_echo(baseline: Program, candidate: Program, keys: int) -> Result:
    samples: dict[str, list[float]] = {baseline.label: [], candidate.label: []}
    with ExitStack() as stack:
        procs = [(prog, stack.enter_context(prog.start())) for prog in (baseline, candidate)]
        for prog, proc in procs:
            proc.wait_for(prog.markers, timeout=TIMEOUT)
            proc.wait_quiet(QUIET, timeout=TIMEOUT)
            if prog.focus_keys:
                proc.write(prog.focus_keys)
                proc.wait_quiet(QUIET, timeout=TIMEOUT)
        for key, shown in key_plan(keys):
            for prog, proc in procs:
                if not key:  # end of a word: erase it, untimed
                    proc.write(b"\x7f" * len(shown))
                    proc.wait_quiet(QUIET, timeout=TIMEOUT)
                    continue
                since = proc.mark()
                sent = proc.write(key)
                samples[prog.label].append(
                    proc.wait_for([shown], since=since, timeout=TIMEOUT) - sent
                )
                proc.wait_quiet(QUIET, timeout=TIMEOUT)
        for prog, proc in procs:
            prog.finish(proc)
    return Result(
        f"keystroke echo, median of {keys} keys, vs bare Textual",
        statistics.median(samples[baseline.label]),
        statistics.median(samples[candidate.label]),
        1.1,
    )


def bench_memory(baseline: Program, candidate: Program) -> Result:
    runs = len(candidate.max_rss_kib)
    return Result(
        f"peak memory (max RSS, median of {runs} runs) vs bare Textual",
        statistics.median(baseline.max_rss_kib) / 1024,
        statistics.median(candidate.max_rss_kib) / 1024,
        1.3,
        unit="MiB",
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7, help="first-paint rounds (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    parser.add_argument(
        "--sessions",
        type=int,
        default=0,
        metavar="N",
        help="fill convocoach's database with N varied sessions first (and time the Due tab)",
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        baseline, plain, candidate = programs(Path(tmp), args.sessions)
        try:
            for prog in (baseline, plain, candidate):  # warm-up: caches, bytecode, OS file cache
                prog.first_paint()
                prog.max_rss_kib.clear()
                prog.unclean_exits = 0
            results = [
                *bench_first_paint(baseline, plain, candidate, args.rounds),
                bench_echo(baseline, candidate, KEYSTROKES),
            ]
            results.append(bench_memory(baseline, candidate))
            if args.sessions:
                results.append(bench_due_tab(plain, candidate, args.rounds))
                empty_home = Path(tmp) / "empty"
                empty_home.mkdir()
                empty = programs(empty_home)[2]
                empty.first_paint()  # warm-up, as above
                results.append(bench_against_empty(empty, candidate, args.rounds))
        except PtyTimeout as exc:
            print(f"bench_tui: {exc}", file=sys.stderr)
            return 2
    ok = report(results)
    for prog in (baseline, candidate):
        if prog.unclean_exits:
            print(
                f"note: {prog.label} did not exit cleanly on ctrl+q in {prog.unclean_exits} run(s)"
            )
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
