"""Version 1 of the playbook file format, defined once for validation, models and JSON Schema.

The keys are declared on the models (``model.py``, ``sections.py``, ``rehearsal/script.py``);
this is the file as a whole: its top-level record and its JSON Schema.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from convocoach.playbooks import model
from convocoach.playbooks.model import FORMAT_VERSION as FORMAT_VERSION
from convocoach.rehearsal.asks import Offer
from convocoach.schema import Record

SCHEMA_ID = "urn:convocoach:schema:playbook:1"


def with_offers(playbook: model.Playbook) -> model.Playbook:
    """The playbook, its role-play knowing the options by which a reply offers them."""
    if playbook.rehearsal is None:
        return playbook
    offers = tuple(
        Offer(o.id, o.name, o.cues, o.objection)
        for o in playbook.prepare.options
        if o.id and o.cues
    )
    return replace(playbook, rehearsal=replace(playbook.rehearsal, offers=offers))


PLAYBOOK = Record.of(
    model.Playbook,
    "convocoach playbook",
    "One challenge in a difficult client conversation: how to prepare, choose the setting, "
    "listen, empathise, reach next steps and follow up.",
    then=with_offers,
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this format, for editors and other validators."""
    schema = PLAYBOOK.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """The JSON Schema as written to ``playbook.schema.json``."""
    return json.dumps(json_schema(), indent=2) + "\n"
