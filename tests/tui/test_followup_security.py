"""Issue 13: nothing read through a session's template, one address per field, the user's
text kept exactly, no control characters in written files, and template errors that say
where and why."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.diagnostics import InvalidFile, UserError
from convocoach.followup import email as email_module
from convocoach.followup.email import (
    Template,
    find_template,
    render_all,
    render_followup,
    template_names,
)
from convocoach.locations import Locations
from convocoach.profile import Profile, with_value
from convocoach.sessions.field_check import check_field
from convocoach.sessions.fileformat import dump_session, parse_session
from convocoach.sessions.model import Client
from tests.followup_fixtures import NOW, PROFILE, playbook, session
from tests.tui_support import open_store

PATHS = [
    "/etc/passwd",
    "../../../../etc/passwd",
    "/proc/self/environ",
    "..",
    "sub/standard",
    "C:standard",
    "..\\..\\etc\\passwd",
    "standard\x00",
]
TWO = [
    "dana@example.com, other@example.com",
    "dana@example.com,other@example.com",
    "dana@example.com\u2028Bcc: evil@attacker.example",
    "Dana <dana@example.com>",
    "dana@example.com\r\nBcc: evil@attacker.example",
    "dana@example.com;x@y.example",
]


# --- 1. a session's template is a name inside the templates folders, nothing else ---------


@pytest.mark.parametrize("path", PATHS)
def test_an_imported_session_cannot_name_a_file_as_its_template(path: str) -> None:
    text = dump_session(replace(session(), template="standard"), "json")
    forged = text.replace('"template": "standard"', f'"template": {json.dumps(path)}')
    assert forged != text
    with pytest.raises(InvalidFile) as caught:
        parse_session(forged.encode(), "forged.json")
    assert any(p.path == "template" for p in caught.value.problems)


@pytest.mark.parametrize("path", PATHS)
def test_a_stored_path_never_reads_a_file(path: str) -> None:
    with pytest.raises(UserError) as caught:
        find_template(Locations.from_env(), path)
    assert "template name" in caught.value.message


def test_a_link_leading_out_of_the_templates_folder_is_refused(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True)
    secret = isolated_home / "secret.txt"
    secret.write_text("the secret\n", encoding="utf-8")
    (folder / "evil.md.j2").symlink_to(secret)
    (folder / "mine.md.j2").write_text("Mine\n", encoding="utf-8")
    locations = Locations.from_env()
    assert "evil" not in template_names(locations)
    assert "mine" in template_names(locations)
    with pytest.raises(UserError, match="leads outside"):
        find_template(locations, "evil")


def test_the_email_command_prints_no_file_named_by_a_session(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with open_store() as store:
        sid = store.create("project-delays", title="Forged")
        # As if written by an older version or by hand into the database.
        store.set_field(sid, "template", "/etc/passwd")
    for fmt in ("txt", "md", "ics"):
        assert main(["email", str(sid), "--format", fmt]) == 2
        captured = capsys.readouterr()
        assert "root:" not in captured.out
        assert "template name" in captured.err


def test_a_file_typed_on_the_command_line_is_still_a_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "mine.md.j2"
    mine.write_text("Hi {{ client.name | md }}\n", encoding="utf-8")
    with open_store() as store:
        sid = store.create("project-delays", title="Mine")
        store.set_field(sid, "client.name", "Dana")
    assert main(["email", str(sid), "--template", str(mine)]) == 0
    assert capsys.readouterr().out == "Hi Dana\n"


async def test_the_followup_step_shows_an_error_not_the_file() -> None:
    from textual.widgets import Select, Static

    from tests.tui.test_tui_agree_followup import app_with_session, open_step

    app, sid = app_with_session(template="../../../../etc/passwd")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = screen.query_one("#render-error", Static)
        assert error.display
        assert "template name" in str(error.render())
        assert "root:" not in getattr(screen, "markdown", "")
        # Blank, not silently switched to another template: the user chooses.
        assert screen.query_one("#template", Select).value is Select.NULL
    with open_store() as store:
        assert store.get(sid).template == "../../../../etc/passwd"


# --- 2. one address per field, and no header from a bad one --------------------------------


@pytest.mark.parametrize("value", TWO)
def test_the_client_email_field_takes_one_address(value: str) -> None:
    with pytest.raises(ValueError, match=r"one address, like dana@example\.com"):
        check_field("client.email", value)
    assert check_field("client.email", " dana@example.com ") == "dana@example.com"


@pytest.mark.parametrize("value", TWO)
def test_the_sender_email_takes_one_address(value: str) -> None:
    with pytest.raises(UserError) as caught:
        with_value(Profile(), "email", value, "settings.yaml")
    assert "one address" in caught.value.message


def test_an_imported_session_with_two_addresses_is_refused() -> None:
    client = replace(session().client, email="dana@example.com, other@example.com")
    text = dump_session(session(client=client), "yaml")
    with pytest.raises(InvalidFile) as caught:
        parse_session(text.encode(), "two.yaml")
    (problem,) = caught.value.problems
    assert problem.path == "client.email"
    assert "one address" in problem.message


@pytest.mark.parametrize("value", TWO)
def test_writers_leave_a_bad_address_out_and_say_so(value: str) -> None:
    client = Client("Dana", "Acme", "", "manager", "low", "en", value)
    out = render_all(
        ("eml", "ics"),
        find_template(Locations.from_env()),
        session(client=client),
        playbook(),
        PROFILE,
        now=NOW,
    )
    msg = message_from_bytes(out["eml"], policy=policy.default)
    assert msg["To"] is None
    assert msg["Bcc"] is None
    assert msg["From"].addresses[0].addr_spec == "sam@brightline.example"
    header_block = out["eml"].split(b"\r\n\r\n", 1)[0]
    assert b"other@" not in header_block
    assert b"evil@" not in header_block
    assert b"\xe2\x80\xa8" not in header_block  # U+2028
    assert b"ATTENDEE" not in out["ics"]
    assert b"ORGANIZER:mailto:sam@brightline.example" in out["ics"]
    (warning,) = email_module.address_warnings(("eml",), session(client=client), PROFILE)
    assert "is not one address" in warning
    assert "Situation step" in warning


def test_the_email_command_warns_about_a_bad_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with open_store() as store:
        sid = store.create("project-delays", title="Two")
        store.set_field(sid, "client.email", "dana@example.com, other@example.com")
    target = tmp_path / "out.eml"
    assert main(["email", str(sid), "--format", "eml", "-o", str(target)]) == 0
    assert "is not one address" in capsys.readouterr().err
    assert message_from_bytes(target.read_bytes(), policy=policy.default)["To"] is None


async def test_the_situation_step_says_one_address() -> None:
    from textual.widgets import Input, Static

    from tests.tui.test_tui_agree_followup import app_with_session, open_step

    app, sid = app_with_session()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "situation")
        field = screen.query_one("#f-client-email", Input)
        assert field.placeholder == "one address, like dana@example.com"
        field.focus()
        await pilot.press(*"dana@example.com,")
        await pilot.press(*"other@example.com")
        await pilot.pause()
        error = screen.query_one("#f-client-email-error", Static)
        assert error.display
        assert "write one address, like dana@example.com" in str(error.render())
    with open_store() as store:
        assert store.get(sid).client.email == "dana@example.com"


# --- 3. the user's text exactly, and no control characters in any file -----------------------


def test_plain_text_keeps_angle_brackets_and_tags_as_typed() -> None:
    draft = (
        "Hello Tom,\n\nWrite to <tom@example.com> about the <b>launch</b> & the "
        "[plan](https://example.com/plan).\n"
    )
    out = render_all(
        ("txt", "eml", "html"),
        find_template(Locations.from_env()),
        session(email_draft=draft),
        playbook(),
        PROFILE,
        now=NOW,
    )
    text = out["txt"].decode()
    assert (
        "Write to <tom@example.com> about the <b>launch</b> & the plan "
        "(https://example.com/plan)." in text
    )
    msg = message_from_bytes(out["eml"], policy=policy.default)
    part = msg.get_body(("plain",))
    assert part is not None
    assert "<tom@example.com> about the <b>launch</b>" in part.get_content()
    assert "&lt;b&gt;launch&lt;/b&gt;" in out["html"].decode()


def test_escape_and_bell_from_a_template_reach_no_file() -> None:
    source = "Hi\x1b[2J\x07 {{ client.name | md }}\x1b]0;owned\x07\x9b\r\nbye\t!\n"
    out = render_all(
        ("md", "txt", "html", "eml", "ics"),
        Template("mine.md.j2", source, trusted=False),
        session(title="Launch\x1b[31m"),
        playbook(),
        PROFILE,
        now=NOW,
    )
    allowed = {"md": "\n\t", "txt": "\n\t", "html": "\n\t", "eml": "\r\n\t", "ics": "\r\n\t"}
    for fmt, data in out.items():
        text = data.decode("utf-8")
        bad = [c for c in text if (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) and c not in allowed[fmt]]
        assert bad == [], fmt
    assert "Hi[2J Dana Whitfield]0;owned" in out["md"].decode()
    assert "bye\t!" in out["txt"].decode()


# --- 4. template errors: line and column, memory, and the .ics ------------------------------


def test_a_template_that_is_not_utf8_names_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin.md.j2"
    bad.write_bytes(b"Hello\n{{ client.name }}\nCaf\xe9 at ten\n")
    with open_store() as store:
        sid = store.create("project-delays", title="Latin")
    assert main(["email", str(sid), "--template", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3:4: error: byte 0xe9 is not valid UTF-8" in err
    assert "position" not in err


def test_a_set_block_pairs_with_endset_when_naming_the_open_block() -> None:
    source = "a\n{% for s in next_steps %}{% set y %}q{% endset %}\n  {% if s %}x\n"
    with pytest.raises(InvalidFile) as caught:
        render_followup(
            "md", Template("mine.md.j2", source, trusted=False), session(), playbook(), PROFILE
        )
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 3)
    assert "the 'if' block opened on line 3 is never closed" in problem.message


def test_a_template_that_eats_memory_says_so_with_the_limits() -> None:
    source = "Hi\n\n{{ 'x' | center(2000000000) }}\n"
    with pytest.raises(InvalidFile) as caught:
        render_followup(
            "md", Template("hungry.md.j2", source, trusted=False), session(), playbook(), PROFILE
        )
    (problem,) = caught.value.problems
    assert problem.format().startswith("hungry.md.j2:3:1: error: the template used more than")
    assert "MemoryError" not in problem.message
    assert re.search(r"1,024 MB, 10 seconds, 200,000 characters", problem.message)
    assert problem.rule == "template-memory"


def test_the_ics_export_checks_the_chosen_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.md.j2"
    broken.write_text("Hi {{ client.nmae }}\n", encoding="utf-8")
    with open_store() as store:
        sid = store.create("project-delays", title="Invite")
    assert main(["email", str(sid), "--format", "ics", "--template", str(broken)]) == 2
    assert "nmae" in capsys.readouterr().err


async def test_the_profile_form_says_one_address() -> None:
    from textual.widgets import Input, Static

    from convocoach.tui.screens.profile_form import ProfileScreen
    from tests.tui_support import build_app

    app = build_app(profile=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        field = screen.query_one("#p-email", Input)
        assert field.placeholder == "one address, like sam@brightline.example"
        field.value = "sam@brightline.example, boss@brightline.example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        error = str(screen.query_one("#error", Static).render())
        assert "email: " in error
        assert "is not one address" in error
