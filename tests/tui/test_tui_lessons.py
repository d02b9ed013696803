"""Lessons in the app: an outcome's "what to change" on the next session's Prepare step (same
client, same playbook), retired and edited in the Lessons view, kept from a scorecard; and the
real outcomes on the progress screen."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.dialogs.lesson_editor import LessonEditor
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.lessons import LessonsScreen
from convocoach.tui.screens.progress import ProgressScreen
from convocoach.tui.screens.scorecard import ScorecardScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.prepare import PrepareStep
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.text_box import TextBox
from tests.tui.test_tui_locked_database import locked, locked_app, not_saved
from tests.tui.test_tui_rehearsal import reply
from tests.tui_support import build_app, open_store

CHANGE = "Bring the phased plan in writing."


def session(
    store: SessionStore,
    playbook: str,
    title: str,
    name: str,
    company: str,
    day: str = "2026-11-30",
) -> int:
    sid = store.create(playbook, title=title)
    store.set_field(sid, "client.name", name)
    store.set_field(sid, "client.company", company)
    store.set_field(sid, "meeting.date", day)
    store.set_field(sid, "meeting.time", "10:00")
    return sid


def first_meeting(store: SessionStore) -> int:
    """Last week with Dana: partly agreed, and what to change next time."""
    sid = session(
        store, "project-delays", "Launch slips", "Dana Whitfield", "Northwind", "2026-11-20"
    )
    store.set_field(sid, "outcome.result", "partly")
    store.set_field(sid, "outcome.change", CHANGE)
    return sid


async def open_prepare(pilot: Any, app: ConvocoachApp, session_id: int) -> PrepareStep:
    await pilot.pause()
    home = app.screen
    assert isinstance(home, HomeScreen)
    home.open_session(session_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    screen.go("prepare")
    await pilot.pause()
    return screen.query_one(PrepareStep)


def lessons_shown(step: PrepareStep) -> str:
    box = step.query_one("#lessons", Static)
    return str(box.render()) if box.display else ""


async def test_an_outcome_s_change_shows_on_the_next_prepare_with_the_same_client() -> None:
    with open_store() as store:
        first_meeting(store)
        # Another playbook, the same client (written differently).
        later = session(store, "price-increase", "New rates", "dana  whitfield", "NORTHWIND")
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        step = await open_prepare(pilot, app, later)
        shown = lessons_shown(step)
        assert "Lessons from before" in shown
        assert (
            "Last time with Dana Whitfield (2026-11-20, Launch slips): "
            "Bring the phased plan in writing." in " ".join(shown.split())
        )


async def test_an_outcome_s_change_shows_on_the_next_prepare_with_the_same_playbook() -> None:
    with open_store() as store:
        first_meeting(store)
        other_client = session(store, "project-delays", "Acme slip", "Lee Park", "Acme")
        unrelated = session(store, "price-increase", "Rates", "Lee Park", "Acme")
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        step = await open_prepare(pilot, app, other_client)
        assert (
            "From \u2018Launch slips\u2019 with Northwind: Bring the phased plan in writing."
            in " ".join(lessons_shown(step).split())
        )
        await pilot.press("escape")
        await pilot.pause()
        step = await open_prepare(pilot, app, unrelated)
        assert lessons_shown(step) == ""  # another playbook and another client: none


async def test_a_lesson_retired_in_the_lessons_view_is_gone_from_prepare() -> None:
    with open_store() as store:
        first_meeting(store)
        later = session(store, "project-delays", "Follow-up call", "Dana Whitfield", "Northwind")
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, LessonsScreen)
        table = view.query_one(DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[1:] == [
            "Launch slips",
            "2026-11-20",
            "Outcome",
            "in use",
        ]
        assert CHANGE in str(view.query_one("#detail", Static).render())
        await pilot.press("r")
        await pilot.pause()
        assert [str(cell) for cell in table.get_row_at(0)][-1] == "retired"
        await pilot.press("escape")
        await pilot.pause()
        step = await open_prepare(pilot, app, later)
        assert lessons_shown(step) == ""
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k", "r")  # restored: shown again
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        step = await open_prepare(pilot, app, later)
        assert CHANGE in " ".join(lessons_shown(step).split())
    with open_store() as store:
        [lesson] = LessonBook(store).all()
        assert lesson.retired_at == ""


async def test_a_lesson_edited_in_the_lessons_view_stays_edited() -> None:
    with open_store() as store:
        first = first_meeting(store)
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, LessonEditor)
        assert editor.query_one(TextBox).text == CHANGE
        await pilot.press("backspace", *", signed by both", ".", "ctrl+s")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, LessonsScreen)
        detail = str(view.query_one("#detail", Static).render())
        assert "Bring the phased plan in writing, signed by both." in detail
        assert "edited" in detail
    with open_store() as store:
        # An edited lesson no longer follows its outcome's "what to change".
        store.set_field(first, "outcome.change", "Something else.", expected=CHANGE)
        [lesson] = LessonBook(store).all()
        assert lesson.text == "Bring the phased plan in writing, signed by both."
        assert lesson.edited == 1


async def test_enter_opens_the_session_a_lesson_came_from_unless_it_was_deleted() -> None:
    with open_store() as store:
        first = first_meeting(store)
        second = session(store, "project-delays", "Acme slip", "Lee Park", "Acme")
        store.set_field(second, "outcome.change", "Name the new date first.")
        store.delete(second)
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, LessonsScreen)
        froms = [str(view.query_one(DataTable).get_row_at(n)[1]) for n in range(2)]
        assert sorted(froms) == ["Launch slips", "session deleted"]
        deleted_row = froms.index("session deleted")
        assert str(view.query_one(DataTable).get_row_at(deleted_row)[2]) == "2026-11-23"
        view.query_one(DataTable).move_cursor(row=deleted_row)
        await pilot.pause()
        assert view.check_action("open_session", ()) is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is view  # nothing to open
        view.query_one(DataTable).move_cursor(row=1 - deleted_row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.editor.session_id == first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is view


async def play_to_the_scorecard(pilot: Pilot[int], app: ConvocoachApp, sid: int) -> None:
    """From home into the session's rehearsal, played to its end with two blaming replies."""
    await pilot.pause()
    home = app.screen
    assert isinstance(home, HomeScreen)
    home.open_session(sid)
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    app.screen.go("rehearse")
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    await reply(pilot, "You should have read the status reports.")
    await reply(pilot, "Calm down, as I told you the risks were in the plan.")
    await pilot.pause()


async def test_the_scorecard_s_main_thing_to_change_is_kept_as_a_lesson() -> None:
    with open_store() as store:
        sid = first_meeting(store)
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await play_to_the_scorecard(pilot, app, sid)
        card = app.screen
        assert isinstance(card, ScorecardScreen)
        tip = card.card.tips[0]
        await pilot.press("k")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, LessonEditor)
        prefilled = editor.query_one(TextBox).text
        assert prefilled  # the first tip, without this rehearsal's cost
        assert prefilled in tip
        assert "cost" not in prefilled
        await pilot.press(*" Before the first reply.", "ctrl+s")
        await pilot.pause()
        assert app.screen is card
    with open_store() as store:
        kept = [
            lesson for lesson in LessonBook(store).of_session(sid) if lesson.source == "scorecard"
        ]
    assert [lesson.text for lesson in kept] == [prefilled + " Before the first reply."]
    assert (kept[0].client_name, kept[0].playbook_id) == ("Dana Whitfield", "project-delays")


async def test_the_progress_screen_shows_the_real_outcomes() -> None:
    with open_store() as store:
        first = first_meeting(store)  # partly agreed, 2026-11-20
        store.mark_sent(first, "2026-11-20T13:00:00+00:00")  # send-by 14:00: on time
        agreed = session(store, "project-delays", "Q4", "Lee Park", "Acme", "2026-10-06")
        store.set_field(agreed, "outcome.result", "agreed")
        store.mark_sent(agreed, "2026-10-07T09:00:00+00:00")  # the day after: late
        store.add_next_step(
            agreed,
            NextStep("Send the plan", status="done", created_on="2026-10-06", done_on="2026-10-10"),
        )
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        shown = str(app.screen.query_one("#outcomes", Static).render())
    assert "1 of 2 reached agreement (50%); 1 more partly (50%)" in shown
    assert "4.0 days on average, over 1 next step done" in shown
    assert "1 of 2 sent by their send-by time (50%)" in shown
    months = [line.split() for line in shown.splitlines() if line.startswith("2026-")]
    assert months == [
        ["2026-10", "1/1", "0/1", "4.0", "(1)", "0/1"],
        ["2026-11", "0/1", "1/1", "-", "1/1"],
    ]


async def test_retiring_and_editing_while_locked_say_not_saved_and_land_later() -> None:
    with open_store() as store:
        first_meeting(store)
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, LessonsScreen)
        with locked():
            await pilot.press("r")
            await pilot.pause()
            assert not_saved(notices)
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("backspace", *" today.", "ctrl+s")
            await pilot.pause()
            assert app.screen is view
        assert app.context.saver.flush()
        await pilot.pause()
        assert [str(cell) for cell in view.query_one(DataTable).get_row_at(0)][-1] == "retired"
    with open_store() as store:
        [lesson] = LessonBook(store).all()
    assert lesson.retired_at
    assert lesson.text == "Bring the phased plan in writing today."


async def test_a_scorecard_lesson_kept_while_locked_is_kept_later() -> None:
    with open_store() as store:
        sid = first_meeting(store)
    app, notices = locked_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await play_to_the_scorecard(pilot, app, sid)
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("k")
        await pilot.pause()
        with locked():
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ScorecardScreen)
            assert not_saved(notices)
        assert app.context.saver.flush()
    with open_store() as store:
        sources = [lesson.source for lesson in LessonBook(store).of_session(sid)]
    assert sorted(sources) == ["outcome", "scorecard"]


async def test_f1_on_the_lessons_view_explains_it_with_its_keys() -> None:
    with open_store() as store:
        first_meeting(store)
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        page = app.screen.query_one(MarkdownPage).source
    assert "# Lessons" in page
    for row in (
        "| E | Reword the highlighted lesson |",
        "| R | Stop showing the lesson on Prepare |",
        "| R | Show the retired lesson on Prepare again |",
        "| O | Open the session the lesson came from |",
        "| Enter | Open the session the highlighted lesson came from |",
    ):
        assert row in page
