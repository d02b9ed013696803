"""After the meeting (issue 18): the Outcome step, and next steps marked done or moved."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, SelectionList, Static, TextArea

from convocoach.rehearsal.engine import begin
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.model import NextStep
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.tui.dialogs.conflict import ConflictScreen
from convocoach.tui.dialogs.move_step_form import MoveStepForm
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.outcome import OutcomeStep
from convocoach.tui.support.help_text import help_markdown
from convocoach.tui.widgets.step_bar import StepBar
from tests.core.test_rehearsal_engine import AGREE, delays, play
from tests.tui.test_tui_agree_followup import app_with_session, cells, open_step
from tests.tui.test_tui_locked_database import locked, locked_app, not_saved
from tests.tui_support import build_app, open_store, wait_until

QUESTIONS = (
    "Why didn't you tell us sooner?",
    "How do we know the new date will hold?",
    "Who pays for this?",
    "What are you doing so this doesn't happen again?",
)


def text_of(screen: SessionScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_session_through_outcome_is_kept_and_shown_again() -> None:
    app, sid = app_with_session()
    with open_store() as store:
        log = RehearsalLog(store)
        rid = log.start(sid, "project-delays", begin(delays()))
        finished = play(*AGREE)
        log.save(rid, finished, 90)
    async with app.run_test(size=(100, 50)) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        await pilot.press("ctrl+n")  # the step after Follow up
        await pilot.pause()
        assert screen.step == "outcome"
        assert "outcome" not in screen.query_one(StepBar).done
        step = screen.query_one(OutcomeStep)
        assert text_of(screen, "#prediction") == (
            f"Rehearsed: agreement at mood {finished.mood} \u2014 real: not recorded yet"
        )
        step.query_one("#result", Select).value = "partly"
        step.query_one("#reaction", Input).focus()
        await pilot.press(*"Relieved, wants it in writing")
        step.query_one("#worked", TextArea).insert("Saying the new date first")
        step.query_one("#change", TextArea).insert("Bring the phased plan in writing")
        questions = step.query_one("#came-up", SelectionList)
        questions.focus()
        await pilot.press("down", "space", "down", "space")  # the second and the third
        await pilot.pause()
        assert text_of(screen, "#prediction") == (
            f"Rehearsed: agreement at mood {finished.mood} \u2014 real: partly agreed\n"
            "The meeting went worse than the rehearsal."
        )
        await wait_until(pilot, lambda: "outcome" in screen.query_one(StepBar).done)
        await app.action_quit()
    with open_store() as store:
        outcome = store.get(sid).outcome
        lessons = LessonBook(store).of_session(sid)
    assert (outcome.result, outcome.reaction) == ("partly", "Relieved, wants it in writing")
    assert (outcome.worked, outcome.change) == (
        "Saying the new date first",
        "Bring the phased plan in writing",
    )
    assert outcome.came_up == QUESTIONS[1:3]
    assert outcome.recorded_at
    assert [lesson.text for lesson in lessons] == ["Bring the phased plan in writing"]

    again = build_app()  # the app opened again: the session resumes at Outcome, filled in
    async with again.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        screen = SessionScreen(again.context, sid)
        again.push_screen(screen)
        await pilot.pause()
        assert screen.step == "outcome"
        step = screen.query_one(OutcomeStep)
        assert step.query_one("#result", Select).value == "partly"
        assert step.query_one("#reaction", Input).value == "Relieved, wants it in writing"
        assert step.query_one("#change", TextArea).text == "Bring the phased plan in writing"
        assert step.query_one("#came-up", SelectionList).selected == list(QUESTIONS[1:3])
        # The step fills its prediction once mounted: on a busy machine, after this pause.
        await wait_until(pilot, lambda: "real: partly agreed" in text_of(screen, "#prediction"))
        assert "outcome" in screen.query_one(StepBar).done


async def test_the_step_bar_names_eight_steps_and_f1_explains_the_outcome() -> None:
    app, sid = app_with_session()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_step(pilot, app, sid, "outcome")
        bar = screen.query_one(StepBar)
        labels = [text.strip() for _, text in bar._labels(0)]
        assert labels[-2:] == ["7 Follow up", "8 Outcome"]
        assert len(labels) == 8
        assert not screen.check_action("next_step", ())  # the last step
        assert "becomes a lesson" in help_markdown("outcome")
    app, sid = app_with_session()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(pilot, app, sid, "listen")
        rendered = str(screen.query_one(StepBar).render())
        assert rendered.split()[-6:] == ["6", "Agree", "7", "Follow", "8", "Outcome"]
    app, sid = app_with_session()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_step(pilot, app, sid, "listen")
        rendered = str(screen.query_one(StepBar).render())
        assert rendered.split() == [
            "1", "Situ", "2", "Prep", "3", "Time", "4", "Listen",
            "5", "Play", "6", "Agree", "7", "Mail", "8", "Out",
        ]  # fmt: skip


async def open_agree(pilot: Pilot[Any], app: Any, sid: int) -> tuple[SessionScreen, DataTable[Any]]:
    screen = await open_step(pilot, app, sid, "agree")
    table = screen.query_one("#steps", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0)
    table.focus()
    return screen, table


async def test_a_next_step_is_marked_done_with_the_day_and_undone() -> None:
    app, sid = app_with_session(NextStep("Send the revised plan", due="2026-12-04"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen, table = await open_agree(pilot, app, sid)
        assert not screen.query_one("#step-detail").display
        await pilot.press("d")
        await pilot.pause()
        (step,) = screen.editor.session.next_steps
        assert (step.status, step.done_on) == ("done", "2026-11-23")  # the fixed clock's day
        assert cells(table)[0][3] == "done \u2713 23 Nov"
        assert text_of(screen, "#step-detail") == "Done on 2026-11-23."
        await pilot.press("d")  # no second mark: Undo done is the key now
        await pilot.press("u")
        await pilot.pause()
        (step,) = screen.editor.session.next_steps
        assert (step.status, step.done_on) == ("open", "")
        assert cells(table)[0][3] == "open"


async def test_a_moved_step_asks_the_date_and_why_and_shows_both() -> None:
    app, sid = app_with_session(NextStep("Send the revised plan", due="2026-12-04"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen, table = await open_agree(pilot, app, sid)
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MoveStepForm)
        await pilot.press(*"4/12/26", "enter")
        await pilot.pause()
        assert "write one like 2026-12-14" in str(form.query_one("#error", Static).render())
        form.query_one("#new-due", Input).value = "2026-12-11"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # no reason yet
        assert "Say why it moved" in str(form.query_one("#error", Static).render())
        form.query_one("#reason", Input).focus()
        await pilot.press(*"Waiting for the client's figures", "enter")
        await pilot.pause()
        assert app.screen is screen
        (step,) = screen.editor.session.next_steps
        assert step.due == "2026-12-11"
        assert [(m.old_due, m.new_due, m.reason) for m in step.moves] == [
            ("2026-12-04", "2026-12-11", "Waiting for the client's figures")
        ]
        assert cells(table)[0][2:] == ["2026-12-11", "open, moved: Waiting for the clie\u2026"]
        assert text_of(screen, "#step-detail") == (
            "Moved once; last on 2026-11-23, from 2026-12-04 to 2026-12-11: "
            "Waiting for the client's figures"
        )
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"2026-12-18", "tab", *"Holidays", "enter")
        await pilot.pause()
        assert cells(table)[0][2:] == ["2026-12-18", "open, moved \u00d72: Holidays"]
        await pilot.press("m", "escape")  # cancelled: nothing moves
        await pilot.pause()
        assert len(screen.editor.session.next_steps[0].moves) == 2
    with open_store() as store:
        assert [m.reason for m in store.step_moves(sid)[step.id]] == [
            "Waiting for the client's figures",
            "Holidays",
        ]


async def test_a_step_moved_in_another_window_is_not_moved_again_unseen() -> None:
    app, sid = app_with_session(NextStep("Send the revised plan", due="2026-12-04"))
    async with app.run_test(size=(100, 40)) as pilot:
        _, table = await open_agree(pilot, app, sid)
        await pilot.press("m")
        await pilot.pause()
        with open_store() as other:  # meanwhile, another window moves it
            (stored,) = other.get(sid).next_steps
            other.reschedule_next_step(stored.id, "2026-12-09", "Their board meets")
        await pilot.press(*"2026-12-11", "tab", *"Holidays", "enter")
        await pilot.pause()
        assert any("not moved" in str(n.message) for n in app._notifications)
        await wait_until(pilot, lambda: cells(table)[0][2] == "2026-12-09")
    with open_store() as store:
        (step,) = store.get(sid).next_steps
    assert [m.reason for m in step.moves] == ["Their board meets"]


async def test_questions_ticked_in_two_windows_are_both_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, sid = app_with_session()
    async with app.run_test(size=(100, 50)) as pilot:
        screen = await open_step(pilot, app, sid, "outcome")
        # This window does not look for changes until its own tick has been written.
        monkeypatch.setattr(screen.editor, "poll", lambda: False)
        with open_store() as other:
            other.set_came_up(sid, [QUESTIONS[0]])
        questions = screen.query_one("#came-up", SelectionList)
        questions.focus()
        await pilot.press("end", "space")  # the last question, before this window saw the other
        await pilot.pause()
        assert any("Ticks merged" in str(n.title) for n in app._notifications)
        assert set(questions.selected) == {QUESTIONS[0], QUESTIONS[3]}
    with open_store() as store:
        assert store.get(sid).outcome.came_up == (QUESTIONS[0], QUESTIONS[3])


async def test_outcome_and_follow_through_while_locked_are_saved_once_it_is_free() -> None:
    with open_store() as store:
        sid = store.create("project-delays", title="Customer portal launch")
        store.add_next_step(sid, NextStep("Send the revised plan", due="2026-12-04"))
        store.add_next_step(sid, NextStep("Book the review", due="2026-12-07"))
    app, notices = locked_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "outcome")
        with locked():
            screen.query_one("#reaction", Input).focus()
            await pilot.press(*"Calm")
            await pilot.pause()
            assert screen.query_one("#reaction", Input).value == "Calm"
            assert not_saved(notices)
        assert app.context.saver.flush()
        screen.go("agree")
        await pilot.pause()
        table = screen.query_one("#steps", DataTable)
        table.focus()
        with locked():
            await pilot.press("d", "down", "m")
            await pilot.pause()
            await pilot.press(*"2026-12-09", "tab", *"Their board meets", "enter")
            await pilot.pause()
            assert app.context.saver.pending == 2  # the done mark and the move, kept
        assert app.context.saver.flush()
        await pilot.pause()
        # Once they land, the list shows them without leaving the step.
        rows = [" ".join(str(c) for c in table.get_row_at(n)) for n in range(table.row_count)]
        assert "done" in rows[0]
        assert "2026-12-09" in rows[1]
        assert "moved" in rows[1]
    with open_store() as store:
        session = store.get(sid)
    assert session.outcome.reaction == "Calm"
    first, second = session.next_steps
    assert (first.status, first.done_on) == ("done", "2026-11-23")
    assert (second.due, [m.reason for m in second.moves]) == ("2026-12-09", ["Their board meets"])


async def test_a_result_changed_in_another_window_is_not_overwritten_unseen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, sid = app_with_session()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "outcome")
        monkeypatch.setattr(screen.editor, "poll", lambda: False)  # not seen here yet
        with open_store() as other:
            other.set_field(sid, "outcome.result", "escalated")
        screen.query_one("#result", Select).value = "agreed"
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)  # which one stays is asked
        # Worded as the list words them, not as they are stored.
        assert str(app.screen.query_one("#theirs", Static).render()) == "Escalated"
        assert str(app.screen.query_one("#mine", Static).render()) == "Agreed"
        with open_store() as store:
            assert store.get(sid).outcome.result == "escalated"
