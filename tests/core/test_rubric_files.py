"""Rubric files: precise errors, extending the default, a playbook's own phrases, the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from convocoach.coach.format import json_schema
from convocoach.coach.loader import find_rubric, parse_rubric
from convocoach.coach.score import Coach
from convocoach.diagnostics import InvalidFile, UserError
from convocoach.locations import Locations
from convocoach.playbooks.coaching import with_playbook
from tests.conftest import REPO

RUBRICS = REPO / "rubrics"
HEAD = "format: 1\nid: mine\n"


def problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(InvalidFile) as caught:
        parse_rubric(text.encode(), "mine.yaml")
    return [(p.line, p.column, p.rule, p.message) for p in caught.value.problems]


def test_a_bad_pattern_is_reported_where_it_is() -> None:
    text = (
        HEAD
        + """dimensions:
  - code: TEST
    rules:
      - kind: existence
        id: broken
        effect: fail
        message: Broken
        patterns: ['(unclosed']
"""
    )
    [(line, column, rule, message)] = problems(text)
    assert (line, column, rule) == (10, 20, "bad-pattern")
    assert "missing )" in message


def test_an_unknown_kind_suggests_the_nearest() -> None:
    text = HEAD + "dimensions:\n  - code: TEST\n    rules:\n      - kind: existance\n"
    [(line, column, rule, message)] = problems(text)
    assert (line, column, rule) == (6, 15, "choice")
    assert "'existance' is not a known kind" in message


def test_missing_fields_of_a_kind_and_duplicate_ids() -> None:
    text = (
        HEAD
        + """dimensions:
  - code: TEST
    rules:
      - {kind: substitution, id: a, message: M}
"""
    )
    assert [f[:3] for f in problems(text)] == [(6, 9, "missing-key")]  # swaps
    text = (
        HEAD
        + """dimensions:
  - code: TEST
    rules:
      - {kind: existence, id: b, message: M, effect: pass, phrases: [x]}
      - {kind: existence, id: b, message: M, effect: pass, phrases: [y]}
"""
    )
    [(line, column, rule, message)] = problems(text)
    assert (line, column, rule) == (7, 9, "duplicate-name")
    assert "'b' is used twice" in message


def test_a_pattern_matching_nothing_would_fire_everywhere() -> None:
    text = (
        HEAD
        + """dimensions:
  - code: TEST
    rules:
      - {kind: existence, id: a, message: M, effect: fail, patterns: ['x*']}
"""
    )
    assert problems(text)[0][2] == "bad-pattern"


def test_a_newer_format_is_refused_plainly() -> None:
    [(line, _, rule, message)] = problems("format: 7\nid: mine\nsomething_new: 1\n")
    assert (line, rule) == (1, "newer-format")
    assert "format 7" in message


def test_a_trainer_rubric_extends_the_default(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "rubrics"
    folder.mkdir(parents=True)
    (folder / "workshop.yaml").write_text(
        """format: 1
id: workshop
title: Our workshop
extends: default
disable: [absolutes, absolutes-weighed]
dimensions:
  - code: PLAIN
    rules:
      - kind: substitution
        id: our-jargon
        message: Our own jargon
        swaps: [{use: workstream, instead: part of the work}]
  - code: THANKS
    title: Thanks the client
    polarity: reward
    absent: fail
    rules:
      - {kind: existence, id: thanks, effect: pass, message: Thanks them, phrases: [thank you]}
""",
        encoding="utf-8",
    )
    rubric = find_rubric(Locations.from_env(), "workshop")
    assert rubric.title == "Our workshop"
    assert [d.code for d in rubric.dimensions][-1] == "THANKS"
    result = Coach(rubric).score("Thank you. You always send the workstream late.")
    assert result["PLAIN"].status == "fail"
    assert result["NOABS"].status == "pass"  # disabled
    assert result["THANKS"].status == "pass"


def test_an_unknown_rubric_is_a_user_error() -> None:
    with pytest.raises(UserError):
        find_rubric(Locations.from_env(), "nowhere")


def test_a_playbook_adds_its_phrases_to_avoid() -> None:
    from convocoach.playbooks.loader import load_playbook_file

    playbook = load_playbook_file(REPO / "playbooks" / "project-delays.yaml").playbook
    rubric = with_playbook(find_rubric(Locations.from_env()), playbook)
    result = Coach(rubric).score("Well, these things happen in software.")["NODISMISS"]
    assert result.status == "fail"
    assert any(m.instead and "our side" in m.instead for m in result.matches)


def test_the_json_schema_is_current_and_accepts_the_bundled_rubric() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    committed = json.loads((RUBRICS / "rubric.schema.json").read_text(encoding="utf-8"))
    assert committed == schema, "run: make schema"
    jsonschema.validate(yaml.safe_load((RUBRICS / "default.yaml").read_text("utf-8")), schema)


def test_a_playbooks_jargon_is_flagged_for_a_non_technical_client() -> None:
    from convocoach.playbooks.loader import load_playbook_file

    playbook = load_playbook_file(REPO / "playbooks" / "scope-creep.yaml").playbook
    coach = Coach(with_playbook(find_rubric(Locations.from_env()), playbook))
    text = "We raised a change request for it."
    low = coach.score(text, level="low")["PLAIN"]
    assert low.status == "fail"
    assert low.matches[0].instead == "a written request for the extra work"
    assert coach.score(text, level="high")["PLAIN"].status == "pass"
