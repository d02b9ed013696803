"""The one-page plan shows the user's own text as text: never as links, HTML or markup."""

from __future__ import annotations

from datetime import date

from convocoach.htmlpage import markdown_to_html
from convocoach.sessions.model import Answer, Client, Meeting, NextStep, Session
from convocoach.sessions.plan_sheet import plan_sheet_html, plan_sheet_markdown
from convocoach.sessions.timing_check import TimingNote, check_timing
from tests.followup_fixtures import PROFILE, playbook, session

HOSTILE = "*x* [a](b) <script>alert(1)</script> # h `code` &amp; _u_ ~~s~~ | t"


def full_session() -> Session:
    return session(
        stakes="The launch date\nand the board's trust",
        answers=(
            Answer("walk_away", 0, "The least you accept", "A launch before Christmas."),
            Answer("facts", 1, "Second fact?", "Tests pass."),
            Answer("facts", 0, "What changed?", "The provider's card check."),
            Answer(
                "questions",
                0,
                "They ask: \u201cWhy?\u201d",
                "First line\n- not a list\n1. not a number\n---\n=== not a heading",
            ),
            Answer("mood", 0, "Custom prompt", "Custom answer"),
            Answer("options", 0, "Unanswered", "   "),
        ),
        phrases=("I can see why this is frustrating.",),
    )


def test_everything_the_user_planned_is_there() -> None:
    s = full_session()
    notes = check_timing(s, playbook(), PROFILE, date(2026, 11, 23))
    md = plan_sheet_markdown(s, playbook(), notes)
    assert md.startswith("# Northwind checkout launch\n")
    for text in (
        "Dana Whitfield, Head of E-commerce, Northwind Retail",
        "**Seniority:** director; **technical level:** low; **language:** en",
        "Tuesday 24 November 2026 at 10:00, 45 min, Video call",
        "**What is at stake:** The launch date\\\n  and the board's trust",
        "- **What changed?** The provider's card check.",
        "I can see why this is frustrating.",
        "- ~~These things happen in software.~~ \u2192 This slipped on our side",
        "- The payment provider changed its card check.",
        "- **Send the revised plan** (Us, by 2026-11-26, open)",
        "- **Confirm the two-phase launch** (The client, by 2026-11-27, open)",
        "- **Brief the board** (Dana Whitfield, by 2026-11-30, open)",
        "- **Dropped idea** (Us, dropped)",
        "- **How often:** Weekly",
        "- **Next check-in:** Tuesday 1 December 2026",
        "- **Looks good:** Tuesday 24 November 2026 at 10:00",
    ):
        assert text in md, text
    assert "Unanswered" not in md
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Northwind checkout launch",
        "## Situation",
        "## Preparation",
        "### Facts to gather",
        "### Your walk-away",
        "### Questions to expect",
        "### mood",
        "## Timing and setting",
        "## What to say",
        "### Phrases to use",
        "### Avoid, and say instead",
        "## Discussion points",
        "## Next steps",
        "## Check-ins",
    ]
    assert md.index("What changed?") < md.index("Second fact?")


def test_warnings_say_warning_in_words() -> None:
    notes = [
        TimingNote("warning", "weekend", "Saturday is a weekend day."),
        TimingNote("info", "no-place", "Say where."),
    ]
    md = plan_sheet_markdown(session(), None, notes)
    assert "- **Warning:** Saturday is a weekend day." in md
    assert "- **Note:** Say where." in md


def test_multi_line_answers_stay_in_their_list_item() -> None:
    html = markdown_to_html(plan_sheet_markdown(full_session(), None, []))
    item = html[html.index("<li><strong>They ask:") :]
    item = item[: item.index("</li>")]
    assert (
        "First line<br />\n- not a list<br />\n1. not a number<br />\n---<br />\n"
        "=== not a heading" in item
    )
    assert "<hr" not in html
    assert "<ol" not in html
    assert html.count("<h2>") == len(
        [
            line
            for line in plan_sheet_markdown(full_session(), None, []).splitlines()
            if line.startswith("## ")
        ]
    )


def test_hostile_text_stays_literal() -> None:
    s = Session(
        uuid="u",
        playbook_id="p",
        title=HOSTILE,
        stakes=HOSTILE,
        client=Client(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE),
        meeting=Meeting(HOSTILE, HOSTILE, 30, HOSTILE, HOSTILE),
        answers=(Answer(HOSTILE, 0, HOSTILE, HOSTILE + "\n" + HOSTILE),),
        phrases=(HOSTILE,),
        points=(HOSTILE, "- " + HOSTILE, "1. " + HOSTILE),
        next_steps=(
            NextStep(HOSTILE, "person", HOSTILE, HOSTILE, HOSTILE),
            NextStep(HOSTILE, HOSTILE),
        ),
        cadence=HOSTILE,
        next_checkin=HOSTILE,
        notes=HOSTILE,
    )
    notes = [TimingNote("warning", "x", HOSTILE)]
    md = plan_sheet_markdown(s, None, notes)
    html = plan_sheet_html(s, None, notes)
    assert "<script>" not in md.replace("\\<script\\>", "")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<a " not in html
    assert "<em>x</em>" not in html
    assert "<code>" not in html
    assert "<s>" not in html
    assert "<h1>" in html
    assert html.count("<h1>") == 1
    assert (
        "<h1>*x* [a](b) &lt;script&gt;alert(1)&lt;/script&gt; # h `code` &amp;amp; _u_ "
        "~~s~~ | t</h1>" in html
    )
    assert "&amp;amp;" in html
    assert "<title>Prep sheet: *x* [a](b) &lt;script&gt;" in html
    assert "<ol" not in html
    assert "<li>\n<ul>" not in html  # "- x" in a point is not a nested list
    assert "<li>- *x* [a](b)" in html


def test_an_empty_session_is_short_and_says_so() -> None:
    md = plan_sheet_markdown(Session(uuid="u", playbook_id=""), None, [])
    assert md.startswith("# Untitled session\n")
    assert "Not filled in yet." in md
    assert "date not set" in md
    for heading in (
        "## Preparation",
        "## Timing",
        "## What to say",
        "## Discussion points",
        "## Next steps",
        "## Notes",
    ):
        assert heading not in md
    html = plan_sheet_html(Session(uuid="u", playbook_id=""), None, [])
    assert "<title>Prep sheet: Untitled session</title>" in html


def test_the_playbook_is_named_when_known() -> None:
    md = plan_sheet_markdown(session(), playbook(), [])
    assert "*Prep sheet for Project delays:" in md
    assert "*Prep sheet (playbook project-delays)*" in plan_sheet_markdown(session(), None, [])
