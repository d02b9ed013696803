"""Shared timing helpers: medians over interleaved rounds, printed as ratios to a baseline."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    name: str
    baseline: float
    candidate: float
    goal: float
    unit: str = "s"  # "s" is printed in ms; anything else (e.g. "MiB") as it is

    @property
    def ratio(self) -> float:
        return self.candidate / self.baseline

    @property
    def met(self) -> bool:
        return self.ratio <= self.goal


def interleaved(
    baseline: Callable[[], object], candidate: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median time of each callable, alternating them so drift hits both alike."""
    base: list[float] = []
    cand: list[float] = []
    for _ in range(rounds):
        for fn, into in ((baseline, base), (candidate, cand)):
            start = time.perf_counter()
            fn()
            into.append(time.perf_counter() - start)
    return statistics.median(base), statistics.median(cand)


def program_env(home: Path) -> dict[str, str]:
    """The environment of a measured program: as after an install, in folders of its own.

    An install compiles every module to bytecode, as it does for Textual, Jinja and PyYAML on
    the baseline side, so convocoach is compiled here too, and the caller's
    PYTHONDONTWRITEBYTECODE is dropped. The caller's CONVOCOACH_* settings and devtools are
    dropped; config, data and cache live under ``home`` (the bundled playbooks only).
    """
    import convocoach

    compileall.compile_dir(Path(convocoach.__file__).parent, quiet=1)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CONVOCOACH_") and k not in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL")
    }
    env.update(
        CONVOCOACH_CONFIG_DIR=str(home / "config"),
        CONVOCOACH_DATA_DIR=str(home / "data"),
        CONVOCOACH_CACHE_DIR=str(home / "cache"),
    )
    return env


def run_quietly(argv: Sequence[str], env: dict[str, str] | None = None) -> Callable[[], None]:
    def run() -> None:
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env
        )

    return run


def _amount(value: float, unit: str, width: int) -> str:
    """Seconds print as milliseconds; any other unit (e.g. "MiB") prints as it is."""
    if unit == "s":
        value, unit = value * 1000, "ms"
    return f"{value:{width - len(unit)}.1f}{unit}"


def report(results: Sequence[Result]) -> bool:
    """Print a table; True when every goal is met."""
    print(f"{'benchmark':58} {'baseline':>10} {'convocoach':>11} {'ratio':>7} {'goal':>6}")
    for r in results:
        mark = "ok" if r.met else "MISSED"
        goal = f"{r.goal:5.1f}x" if r.goal != float("inf") else "     -"
        if r.goal == float("inf"):
            mark = "(reported)"
        print(
            f"{r.name:58} {_amount(r.baseline, r.unit, 11)} {_amount(r.candidate, r.unit, 12)} "
            f"{r.ratio:6.2f}x {goal}  {mark}"
        )
    return all(r.met for r in results)
