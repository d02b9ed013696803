"""What new users tripped on around a rehearsal: the hint over the reply box, a lost unsent
reply, instructions below the fold, and progress text cut short on a small terminal."""

from __future__ import annotations

from convocoach.demo import DEMO_PLAYBOOK, create_demo_session
from convocoach.locations import Locations
from convocoach.playbooks.library import load_library, search_path
from convocoach.playbooks.loader import load_playbook_file
from convocoach.rehearsal.engine import State, begin
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.tui.screens.progress import ProgressScreen
from convocoach.tui.screens.rehearsal import RehearsalScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.progress_chart import ProgressChart
from convocoach.tui.widgets.reply_box import ReplyBox
from tests.core.test_rehearsal_engine import AGREE, BLAME, delays, play
from tests.tui.test_tui_rehearsal import open_rehearsal, reply
from tests.tui_support import FIXED_NOW, build_app, open_store, wait_until

DRAFT = "I'm sorry, I should have"


def store_rehearsals(*states: State) -> None:
    """The demo session with these rehearsals, oldest first."""
    library = load_library(search_path(Locations.from_env()), load_playbook_file)
    with open_store() as store:
        session_id = create_demo_session(store, library.get(DEMO_PLAYBOOK), FIXED_NOW.date())
        log = RehearsalLog(store)
        for state in states:
            log.save(log.start(session_id, DEMO_PLAYBOOK, begin(delays())), state, 60.0)


def kept_draft() -> str:
    with open_store() as store:
        return RehearsalLog(store).history()[-1].draft


async def test_a_hint_sits_above_the_reply_box_and_goes_when_the_reply_is_sent() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_rehearsal(pilot, app)
        screen.query_one(ReplyBox).insert("I'm sorry")
        await pilot.press("f3")
        await pilot.pause()
        assert not screen.query("Toast")  # nothing floats over the screen
        hint, box = screen.query_one("#hint"), screen.query_one(ReplyBox)
        assert hint.display
        assert "Hint: " in str(hint.render())
        assert box.region.height >= 3
        assert hint.region.bottom <= box.region.y  # above the box, not on it
        assert screen.region.contains_region(box.region)
        assert box.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert not hint.display


async def test_an_unsent_reply_survives_leaving_and_quitting() -> None:
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_rehearsal(pilot, app)
        await reply(pilot, AGREE[0])
        await pilot.press(*DRAFT)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert kept_draft() == DRAFT
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        assert app.screen.query_one(ReplyBox).text == DRAFT
        await pilot.press(*" told you")
        await pilot.press("ctrl+q")  # at once: no second passes for a timed save
    assert kept_draft() == DRAFT + " told you"

    again = build_app()
    async with again.run_test(size=(100, 36)) as pilot:
        screen = await open_rehearsal(pilot, again)
        assert len(screen.state.exchanges) == 1
        assert screen.query_one(ReplyBox).text == DRAFT + " told you"
        await reply(pilot, "")  # Enter sends what was kept
        assert len(screen.state.exchanges) == 2
        assert screen.state.exchanges[-1].reply == DRAFT + " told you"
    assert kept_draft() == ""


async def test_the_rehearse_step_says_what_a_rehearsal_is_and_how_to_start_at_once() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"delays", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        app.screen.go("rehearse")
        await pilot.pause()
        step = app.screen.query_one("#step-rehearse")
        how_to = step.query_one("#how-to")
        text = str(how_to.render())
        assert "A rehearsal is a role-play" in text
        assert "Press R to start" in text
        assert step.scroll_y == 0
        assert step.region.contains_region(how_to.region)


async def test_progress_at_the_smallest_size_keeps_every_result_whole() -> None:
    store_rehearsals(play(*AGREE), play(*AGREE), play(*BLAME))
    app = build_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        chart = app.screen.query_one(ProgressChart)
        assert chart.region.width <= 60
        rows = [line.plain for line in chart.lines(chart.content_size.width)][1:]
        results = [row for row in rows if "latest" in row]
        assert len(results) == 10
        assert all(len(row) <= chart.content_size.width for row in rows)
        assert any(row.endswith("latest n/a (last measured 100%)") for row in results)


async def test_the_rehearse_step_counts_one_reply_as_one_and_offers_to_resume() -> None:
    store_rehearsals(play(AGREE[0]))
    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("enter")  # the sample session
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        app.screen.go("rehearse")
        await pilot.pause()
        step = app.screen.query_one("#step-rehearse")
        assert "R resumes your unfinished role-play" in str(step.query_one("#how-to").render())
        assert "not finished, 1 reply, mood" in str(step.query_one("#history").render())


def test_a_narrow_chart_puts_each_title_on_its_own_line() -> None:
    from convocoach.coach.loader import bundled_rubric

    chart = ProgressChart()
    chart.show([play(*AGREE), play(*BLAME)], bundled_rubric())
    wide = [line.plain for line in chart.lines(80)]
    assert len(wide) == 1 + 10
    assert wide[4].startswith("NEXT Concrete next step ")
    assert wide[4].endswith("\u2588  latest n/a (last measured 100%)")
    narrow = [line.plain for line in chart.lines(36)]
    assert all(len(line) <= 36 for line in narrow)
    assert narrow[1:3] == ["FEEL Names the feeling", "  \u2583\u2581 latest 0% (-33 points)"]


async def test_a_draft_that_cannot_be_stored_is_reported_once() -> None:
    from convocoach.sessions.db_errors import StoreError

    tried: list[str] = []

    def refuse(rehearsal_id: int, draft: str) -> None:
        tried.append(draft)
        raise StoreError("the disk is full", "free some space")

    app = build_app()
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        screen = await open_rehearsal(pilot, app)
        screen.context.rehearsals.save_draft = refuse  # type: ignore[method-assign]
        await pilot.press(*"I'm ")
        await wait_until(pilot, lambda: bool(tried))  # the timed save, each second
        for word in ("sorry ", "about "):
            await pilot.press(*word)
            screen.keep_draft()  # what the clock does each second
            await pilot.pause()
        assert len(tried) == 1  # not tried again each second once it failed
        assert len(screen.query("Toast")) == 1
