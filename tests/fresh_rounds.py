"""Rounds of fresh replies, each scored again by the coach of the commit that first scored
it, before anything was fitted to it (``data/fresh_rounds.yaml``): how the coach reads text
nobody had tuned it on, which the tuning part's own figures cannot say."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from convocoach.yamlsafe import safe_load
from tests.coach_labels import DATA as _DATA
from tests.coach_labels import PARTS, batch

REPO = Path(__file__).resolve().parent.parent
ROUNDS = _DATA / "fresh_rounds.yaml"
SCORER = Path(__file__).resolve().parent / "score_at.py"
FAULTS = ("NOBLAME", "NOABS", "NODISMISS")
"""The codes whose misses on fresh text the rounds were written to find."""


class NoHistory(Exception):
    """The commit a round was scored at is not in this checkout (an sdist, a shallow clone)."""


@dataclass(frozen=True)
class Round:
    number: int
    batches: tuple[str, ...]
    scored_at: str


@dataclass(frozen=True)
class Said:
    """What a coach said of each reply of a round: ``said`` by id, each code's status and
    "PENALTY"; ``rules`` by id and code, the rules a failing dimension names."""

    said: dict[str, dict[str, str]]
    rules: dict[str, dict[str, list[str]]]


def rounds(path: Path = ROUNDS) -> list[Round]:
    with path.open(encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = safe_load(handle)
    return [Round(int(e["round"]), tuple(e["batches"]), str(e["scored_at"])) for e in entries]


def replies_of(round_: Round, entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if batch(e["id"]) + "-" in round_.batches]


def said_at(round_: Round, labels: Path = PARTS["tuning"]) -> Said:
    """The round's replies scored by the coach (code and rubric) of ``round_.scored_at``,
    checked out in a temporary worktree that is removed afterwards."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        raise NoHistory("not a git checkout of the project")
    known = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", f"{round_.scored_at}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        raise NoHistory(f"commit {round_.scored_at} is not in this clone")
    with tempfile.TemporaryDirectory(prefix="convocoach-round-") as parent:
        tree = Path(parent) / "tree"
        _git("worktree", "add", "--detach", "--quiet", str(tree), round_.scored_at)
        try:
            done = subprocess.run(
                [sys.executable, str(SCORER), str(tree), str(labels), *round_.batches],
                capture_output=True,
                text=True,
                check=False,
                cwd=parent,
            )
        finally:
            _git("worktree", "remove", "--force", str(tree))
    if done.returncode != 0:
        raise RuntimeError(f"scoring round {round_.number} failed:\n{done.stderr}")
    found = json.loads(done.stdout)
    return Said(found["said"], found["rules"])


def said_at_each(chosen: Sequence[Round]) -> list[Said]:
    """Each round scored at its own commit, two at a time (one scoring process per core)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(said_at, chosen))


def together(said: Iterable[Said]) -> Said:
    """What the coaches said of every reply of several rounds, as one."""
    merged = Said({}, {})
    for one in said:
        merged.said.update(one.said)
        merged.rules.update(one.rules)
    return merged


def _git(*args: str) -> None:
    subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True)


@dataclass
class RuleRecord:
    """How often a rule fired on replies labelled with its dimension's fault (``right``)
    and on replies labelled without it (``wrong``); ``alone``: the times it was the only
    rule to fire."""

    right: int = 0
    wrong: int = 0
    right_alone: int = 0
    wrong_alone: int = 0

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0


def rule_records(entries: list[dict[str, Any]], said: Said) -> dict[str, dict[str, RuleRecord]]:
    """By fault code and rule id, each rule's record on ``entries``."""
    records: dict[str, dict[str, RuleRecord]] = {code: {} for code in FAULTS}
    for entry in entries:
        for code in FAULTS:
            fired = said.rules[entry["id"]].get(code, [])
            right = entry["expect"][code] == "fail"
            for rule_id in fired:
                record = records[code].setdefault(rule_id, RuleRecord())
                alone = len(fired) == 1
                if right:
                    record.right += 1
                    record.right_alone += alone
                else:
                    record.wrong += 1
                    record.wrong_alone += alone
    return records
