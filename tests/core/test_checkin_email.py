"""The check-in email in every format: golden files, parsed back, sandboxed like the follow-up,
and its templates kept apart from the follow-up's."""

from __future__ import annotations

import os
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.followup.checkin_email import (
    CHECKIN_FORMATS,
    find_checkin_template,
    render_checkin_all,
)
from convocoach.followup.email import Template, find_template, template_names
from convocoach.followup.export import export_checkin
from convocoach.locations import Locations
from convocoach.sessions.model import Client
from tests.conftest import REPO
from tests.followup_fixtures import CHECKIN_NOW, PROFILE, checkin_session, playbook

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def render(fmt: str, template: str = "checkin-standard", **changes: object) -> bytes:
    return render_checkin_all(
        (fmt,),
        find_checkin_template(Locations.from_env(), template),
        checkin_session(**changes),
        playbook(),
        PROFILE,
        now=CHECKIN_NOW,
    )[fmt]


def _stable(fmt: str, data: bytes) -> str:
    text = data.decode("utf-8")
    if fmt == "eml":  # MIME boundaries are random
        text = re.sub(r"={15}\d+==", "BOUNDARY", text)
    return text


@pytest.mark.parametrize("fmt", CHECKIN_FORMATS)
@pytest.mark.parametrize("template", ["checkin-standard", "checkin-brief"])
def test_golden(template: str, fmt: str) -> None:
    out = _stable(fmt, render(fmt, template))
    golden = GOLDEN / f"{template}.{fmt}"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8"), "UPDATE_GOLDEN=1 pytest to accept"


def test_standard_says_done_moved_with_reason_open_and_overdue() -> None:
    text = render("txt").decode()
    assert "since my follow-up of Wednesday 25 November 2026" in text
    assert "Send the revised plan (us), done on Thursday 26 November 2026" in text
    assert (
        "Confirm the two-phase launch (you): moved from Friday 27 November 2026 to Friday "
        "4 December 2026, because the board meets on 3 December" in text
    )
    assert "Brief the board (you), by Monday 30 November 2026 (overdue)" in text
    assert "Book the launch review (us), by Tuesday 8 December 2026\n" in text
    done_earlier = text.index("Done earlier")
    assert text.index("Share the card-check test results") > done_earlier
    assert "Dropped idea" not in text


def test_brief_leaves_out_what_was_done_before_the_last_email() -> None:
    text = render("txt", "checkin-brief").decode()
    assert "Share the card-check test results" not in text
    assert "- Send the revised plan: done" in text
    assert "- Brief the board: open, by Monday 30 November 2026, overdue" in text


def test_no_ics_for_the_checkin() -> None:
    assert "ics" not in CHECKIN_FORMATS
    with pytest.raises(ValueError, match="not a check-in email format"):
        render("ics")


def test_eml_parses_back_as_a_draft_with_the_checkin_subject() -> None:
    raw = render("eml")
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["From"] == "Sam Okafor <sam@brightline.example>"
    assert msg["To"] == "Dana Whitfield <dana@northwind.example>"
    assert msg["Subject"] == "Check-in: Revised delivery plan and next steps (Northwind Retail)"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"] is None
    plain = msg.get_body(("plain",))
    assert plain is not None
    assert "because the board meets on 3 December" in plain.get_content()


def test_no_header_injection_from_any_field() -> None:
    client = Client(
        "Dana\r\nBcc: evil@attacker.example",
        "Acme\nX-Evil: 1\u2028Cc: a@b.c",
        "",
        "manager",
        "low",
        "en",
        "dana@northwind.example\r\nBcc: x@y.z",
    )
    msg = message_from_bytes(render("eml", client=client), policy=policy.default)
    assert msg["Bcc"] is None
    assert msg["X-Evil"] is None
    assert msg["Cc"] is None
    assert msg["To"] is None
    assert "\n" not in msg["Subject"]


def test_typed_text_is_markdown_data_not_markup() -> None:
    steps = checkin_session().next_steps
    hostile = "[click](javascript:alert(1)) <script>x</script> {{ 7*7 }}"
    moved = steps[1]
    changed = (
        steps[0],
        type(moved)(
            hostile,
            moved.owner_kind,
            "",
            moved.due,
            moves=(type(moved.moves[0])("2026-11-27", "2026-11-27", "2026-12-04", hostile),),
        ),
    )
    md = render("md", next_steps=changed).decode()
    assert "\\[click\\](javascript:alert(1))" in md
    html = render("html", next_steps=changed).decode()
    assert "<script>" not in html
    assert "<a " not in html


def test_checkin_and_followup_templates_are_kept_apart() -> None:
    locations = Locations.from_env()
    assert "checkin-standard" in template_names(locations, checkin=True)
    assert "checkin-brief" in template_names(locations, checkin=True)
    assert not any(n.startswith("checkin-") for n in template_names(locations))
    with pytest.raises(UserError, match="is a check-in email template"):
        find_template(locations, "checkin-standard")
    with pytest.raises(UserError, match="is a follow-up email template"):
        find_checkin_template(locations, "standard")
    with pytest.raises(UserError, match=r"template '\.\./x'"):
        find_checkin_template(locations, "../x")


def test_users_own_checkin_template_runs_in_the_child(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "checkin-mine.md.j2").write_text(
        "{% for s in overdue %}{{ s.action | md }} is late\n{% endfor %}", encoding="utf-8"
    )
    locations = Locations.from_env()
    assert "checkin-mine" in template_names(locations, checkin=True)
    assert "checkin-mine" not in template_names(locations)
    template = find_checkin_template(locations, "checkin-mine")
    assert not template.trusted
    assert render("md", "checkin-mine") == b"Brief the board is late\n"


def test_undefined_variable_in_a_checkin_template_names_the_line() -> None:
    broken = Template("mine.md.j2", "Hi\n{{ progress[0].nope }}\n", trusted=False)
    with pytest.raises(InvalidFile) as caught:
        render_checkin_all(("md",), broken, checkin_session(), playbook(), PROFILE, CHECKIN_NOW)
    assert "mine.md.j2:2:1" in caught.value.format()


def test_export_writes_checkin_files(tmp_path: Path) -> None:
    written = export_checkin(
        tmp_path,
        CHECKIN_FORMATS,
        find_checkin_template(Locations.from_env()),
        checkin_session(),
        playbook(),
        PROFILE,
        CHECKIN_NOW,
    )
    assert [p.name for p in written] == [
        f"northwind-checkout-launch-checkin.{fmt}" for fmt in CHECKIN_FORMATS
    ]
