"""The hand-labelled replies and how well the coach agrees with them.

Two parts, labelled by the same guide (tests/data/LABELLING.md): the tuning part
(``coach_replies.yaml``), which rules may be fitted to, and the frozen part
(``coach_replies_frozen.yaml``), which no rule is ever changed for: it measures the rubric on
text nobody tuned it on.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from convocoach.coach import fit
from convocoach.coach.model import Rubric
from convocoach.coach.score import Coach

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"tuning": DATA / "coach_replies.yaml", "frozen": DATA / "coach_replies_frozen.yaml"}
SECOND_READER = DATA / "coach_replies_second_reader.yaml"
SECOND_CODES = ("NOBLAME", "NOABS", "NODISMISS")
"""The codes a second reader labelled, blind, for a sample of the tuning part."""
Part = Literal["tuning", "frozen"]
LABELS = PARTS["tuning"]
CODES = ("FEEL", "REFL", "OPENQ", "NEXT", "OWN", "NOBLAME", "NOABS", "NODISMISS", "PLAIN", "READ")
REWARDS = frozenset(("FEEL", "REFL", "OPENQ", "NEXT", "OWN"))
# A label that says the reply holds a wording to avoid: a penalty dimension failing, or a
# non-apology (OWN fails only on one; a missing apology is n/a).
PENALTY_CODES = ("OWN", "NOBLAME", "NOABS", "NODISMISS", "PLAIN", "READ")
_STATUS = {"pass": "pass", "fail": "fail", "n/a": "not-applicable"}


def load_labels(part: Part = "tuning") -> list[dict[str, Any]]:
    """The labelled replies of ``part``, a fresh copy each time (tests may change theirs)."""
    return copy.deepcopy(_read(part))


@functools.cache
def _read(part: Part) -> list[dict[str, Any]]:
    return fit.read_labels(PARTS[part])


def second_reader() -> list[dict[str, str]]:
    """A second reader's labels (``SECOND_CODES``) for a sample of the tuning part, by id."""
    return copy.deepcopy(_second())


@functools.cache
def _second() -> list[dict[str, str]]:
    labels: list[dict[str, str]] = fit.read_labels(SECOND_READER)
    return labels


def reader_agreement(
    entries: list[dict[str, Any]], second: list[dict[str, str]]
) -> dict[str, Tally]:
    """How the second reader's labels agree with the first labels of ``entries``, per code
    (the first labels taken as the answer, as for the coach)."""
    first = {entry["id"]: entry for entry in entries}
    tallies = {code: Tally() for code in SECOND_CODES}
    for label in second:
        for code in SECOND_CODES:
            expected = first[label["id"]]["expect"][code]
            _count(tallies[code], label["id"], expected, label[code], "fail")
    return tallies


def positive(code: str) -> str:
    """What the coach is detecting: the behaviour for a reward, the fault for a penalty."""
    return "pass" if code in REWARDS else "fail"


def labelled_penalty(entry: dict[str, Any]) -> bool:
    return any(entry["expect"][code] == "fail" for code in PENALTY_CODES)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.agree += other.agree
        self.total += other.total
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def agreement(self) -> float:
        return self.agree / self.total if self.total else 1.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa: agreement beyond what two raters with these rates reach by chance
        (for a pass/fail code; 1 is perfect, 0 no better than chance)."""
        if not self.total:
            return 1.0
        said = (self.tp + self.fp) / self.total
        labelled = (self.tp + self.fn) / self.total
        chance = said * labelled + (1 - said) * (1 - labelled)
        return (self.agreement - chance) / (1 - chance) if chance < 1 else 1.0


def evaluate(coach: Coach, entries: list[dict[str, Any]]) -> dict[str, Tally]:
    """Per dimension; the extra key ``PENALTY`` tallies penalty vs clean over whole replies."""
    said: dict[str, dict[str, str]] = {}
    for entry in entries:
        score = coach.score(entry["reply"], entry.get("client") or "", entry["level"])
        said[entry["id"]] = {
            **{code: score[code].status for code in CODES},
            "PENALTY": "fail" if score.penalties else "pass",
        }
    return tally(entries, said)


def tally(entries: list[dict[str, Any]], said: dict[str, dict[str, str]]) -> dict[str, Tally]:
    """As :func:`evaluate`, from what a coach said of each entry: by id, each code's status
    and under ``PENALTY`` "fail" when any wording to avoid fired."""
    tallies = {code: Tally() for code in (*CODES, "PENALTY")}
    for entry in entries:
        statuses = said[entry["id"]]
        for code in CODES:
            _count(
                tallies[code],
                entry["id"],
                _STATUS[entry["expect"][code]],
                statuses[code],
                positive(code),
            )
        _count(
            tallies["PENALTY"],
            entry["id"],
            "fail" if labelled_penalty(entry) else "pass",
            statuses["PENALTY"],
            "fail",
        )
    return tallies


def cross_validate(
    rubric: Rubric,
    entries: list[dict[str, Any]],
    folds: int,
    only: frozenset[str] | None = None,
) -> dict[str, Tally]:
    """As :func:`evaluate`, but each reply is scored with weight tables fitted to the other
    folds only: how the tables do on replies they never saw, without touching the frozen
    part. A fold holds whole batches (one writer's replies, by id prefix), so the tables
    are also judged on writers they never saw. With ``only``, just the replies of those ids
    are scored (the tables are fitted as without it)."""
    fold_of = batch_folds(entries, folds)
    tallies = {code: Tally() for code in (*CODES, "PENALTY")}
    for fold in range(folds):
        train = [e for e, f in zip(entries, fold_of, strict=True) if f != fold]
        held = [
            e
            for e, f in zip(entries, fold_of, strict=True)
            if f == fold and (only is None or e["id"] in only)
        ]
        coach = Coach(fit.with_tables(rubric, fit.fit_tables(rubric, train)))
        for code, tally in evaluate(coach, held).items():
            tallies[code].add(tally)
    return tallies


def batch_folds(entries: list[dict[str, Any]], folds: int) -> list[int]:
    """The fold of each entry: the batches in order of name, dealt round the folds."""
    batches = sorted({batch(e["id"]) for e in entries})
    fold_of = {name: n % folds for n, name in enumerate(batches)}
    return [fold_of[batch(e["id"])] for e in entries]


def batch(entry_id: str) -> str:
    """The batch a labelled reply came in: its id up to the number ("tune-x-" for
    "tune-x-012"); the first replies, written with the rubric, are one batch."""
    head, _, tail = entry_id.rpartition("-")
    return head if entry_id.startswith(("tune-", "frozen-")) and tail.isdigit() else "first"


def _count(tally: Tally, entry_id: str, expected: str, got: str, want: str) -> None:
    tally.total += 1
    tally.agree += expected == got
    if got == want and expected == want:
        tally.tp += 1
    elif got == want:
        tally.fp += 1
    elif expected == want:
        tally.fn += 1
    if expected != got:
        tally.misses.append(f"{entry_id}: expected {expected}, got {got}")
