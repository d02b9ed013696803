"""Find, read and combine rubrics: the bundled default, trainers' own files, a playbook's words."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

import yaml

from convocoach.coach import model, vocabulary
from convocoach.coach.format import FORMAT_VERSION, RUBRIC
from convocoach.diagnostics import InvalidFile, Problem, UserError
from convocoach.locations import Locations
from convocoach.schema import INVALID, convert_document, refuse_newer_format
from convocoach.yamlsafe import compose_bytes, read_limited

DEFAULT_ID = "default"
_MAX_DEPTH = 5  # rubrics extending rubrics; deeper is surely a loop


def parse_rubric(data: bytes, source: str) -> model.Rubric:
    """Validate the bytes of one rubric file (not yet combined with what it extends)."""
    root = compose_bytes(data, source)
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    line,
                    1,
                    "",
                    "the top level must be a mapping of keys (format:, id:, dimensions: ...)",
                    "start from the bundled rubric (convocoach check --show-rubric)",
                    "top-level",
                )
            ],
        )
    refuse_newer_format(root, "format", FORMAT_VERSION, "rubric", source)
    rubric, problems = convert_document(root, RUBRIC, source)
    if problems or rubric is INVALID:
        raise InvalidFile(source, problems)
    assert isinstance(rubric, model.Rubric)
    return rubric


def read_rubric_file(path: Path) -> model.Rubric:
    try:
        data = read_limited(path)
    except OSError as exc:
        raise InvalidFile(
            str(path),
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "",
                    f"cannot read the file: {exc.strerror or exc}",
                    "check that the path exists and is readable",
                    "unreadable",
                )
            ],
        ) from None
    return parse_rubric(data, str(path))


@lru_cache(maxsize=4)
def _bundled(folder: Path) -> model.Rubric:
    path = folder / f"{DEFAULT_ID}.yaml"
    return _known_names(read_rubric_file(path), path)


def bundled_rubric() -> model.Rubric:
    """The rubric that ships with convocoach."""
    return _bundled(Locations.from_env().bundled_rubrics)


def find_rubric(locations: Locations, name: str = "") -> model.Rubric:
    """The rubric called ``name`` (an id in the user's rubrics folder, or a file path),
    combined with what it extends; the bundled default when ``name`` is empty."""
    if not name or name == DEFAULT_ID:
        return _bundled(locations.bundled_rubrics)
    path = Path(name).expanduser()
    if not path.suffix:
        path = locations.user_rubrics / f"{name}.yaml"
    if not path.is_file():
        raise UserError(
            f"no rubric {name!r} (looked for {path})",
            f"put it in {locations.user_rubrics} or give the path of the file",
        )
    return _known_names(_resolve(read_rubric_file(path), str(path), locations, 0), path)


def _known_names(rubric: model.Rubric, path: Path) -> model.Rubric:
    """Refuse a pattern naming a word set, or a weighed rule naming a weight table, that
    neither this rubric nor what it extends has."""
    tables = {t.name for t in rubric.weights}
    missing = [
        r
        for d in rubric.dimensions
        for r in d.rules
        if isinstance(r, model.Weighed) and r.table not in tables
    ]
    if missing:
        known_tables = ", ".join(sorted(tables)) or "none"
        raise _refused(
            path,
            _where(path, f"id: {missing[0].id}"),
            f"rule {missing[0].id}",
            f"no weight table {missing[0].table!r} under 'weights:'",
            f"add it (python -m convocoach.coach.fit fits one) or use one of: {known_tables}",
            "unknown-table",
        )
    _known_verdicts(rubric, path)
    unknown = vocabulary.unknown_names(rubric)
    if not unknown:
        return rubric
    rule_id, name = unknown[0]
    known = ", ".join(sorted(v.name for v in rubric.vocabulary)) or "none"
    raise _refused(
        path,
        _where(path, "{" + name + "}"),
        f"rule {rule_id}",
        f"no word set {{{name}}} in the vocabulary",
        f"add it under 'vocabulary:' or use one of: {known}",
        "unknown-vocabulary",
    )


def _known_verdicts(rubric: model.Rubric, path: Path) -> None:
    """Refuse ``unless_passes`` naming a dimension the rubric lacks, or one that itself waits
    for other dimensions' verdicts (its own would not be known in time)."""
    codes = {d.code for d in rubric.dimensions}
    waiting = {d.code for d in rubric.dimensions if d.reads_passes or d.reads_penalties}
    rules = (r for d in rubric.dimensions for r in d.rules if isinstance(r, model.Existence))
    for rule in rules:
        for code in rule.unless_passes:
            if code in codes and code not in waiting:
                continue
            why = (
                "itself waits for other dimensions' verdicts"
                if code in codes
                else "is not a dimension of this rubric"
            )
            rule_line = rf"\bid:\s*['\"]?{re.escape(rule.id)}['\"]?\s*$"
            raise _refused(
                path,
                _where(path, "unless_passes", after=rule_line),
                f"rule {rule.id}",
                f"unless_passes names {code!r}, which {why}",
                "name one of: " + (", ".join(sorted(codes - waiting)) or "none"),
                "unknown-dimension",
            )


def _refused(
    path: Path, at: tuple[int, int], where: str, message: str, fix: str, rule: str
) -> InvalidFile:
    """The error for one problem in the rubric file ``path``, at ``at`` (line, column)."""
    return InvalidFile(str(path), [Problem(str(path), *at, where, message, fix, rule)])


def _where(path: Path, needle: str, after: str = "") -> tuple[int, int]:
    """Where ``needle`` first appears, after the first line matching the pattern ``after``."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1, 1
    start = next((n for n, text in enumerate(lines) if re.search(after, text)), 0) if after else 0
    for number, text in enumerate(lines[start:], start + 1):
        if needle in text:
            return number, text.index(needle) + 1
    return 1, 1


def _resolve(rubric: model.Rubric, source: str, locations: Locations, depth: int) -> model.Rubric:
    if not rubric.extends:
        return rubric
    if depth >= _MAX_DEPTH:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "extends",
                    "rubrics extend each other in a loop",
                    "make one of them stand alone",
                    "extends-loop",
                )
            ],
        )
    if rubric.extends == DEFAULT_ID:
        base = _bundled(locations.bundled_rubrics)
    else:
        path = locations.user_rubrics / f"{rubric.extends}.yaml"
        if not path.is_file():
            raise InvalidFile(
                source,
                [
                    Problem(
                        source,
                        1,
                        1,
                        "extends",
                        f"no rubric {rubric.extends!r} to extend",
                        f"put it in {locations.user_rubrics} or extend 'default'",
                        "extends",
                    )
                ],
            )
        base = _resolve(read_rubric_file(path), str(path), locations, depth + 1)
    return extend(base, rubric, source)


def extend(base: model.Rubric, extra: model.Rubric, source: str) -> model.Rubric:
    """``base`` with ``extra``'s dimensions merged in and its disabled rules removed."""
    dims = {d.code: d for d in base.dimensions}
    for dim in extra.dimensions:
        old = dims.get(dim.code)
        if old is None:
            dims[dim.code] = dim if dim.title else dataclasses.replace(dim, title=dim.code)
            continue
        dims[dim.code] = dataclasses.replace(
            old,
            title=dim.title or old.title,
            why=dim.why or old.why,
            tip=dim.tip or old.tip,
            absent_message=dim.absent_message or old.absent_message,
            rules=old.rules + dim.rules,
        )
    vocab = vocabulary.merge(base.vocabulary, extra.vocabulary)
    tables = {t.name: t for t in base.weights} | {t.name: t for t in extra.weights}
    known = {r.id for d in dims.values() for r in d.rules}
    unknown = [rule_id for rule_id in extra.disable if rule_id not in known]
    if unknown:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "disable",
                    f"no rule {unknown[0]!r} to disable",
                    "check the rule ids with 'convocoach check --show-rubric'",
                    "disable",
                )
            ],
        )
    off = set(extra.disable)
    dims = {
        code: dataclasses.replace(d, rules=tuple(r for r in d.rules if r.id not in off))
        for code, d in dims.items()
    }
    return dataclasses.replace(
        base,
        id=extra.id,
        title=extra.title or base.title,
        extends=extra.extends,
        dimensions=tuple(dims.values()),
        disable=(),
        vocabulary=vocab,
        weights=tuple(tables.values()),
    )
