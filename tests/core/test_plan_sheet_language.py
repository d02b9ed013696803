"""The prep sheet for a client in another language: the language's conventions and the
playbook's notes for such a client; nothing new for a client in the user's own language."""

from __future__ import annotations

import dataclasses

import pytest

from convocoach.playbooks.model import Playbook
from convocoach.sessions.model import Session
from convocoach.sessions.plan_sheet import plan_sheet_html, plan_sheet_markdown
from tests.followup_fixtures import playbook, session

HEADING = "## Writing to a client in "
# project-delays.yaml's notes for a client in another language, as the sheet escapes them.
PLAYBOOK_NOTES = (
    "- Use short sentences and write the key dates down during the meeting.",
    '- Avoid idioms like "slipped through the cracks"; say "we missed it".',
    "- Confirm in writing afterwards, since numbers and dates are easy to mishear.",
)


def client_in(language: str) -> Session:
    s = session()
    return dataclasses.replace(s, client=dataclasses.replace(s.client, language=language))


def section(md: str) -> str:
    """The sheet's section on the client's language, up to the next section."""
    start = md.index(HEADING)
    end = md.find("\n## ", start + 1)
    return md[start : end if end >= 0 else len(md)]


def test_a_german_client_gets_the_conventions_and_the_playbook_s_notes() -> None:
    md = plan_sheet_markdown(client_in("de-AT"), playbook(), [], "en")
    text = section(md)
    for line in (
        "## Writing to a client in German",
        "The client's language is German (Austria), Deutsch (Österreich); yours is English.",
        "- **How to address them:** Sie (Ihr, Ihnen); informal: du",
        "- **Opening:** \u201cGuten Tag Dana Whitfield,\u201d; informal: \u201cHallo Dana,\u201d\\",
        "- **Closing:** \u201cMit freundlichen Grüßen\u201d; informal: \u201cViele Grüße\u201d\\",
        "### Notes on German",
        "- Sie until the client offers du: do not switch first, even when they use your "
        "first name.",
        "### From the playbook: a client in another language",
        *PLAYBOOK_NOTES,
    ):
        assert line in text.splitlines(), line
    assert "cannot write the follow-up email" not in text
    # After what to say, before the discussion points.
    assert md.index("## What to say") < md.index(HEADING) < md.index("## Discussion points")


def test_the_html_sheet_has_the_same_section() -> None:
    html = plan_sheet_html(client_in("pt_BR"), playbook(), [], "en")
    assert "<h2>Writing to a client in Portuguese</h2>" in html
    assert "Prezado(a) Dana Whitfield," in html
    assert "Atenciosamente," in html
    assert "Use short sentences and write the key dates down during the meeting." in html


@pytest.mark.parametrize(
    ("client", "own"),
    [("en", "en"), ("en-GB", "en"), ("", "en"), ("  ", "fr"), ("de-AT", "de"), ("fr", "fr-CA")],
)
def test_a_client_in_the_user_s_own_language_gets_no_section(client: str, own: str) -> None:
    md = plan_sheet_markdown(client_in(client), playbook(), [], own)
    assert "Writing to a client" not in md
    assert "From the playbook" not in md


def test_a_native_client_s_sheet_is_unchanged() -> None:
    """The user's own language given or left at its default: the same sheet, byte for byte."""
    s = client_in("en")
    assert plan_sheet_markdown(s, playbook(), [], "en-US") == plan_sheet_markdown(s, playbook(), [])
    assert plan_sheet_html(s, playbook(), [], "en") == plan_sheet_html(s, playbook(), [])


def test_a_language_without_conventions_gets_the_plain_words_section() -> None:
    text = section(plan_sheet_markdown(client_in("ja"), playbook(), [], "fr"))
    lines = text.splitlines()
    assert lines[0] == "## Writing to a client in Japanese"
    assert (
        "The client's language is Japanese (日本語); yours is French. convocoach cannot write "
        "the follow-up email in Japanese: it is in English only if you choose English." in lines
    )
    assert "### What holds for any reader of a second language" in lines
    assert (
        "- Use plain words you master: everyday words, short sentences, one point per sentence."
        in lines
    )
    assert "How to address them" not in text
    for note in PLAYBOOK_NOTES:
        assert note in lines


def test_a_language_the_email_cannot_be_written_in_has_its_conventions() -> None:
    text = section(plan_sheet_markdown(client_in("it"), playbook(), [], "en"))
    assert text.startswith("## Writing to a client in Italian\n")
    assert "- **How to address them:** Lei; informal: tu" in text
    assert "convocoach cannot write the follow-up email in Italian" in text


def test_without_the_playbook_the_conventions_alone() -> None:
    text = section(plan_sheet_markdown(client_in("nl"), None, [], "en"))
    assert "- **How to address them:** u; informal: je/jij" in text
    assert "From the playbook" not in text


def test_the_playbook_s_notes_are_text_not_markdown() -> None:
    hostile = "*x* [a](b) <script>alert(1)</script>\n# h"
    book: Playbook = playbook()
    book = dataclasses.replace(
        book, tailoring=dataclasses.replace(book.tailoring, other_language=(hostile,))
    )
    md = plan_sheet_markdown(client_in("fr"), book, [], "en")
    assert "- \\*x\\* \\[a\\](b) \\<script\\>alert(1)\\</script\\> \\# h" in md
    html = plan_sheet_html(client_in("fr"), book, [], "en")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_client_language_typed_as_markdown_stays_text() -> None:
    md = plan_sheet_markdown(client_in("[x](javascript:y)"), playbook(), [], "en")
    assert "## Writing to a client in \\[x\\](javascript:y)" in md
