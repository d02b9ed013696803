"""The Follow up step's 'Written in': the language and register of both emails, saved on the
session, used by the preview, the check-in email and the saved files; the parts that are
the user's own words named under the preview; a client language convocoach cannot write
said instead of an email; an edited email dropped only when the user says so."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from convocoach.followup.checkin_email import find_checkin_template, render_checkin_all
from convocoach.followup.email import find_template, render_all
from convocoach.followup.language import EmailLanguage
from convocoach.locations import Locations
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.followup import FollowupStep
from tests.tui.test_tui_agree_followup import app_with_session, open_step
from tests.tui_support import FIXED_NOW, open_store

POINTS = "the title (the email's topic), the discussion points"


async def _followup(pilot: Pilot[Any], app: ConvocoachApp, sid: int) -> FollowupStep:
    screen = await open_step(pilot, app, sid, "followup")
    await _settled(pilot)
    return screen.query_one(FollowupStep)


async def _settled(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _text(step: FollowupStep, selector: str) -> str:
    return str(step.query_one(selector, Static).render())


def _stored(sid: int) -> tuple[str, str, str]:
    with open_store() as store:
        session = store.get(sid)
    return session.email_language, session.email_register, session.email_draft


def _session_app(**fields: str) -> tuple[ConvocoachApp, int]:
    app, sid = app_with_session(**fields)
    with open_store() as store:
        store.set_list(sid, "points", ["New date for the portal"])
    return app, sid


async def test_an_english_client_is_written_to_in_english_with_nothing_to_translate() -> None:
    app, sid = _session_app()
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        language = step.query_one("#email-language", Select)
        assert language.value == ""
        assert step.language_options()[:3] == [
            ("The client's language (English)", ""),
            ("English", "en"),
            ("German", "de"),
        ]
        assert step.query_one("#email-register", Select).disabled  # one form of address
        assert not step.query_one("#language-note").display
        assert step.markdown.startswith("Hello Dana,")


async def test_the_choice_is_saved_and_used_with_the_parts_to_translate() -> None:
    app, sid = _session_app(**{"client.language": "de-AT"})
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        note = step.query_one("#language-note")
        assert note.display
        assert _text(step, "#language-note") == (
            f"Written in German, formal. Your own words stay as you wrote them: {POINTS} — "
            "translate them yourself."
        )
        session = step.editor.session
        german = EmailLanguage("de")
        template = find_template(Locations.from_env(), session.template)
        expected = render_all(("md",), template, session, None, step.context.profile,
                              FIXED_NOW, german)  # fmt: skip
        assert step.markdown == expected["md"].decode()

        step.query_one("#email-language", Select).value = "fr"
        await _settled(pilot)
        step.query_one("#email-register", Select).value = "informal"
        await _settled(pilot)
        assert _stored(sid) == ("fr", "informal", "")
        assert _text(step, "#language-note").startswith("Written in French, informal. ")

        step.query_one("#email-language", Select).value = "en"
        await _settled(pilot)
        assert not note.display
        assert _stored(sid)[0] == "en"
        assert step.markdown.startswith("Hello Dana,")


async def test_the_check_in_email_and_the_saved_files_are_in_the_language(tmp_path: Path) -> None:
    app, sid = _session_app(**{"email_language": "nl", "client.email": "dana@harbor.example"})
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        step.query_one("#preview").focus()
        await pilot.press("c")
        await _settled(pilot)
        session = step.editor.session
        template = find_checkin_template(Locations.from_env(), "checkin-standard")
        dutch = EmailLanguage("nl")
        checkin = render_checkin_all(("md",), template, session, None, step.context.profile,
                                     FIXED_NOW, dutch)  # fmt: skip
        assert step.markdown == checkin["md"].decode()
        assert _text(step, "#language-note").startswith("Written in Dutch, formal. ")
        for folder, keys in ((tmp_path / "checkin", ()), (tmp_path / "followup", ("c",))):
            await pilot.press(*keys, "s")
            await pilot.pause()
            app.screen.query_one("#folder", Input).value = str(folder)
            await pilot.press("ctrl+s")
            await _settled(pilot)
            (eml,) = folder.glob("*.eml")
            message = message_from_bytes(eml.read_bytes(), policy=policy.default)
            assert message["Content-Language"] == "nl"


async def test_a_client_language_convocoach_cannot_write_is_said_not_guessed() -> None:
    app, sid = _session_app(**{"client.language": "ja"})
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        error = step.query_one("#render-error")
        assert error.display
        said = _text(step, "#render-error")
        assert "No email templates in the client's language, 'ja'" in said
        assert "English (en), German (de)" in said
        assert "Choose English or another language for this email under 'Written in'" in said
        assert not step.query_one("#preview").display
        assert step.language_options()[0] == ("The client's language (ja)", "")
        assert step.markdown == ""
        assert step.check_action("save_files", ()) is None  # nothing to save or copy
        assert _text(step, "#headers").endswith("Subject: ")

        step.query_one("#email-language", Select).value = "en"
        await _settled(pilot)
        assert not error.display
        assert step.query_one("#preview").display
        assert step.markdown.startswith("Hello Dana,")


async def test_a_client_language_typed_with_markup_is_shown_as_typed() -> None:
    app, sid = _session_app(**{"client.language": "ja [/]"})
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        assert step.language_options()[0] == ("The client's language (ja [/])", "")
        assert "no email templates" in _text(step, "#render-error").casefold()


async def test_an_edit_is_dropped_for_the_new_language_only_when_the_user_says_so() -> None:
    app, sid = _session_app(email_draft="Hello Dana,\n\nMy own words.\n")
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        assert _text(step, "#language-note") == ""
        step.query_one("#email-language", Select).value = "es"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep it
        await _settled(pilot)
        assert _stored(sid) == ("es", "formal", "Hello Dana,\n\nMy own words.\n")
        assert step.markdown.startswith("Hello Dana,\n\nMy own words.")
        assert _text(step, "#language-note") == (
            "Written in Spanish, formal. Your own words stay as you wrote them: your own edit "
            "of the email — translate them yourself."
        )
        step.query_one("#email-register", Select).value = "informal"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # write it in Spanish, informal
        await _settled(pilot)
        assert _stored(sid) == ("es", "informal", "")
        assert not step.markdown.startswith("Hello Dana,\n\nMy own words.")
        assert "your own edit" not in _text(step, "#language-note")


async def test_a_choice_made_in_another_window_shows_here() -> None:
    app, sid = _session_app()
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        with open_store() as other:
            other.set_field(sid, "email_language", "pt_BR")
            other.set_field(sid, "email_register", "informal")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for _ in range(20):
            await pilot.pause(0.1)
            if step.query_one("#email-language", Select).value == "pt-BR":
                break
        await _settled(pilot)
        assert step.query_one("#email-language", Select).value == "pt-BR"
        assert step.query_one("#email-register", Select).value == "informal"
        assert _text(step, "#language-note").startswith("Written in Portuguese (Brazil), informal.")
        assert _stored(sid)[:2] == ("pt_BR", "informal")  # not written back from here


async def test_the_clients_language_changed_elsewhere_is_named_and_followed() -> None:
    app, sid = _session_app(**{"client.language": "de"})
    async with app.run_test(size=(100, 40)) as pilot:
        step = await _followup(pilot, app, sid)
        assert "(German)" in app.export_screenshot()
        with open_store() as other:
            other.set_field(sid, "client.language", "fr-CA")
        for _ in range(20):
            await pilot.pause(0.1)
            if "(French)" in app.export_screenshot():
                break
        await _settled(pilot)
        shot = app.export_screenshot()
        assert "(French)" in shot
        assert "(German)" not in shot
        assert step.query_one("#email-language", Select).value == ""
        assert _text(step, "#language-note").startswith("Written in French, formal. ")
        assert _stored(sid)[0] == ""  # still following the client
