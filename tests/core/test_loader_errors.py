"""Every class of loading error names the file, line, column, field and fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.playbooks.loader import load_playbook_file, parse_playbook
from convocoach.yamlsafe import MAX_BYTES
from tests.conftest import MINIMAL


def problems_of(text: str | bytes) -> list[Problem]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(data, "pb.yaml")
    return list(caught.value.problems)


def only(text: str | bytes) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


def test_minimal_playbook_loads_with_defaults() -> None:
    pb = parse_playbook(MINIMAL.encode(), "pb.yaml")
    assert pb.id == "minimal"
    assert pb.tags == ()
    assert pb.setting.best_channel == "in_person"
    assert pb.followup.cadence == "weekly"
    assert pb.subject_line == "Following up on our conversation: Minimal"


def test_duplicate_key_points_at_the_second_key() -> None:
    p = only(MINIMAL + "title: Again\n")
    assert (p.line, p.column, p.rule, p.path) == (6, 1, "duplicate-key", "title")
    assert "first at line 3" in p.message


def test_python_tag_is_rejected_before_anything_is_built() -> None:
    p = only(MINIMAL + "tags: !!python/object/apply:os.system ['echo hi']\n")
    assert (p.line, p.column, p.rule) == (6, 7, "yaml-tag")


def test_custom_tag_is_rejected() -> None:
    p = only(MINIMAL.replace("title: Minimal", "title: !shout Minimal"))
    assert (p.line, p.column, p.rule) == (3, 8, "yaml-tag")


def test_text_that_merely_contains_a_bang_is_fine() -> None:
    pb = parse_playbook(
        MINIMAL.replace("Keep it short.", "Keep it short! Really & truly *now*").encode(), "pb.yaml"
    )
    assert pb.approach == "Keep it short! Really & truly *now*"


def test_anchor_and_alias_are_each_reported() -> None:
    problems = problems_of(MINIMAL + "tags: &t [a]\nsources: *t\n")
    assert [(p.line, p.column, p.rule) for p in problems] == [
        (6, 7, "yaml-alias"),
        (7, 10, "yaml-alias"),
    ]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]"
        for i in range(8)
    ]
    start = time.perf_counter()
    problems = problems_of("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 5
    assert {p.rule for p in problems} == {"yaml-alias"}


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(MINIMAL.encode() + b"#" * MAX_BYTES)
    with pytest.raises(InvalidFile) as caught:
        load_playbook_file(path)
    (p,) = caught.value.problems
    assert (p.file, p.line, p.column, p.rule) == (str(path), 1, 1, "file-too-large")


def test_non_utf8_byte_is_located_by_line_and_column() -> None:
    data = MINIMAL.replace("Keep it short.", "Caf\xe9 talk").encode("latin-1")
    p = only(data)
    assert (p.line, p.column, p.rule) == (5, 14, "encoding")
    assert "0xe9" in p.message
    assert "UTF-8" in p.fix


def test_utf8_bom_is_accepted() -> None:
    assert parse_playbook(b"\xef\xbb\xbf" + MINIMAL.encode(), "pb.yaml").id == "minimal"


def test_top_level_list_is_refused() -> None:
    p = only("- schema: 1\n")
    assert (p.line, p.column, p.rule) == (1, 1, "top-level")


def test_empty_file_is_refused() -> None:
    assert only("# nothing here\n").rule == "empty"


def test_newer_format_is_refused_alone() -> None:
    p = only(MINIMAL.replace("schema: 1", "schema: 2") + "rehearsal_v9: {}\n")
    assert (p.line, p.column, p.rule, p.path) == (1, 9, "newer-format", "schema")
    assert "upgrade" in p.fix


def test_syntax_error_has_line_and_column() -> None:
    p = only(MINIMAL + "tags: [a, b\n")
    assert p.rule == "syntax"
    assert (p.line, p.column) == (7, 1)


def test_tab_indentation_gets_a_fix() -> None:
    p = only("schema: 1\nprepare:\n\tfacts: []\n")
    assert p.rule == "syntax"
    assert p.line == 3
    assert "tab" in p.fix


def test_two_documents_are_refused() -> None:
    p = only(MINIMAL + "---\nschema: 1\n")
    assert (p.line, p.column, p.rule) == (6, 1, "syntax")
    assert "more than one YAML document" in p.message


@pytest.mark.parametrize("depth", [150, 5_000, 100_000])
def test_deep_flow_nesting_is_refused_without_crashing(depth: int) -> None:
    # Past about 1,000 levels some PyYAML releases stop first with a limit of their own;
    # the report is the same whichever limit fires.
    p = only("tags: " + "[" * depth + "]" * depth + "\n")
    assert p.rule == "too-deep"
    assert p.line == 1


@pytest.mark.parametrize("depth", [3_000, 20_000])
def test_deep_block_nesting_is_refused_without_crashing(depth: int) -> None:
    p = only("tags:\n" + "- " * depth + "x\n")
    assert p.rule == "too-deep"


def test_raw_control_character_is_located() -> None:
    p = only(MINIMAL.replace("Keep it short.", "Keep\x07 it"))
    assert (p.line, p.column, p.rule) == (5, 15, "bad-character")


def test_escaped_control_character_in_text_is_refused() -> None:
    p = only(MINIMAL.replace("Keep it short.", '"Keep \\e[31m it"'))
    assert (p.line, p.column, p.rule, p.path) == (5, 11, "control-character", "approach")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200b\u200d\u2060", "\ufeff ", "\u00ad"])
def test_text_made_only_of_invisible_characters_is_empty(invisible: str) -> None:
    p = only(MINIMAL.replace("Keep it short.", f'"{invisible}"'))
    assert (p.rule, p.path) == ("empty-text", "approach")
    assert "invisible" in p.message


def test_bidi_override_in_text_is_refused() -> None:
    p = only(MINIMAL.replace("Keep it short.", "Keep \u202e it"))
    assert p.rule == "control-character"


def test_unknown_key_suggests_the_closest_name() -> None:
    p = only(MINIMAL + "setting:\n  timming: [Early]\n")
    assert (p.line, p.column, p.rule, p.path) == (7, 3, "unknown-key", "setting.timming")
    assert p.fix == "did you mean 'timing'?"


def test_unknown_key_without_a_close_match_lists_allowed_keys() -> None:
    p = only(MINIMAL + "listen:\n  zzz: [x]\n")
    assert "prompts, reflections" in p.fix


def test_missing_required_keys_are_all_reported() -> None:
    problems = problems_of("schema: 1\nid: x\n")
    assert [(p.path, p.rule, p.line, p.column) for p in problems] == [
        ("title", "missing-key", 3, 1),
        ("summary", "missing-key", 3, 1),
        ("approach", "missing-key", 3, 1),
    ]


def test_a_missing_key_points_where_it_belongs_not_at_another_key() -> None:
    text = "# comment\nschema: 1\nid: x\nsummary: >\n  two\n  lines\n\napproach: a\n"
    [p] = problems_of(text)
    assert (p.path, p.line, p.column) == ("title", 4, 1)  # the line after 'id: x'
    assert p.fix.startswith("add 'title:' after 'id:'")
    [p] = problems_of("title: T\nschema: 1\nid: x\nsummary: s\n")
    assert (p.path, p.line) == ("approach", 5)
    assert "after 'summary:'" in p.fix


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("NO", "a yes/no value"),
        ("1.10", "a number"),
        ("012", "a number"),
        ("1:30", "a number"),
        ("2024-01-05", "a date"),
    ],
)
def test_implicit_types_in_text_fields_say_quote_it(value: str, kind: str) -> None:
    p = only(MINIMAL.replace("Keep it short.", value))
    assert (p.line, p.column, p.rule, p.path) == (5, 11, "wrong-type", "approach")
    assert kind in p.message
    assert p.fix.startswith(f'put it in quotes: "{value}"')


def test_empty_value_is_named() -> None:
    p = only(MINIMAL + "tags:\n")
    assert (p.rule, p.path) == ("empty-value", "tags")


def test_text_where_a_list_is_expected() -> None:
    p = only(MINIMAL + "tags: delivery\n")
    assert (p.line, p.column, p.rule) == (6, 7, "wrong-type")
    assert "'- '" in p.fix


def test_list_where_text_is_expected() -> None:
    p = only(MINIMAL.replace("title: Minimal", "title: [a, b]"))
    assert (p.line, p.column, p.rule) == (3, 8, "wrong-type")


def test_bad_choice_suggests_the_closest_value() -> None:
    p = only(MINIMAL + "setting:\n  best_channel: Video\n")
    assert (p.line, p.column, p.rule) == (7, 17, "choice")
    assert p.fix == "did you mean 'video'?"


def test_bad_id_explains_the_pattern() -> None:
    p = only(MINIMAL.replace("id: minimal", "id: My Playbook"))
    assert (p.line, p.column, p.rule, p.path) == (2, 5, "pattern", "id")


def test_one_line_field_with_two_lines() -> None:
    p = only(MINIMAL.replace("title: Minimal", "title: |\n  One\n  Two"))
    assert (p.rule, p.path, p.line) == ("one-line", "title", 3)


def test_too_long_text() -> None:
    p = only(MINIMAL.replace("title: Minimal", "title: " + "x" * 81))
    assert (p.rule, p.path) == ("too-long", "title")


def test_repeated_tag() -> None:
    p = only(MINIMAL + "tags: [a, b, a]\n")
    assert (p.line, p.column, p.rule, p.path) == (6, 14, "duplicate-item", "tags[2]")


def test_non_text_key() -> None:
    p = only(MINIMAL + "1: one\n")
    assert (p.line, p.column, p.rule) == (6, 1, "bad-key")


def test_nested_errors_carry_the_full_path() -> None:
    text = MINIMAL + "prepare:\n  options:\n    - name: A\n      gains: [x, 42]\n"
    p = only(text)
    assert (p.line, p.column, p.path) == (9, 18, "prepare.options[0].gains[1]")


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    text = (
        "schema: 1\nid: Bad Id\ntitel: x\nsummary: 12\napproach: ok\n"
        "setting:\n  best_channel: zoom\n  timing: [a]\n  timing: [b]\n"
    )
    rules = [p.rule for p in problems_of(text)]
    assert sorted(rules) == sorted(
        ["pattern", "unknown-key", "wrong-type", "choice", "duplicate-key", "missing-key"]
    )


def test_unreadable_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidFile) as caught:
        load_playbook_file(tmp_path / "missing.yaml")
    assert caught.value.problems[0].rule == "unreadable"


def test_problem_format_is_linter_style() -> None:
    p = Problem("a.yaml", 3, 7, "title", "is empty", "write it", "empty-text")
    assert p.format() == "a.yaml:3:7: error: is empty [title] (empty-text)\n    fix: write it"


def test_unclosed_quote_names_where_it_opened() -> None:
    p = only(MINIMAL.replace("title: Minimal", 'title: "Minimal'))
    assert p.rule == "syntax"
    assert "starts at line 3, column 8" in p.message
