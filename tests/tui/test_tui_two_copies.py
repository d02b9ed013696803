"""Two copies of the app on one database (issue 13): nothing typed in either is lost unseen."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, SelectionList, TextArea

from convocoach.sessions.model import NextStep
from convocoach.tui.dialogs.conflict import ConflictScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.prepare import PrepareStep
from tests.tui.test_tui_agree_followup import app_with_session, open_step
from tests.tui_support import build_app, open_store, wait_until

SIZE = (100, 40)


async def _settle(*pilots: Pilot[Any]) -> None:
    """Each copy looks for the other's changes now (as its timer does a few times a second),
    then redraws."""
    for pilot in pilots:
        await pilot.pause()
        for screen in pilot.app.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.look_for_changes()
        await pilot.pause()


async def test_a_company_typed_on_a_stale_screen_does_not_replace_the_saved_one() -> None:
    """The tester's case: A saves "Northwind Retail12345"; B, still showing "Northwind Retail"
    (its cursor is in the field), types Z. Before: stored "Northwind RetailZ", A's five
    letters gone. Now B is asked, and both versions are there until B chooses."""
    app_a, sid = app_with_session(**{"client.company": "Northwind Retail"})
    app_b = build_app()
    async with app_a.run_test(size=SIZE) as pa, app_b.run_test(size=SIZE) as pb:
        screen_a = await open_step(pa, app_a, sid, "situation")
        screen_b = await open_step(pb, app_b, sid, "situation")
        field_b = screen_b.query_one("#f-client-company", Input)
        field_b.focus()
        await pb.pause()
        field_a = screen_a.query_one("#f-client-company", Input)
        field_a.focus()
        await pa.press("end", *"12345")
        await _settle(pa, pb)
        assert field_b.value == "Northwind Retail"  # typed in: not changed under the cursor
        await pb.press("end", "Z")
        await _settle(pa, pb)
        assert isinstance(app_b.screen, ConflictScreen)
        with open_store() as store:
            assert store.get(sid).client.company == "Northwind Retail12345"
        assert field_b.value == "Northwind RetailZ"  # B's own text is still on screen
        await pb.click("#mine-button")  # keep mine, having seen theirs
        await _settle(pa, pb)
        with open_store() as store:
            assert store.get(sid).client.company == "Northwind RetailZ"
        assert field_a.value == "Northwind Retail12345"  # A is typing there: left alone
        screen_a.query_one("#f-title", Input).focus()
        await _settle(pa, pb)
        assert field_a.value == "Northwind RetailZ"  # A's cursor left the field: A sees it


async def test_taking_theirs_puts_the_other_windows_value_in_the_field() -> None:
    app_b, sid = app_with_session(**{"client.company": "Northwind Retail"})
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "situation")
        field_b = screen_b.query_one("#f-client-company", Input)
        field_b.focus()
        with open_store() as other:  # the other copy, writing as its screen would
            other.set_field(
                sid, "client.company", "Northwind Retail Group", expected="Northwind Retail"
            )
        await _settle(pb)
        await pb.press("end", "Z")
        # The save, its conflict check and the dialog: wait, don't race.
        await wait_until(pb, lambda: isinstance(app_b.screen, ConflictScreen))
        assert isinstance(app_b.screen, ConflictScreen)
        await pb.press("q", "t", "k", "enter")  # typing on: no key answers the question
        assert isinstance(app_b.screen, ConflictScreen)
        await pb.press("tab", "enter")  # the first button: take theirs
        await pb.pause()
        assert field_b.value == "Northwind Retail Group"
        with open_store() as store:
            assert store.get(sid).client.company == "Northwind Retail Group"


async def test_a_field_not_being_typed_in_shows_the_other_windows_change() -> None:
    app_b, sid = app_with_session()
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "situation")
        screen_b.query_one("#f-title", Input).focus()
        with open_store() as other:
            other.set_field(sid, "client.role", "Head of E-commerce", expected="")
        await _settle(pb)
        assert screen_b.query_one("#f-client-role", Input).value == "Head of E-commerce"
        assert screen_b.query_one("#f-title", Input).value == "Customer portal launch"


async def test_points_added_in_two_windows_are_both_kept() -> None:
    """The tester's second case: a point added in B replaced the one added in A."""
    app_a, sid = app_with_session()
    with open_store() as store:
        store.set_list(sid, "points", ["Launch moves to 8 January"])
    app_b = build_app()
    async with app_a.run_test(size=SIZE) as pa, app_b.run_test(size=SIZE) as pb:
        screen_a = await open_step(pa, app_a, sid, "agree")
        screen_b = await open_step(pb, app_b, sid, "agree")
        box_b = screen_b.query_one("#points", TextArea)
        box_b.focus()
        box_b.move_cursor(box_b.document.end)
        await pb.pause()
        box_a = screen_a.query_one("#points", TextArea)
        box_a.focus()
        box_a.move_cursor(box_a.document.end)
        await pa.press("enter", *"Weekly status call")
        await _settle(pa, pb)
        await pb.press("enter", *"Free training day")
        await _settle(pa, pb)
        expected = ("Launch moves to 8 January", "Free training day", "Weekly status call")
        with open_store() as store:
            assert store.get(sid).points == expected
        assert box_b.text.splitlines() == list(expected)  # B's box shows the merge
        assert box_b.cursor_location[0] == 1  # still on the line B was typing
        screen_b.query_one("#steps").focus()
        box_a.blur()
        await _settle(pa, pb)
        assert box_a.text.splitlines() == list(expected)


async def test_a_next_step_edited_in_both_windows_keeps_both_versions() -> None:
    app_b, sid = app_with_session(NextStep("Send the plan", due="2026-12-01"))
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "agree")
        table = screen_b.query_one("#steps", DataTable)
        table.focus()
        await pb.press("enter")
        await pb.pause()
        form = app_b.screen
        with open_store() as other:
            seen = other.get(sid).next_steps[0]
            other.update_next_step(
                seen.id,
                seen,
                action="Send the revised plan",
                owner_kind="us",
                owner_name="",
                due=seen.due,
                status="open",
            )
        form.query_one("#action", Input).value = "Call Dana about the plan"
        await pb.press("ctrl+s")
        await _settle(pb)
        assert isinstance(app_b.screen, SessionScreen)
        with open_store() as store:
            actions = [s.action for s in store.get(sid).next_steps]
        assert actions == ["Send the revised plan", "Call Dana about the plan"]
        assert table.row_count == 2


async def test_a_next_step_changed_elsewhere_is_not_removed() -> None:
    app_b, sid = app_with_session(NextStep("Send the plan"))
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "agree")
        screen_b.query_one("#steps", DataTable).focus()
        await pb.press("delete")
        await pb.pause()
        with open_store() as other:
            seen = other.get(sid).next_steps[0]
            other.update_next_step(
                seen.id,
                seen,
                action="Send the revised plan",
                owner_kind="us",
                owner_name="",
                due="",
                status="open",
            )
        await pb.press("y")
        await _settle(pb)
        with open_store() as store:
            assert [s.action for s in store.get(sid).next_steps] == ["Send the revised plan"]


async def test_an_answer_typed_on_a_stale_screen_asks_before_replacing() -> None:
    app_b, sid = app_with_session()
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "prepare")
        pane = screen_b.query_one(PrepareStep)
        prompt = pane.prompts[0]  # the case's first figure, a field of the session
        assert prompt.field == "case.old_date"
        box = screen_b.query_one("#answer", TextArea)
        box.focus()
        await pb.pause()
        with open_store() as other:
            other.set_field(sid, prompt.field, "Written in the other window", expected="")
        await _settle(pb)
        await pb.press(*"Mine")
        await _settle(pb)
        assert isinstance(app_b.screen, ConflictScreen)
        with open_store() as store:
            assert store.get(sid).case.old_date == "Written in the other window"
        assert box.text == "M"  # keys typed once the question is up do not reach the field
        await pb.click("#theirs-button")
        await pb.pause()
        assert box.text == "Written in the other window"


async def test_phrases_ticked_in_two_windows_are_both_kept() -> None:
    app_b, sid = app_with_session()
    async with app_b.run_test(size=SIZE) as pb:
        screen_b = await open_step(pb, app_b, sid, "listen")
        phrases = screen_b.query_one("#phrases", SelectionList)
        phrases.focus()
        first, second = (str(phrases.get_option_at_index(n).value) for n in range(2))
        with open_store() as other:
            other.set_list(sid, "phrases", [second], base=())
        await pb.press("space")  # ticks the first, on a screen that has not seen the second
        await _settle(pb)
        with open_store() as store:
            assert set(store.get(sid).phrases) == {first, second}
        assert set(phrases.selected) == {first, second}


async def test_an_email_edited_in_both_windows_keeps_both_until_one_is_chosen() -> None:
    """The Follow-up step saves the user's own email whole: an edit saved by another window
    meanwhile is not replaced unseen; the user is asked, with both versions."""
    from convocoach.tui.steps.followup import FollowupStep

    app, sid = app_with_session()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        step = screen.query_one(FollowupStep)
        with open_store() as other:
            other.set_field(sid, "email_draft", "Theirs: hello Dana.", expected="")
        step._keep("Mine: dear Dana.")  # what the editor screen hands back
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        with open_store() as store:
            assert store.get(sid).email_draft == "Theirs: hello Dana."
        await pilot.click("#mine-button")

        def kept_mine() -> bool:
            with open_store() as store:
                return store.get(sid).email_draft == "Mine: dear Dana."

        await wait_until(pilot, kept_mine)


async def test_an_email_saved_in_another_window_shows_in_the_preview() -> None:
    from convocoach.tui.steps.followup import FollowupStep

    app, sid = app_with_session()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        step = screen.query_one(FollowupStep)
        with open_store() as other:
            other.set_field(sid, "email_draft", "Hello Dana, from the other window.\n", expected="")
        # Here the screen's own timer finds the change.
        await wait_until(pilot, lambda: "from the other window" in step.markdown)
        assert step.query_one("#draft-state").display
