"""A session in the app: from the home screen to the exported email, and back again."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select, SelectionList, Static

from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.widgets.text_box import TextBox
from tests.tui_support import build_app, open_store, wait_until


async def start_delays_session(pilot: object, app: ConvocoachApp) -> SessionScreen:
    await pilot.press("slash", *"delays", "enter", "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, SessionScreen)
    return app.screen


async def type_into(pilot: object, app: ConvocoachApp, selector: str, text: str) -> None:
    widget = app.screen.query_one(selector)
    widget.focus()
    await pilot.press(*text)  # type: ignore[attr-defined]


async def test_a_full_session_from_home_to_an_exported_email(tmp_path: Path) -> None:
    app = build_app(export_dir=tmp_path / "out")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        assert screen.step == "situation"
        for selector, text in (
            ("#f-title", "Launch slips"),
            ("#f-client-name", "Dana Whitfield"),
            ("#f-client-company", "Northwind"),
            ("#f-client-email", "dana@northwind.example"),
            ("#f-meeting-date", "2026-11-27"),
            ("#f-meeting-time", "16:00"),
        ):
            await type_into(pilot, app, selector, text)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.step == "prepare"
        await pilot.press(
            "enter",
            *"14 November",
            "tab",
            "tab",
            *"two weeks",
            "tab",
            *"Two weeks late; known since Monday.",
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        checks = str(screen.query_one("#checks", Static).render())
        assert "Warning: Late on a Friday" in checks
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.step == "listen"
        await pilot.press("space")
        await type_into(pilot, app, "#own-phrase", "I hear you.")
        await pilot.press("enter")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert screen.step == "agree"
        await type_into(pilot, app, "#points", "Payment rework")
        await pilot.press("enter", *"Phase two")
        screen.query_one("#steps", DataTable).focus()
        for action, due in (
            ("Confirm the phased plan", "2026-12-01"),
            ("Send the revised plan", "2026-11-30"),
        ):
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*action, "tab", "tab", "tab", *due, "ctrl+s")
            await pilot.pause()
        await pilot.press("shift+up")
        await type_into(pilot, app, "#next-checkin", "2026-12-04")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: screen.step == "followup")
        headers = str(screen.query_one("#headers", Static).render())
        assert "To: Dana Whitfield <dana@northwind.example>" in headers
        assert "Send by" in str(screen.query_one("#send-by", Static).render())
        screen.query_one("#preview").focus()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()

    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        f"launch-slips-followup.{ext}" for ext in ("eml", "html", "ics", "md", "txt")
    ]
    msg = message_from_bytes(
        (tmp_path / "out" / "launch-slips-followup.eml").read_bytes(), policy=policy.default
    )
    assert msg["To"] == "Dana Whitfield <dana@northwind.example>"
    assert msg["From"] == "Sam Okafor <sam@brightline.example>"
    text = msg.get_body(("plain",)).get_content()
    assert text.index("Send the revised plan") < text.index("Confirm the phased plan")

    with open_store() as store:
        (row,) = store.list_sessions()
        session = store.get(row.id)
    assert (session.title, session.client.name, session.client.company) == (
        "Launch slips",
        "Dana Whitfield",
        "Northwind",
    )
    assert (session.meeting.date, session.meeting.time) == ("2026-11-27", "16:00")
    assert [(a.section, a.position, a.answer) for a in session.answers] == [
        ("facts", 0, "Two weeks late; known since Monday.")
    ]
    assert (session.case.old_date, session.case.new_date, session.case.delay) == (
        "14 November",
        "",
        "two weeks",
    )
    assert len(session.phrases) == 2
    assert session.phrases[-1] == "I hear you."
    assert session.points == ("Payment rework", "Phase two")
    assert [s.action for s in session.next_steps] == [
        "Send the revised plan",
        "Confirm the phased plan",
    ]
    assert session.next_steps[0].due == "2026-11-30"
    assert session.next_checkin == "2026-12-04"
    assert session.step == "followup"
    assert session.exported_at == "2026-11-23T09:00:00+00:00"


async def test_closing_mid_step_and_reopening_resumes_there() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("down", "enter", *"Card payments only")
        await pilot.pause()
    # the app is gone (as after Ctrl+C); a new one opens on the sessions tab
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        reopened = app.screen
        assert isinstance(reopened, SessionScreen)
        screen = reopened
        assert screen.step == "prepare"
        prompts = screen.query_one("#prompts", OptionList)
        assert str(prompts.get_option_at_index(2).prompt).startswith("\u2713 ")
        prompts.highlighted = 2
        await pilot.pause()
        assert screen.query_one("#answer", TextBox).text == "Card payments only"


async def test_an_invalid_date_is_shown_and_not_saved() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        await type_into(pilot, app, "#f-meeting-date", "2026-02-30")
        await pilot.pause()
        error = screen.query_one("#f-meeting-date-error", Static)
        assert error.display
        assert "write a date like 2026-11-27" in str(error.render())
        assert screen.editor.session.meeting.date == ""
        await pilot.press("backspace", "backspace", "2", "8")
        await pilot.pause()
        assert not error.display
        assert screen.editor.session.meeting.date == "2026-02-28"


async def test_delete_asks_first_and_copy_duplicates() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        await type_into(pilot, app, "#f-title", "Keep me")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s", "c")
        await pilot.pause()
        with open_store() as store:
            assert sorted(r.title for r in store.list_sessions()) == ["Keep me", "Keep me (copy)"]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")  # changed my mind
        await pilot.pause()
        with open_store() as store:
            assert len(store.list_sessions()) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        with open_store() as store:
            assert [r.title for r in store.list_sessions()] == ["Keep me"]
    assert screen is not None


async def test_next_steps_can_be_edited_and_removed() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.go("agree")
        await pilot.pause()
        table = screen.query_one("#steps", DataTable)
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing typed: the form says why and stays open
        await pilot.pause()
        assert "Say what will be done." in str(app.screen.query_one("#error", Static).render())
        await pilot.press(*"Draft plan", "tab")
        app.screen.query_one("#owner-kind", Select).value = "person"
        app.screen.query_one("#owner-name", Input).value = "Priya"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(s.action, s.owner_name) for s in screen.editor.session.next_steps] == [
            ("Draft plan", "Priya")
        ]
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#status", Select).value = "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.editor.session.next_steps[0].status == "done"
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.editor.session.next_steps == ()


async def test_the_email_edited_in_the_app_is_kept_until_reset() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.go("followup")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.query_one("#preview").focus()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+home", *"PS: ", "ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.editor.session.email_draft.startswith("PS: Hello")
        assert screen.query_one("#preview").source.startswith("PS: Hello")  # type: ignore[attr-defined]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.editor.session.email_draft == ""


async def test_listen_phrases_are_stored_in_list_order() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        screen.go("listen")
        await pilot.pause()
        phrases = screen.query_one("#phrases", SelectionList)
        phrases.focus()
        await pilot.press("down", "space", "up", "space")
        await pilot.pause()
        values = [str(phrases.get_option_at_index(n).value) for n in range(2)]
        assert list(screen.editor.session.phrases) == values
        await pilot.press("space")
        await pilot.pause()
        assert list(screen.editor.session.phrases) == values[1:]


async def test_clicking_the_step_bar_and_the_tabs_moves_there() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#tabs", offset=(3, 0))  # "Sessions"
        await pilot.pause()
        assert app.screen.query_one("#tabs").current == "sessions"  # type: ignore[attr-defined]
        await pilot.click("#tabs", offset=(24, 0))  # "Playbooks", after "Due"
        await pilot.pause()
        assert app.screen.query_one("#tabs").current == "library"  # type: ignore[attr-defined]
        screen = await start_delays_session(pilot, app)
        await pilot.click("#step-bar", offset=(26, 0))  # " 1 Situation  2 Prepare  3 Timing"
        await pilot.pause()
        assert screen.step == "timing"


async def test_the_prepare_step_asks_for_the_case_figures_the_role_play_uses() -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_delays_session(pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        prompts = screen.query_one("#prompts", OptionList)
        heading = str(prompts.get_option_at_index(0).prompt)
        assert heading.startswith("The case in figures")
        step = screen.query_one("PrepareStep")
        first = step.prompts[0]  # type: ignore[attr-defined]
        assert first.field.startswith("case.")
        await pilot.press("enter", *"two  weeks")
        await pilot.pause()
        session_id = screen.editor.session_id
    with open_store() as store:
        case = store.get(session_id).case
    assert getattr(case, first.field.removeprefix("case.")) == "two weeks"
