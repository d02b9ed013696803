"""A picture of every screen at 80x24 (and the narrowest size, 60x20), with a fixed clock,
profile and data folder, so a change in what a person sees shows up in review."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from convocoach.demo import DEMO_PLAYBOOK, create_demo_session
from convocoach.locations import Locations
from convocoach.playbooks.library import load_library, search_path
from convocoach.playbooks.loader import load_playbook_file
from convocoach.sessions.steps import StepKey
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.feedback_panel import FeedbackPanel
from convocoach.tui.widgets.reply_box import ReplyBox
from convocoach.tui.widgets.transcript import Transcript
from tests.core.test_rehearsal_engine import AGREE
from tests.tui_support import FIXED_NOW, build_app, open_store

Before = Callable[[Pilot[Any]], Awaitable[None]]


def demo_app() -> ConvocoachApp:
    """The app with the sample session (a slipped launch) stored."""
    library = load_library(search_path(Locations.from_env()), load_playbook_file)
    with open_store() as store:
        create_demo_session(store, library.get(DEMO_PLAYBOOK), FIXED_NOW.date())
    # A fixed folder (never written to here) so the export form looks the same everywhere.
    return build_app(export_dir=Path("/home/sam/followups"))


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for rendering workers (not for ones waiting on a dialog the test opened)."""
    await pilot.pause()
    for worker in list(pilot.app.workers):
        if worker.group in ("render", "export", "coach"):
            await worker.wait()
    await pilot.pause()


def at_step(step: StepKey, *keys: str) -> Before:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("enter")  # open the demo session from the sessions tab
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        screen.go(step)
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)

    return run


def test_welcome(snap_compare: Any) -> None:
    """First run: a 'Welcome' box over the home screen explains that the follow-up emails are
    signed with this profile and that it stays on this computer; fields for name, job title,
    company, email, time zone (UTC), day start and end, a signature box, Skip and Save."""
    assert snap_compare(build_app(profile=False), terminal_size=(80, 24))


def test_home_sessions(snap_compare: Any) -> None:
    """The Sessions tab with the sample session highlighted on the left ('Northwind checkout
    launch slips two weeks', Dana Whitfield · Northwind Retail · the meeting date) and its
    summary on the right; the footer offers New, Copy, Delete, Progress, Workshop, Playbooks
    (T) and Help."""
    assert snap_compare(demo_app(), terminal_size=(80, 24))


def test_home_sessions_narrow(snap_compare: Any) -> None:
    """At 60x20 the sessions list sits above the summary instead of beside it; nothing is cut
    off sideways."""
    assert snap_compare(demo_app(), terminal_size=(60, 20))


def test_delete_confirmation(snap_compare: Any) -> None:
    """Delete on a session asks first: 'Delete session' with the session's title in quotes,
    'This cannot be undone', and Cancel (focused) and Delete buttons."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), press=["delete"])


def test_step_situation(snap_compare: Any) -> None:
    """Step 1: the step bar at the top (Situation highlighted, Situation and Agree ticked;
    Timing not, as it has not been looked at yet), then the client's fields filled in (Dana
    Whitfield, Northwind Retail, Head of E-commerce, Director, Low technical level) with the
    title field focused."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("situation"))


def test_step_situation_narrow(snap_compare: Any) -> None:
    """At 60x20 the step bar names every step, some shortened ('✓ Situ  2 Prep  3 Time
    4 Listen ...  7 Follow'), and the form still fits its width."""
    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=at_step("situation"))


def test_step_prepare(snap_compare: Any) -> None:
    """Step 2: '1 of 21 answered. Type to answer; Tab goes on to the next.' on one line, the
    prompts under 'Facts to gather' with the first one ticked and highlighted, the full
    prompt below it and the stored answer ('Card payments: two weeks; we knew on Monday.')
    in the answer box."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("prepare"))


def test_step_timing(snap_compare: Any) -> None:
    """Step 3: 'Your meeting' (the next working day at 10:00, 45 min, Video call) followed by
    the checks: a 'Note:' quoting the playbook's advice for video calls and 'Looks good:' for
    the slot; then the playbook's advice under When and Where."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("timing"))


def test_step_listen(snap_compare: Any) -> None:
    """Step 4: listening prompts and reflection openers as bullets, then the empathy phrases
    with check boxes (none ticked yet) and the box to add one's own."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("listen"))


def test_step_rehearse(snap_compare: Any) -> None:
    """Step 5: first what a rehearsal is (a role-play in which Dana Whitfield answers as the
    client) and 'Press R to start', the keys of the role-play in grey below; then a 'Your
    client' card for Dana Whitfield (Head of E-commerce; Director, reports to the board; her
    temperament; technical level low) and her wants and fears side by side."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("rehearse"))


def rehearsal(*replies: str, draft: str = "") -> Before:
    async def run(pilot: Pilot[Any]) -> None:
        await at_step("rehearse", "r")(pilot)
        box = pilot.app.screen.query_one(ReplyBox)
        for text in replies:
            box.insert(text)
            await pilot.press("enter")
            await settle(pilot)
        if draft:
            box.insert(draft)
            panel = pilot.app.screen.query_one(FeedbackPanel)
            # The coach reads the draft once typing pauses; on a busy machine that can take
            # seconds.
            for _ in range(200):
                await pilot.pause(0.05)
                await settle(pilot)
                if "Your draft" in str(panel.render()):
                    break
        # The transcript follows its end once laid out; on a busy machine the last layout can
        # land after the follow, so the picture is taken at the end every time.
        for transcript in pilot.app.screen.query(Transcript):
            transcript.scroll_end(animate=False, immediate=True)
        await settle(pilot)

    return run


def test_rehearsal_screen(snap_compare: Any) -> None:
    """The role-play after one reply: on the left Dana's opening line, the reply with 'mood
    3 -> 4 (+1)' and the note on naming her feeling, her next line asking what slipped, and
    the reply box holding the draft 'Calm down, we will fix it.'. On the right her name and
    role, 'Mood' at 4/10 (tense), 00:00 and reply 1 of at most 10, then 'Your draft' with
    NEXT and NODISMISS failing first (with "found" and "say instead"), then the rest."""
    assert snap_compare(
        demo_app(),
        terminal_size=(80, 24),
        run_before=rehearsal(AGREE[0], draft="Calm down, we will fix it."),
    )


def test_scorecard(snap_compare: Any) -> None:
    """After two blaming replies Dana walks out: 'The client walked out after 2 replies',
    her last words, then each dimension with a bar, a percentage and its counts (NOBLAME
    0%, PLAIN 100%, NEXT n/a), and under Listening 'No reflections or questions yet: say
    back what you heard, then ask an open question.'"""
    assert snap_compare(
        demo_app(),
        terminal_size=(80, 24),
        run_before=rehearsal(
            "You should have read the status reports.",
            "Calm down, as I told you the risks were in the plan.",
        ),
    )


def test_step_agree(snap_compare: Any) -> None:
    """Step 6: the three discussion points, the next steps table (What, Who, By when, Status)
    with three rows: the revised plan (Us), the phasing decision (The client) and the board
    briefing (Dana Whitfield)."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("agree"))


def test_next_step_form(snap_compare: Any) -> None:
    """'A' in the next steps table opens 'Add a next step': What, Owner (Us), Name, By when,
    Status (Open), with Cancel and Save."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("agree")(pilot)
        pilot.app.screen.query_one("#steps").focus()
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_step_followup(snap_compare: Any) -> None:
    """Step 7: the Standard template chosen, 'Send by' with a day and time (Europe/London),
    To: Dana Whitfield <dana.whitfield@northwind.example>, the subject, and the email preview
    starting 'Hello Dana,'. Above To: 'Follow-up: Not sent yet (M marks it sent now)' and
    'Next check-in Tuesday 1 December 2026; C shows its email'."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("followup"))


def test_email_editor(snap_compare: Any) -> None:
    """E on the follow-up step: the email's Markdown in a full-size editor titled 'Edit the
    follow-up email', with 'Ctrl+S keeps it · Esc cancels' on its frame."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#preview").focus()
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_export_form(snap_compare: Any) -> None:
    """S on the follow-up step: 'Save the follow-up' with the folder, the file name stem and
    five ticked formats (Markdown, plain text, HTML, email draft, calendar invite)."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#preview").focus()
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_plan_sheet(snap_compare: Any) -> None:
    """F2: the prep sheet titled with the session, the playbook's approach in italics, and the
    Situation section (client, seniority, meeting) at the top; Save and Back in the footer."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("agree", "f2"))


def test_help(snap_compare: Any) -> None:
    """F1 on the Prepare step: a 'Help' box headed '2. Prepare' explaining the step, with
    the session keys below."""
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=at_step("prepare", "f1"))


def test_progress(snap_compare: Any) -> None:
    """After one rehearsal that reached an agreement, G on the home screen: a short intro,
    'Over 1 rehearsal, oldest to newest:' and a row per dimension: code and title in full, one
    bar on a 0-100% scale (a low bar for FEEL, REFL and OPENQ at 33%, a full block for the
    others at 100%), and 'latest' with the rate. Below, 'Your real conversations' says how
    they appear once an outcome is recorded (none is yet)."""

    async def run(pilot: Pilot[Any]) -> None:
        await rehearsal(*AGREE)(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)
