"""The authors' guides in docs/ match the formats they describe, and their examples work."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from convocoach import authoring_docs
from convocoach.coach.format import json_schema as rubric_schema
from convocoach.coach.loader import find_rubric
from convocoach.locations import Locations
from convocoach.playbooks.format import json_schema as playbook_schema
from convocoach.playbooks.loader import load_playbook_file
from tests.conftest import REPO

DOCS = REPO / "docs"
EXAMPLES = DOCS / "examples"
REGENERATE = "python -m convocoach.authoring_docs"


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return authoring_docs.build()


def test_committed_docs_are_what_the_generator_writes(built: dict[str, str]) -> None:
    stale = [
        name
        for name, text in built.items()
        if not (DOCS / name).is_file() or (DOCS / name).read_bytes() != text.encode()
    ]
    assert not stale, f"docs/ is out of date ({', '.join(stale)}); run: {REGENERATE}"


def test_example_schemas_are_the_committed_ones(built: dict[str, str]) -> None:
    assert built["examples/playbook.schema.json"] == (
        REPO / "playbooks" / "playbook.schema.json"
    ).read_text(encoding="utf-8")
    assert built["examples/rubric.schema.json"] == (
        REPO / "rubrics" / "rubric.schema.json"
    ).read_text(encoding="utf-8")


def _paths(node: dict[str, Any], path: str = "") -> Iterator[str]:
    for name, prop in node.get("properties", {}).items():
        below = f"{path}.{name}" if path else name
        yield below
        while prop.get("type") == "array":
            prop, below = prop["items"], below + "[]"
        yield from _paths(prop, below)
        for variant in prop.get("oneOf", []):
            yield from _paths(variant, below)


@pytest.mark.parametrize(
    ("page", "schema"),
    [("playbook-format.md", playbook_schema), ("rubric-format.md", rubric_schema)],
)
def test_every_field_of_the_schema_has_a_row(built: dict[str, str], page: str, schema: Any) -> None:
    paths = list(_paths(schema()))
    assert len(paths) > 20
    missing = [p for p in paths if f"| `{p}` |" not in built[page]]
    assert not missing, f"not in {page}: {missing}"


def test_worked_example_is_a_valid_playbook_with_a_rehearsal() -> None:
    path = EXAMPLES / "worked-example.yaml"
    loaded = load_playbook_file(path)
    assert loaded.playbook.rehearsal is not None
    assert loaded.playbook.coaching.jargon
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(playbook_schema()).validate(data)


@pytest.mark.parametrize("name", ["my-workshop.yaml", "every-rule-kind.yaml"])
def test_example_rubrics_load(name: str) -> None:
    rubric = find_rubric(Locations.from_env(), str(EXAMPLES / name))
    assert rubric.dimensions
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(rubric_schema()).validate(data)


def test_every_rule_kind_has_an_example_on_the_page(built: dict[str, str]) -> None:
    kinds = [
        v["properties"]["kind"]["const"]
        for v in rubric_schema()["properties"]["dimensions"]["items"]["properties"]["rules"][
            "items"
        ]["oneOf"]
    ]
    examples = authoring_docs.rule_examples()
    assert sorted(examples) == sorted(kinds)
    for kind in kinds:
        assert f"### `{kind}`" in built["rubric-format.md"]
        assert examples[kind] in built["rubric-format.md"]


def test_the_words_page_says_when_the_clients_line_stands_a_rule_down(
    built: dict[str, str],
) -> None:
    shrugs = built["coach-words.md"].split("### `shrugs`", 1)[1].split("### ", 1)[0]
    assert "Not judged when the client's last line holds one of these" in shrugs
    assert "{client_apology}" in shrugs
    assert (
        "A shared figure (a sum, a percentage, a date in figures) counts as 2"
        in (built["coach-words.md"])
    )


def test_sample_errors_come_from_the_validator(built: dict[str, str]) -> None:
    page = built["playbook-format.md"]
    assert "[setting.timming] (unknown-key)" in page
    assert "fix: did you mean 'timing'?" in page
    assert "(unknown-turn)" in page


def _links(tokens: list[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type == "link_open":
            yield str(token.attrs["href"])
        yield from _links(token.children or [])


def _anchors(tokens: list[Token]) -> set[str]:
    # GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens.
    found = set()
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open":
            text = "".join(c.content for c in inline.children or [])
            found.add(re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-"))
    return found


def _pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_pages_parse_and_every_relative_link_resolves(page: Path) -> None:
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(page.read_text(encoding="utf-8"))
    assert any(t.type == "heading_open" and t.tag == "h1" for t in tokens)
    links = list(_links(tokens))
    assert links
    for href in links:
        if re.match(r"[a-z]+:", href):
            continue
        target, _, anchor = href.partition("#")
        file = (page.parent / target).resolve() if target else page
        assert file.exists(), f"{page.name}: broken link {href}"
        if anchor:
            assert anchor in _anchors(md.parse(file.read_text(encoding="utf-8"))), (
                f"{page.name}: no heading for {href}"
            )


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_table_rows_have_as_many_cells_as_their_header(page: Path) -> None:
    width = 0
    for line in page.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            width = 0
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        width = width or cells
        assert cells == width, line


def test_writes_only_what_changed_and_checks(tmp_path: Path) -> None:
    assert authoring_docs.main([str(tmp_path)]) == 0
    assert authoring_docs.write(tmp_path, check=True) == []
    assert authoring_docs.main([str(tmp_path), "--check"]) == 0
    (tmp_path / "README.md").write_text("old\n", encoding="utf-8")
    assert authoring_docs.main([str(tmp_path), "--check"]) == 1
    assert authoring_docs.write(tmp_path) == [tmp_path / "README.md"]
    assert authoring_docs.write(tmp_path, check=True) == []
