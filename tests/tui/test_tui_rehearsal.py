"""A rehearsal in the app: each ending, what was saved, undo, pause, hints and the scorecard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.rehearsal import RehearsalScreen
from convocoach.tui.screens.scorecard import ScorecardScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.feedback_panel import FeedbackPanel
from convocoach.tui.widgets.reply_box import ReplyBox
from tests.core.test_rehearsal_engine import AGREE, CIRCLES
from tests.tui_support import build_app, open_store, wait_until


async def open_rehearsal(pilot: Any, app: ConvocoachApp) -> RehearsalScreen:
    await pilot.press("slash", *"delays", "enter", "enter")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    app.screen.go("rehearse")
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, RehearsalScreen)
    return app.screen


async def reply(pilot: Any, text: str) -> None:
    # Typed in one go (as a paste would be): key by key is covered by the feedback test.
    pilot.app.screen.query_one(ReplyBox).insert(text)
    await pilot.press("enter")
    await pilot.pause()


def saved_rehearsal() -> Any:
    with open_store() as store:
        [saved] = RehearsalLog(store).history()
        return saved


async def test_a_rehearsal_reaching_an_agreement_is_saved_and_carried_into_agree(
    tmp_path: Path,
) -> None:
    app = build_app(export_dir=tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        for text in AGREE:
            await reply(pilot, text)
        await pilot.pause()
        assert screen.state.ending == "agreement"
        assert isinstance(app.screen, ScorecardScreen)
        card = str(app.screen.query_one("#card").render())
        assert "NEXT" in card
        assert "I'll send you a revised plan by Thursday noon" in card
        await pilot.press("a")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "rehearse" in app.screen.query_one("#step-bar").done
    saved = saved_rehearsal()
    assert saved.state.ending == "agreement"
    assert [e.reply for e in saved.state.exchanges] == list(AGREE)
    assert saved.state.exchanges[0].statuses[0] == ("FEEL", "pass")
    with open_store() as store:
        session = store.get(saved.session_id)
    assert "I'll send you a revised plan" in session.next_steps[0].action
    [debrief] = tmp_path.glob("*-rehearsal-debrief.md")
    assert "Outcome: **Agreement reached** after 3 replies" in debrief.read_text("utf-8")


async def test_blame_makes_the_client_walk_out() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        await reply(pilot, "You should have read the status reports.")
        assert screen.state.mood == 1
        await reply(pilot, "Calm down, as I told you the risks were in the plan.")
        assert screen.state.ending == "walkout"
        assert isinstance(app.screen, ScorecardScreen)
    assert saved_rehearsal().state.ending == "walkout"


async def test_f4_on_the_scorecard_takes_back_the_reply_that_ended_it() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        await reply(pilot, "You should have read the status reports.")
        await reply(pilot, "Calm down, as I told you the risks were in the plan.")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        card = str(app.screen.query_one("#card").render())
        tips = card.split("What to try next time")[1]
        assert tips.strip().startswith("\u2022 No blame") or tips.strip().startswith(
            "\u2022 No dismissive"
        )  # what cost the mood comes first
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is screen
        assert screen.state.ending is None
        assert len(screen.state.exchanges) == 1
        assert screen.query_one(ReplyBox).text.startswith("Calm down")
    assert saved_rehearsal().state.ending is None


async def test_going_round_in_circles_is_a_stalemate() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        for text in CIRCLES:
            if screen.state.ending is None:
                await reply(pilot, text)
        assert screen.state.ending == "stalemate"


async def test_undo_puts_the_reply_back_and_leaving_resumes_later() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        await reply(pilot, AGREE[0])
        await reply(pilot, "We'll sort it.")
        assert len(screen.state.exchanges) == 2
        await pilot.press("f4")
        await pilot.pause()
        assert len(screen.state.exchanges) == 1
        assert screen.query_one(ReplyBox).text == "We'll sort it."
        await pilot.press("escape")
        await pilot.pause()
        assert len(saved_rehearsal().state.exchanges) == 1
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert len(app.screen.state.exchanges) == 1  # resumed where it was left


async def test_live_feedback_pause_and_hints() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, app)
        await pilot.press(*"Calm down")

        def panel_text() -> str:
            return str(screen.query_one(FeedbackPanel).render())

        # The coach reads the draft once typing pauses.
        await wait_until(pilot, lambda: "Your draft" in panel_text(), timeout=3)
        panel = panel_text()
        assert "Your draft" in panel
        assert "\u2717 fail NODISMISS" in panel
        await pilot.press("f5")
        await pilot.pause()
        assert screen.paused
        assert screen.query_one(ReplyBox).read_only
        await pilot.press("enter")  # nothing is sent while paused
        assert screen.state.exchanges == ()
        await pilot.press("f5", "f3")
        await pilot.pause()
        assert not screen.paused
        assert "Hint: " in str(screen.query_one("#hint").render())
        await pilot.press("f8")
        await pilot.pause()
        assert not screen.live_feedback


async def test_the_rehearse_command_opens_the_role_play_directly() -> None:
    from convocoach.locations import Locations
    from convocoach.tui.app import make_app
    from tests.tui_support import fixed_clock, write_profile

    locations = Locations.from_env()
    write_profile(locations)
    with open_store() as store:
        session_id = store.create("project-delays", title="Practice: Project delays")
    app = make_app(locations, fixed_clock, rehearse_session=session_id, live_feedback=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert not app.screen.live_feedback
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.step == "rehearse"


async def test_progress_from_the_home_screen() -> None:
    from convocoach.tui.screens.progress import ProgressScreen
    from convocoach.tui.widgets.progress_chart import ProgressChart

    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_rehearsal(pilot, app)
        for text in AGREE:
            await reply(pilot, text)
        await pilot.press("escape")  # the scorecard
        await pilot.pause()
        await pilot.press("escape")  # the session
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        chart = app.screen.query_one(ProgressChart)
        lines = [line.plain for line in chart.lines(chart.content_size.width)]
        assert lines[0] == "Over 1 rehearsal, oldest to newest:"
        assert lines[1].startswith("FEEL Names the feeling")


async def test_rehearsing_a_session_faces_its_own_client() -> None:
    with open_store() as store:
        sid = store.create("project-delays", title="Portal launch")
        store.set_field(sid, "client.name", "Dana Reyes")
        store.set_field(sid, "client.role", "VP Operations")
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        session = SessionScreen(app.context, sid)
        app.push_screen(session)
        await pilot.pause()
        session.go("rehearse")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert app.screen.sub_title == "with Dana Reyes"
        assert "VP Operations" in str(app.screen.query_one("#persona").render())
