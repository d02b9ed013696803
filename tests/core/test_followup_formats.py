"""The follow-up in every format: golden files, and parsed back where a format has a parser."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from convocoach.diagnostics import InvalidFile
from convocoach.followup import render as render_module
from convocoach.followup.email import Template, find_template, render_followup
from convocoach.locations import Locations
from tests.conftest import REPO
from tests.followup_fixtures import NOW, PROFILE, playbook, session

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def render(fmt: str, template: str = "standard", **changes: object) -> bytes:
    return render_followup(
        fmt,
        find_template(Locations.from_env(), template),
        session(**changes),
        playbook(),
        PROFILE,
        now=NOW,
    )


def _stable(fmt: str, data: bytes) -> str:
    text = data.decode("utf-8")
    if fmt == "eml":  # MIME boundaries are random
        text = re.sub(r"={15}\d+==", "BOUNDARY", text)
    return text


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "eml"])
@pytest.mark.parametrize("template", ["standard", "brief", "formal"])
def test_golden(template: str, fmt: str) -> None:
    out = _stable(fmt, render(fmt, template))
    golden = GOLDEN / f"{template}.{fmt}"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8"), "UPDATE_GOLDEN=1 pytest to accept"


def test_golden_ics() -> None:
    out = render("ics").decode("utf-8")
    golden = GOLDEN / "checkin.ics"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8")


def test_email_states_points_every_step_and_the_checkin() -> None:
    text = render("txt").decode()
    assert "The payment provider changed its card check." in text
    assert "Send the revised plan, by Thursday 26 November 2026" in text
    assert "Brief the board, by Monday 30 November 2026" in text
    assert "Dropped idea" not in text
    assert "weekly, starting on Tuesday 1 December 2026" in text


def test_eml_parses_back_as_a_draft() -> None:
    raw = render("eml")
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["From"] == "Sam Okafor <sam@brightline.example>"
    assert msg["To"] == "Dana Whitfield <dana@northwind.example>"
    assert msg["Subject"] == "Revised delivery plan and next steps (Northwind Retail)"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"] is None
    assert msg["Message-ID"] is None
    assert msg.get_content_type() == "multipart/alternative"
    kinds = [part.get_content_type() for part in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None
    assert html is not None
    assert "Send the revised plan" in plain.get_content()
    assert "<li style=" in html.get_content()
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_non_ascii_names_and_subject_are_encoded() -> None:
    from convocoach.sessions.model import Client

    client = Client("Zoë Ångström", "Café Ñandú", "", "manager", "low", "en", "zoe@cafe.example")
    raw = render("eml", client=client)
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    assert b"=?utf-8?" in header_block
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["To"].addresses[0].display_name == "Zoë Ångström"
    assert msg["Subject"].endswith("(Café Ñandú)")


def test_no_header_injection_from_any_field() -> None:
    from convocoach.sessions.model import Client

    client = Client(
        "Dana\r\nBcc: evil@attacker.example",
        "Acme\nX-Evil: 1\u2028Cc: a@b.c",
        "",
        "manager",
        "low",
        "en",
        "dana@northwind.example\r\nBcc: x@y.z",
    )
    raw = render("eml", client=client)
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["Bcc"] is None
    assert msg["X-Evil"] is None
    assert msg["Cc"] is None
    assert msg["To"] is None  # an address with a line break in it is not an address
    assert "\n" not in msg["Subject"]


def test_hostile_text_renders_as_text() -> None:
    hostile = (
        "{{ 7*7 }} {% for x in y %} [click](javascript:alert(1)) <script>x</script> "
        "😀 \u05e9\u05dc\u05d5\u05dd " + "long " * 2000
    )
    md = render("md", points=(hostile,)).decode()
    assert "{{ 7\\*7 }}" in md
    html = render("html", points=(hostile,)).decode()
    assert "<script>" not in html
    assert "<a " not in html
    assert "{{ 7*7 }}" in html
    assert "😀" in render("txt", points=(hostile,)).decode()
    raw = render("eml", points=(hostile,))
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


@pytest.mark.parametrize(
    ("cadence", "rule"),
    [
        ("daily", {"FREQ": ["DAILY"], "BYDAY": ["MO", "TU", "WE", "TH", "FR"]}),
        ("weekly", {"FREQ": ["WEEKLY"]}),
        ("twice_monthly", {"FREQ": ["WEEKLY"], "INTERVAL": [2]}),
        ("monthly", {"FREQ": ["MONTHLY"]}),
    ],
)
def test_ics_parses_back_with_date_and_recurrence(
    cadence: str, rule: dict[str, list[object]]
) -> None:
    from icalendar import Calendar

    raw = render("ics", cadence=cadence)
    assert b"\r\n" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start.isoformat() == "2026-12-01T10:00:00+00:00"
    assert str(start.tzinfo) == "Europe/London"
    rule_value: Any = event["rrule"]  # a vRecur, one of icalendar's many value types
    rrule = {k: list(v) for k, v in rule_value.items()}
    assert rrule.pop("UNTIL") == [datetime(2027, 3, 1, 10, 0, tzinfo=timezone.utc)]
    assert rrule == rule
    assert str(event["uid"]) == "0f9a3c2e-5b1d-4e7a-9c3b-2d8e6f4a1b70-checkin@convocoach"
    assert "Send the revised plan" in str(event["description"])


def test_ics_check_ins_end_three_months_after_the_first_by_default() -> None:
    """Before issue 12 the rule had no end: weekly check-ins forever."""
    raw = render("ics")
    assert b"RRULE:FREQ=WEEKLY;UNTIL=20270301T100000Z" in raw


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        ("2027-01-19", b"UNTIL=20270119T100000Z"),
        ("2026-06-01", b"UNTIL=20261201T100000Z"),  # before the first check-in: that one only
    ],
)
def test_ics_check_ins_end_on_the_sessions_own_date(until: str, expected: bytes) -> None:
    from icalendar import Calendar

    raw = render("ics", checkin_until=until)
    assert expected in raw
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    rule_value: Any = event["rrule"]
    assert rule_value["UNTIL"][0].tzinfo is not None  # UTC, as RFC 5545 wants


def test_ics_end_in_summer_time_is_the_check_in_hour_in_utc() -> None:
    raw = render("ics", checkin_until="2027-06-01")
    assert b"UNTIL=20270601T090000Z" in raw  # 10:00 in London is 09:00 UTC in June


def test_ics_is_published_not_requested() -> None:
    """A saved file, attached or opened by hand: no Accept/Decline that nobody would read."""
    assert b"METHOD:PUBLISH\r\n" in render("ics")


def test_ics_without_a_checkin_date_uses_the_cadence_after_the_meeting() -> None:
    from icalendar import Calendar

    event = Calendar.from_ical(render("ics", next_checkin="")).walk("VEVENT")[0]
    assert event.decoded("dtstart").date().isoformat() == "2026-12-01"


def untrusted(source: str) -> Template:
    return Template("mine.md.j2", source, trusted=False)


def test_undefined_variable_names_template_and_line() -> None:
    with pytest.raises(InvalidFile) as caught:
        render_followup(
            "md", untrusted("Hello\n{{ client.nmae }}\n"), session(), playbook(), PROFILE
        )
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == ("mine.md.j2", 2, "template-undefined")
    assert "nmae" in problem.message


def test_unclosed_block_names_its_opening_line() -> None:
    with pytest.raises(InvalidFile) as caught:
        render_followup(
            "md",
            untrusted("a\n{% for s in next_steps %}\n{{ s.action }}\n"),
            session(),
            playbook(),
            PROFILE,
        )
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 1)
    assert "the 'for' block opened on line 2 is never closed" in problem.message
    assert problem.fix == "add {% endfor %} where the block should end"


def test_runaway_user_template_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_module, "CHILD_TIMEOUT", 2.0)
    loop = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    with pytest.raises(InvalidFile) as caught:
        render_followup("md", untrusted(loop), session(), playbook(), PROFILE)
    assert caught.value.problems[0].rule == "template-timeout"


@pytest.mark.parametrize(
    "source",
    [
        "{{ 9**(9**8) }}",
        "{{ 'A' * 4000000000 }}",
        "{% for i in range(100000) %}{{ 'x' * 99 }}{% endfor %}",
        "{{ lipsum(1000000) }}",
        "{{ ''.__class__.__mro__ }}",
    ],
)
def test_hostile_templates_are_refused(source: str) -> None:
    with pytest.raises(InvalidFile):
        render_followup("md", untrusted(source), session(), playbook(), PROFILE)


def test_user_template_overrides_bundled(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "brief.md.j2").write_text("Mine: {{ client.name | md }}\n", encoding="utf-8")
    template = find_template(Locations.from_env(), "brief")
    assert not template.trusted
    assert (
        render_followup("md", template, session(), playbook(), PROFILE) == b"Mine: Dana Whitfield\n"
    )


def test_eml_boundary_aside_the_draft_is_stable() -> None:
    def normal(raw: bytes) -> bytes:
        return re.sub(rb"=+\d+=+", b"BOUNDARY", raw)

    assert normal(render("eml")) == normal(render("eml"))
