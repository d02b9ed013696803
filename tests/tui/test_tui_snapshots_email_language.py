"""Pictures of the Follow up step's 'Written in': the language and register of the emails,
the list of languages, the line naming the user's own words under an email in German, a
client language convocoach cannot write, and the question before an edit is dropped.

The session is the sample one (a slipped launch at Northwind Retail, Dana Whitfield), with
the client's language changed where a picture says so."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from convocoach.tui.app import ConvocoachApp
from tests.tui.test_tui_snapshots import at_step, demo_app, settle
from tests.tui_support import open_store


def _demo_with(**fields: str) -> ConvocoachApp:
    """The sample session's app, with ``fields`` set on the session."""
    app = demo_app()
    with open_store() as store:
        (row,) = store.list_sessions()
        for name, value in fields.items():
            store.set_field(row.id, name, value)
    return app


def test_language_row_for_an_english_client(snap_compare: Any) -> None:
    """Under the template and the send-by time, 'Written in' with 'The client's language
    (English)' and 'Formal' greyed out (English has one form of address); no line under the
    email."""
    assert snap_compare(_demo_with(), terminal_size=(80, 24), run_before=at_step("followup"))


def test_language_list_open(snap_compare: Any) -> None:
    """The language list open under 'Written in': 'The client's language (German)' first
    (highlighted), then English, German, French, Spanish, Portuguese (Brazil) and Dutch, over
    the follow-up in German."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#email-language").focus()
        await pilot.press("enter")
        await settle(pilot)

    app = _demo_with(**{"client.language": "de-DE"})
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_german_email_names_the_words_to_translate(snap_compare: Any) -> None:
    """The end of the follow-up to a German client, scrolled down: 'Nächste Schritte', the
    next steps as typed (in English) with German dates ('bis Donnerstag, 26. November
    2026'), 'Mit freundlichen Grüßen', and under the email in grey 'Written in German,
    formal. Your own words stay as you wrote them: the title (the email's topic), the
    meeting's place, the discussion points, the next steps — translate them yourself.'"""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#step-followup").scroll_end(animate=False)
        await settle(pilot)

    app = _demo_with(**{"client.language": "de"})
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_client_language_convocoach_cannot_write(snap_compare: Any) -> None:
    """A Japanese client: 'Written in' shows 'The client's language (ja)'; where the email
    would be, 'No email templates in the client's language, 'ja'; convocoach writes English
    (en), German (de), …' (red where there is colour) and 'Choose English or another
    language for this email under 'Written in' above, or change the client's language on
    the Situation step.' No email is shown, and the Subject line is empty."""
    app = _demo_with(**{"client.language": "ja"})
    assert snap_compare(app, terminal_size=(80, 24), run_before=at_step("followup"))


def test_changing_the_language_of_an_edited_email_asks(snap_compare: Any) -> None:
    """The user edited the email, then chose French: a box 'Your edit of the email' asks
    'You edited the follow-up email, and your edit stays as you wrote it. Drop it and write
    the email in French, formal from the template instead?' with Cancel (focused) and
    'Write it in French, formal'."""

    async def run(pilot: Pilot[Any]) -> None:
        await at_step("followup")(pilot)
        pilot.app.screen.query_one("#email-language").focus()
        await pilot.press("enter", "down", "down", "down", "enter")  # French
        await settle(pilot)

    app = _demo_with(email_draft="Hello Dana,\n\nMy own words about the new date.\n")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)
