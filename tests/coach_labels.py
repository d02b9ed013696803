"""The hand-labelled replies (tests/data/coach_replies.yaml) and how well the coach agrees."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from convocoach.coach.score import Coach

LABELS = Path(__file__).resolve().parent / "data" / "coach_replies.yaml"
CODES = ("FEEL", "REFL", "OPENQ", "NEXT", "OWN", "NOBLAME", "NOABS", "NODISMISS", "PLAIN", "READ")
REWARDS = frozenset(("FEEL", "REFL", "OPENQ", "NEXT", "OWN"))
_STATUS = {"pass": "pass", "fail": "fail", "n/a": "not-applicable"}


def load_labels() -> list[dict[str, Any]]:
    with LABELS.open(encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = yaml.safe_load(handle)
    return entries


def positive(code: str) -> str:
    """What the coach is detecting: the behaviour for a reward, the fault for a penalty."""
    return "pass" if code in REWARDS else "fail"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def agreement(self) -> float:
        return self.agree / self.total if self.total else 1.0


def evaluate(coach: Coach, entries: list[dict[str, Any]]) -> dict[str, Tally]:
    tallies = {code: Tally() for code in CODES}
    for entry in entries:
        score = coach.score(entry["reply"], entry.get("client", ""), entry["level"])
        for code in CODES:
            expected = _STATUS[entry["expect"][code]]
            got = score[code].status
            tally = tallies[code]
            tally.total += 1
            tally.agree += expected == got
            want = positive(code)
            if got == want and expected == want:
                tally.tp += 1
            elif got == want:
                tally.fp += 1
            elif expected == want:
                tally.fn += 1
            if expected != got:
                tally.misses.append(f"{entry['id']}: expected {expected}, got {got}")
    return tallies
