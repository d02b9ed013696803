"""Version 1 of the rubric file format, defined once for validation, models and JSON Schema.

The keys are declared on the models (``model.py``, ``rule_kinds.py``); this is the file as
a whole: its top-level record and its JSON Schema.
"""

from __future__ import annotations

import json
from typing import Any

from convocoach.coach import model
from convocoach.coach.model import FORMAT_VERSION as FORMAT_VERSION
from convocoach.schema import Record

SCHEMA_ID = "urn:convocoach:schema:rubric:1"

RUBRIC = Record.of(
    model.Rubric,
    "convocoach rubric",
    "The coaching rubric: what the coach looks for in a reply, rule by rule.",
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the rubric format, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **RUBRIC.json_schema(),
    }


def schema_text() -> str:
    """The JSON Schema as written to ``rubric.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
