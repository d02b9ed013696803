"""The Prepare step's box on a client in another language: the language's conventions and the
playbook's notes when the client's language is not the user's (the profile's), nothing for a
client in the user's own language, and the box follows a language changed on another step."""

from __future__ import annotations

from textual.widgets import Input, Static

from convocoach.locations import Locations
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.plan_sheet import PlanSheetScreen
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.steps.prepare import PrepareStep
from tests.tui.test_tui_lessons import open_prepare, session
from tests.tui_support import PROFILE, build_app, open_store


def app_for(own_language: str = "") -> ConvocoachApp:
    """The app, with the user's own language in the profile (blank: the profile's default)."""
    app = build_app(profile=not own_language)
    if own_language:
        settings = Locations.from_env().settings_file
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(PROFILE + f"language: {own_language}\n", encoding="utf-8")
    return app


def client_in(language: str, playbook: str = "project-delays") -> int:
    with open_store() as store:
        sid = session(store, playbook, "Launch slips", "Dana Whitfield", "Northwind")
        store.set_field(sid, "client.language", language)
    return sid


def box_text(step: PrepareStep) -> str:
    box = step.query_one("#language", Static)
    return " ".join(str(box.render()).split()) if box.display else ""


async def test_a_german_client_gets_the_conventions_and_the_playbook_s_notes() -> None:
    sid = client_in("de-AT")
    app = app_for()
    async with app.run_test(size=(100, 36)) as pilot:
        shown = box_text(await open_prepare(pilot, app, sid))
    assert shown.startswith("Writing to a client in German ")
    for part in (
        "Address: Sie (Ihr, Ihnen); informal: du",
        "Opening: \u201cGuten Tag Dana Whitfield,\u201d; informal: \u201cHallo Dana,\u201d",
        "Closing: \u201cMit freundlichen Grüßen\u201d; informal: \u201cViele Grüße\u201d",
        "From the playbook",
        # project-delays.yaml's first two notes for a client in another language; not the third.
        "\u2022 Use short sentences and write the key dates down during the meeting.",
        '\u2022 Avoid idioms like "slipped through the cracks"; say "we missed it".',
        "F2: more in the prep sheet",
    ):
        assert part in shown, part
    assert "Confirm in writing afterwards" not in shown


async def test_a_client_in_the_user_s_own_language_gets_no_box() -> None:
    native = client_in("de-AT")
    blank = client_in("  ")
    app = app_for("de")
    async with app.run_test(size=(100, 36)) as pilot:
        assert box_text(await open_prepare(pilot, app, native)) == ""
        await pilot.press("escape")
        await pilot.pause()
        assert box_text(await open_prepare(pilot, app, blank)) == ""


async def test_a_language_without_conventions_gets_plain_words() -> None:
    sid = client_in("ja")
    app = app_for("de")  # a German user writing to a Japanese client
    async with app.run_test(size=(100, 36)) as pilot:
        shown = box_text(await open_prepare(pilot, app, sid))
    assert shown.startswith("Writing to a client in Japanese ")
    assert "Plain words you master, short sentences, no idioms or phrasal verbs." in shown
    assert "Address:" not in shown
    assert "Use short sentences and write the key dates down" in shown


async def test_the_box_follows_the_language_changed_on_the_situation_step() -> None:
    sid = client_in("en")
    app = app_for()
    async with app.run_test(size=(100, 36)) as pilot:
        step = await open_prepare(pilot, app, sid)
        assert box_text(step) == ""
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go("situation")
        await pilot.pause()
        screen.query_one("#f-client-language", Input).value = "fr"
        await pilot.pause()
        screen.go("prepare")
        await pilot.pause()
        shown = box_text(step)
    assert shown.startswith("Writing to a client in French ")
    assert "Address: vous; informal: tu" in shown
    assert "Closing: \u201cCordialement,\u201d or \u201cBien cordialement,\u201d" in shown


async def test_f2_s_prep_sheet_has_the_section_for_the_user_s_language() -> None:
    german, native = client_in("de"), client_in("en-GB")
    app = app_for("en")
    async with app.run_test(size=(100, 36)) as pilot:
        await open_prepare(pilot, app, german)
        await pilot.press("f2")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, PlanSheetScreen)
        assert "## Writing to a client in German" in sheet.markdown
        assert "- **How to address them:** Sie (Ihr, Ihnen); informal: du" in sheet.markdown
        assert "### From the playbook: a client in another language" in sheet.markdown
        await pilot.press("escape", "escape")
        await pilot.pause()
        await open_prepare(pilot, app, native)
        await pilot.press("f2")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, PlanSheetScreen)
        assert "Writing to a client" not in sheet.markdown
