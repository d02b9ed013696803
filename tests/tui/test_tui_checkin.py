"""The Follow up step after the meeting: the follow-up marked sent (late said, not hidden),
the check-in email shown, exported in every format, and the due check-in marked held."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import SelectionList, Static

from convocoach.locations import Locations
from convocoach.sessions.model import Session
from convocoach.tui.app import ConvocoachApp, make_app
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.followup import FollowupStep
from convocoach.tui.support.saving import NOT_SAVED, Saver
from convocoach.tui.widgets.markdown_page import MarkdownPage
from tests.followup_fixtures import checkin_session
from tests.tui.test_tui_agree_followup import open_step
from tests.tui.test_tui_locked_database import locked
from tests.tui_support import open_store, wait_until, write_profile


class Clock:
    """The app's clock, moved on by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def app_at(now: datetime, session: Session | None = None, **kw: Any) -> tuple[ConvocoachApp, int]:
    """The app at ``now`` (London time is UTC in November) with the check-in fixture stored."""
    with open_store() as store:
        sid = store.insert_session(session or checkin_session())
    locations = Locations.from_env()
    write_profile(locations)
    locations.preferences_file.write_text('{"cursor_blink": false}\n', encoding="utf-8")
    return make_app(locations, clock=Clock(now), **kw), sid


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def stored(sid: int) -> Session:
    with open_store() as store:
        return store.get(sid)


def text(step: FollowupStep, selector: str) -> str:
    return str(step.query_one(selector, Static).render())


async def followup(pilot: Pilot[Any], app: ConvocoachApp, sid: int) -> FollowupStep:
    screen = await open_step(pilot, app, sid, "followup")
    await app.workers.wait_for_complete()
    await pilot.pause()
    step = screen.query_one(FollowupStep)
    step.query_one("#preview").focus()
    return step


async def test_mark_sent_late_shows_by_how_much_and_takes_it_back() -> None:
    # The meeting (24 November, 10:00, 45 min) ends at 10:45: send by 13:45.
    app, sid = app_at(utc(2026, 11, 24, 15, 55), checkin_session(sent_at=""))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        assert "Not sent yet (M marks it sent now)" in text(step, "#marks")
        await pilot.press("m")
        await pilot.pause()
        assert stored(sid).sent_at == "2026-11-24T15:55:00+00:00"
        marks = text(step, "#marks")
        assert "Sent Tuesday 24 November 2026 at 15:55" in marks
        assert "late: sent 2 h 10 min after its send-by 13:45 (U takes it back)" in marks
        await pilot.press("m")  # already sent: M does nothing more
        await pilot.press("u")
        await pilot.pause()
        assert stored(sid).sent_at == ""
        assert "Not sent yet" in text(step, "#marks")


async def test_mark_sent_on_time() -> None:
    app, sid = app_at(utc(2026, 11, 24, 13, 0), checkin_session(sent_at=""))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        await pilot.press("m")
        await pilot.pause()
        assert "Sent Tuesday 24 November 2026 at 13:00 — on time" in text(step, "#marks")


async def test_the_preview_switches_to_the_check_in_email_and_back() -> None:
    app, sid = app_at(utc(2026, 12, 1, 8, 0))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        preview = step.query_one("#preview", MarkdownPage)
        assert "Thank you for making time" in step.markdown
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert step.checkin
        assert "because the board meets on 3 December" in step.markdown
        assert "Brief the board (you), by Monday 30 November 2026 (**overdue**)" in step.markdown
        assert preview.display
        headers = text(step, "#headers")
        assert "Subject: Check-in: Revised delivery plan" in headers
        assert "send by Tuesday 1 December 2026 at 13:30" in text(step, "#send-by")
        assert step.check_action("edit", ()) is None  # not kept: greyed out
        assert step.query_one("#checkin-template").display
        assert not step.query_one("#template").display
        await pilot.press("y")
        assert "Confirm the two-phase launch (you): moved from" in app.clipboard
        assert "**" not in app.clipboard  # plain text
        assert stored(sid).exported_at == ""  # copying it is not sending the follow-up
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not step.checkin
        assert "Thank you for making time" in step.markdown
        assert text(step, "#send-by").startswith("Send by Tuesday 24 November 2026")


async def test_check_in_brief_template_is_chosen_in_the_step() -> None:
    app, sid = app_at(utc(2026, 12, 1, 8, 0))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        step.query_one("#checkin-template").value = "checkin-brief"  # type: ignore[attr-defined]
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "- Send the revised plan: done" in step.markdown
        assert stored(sid).template == "standard"  # the follow-up's template is untouched


async def test_the_check_in_email_is_saved_in_every_format_but_ics(tmp_path: Path) -> None:
    app, sid = app_at(utc(2026, 12, 1, 8, 0), export_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#formats", SelectionList).selected == ["md", "txt", "html", "eml"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert step.checkin
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        f"northwind-checkout-launch-checkin.{fmt}" for fmt in ("eml", "html", "md", "txt")
    ]
    eml = (tmp_path / "northwind-checkout-launch-checkin.eml").read_bytes()
    assert b"Subject: Check-in: Revised delivery plan" in eml
    assert stored(sid).exported_at == ""  # saving the check-in email is not the follow-up


async def test_mark_the_due_check_in_held_and_take_it_back() -> None:
    app, sid = app_at(utc(2026, 12, 1, 11, 5))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        marks = text(step, "#marks")
        assert "\nCheck-in due Tuesday 1 December 2026 (H marks it held)" in marks
        await pilot.press("h")
        await pilot.pause()
        (held,) = stored(sid).checkins
        assert (held.due_on, held.done_at) == ("2026-12-01", "2026-12-01T11:05:00+00:00")
        marks = text(step, "#marks")
        assert "Check-in of Tuesday 1 December 2026 held at 11:05 (Shift+H takes it back)" in marks
        assert step.check_action("checkin_held", ()) is False
        # The email written after the check-in still reports since the follow-up.
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "since my follow-up of Wednesday 25 November 2026" in step.markdown
        await pilot.press("H")
        await pilot.pause()
        assert stored(sid).checkins == ()
        assert "Check-in due Tuesday 1 December 2026" in text(step, "#marks")


async def test_before_its_day_a_check_in_cannot_be_marked_held() -> None:
    app, sid = app_at(utc(2026, 11, 30, 9, 0))
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        assert "Next check-in Tuesday 1 December 2026" in text(step, "#marks")
        await pilot.press("h")
        await pilot.pause()
        assert stored(sid).checkins == ()


async def test_marks_made_while_the_database_is_locked_are_saved_once_it_is_free() -> None:
    app, sid = app_at(utc(2026, 11, 24, 15, 55), checkin_session(sent_at=""), busy_seconds=0.02)
    app.context.saver = Saver(retry_seconds=0.05)
    notices: list[tuple[str, str]] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        notices.append((str(options.get("title", "")), message))
        shown(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 40)) as pilot:
        step = await followup(pilot, app, sid)
        with locked():
            await pilot.press("m")
            await pilot.pause()
            assert [t for t, _ in notices] == [NOT_SAVED]
            assert stored(sid).sent_at == ""
        await wait_until(pilot, lambda: stored(sid).sent_at != "")
        assert stored(sid).sent_at == "2026-11-24T15:55:00+00:00"
        await wait_until(pilot, lambda: "late: sent 2 h 10 min" in text(step, "#marks"))
