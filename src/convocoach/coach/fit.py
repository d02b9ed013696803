"""Fitting a weighed rule's words to hand-labelled replies: logistic regression over words and
word pairs, by plain gradient descent, so the same replies always give the same weights
(numpy does the passes over the replies; the sums are added up in a fixed order).

``python -m convocoach.coach.fit LABELS RUBRIC`` refits every weighed rule of RUBRIC (a rubric
file) from LABELS (replies labelled as in tests/data/LABELLING.md) and rewrites its ``bias:``
and ``weights:`` in place; everything else in the file stays as written.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from convocoach.atomicfile import write_text_atomic
from convocoach.coach import model
from convocoach.coach.loader import read_rubric_file
from convocoach.coach.weighing import features
from convocoach.yamlsafe import safe_load

L2 = 1.0
"""How hard weights are pulled towards zero (evidence seen in few replies stays light)."""
EPOCHS = 400
"""Passes over the replies; stopping early keeps the weights modest (and the fit quick)."""
RATE = 0.5
MIN_COUNT = 2
"""A word or pair must appear in this many replies to get a weight."""
KEEP = 0.05
"""Weights lighter than this are left out of the rubric: they never tip a verdict."""


@dataclass(frozen=True, slots=True)
class Fitted:
    bias: float
    weights: dict[str, float]


def fit(texts: Sequence[str], labels: Sequence[bool]) -> Fitted:
    """Weights under which the words of ``texts`` add up above zero where ``labels`` is true."""
    found = [list(features(text)) for text in texts]
    counts = Counter(key for keys in found for key in keys)
    index = {key: n for n, key in enumerate(sorted(k for k, c in counts.items() if c >= MIN_COUNT))}
    rows = [[index[k] for k in keys if k in index] for keys in found]
    # One entry per (reply, feature) it holds. np.bincount adds up in that order, one term
    # after another, so every sum is the sum a plain loop over the replies makes, to the bit:
    # the tables do not depend on how the arithmetic is laid out.
    row_of = np.fromiter((r for r, row in enumerate(rows) for _ in row), dtype=np.intp)
    column = np.fromiter((i for row in rows for i in row), dtype=np.intp)
    every_row = np.zeros(len(rows), dtype=np.intp)
    targets = np.array([1.0 if label else 0.0 for label in labels])
    weights = np.zeros(len(index))
    bias = 0.0
    n = len(rows)
    for _ in range(EPOCHS):
        z = np.clip(bias + np.bincount(row_of, weights[column], minlength=n), -30.0, 30.0)
        error = 1.0 / (1.0 + np.exp(-z)) - targets
        gradient = np.bincount(column, error[row_of], minlength=len(index))
        weights -= RATE * (gradient + L2 * weights) / n
        bias -= RATE * float(np.bincount(every_row, error)[0]) / n
    kept = {key: round(float(weights[i]), 3) for key, i in index.items() if abs(weights[i]) >= KEEP}
    return Fitted(round(bias, 3), dict(sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))))


def _labelled(
    entries: list[dict[str, Any]], code: str, polarity: model.Polarity
) -> tuple[list[str], list[bool]]:
    target = "fail" if polarity == "penalty" else "pass"
    pairs = [
        (str(e["reply"]), e["expect"][code] == target)
        for e in entries
        if e.get("expect", {}).get(code) in ("pass", "fail")
    ]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def table_lines(name: str, fitted: Fitted, indent: str = "  ") -> list[str]:
    """The weight table as the rubric holds it, under its top-level ``weights:``."""
    inner = indent + "  "
    return [
        f"{indent}- name: {name}",
        f"{inner}bias: {fitted.bias}",
        f"{inner}weights: |",
        *(f"{inner}  {key} {weight}" for key, weight in fitted.weights.items()),
    ]


def rewrite(text: str, name: str, fitted: Fitted) -> str:
    """``text`` (a rubric file) with the weight table ``name`` replaced, or added at the end
    under a top-level ``weights:``."""
    lines = text.rstrip("\n").split("\n")
    start = next(
        (
            n
            for n, line in enumerate(lines)
            if re.fullmatch(rf"\s*- name:\s*['\"]?{re.escape(name)}['\"]?\s*", line)
            and _in_weights(lines, n)
        ),
        None,
    )
    if start is None:
        if not any(line.startswith("weights:") for line in lines):
            lines += ["", "weights:"]
        return "\n".join([*lines, *table_lines(name, fitted)]) + "\n"
    depth = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > depth
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    new = table_lines(name, fitted, " " * depth)
    return "\n".join([*lines[:start], *new, *lines[end:]]) + "\n"


def _in_weights(lines: list[str], at: int) -> bool:
    """Whether line ``at`` lies under the top-level ``weights:`` (not the vocabulary)."""
    for line in reversed(lines[:at]):
        if line and not line[0].isspace() and not line.startswith("#"):
            return line.startswith("weights:")
    return False


def fit_tables(rubric: model.Rubric, entries: list[dict[str, Any]]) -> dict[str, Fitted]:
    """Every weight table a weighed rule of ``rubric`` uses, fitted to ``entries`` (labelled
    replies), by table name; each table learns the code of the dimension whose rule uses it."""
    tables: dict[str, Fitted] = {}
    for dim in rubric.dimensions:
        for rule in dim.rules:
            if isinstance(rule, model.Weighed) and rule.table not in tables:
                tables[rule.table] = fit(*_labelled(entries, dim.code, dim.polarity))
    return tables


def with_tables(rubric: model.Rubric, tables: dict[str, Fitted]) -> model.Rubric:
    """``rubric`` with its weight tables of those names replaced by ``tables``."""
    return replace(
        rubric,
        weights=tuple(
            replace(t, bias=tables[t.name].bias, weights=tuple(tables[t.name].weights.items()))
            if t.name in tables
            else t
            for t in rubric.weights
        ),
    )


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The hand-labelled replies of a file like tests/data/coach_replies.yaml."""
    with path.open(encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = safe_load(handle)
    return entries


def refit(labels: Path, rubric_path: Path) -> list[str]:
    """Refit every weight table a weighed rule of the rubric file uses; a line per table."""
    text = rubric_path.read_text(encoding="utf-8")
    report = []
    for name, fitted in fit_tables(read_rubric_file(rubric_path), read_labels(labels)).items():
        text = rewrite(text, name, fitted)
        report.append(f"{name}: {len(fitted.weights)} weights")
    write_text_atomic(rubric_path, text)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m convocoach.coach.fit LABELS.yaml RUBRIC.yaml", file=sys.stderr)
        return 2
    for line in refit(Path(args[0]), Path(args[1])):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
