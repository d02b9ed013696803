"""Rehearsing from a session: the session's client plays the role-play's persona."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.playbooks.loader import load_playbook_file
from convocoach.rehearsal.script import Script
from convocoach.sessions.casting import cast
from convocoach.sessions.model import Client
from tests.conftest import BUNDLED
from tests.tui_support import open_store


def delays() -> Script:
    script = load_playbook_file(BUNDLED / "project-delays.yaml").playbook.rehearsal
    assert script is not None
    return script


def test_the_session_s_client_takes_the_persona_s_place() -> None:
    client = Client(
        name="Dana Reyes",
        company="Acme Freight",
        role="VP Operations",
        seniority="executive",
        tech_level="low",
    )
    script = cast(delays(), client)
    persona = script.persona
    assert persona.name == "Dana Reyes"
    assert persona.role == "VP Operations, Acme Freight"
    assert persona.seniority.startswith("Executive")
    assert persona.technical_level == "low"
    assert persona.wants == delays().persona.wants  # how they behave is the scenario's
    assert script.turns == delays().turns


def test_a_session_with_no_client_named_keeps_the_playbook_s_persona() -> None:
    assert cast(delays(), Client()) == delays()
    assert cast(delays(), Client(company="Acme")) == delays()


def test_headless_play_from_a_session_plays_its_client(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with open_store() as store:
        sid = store.create("project-delays", "", "Portal launch")
        store.set_field(sid, "client.name", "Dana Reyes")
        store.set_field(sid, "client.role", "VP Operations")
        store.set_field(sid, "client.tech_level", "low")
    replies = tmp_path / "r.txt"
    replies.write_text(
        "We need to refactor the API and redeploy the microservices.\n", encoding="utf-8"
    )
    code = main(["rehearse", "--session", str(sid), "--replies", str(replies), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["client"] == {
        "name": "Dana Reyes",
        "role": "VP Operations",
        "technical_level": "low",
    }
    assert data["exchanges"][0]["verdicts"]["PLAIN"]["status"] == "fail"
