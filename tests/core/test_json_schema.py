"""The JSON Schema is generated from the same definition as the validator and agrees with it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from convocoach.playbooks.format import json_schema
from convocoach.playbooks.starter import starter_playbook
from tests.conftest import BUNDLED, MINIMAL


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_committed_schema_file_is_up_to_date() -> None:
    committed = json.loads((BUNDLED / "playbook.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: make schema"


def test_every_field_has_a_description_for_editors() -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert prop.get("description"), name
            for value in node.values():
                walk(value)

    walk(json_schema())


def test_bundled_playbooks_pass_an_independent_validator() -> None:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    files = sorted(str(p) for p in BUNDLED.glob("*.yaml"))
    result = subprocess.run(
        [exe, "--schemafile", str(BUNDLED / "playbook.schema.json"), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_starter_passes_the_json_schema() -> None:
    jsonschema.validate(yaml.safe_load(starter_playbook("vendor-change")), json_schema())


@pytest.mark.parametrize(
    "broken",
    [
        MINIMAL + "titel: x\n",
        MINIMAL.replace("id: minimal", "id: Not A Slug"),
        MINIMAL + "setting:\n  best_channel: zoom\n",
        MINIMAL + "tags: [a, a]\n",
        MINIMAL.replace("schema: 1", "schema: 2"),
        MINIMAL.replace("title: Minimal", "title: ''"),
        "schema: 1\nid: x\n",
    ],
)
def test_documents_our_validator_refuses_are_refused_by_the_schema_too(broken: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(broken), json_schema())
