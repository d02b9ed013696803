"""The follow-up speaks to its reader: owners as "you"/"we", the meeting's own subject, and
a sign-off laid out one line each (issue 12: the session with Dana Reyes, signed by Alex Morgan)."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from convocoach.followup.email import find_template, render_followup
from convocoach.followup.owners import reader_owner, signoff
from convocoach.locations import Locations
from convocoach.profile import Profile
from convocoach.sessions.model import Client, Meeting, NextStep, Session
from convocoach.sessions.summary_md import session_markdown
from tests.conftest import REPO
from tests.followup_fixtures import NOW, playbook

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

ALEX = Profile(
    name="Alex Morgan",
    title="Delivery Lead",
    company="Northwind Digital",
    email="alex@northwind.example",
    signature="Delivery Lead, Northwind Digital",
    timezone="America/Chicago",
)
DANA = Session(
    uuid="5c1f7a2e-9b3d-4c6e-8a1f-2e4d6b8c0a12",
    playbook_id="project-delays",
    title="Customer portal launch",
    client=Client(
        "Dana Reyes",
        "Harbor Logistics",
        "VP Operations",
        "executive",
        "low",
        "en",
        "dana@harbor.example",
    ),
    meeting=Meeting("2026-12-07", "14:00", 45, "video", ""),
    points=(
        "The portal launches three weeks late, on 8 January.",
        "Training can start on 4 January with the finished screens.",
    ),
    next_steps=(
        NextStep("Send the written phased launch plan", "us", "", "2026-12-09"),
        NextStep("Confirm the training dates", "client", "", "2026-12-11"),
        NextStep("Share the plan with the regional managers", "person", "Dana Reyes", "2026-12-14"),
        NextStep("Book the go-live review", "person", "Alex Morgan", "2026-12-15"),
    ),
    cadence="weekly",
    next_checkin="2026-12-14",
)


def render(template: str, fmt: str, profile: Profile = ALEX, **changes: object) -> str:
    session = replace(DANA, **changes)  # type: ignore[arg-type]
    return render_followup(
        fmt, find_template(Locations.from_env(), template), session, playbook(), profile, now=NOW
    ).decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
@pytest.mark.parametrize("template", ["standard", "brief", "formal"])
def test_golden_email_to_dana(template: str, fmt: str) -> None:
    """Owner wording and the sign-off as Dana reads them, in each template and format."""
    out = render(template, fmt)
    golden = GOLDEN / f"dana-{template}.{fmt}"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8"), "UPDATE_GOLDEN=1 pytest to accept"


@pytest.mark.parametrize("template", ["standard", "brief", "formal"])
@pytest.mark.parametrize("fmt", ["md", "txt", "html", "eml"])
def test_no_owner_is_written_for_ourselves(template: str, fmt: str) -> None:
    out = render(template, fmt)
    for label in ("The client", "Us,", "**Us**", "Owner: Us", "Us<", "(Us"):
        assert label not in out


def test_each_template_words_owners_for_the_reader() -> None:
    standard = render("standard", "txt")
    assert "What we will do\n\n- Send the written phased launch plan" in standard
    assert "What you will do\n\n- Confirm the training dates" in standard
    assert "- Share the plan with the regional managers" in standard  # Dana's, under "you"
    assert "What I will do\n\n- Book the go-live review" in standard
    brief = render("brief", "txt")
    assert "Confirm the training dates (you, by" in brief
    assert "Send the written phased launch plan (us, by" in brief
    assert "Book the go-live review (me, by" in brief
    formal = render("formal", "txt")
    assert "Confirm the training dates. Owner: Dana Reyes." in formal
    assert "Send the written phased launch plan. Owner: Northwind Digital." in formal
    assert "Book the go-live review. Owner: Alex Morgan." in formal


def test_our_own_summary_keeps_its_labels() -> None:
    summary = session_markdown(replace(DANA, checkin_until="2027-03-01"))
    assert "(Us, by 2026-12-09)" in summary
    assert "(The client, by 2026-12-11)" in summary
    assert "Weekly, next on 2026-12-14, until 2027-03-01" in summary


def test_a_third_person_is_named() -> None:
    step = NextStep("Sign off the budget", "person", "Priya  Shah")
    owner = reader_owner(step, DANA.client, ALEX)
    assert (owner.label, owner.heading, owner.formal) == (
        "Priya Shah",
        "What Priya Shah will do",
        "Priya Shah",
    )


def test_formal_names_the_meeting_not_the_playbook() -> None:
    text = render("formal", "txt")
    assert "regarding \u201cCustomer portal launch\u201d" in text
    assert "project delays" not in text
    untitled = render("formal", "txt", title="")
    assert "regarding \u201cRevised delivery plan and next steps\u201d" in untitled


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Delivery Lead, Northwind Digital", "Alex Morgan\nDelivery Lead, Northwind Digital"),
        ("Alex Morgan\nDelivery Lead", "Alex Morgan\nDelivery Lead"),
        ("alex  morgan\nDelivery Lead", "alex morgan\nDelivery Lead"),
        (
            "Alex Morgan, Delivery Lead\nNorthwind Digital",
            "Alex Morgan, Delivery Lead\nNorthwind Digital",
        ),
        ("Alex Morganson Ltd", "Alex Morgan\nAlex Morganson Ltd"),
        ("", "Alex Morgan\nDelivery Lead\nNorthwind Digital"),
    ],
)
def test_signoff_names_the_sender_once(signature: str, expected: str) -> None:
    assert signoff(replace(ALEX, signature=signature)) == expected


@pytest.mark.parametrize("template", ["standard", "formal"])
def test_signoff_lines_stay_apart_in_every_format(template: str) -> None:
    assert render(template, "txt").endswith("Alex Morgan\nDelivery Lead, Northwind Digital\n")
    assert "Alex Morgan<br />\nDelivery Lead, Northwind Digital</p>" in render(template, "html")
    assert "Alex Morgan Alex Morgan" not in render(
        template, "txt", profile=replace(ALEX, signature="Alex Morgan")
    )
    eml = render(template, "eml")
    assert "Alex Morgan\r\nDelivery Lead, Northwind Digital" in eml.replace("=\r\n", "")


def test_brief_closing_and_name_are_two_lines() -> None:
    """Markdown joins adjacent lines: "Thanks, Alex Morgan" before issue 12."""
    assert render("brief", "txt").endswith("Thanks,\nAlex Morgan\n")
    assert "Thanks,<br />\nAlex Morgan</p>" in render("brief", "html")
