"""The Agree and Follow-up steps as a new user meets them (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static, TextArea

from convocoach.diagnostics import InvalidFile
from convocoach.followup.email import find_template, render_followup
from convocoach.locations import Locations
from convocoach.preferences import Preferences, load_preferences, save_preferences
from convocoach.sessions.model import NextStep
from convocoach.sessions.steps import StepKey
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.support.help_text import help_markdown
from tests.core.test_followup_reader import ALEX
from tests.followup_fixtures import NOW
from tests.tui_support import build_app, open_store, wait_until


def app_with_session(*steps: NextStep, **fields: str) -> tuple[ConvocoachApp, int]:
    with open_store() as store:
        sid = store.create("project-delays", title="Customer portal launch")
        store.set_field(sid, "client.name", "Dana Reyes")
        for name, value in fields.items():
            store.set_field(sid, name, value)
        for step in steps:
            store.add_next_step(sid, step)
    return build_app(), sid


async def open_step(
    pilot: Pilot[Any], app: ConvocoachApp, sid: int, step: StepKey
) -> SessionScreen:
    await pilot.pause()
    screen = SessionScreen(app.context, sid)
    app.push_screen(screen)
    await pilot.pause()
    screen.go(step)
    await pilot.pause()
    return screen


def cells(table: DataTable[Any]) -> list[list[str]]:
    """What each cell shows: its text cut to the column's rendered width."""
    widths = [c.get_render_width(table) - 2 * table.cell_padding for c in table.ordered_columns]
    return [
        [str(cell)[:w] for cell, w in zip(table.get_row_at(r), widths, strict=True)]
        for r in range(table.row_count)
    ]


async def test_table_columns_follow_the_content_after_an_edit() -> None:
    """Before issue 12 an edit left 'Ale' and '2026-12' in the table until a row was deleted."""
    app, sid = app_with_session(NextStep("Confirm the training dates", "client", "", "2026-12-11"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        table = screen.query_one("#steps", DataTable)
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#action").value = "Send Dana the written phased launch plan"  # type: ignore[attr-defined]
        form.query_one("#owner-kind").value = "person"  # type: ignore[attr-defined]
        form.query_one("#owner-name").value = "Alex Morgan"  # type: ignore[attr-defined]
        form.query_one("#due").value = "2026-12-09"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        shown = cells(table)
        assert shown[1][:3] == [
            "Send Dana the written phased launch plan",
            "Alex Morgan",
            "2026-12-09",
        ]


async def test_at_60_columns_who_by_when_and_status_fit_beside_a_shorter_what() -> None:
    app, sid = app_with_session(
        NextStep("Send Dana the written phased launch plan", "person", "Alex Morgan", "2026-12-09"),
        NextStep("Confirm the training dates", "client", "", "2026-12-11", "done"),
    )
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        await pilot.pause()
        table = screen.query_one("#steps", DataTable)
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) <= table.scrollable_content_region.width
        assert [row[1:] for row in cells(table)] == [
            ["Alex Morgan", "2026-12-09", "open"],
            ["The client", "2026-12-11", "done \u2713 23 Nov"],  # done the day it was added
        ]


async def test_many_steps_bring_a_scrollbar_and_still_no_cut_column() -> None:
    app, sid = app_with_session(
        *(
            NextStep(f"Step number {n} of the launch plan", "client", "", "2026-12-11")
            for n in range(15)
        )
    )
    async with app.run_test(size=(60, 30)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        table = screen.query_one("#steps", DataTable)

        def fits() -> bool:  # once the scrollbar's arrival has been laid out
            widths = [c.get_render_width(table) for c in table.ordered_columns]
            return sum(widths) <= table.scrollable_content_region.width

        await wait_until(pilot, lambda: table.row_count == 15 and fits())
        assert cells(table)[14][1:3] == ["The client", "2026-12-11"]


async def test_a_typed_name_is_never_dropped_without_a_word() -> None:
    app, sid = app_with_session()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        screen.query_one("#steps").focus()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Book the go-live review", "tab", "tab", *"Alex Morgan")
        await pilot.pause()
        assert form.query_one("#owner-kind", Select).value == "person"  # follows the name
        form.query_one("#owner-kind", Select).value = "us"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: the name would be lost
        assert "A named person" in str(form.query_one("#error", Static).render())
        form.query_one("#owner-kind", Select).value = "person"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (step,) = screen.editor.session.next_steps
        assert (step.owner_kind, step.owner_name) == ("person", "Alex Morgan")


async def test_points_hint_asks_for_words_written_to_the_client() -> None:
    """The old hint ("what they raised") led to "Dana raised: ..." lines in Dana's email."""
    app, sid = app_with_session()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        hint = str(screen.query_one("#points", TextArea).placeholder)
        assert "they raised" not in hint
        assert "to the client" in hint
        assert "they raised" not in help_markdown("agree")
        assert "write them to the client" in help_markdown("agree")


async def test_the_end_of_the_check_ins_is_set_on_agree_and_used_by_the_invite() -> None:
    app, sid = app_with_session(next_checkin="2026-12-14")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        field = screen.query_one("#checkin-until", Input)
        field.value = "2026-12-01"
        await pilot.pause()
        error = screen.query_one("#checkin-until-error", Static)
        assert error.display
        assert "cannot end before the next one" in str(error.render())
        assert screen.editor.session.checkin_until == ""
        field.value = "2027-02-15"
        await pilot.pause()
        assert not error.display
    with open_store() as store:
        session = store.get(sid)
    assert session.checkin_until == "2027-02-15"
    ics = render_followup("ics", find_template(Locations.from_env()), session, None, ALEX, now=NOW)
    assert b"UNTIL=20270215T" in ics


async def test_an_edited_email_is_said_beside_the_subject_not_inside_it() -> None:
    app, sid = app_with_session(email_draft="Hello Dana,\n\nMy own words.\n")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        await app.workers.wait_for_complete()
        await pilot.pause()
        headers = str(screen.query_one("#headers", Static).render())
        subject = headers.split("Subject: ", 1)[1]
        assert "edited" not in subject
        assert "R goes back" not in subject
        state = screen.query_one("#draft-state", Static)
        assert state.display
        assert "R goes back to the template" in str(state.render())
        screen.query_one("#preview").focus()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not state.display


async def test_the_export_folder_is_chosen_once_and_remembered_for_every_export(
    tmp_path: Path,
) -> None:
    app, sid = app_with_session(**{"client.email": "dana@harbor.example"})
    chosen = tmp_path / "client files"
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "followup")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.query_one("#preview").focus()
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(chosen)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (chosen / "customer-portal-launch-followup.eml").is_file()
    saved = json.loads(Locations.from_env().preferences_file.read_text(encoding="utf-8"))
    assert saved["export_dir"] == str(chosen)
    assert saved["cursor_blink"] is False  # the other preferences are kept

    app = build_app()  # a later run, from anywhere: the prep sheet goes there too
    assert app.context.export_dir == chosen
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#folder", Input).value == str(chosen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert sorted(p.name for p in chosen.glob("*prep-sheet*")) == [
        "customer-portal-launch-prep-sheet.html",
        "customer-portal-launch-prep-sheet.md",
    ]


def test_a_bad_export_folder_in_preferences_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text('{"export_dir": 3}', encoding="utf-8")
    with pytest.raises(InvalidFile, match="export_dir"):
        load_preferences(path)
    save_preferences(path, Preferences())
    assert "export_dir" not in path.read_text(encoding="utf-8")  # absent: the current folder


async def test_a_sync_planned_as_the_screen_is_taken_down_finds_nothing_to_fill() -> None:
    # A field blurred as the app closes plans a sync; by the time it runs, the widgets it
    # would fill may be gone.
    app, sid = app_with_session(NextStep("Confirm the training dates", "client", "", "2026-12-11"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_step(pilot, app, sid, "agree")
        await screen.query_one("#step-panes").remove()
        screen.sync()
        assert screen.is_attached
