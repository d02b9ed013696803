"""Pictures of lessons and outcomes: the Prepare step with lessons from before, the Lessons
view, the scorecard's lesson being kept, and the progress screen with real outcomes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from convocoach.demo import DEMO_PLAYBOOK
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from tests.tui.test_tui_snapshots import demo_app, rehearsal, settle
from tests.tui_support import open_store


def earlier(
    store: SessionStore, title: str, name: str, company: str, day: str, result: str, change: str
) -> int:
    """A session met on ``day`` whose outcome is recorded, with what to change next time."""
    sid = store.create(DEMO_PLAYBOOK, title=title)
    store.set_field(sid, "client.name", name)
    store.set_field(sid, "client.company", company)
    store.set_field(sid, "meeting.date", day)
    store.set_field(sid, "meeting.time", "10:00")
    store.set_field(sid, "outcome.result", result)
    store.set_field(sid, "outcome.change", change)
    return sid


def with_history() -> ConvocoachApp:
    """The sample session (Dana Whitfield, Northwind Retail) and, before it, one meeting
    with Dana, one with another client on the same playbook and one deleted since."""
    app = demo_app()
    with open_store() as store:
        dana = earlier(
            store,
            "Checkout scope review",
            "Dana Whitfield",
            "Northwind Retail",
            "2026-11-09",
            "partly",
            "Bring the phased plan in writing; [b]dates[/b] for each phase.",
        )
        store.mark_sent(dana, "2026-11-09T12:30:00+00:00")
        store.add_next_step(
            dana,
            NextStep(
                "Send the phased plan", status="done", created_on="2026-11-09", done_on="2026-11-12"
            ),
        )
        acme = earlier(
            store,
            "Acme data migration slips",
            "Lee Park",
            "Acme",
            "2026-10-14",
            "agreed",
            "Name the new date in the first minute; they asked twice.",
        )
        store.mark_sent(acme, "2026-10-15T09:00:00+00:00")
        gone = earlier(
            store, "Old call", "Ann Lee", "Zeta", "2026-09-01", "none", "Agree the agenda first."
        )
        book = LessonBook(store)
        [old] = book.of_session(gone)
        book.retire(old.id)
        store.delete(gone)
        book.add(acme, "Ask what matters most before offering options.", "scorecard")
    return app


def at_sample_step(step: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        with open_store() as store:
            sid = store.find_titled(DEMO_PLAYBOOK, "Northwind checkout launch slips two weeks")
        assert sid is not None
        home.open_session(sid)
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        screen.go("prepare" if step == "prepare" else "situation")
        await settle(pilot)

    return run


async def open_lessons(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("k")
    await settle(pilot)


async def open_progress(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("g")
    await settle(pilot)


def test_prepare_with_lessons_from_before(snap_compare: Any) -> None:
    """Step 2 of the sample session at 80x24, with a box 'Lessons from before' (a bar on its
    left) under '1 of 21 answered': first 'Last time with Dana Whitfield (2026-11-09, Checkout
    scope review): Bring the phased plan in writing; [b]dates[/b] for each phase.' (the same
    client; the brackets shown as typed, not as bold), then the same playbook's newest lesson
    with another client: 'From ‘Acme data migration slips’ (rehearsal) with Acme: Ask what
    matters most before offering options.', then in grey '1 more: K on the home screen lists
    every lesson' (the retired lesson of the deleted session is not counted). Below, the
    checklist with its first prompts, the prompt and its answer as before."""
    assert snap_compare(
        with_history(), terminal_size=(80, 24), run_before=at_sample_step("prepare")
    )


def test_lessons_view(snap_compare: Any) -> None:
    """K on the home screen: 'Lessons' with '4 lessons, 1 retired' in the header, a line on
    what lessons are, then a table (Lesson, From, Day, Source, State): the rehearsal's and the
    outcome's lessons from 'Acme data migration slips' (2026-10-14), Dana's from 'Checkout
    scope review' (2026-11-09), and 'Agree the agenda first.' from 'session deleted', retired.
    Below, the highlighted lesson in full with 'From …', the client, its source and 'in use';
    the footer: e Edit, r Retire, o Open session, esc Back."""
    assert snap_compare(with_history(), terminal_size=(80, 24), run_before=open_lessons)


def test_keep_a_scorecard_lesson(snap_compare: Any) -> None:
    """After Dana walks out of a rehearsal, K on the scorecard: a 'Keep as a lesson' box over
    the card saying where the lesson will show, with the scorecard's first tip in the text box
    ready to reword (without the mood it cost), and Cancel and Keep buttons."""

    async def run(pilot: Pilot[Any]) -> None:
        await rehearsal(
            "You should have read the status reports.",
            "Calm down, as I told you the risks were in the plan.",
        )(pilot)
        await pilot.press("k")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run)


def test_progress_with_outcomes(snap_compare: Any) -> None:
    """G on the home screen with no rehearsal yet: the rehearsal trends say they appear after
    the first one; under 'Your real conversations', 'Agreement 1 of 2 reached agreement (50%);
    1 more partly (50%)', 'Next steps 3.0 days on average, over 1 next step done' and
    'Follow-ups 1 of 2 sent by their send-by time (50%)', then a table by month: 2026-10 1/1
    agreed, no step, 0/1 on time; 2026-11 0/1 agreed, 1/1 partly, 3.0 (1) days, 1/1 on time."""
    assert snap_compare(with_history(), terminal_size=(80, 24), run_before=open_progress)
