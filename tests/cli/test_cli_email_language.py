"""``convocoach email ID [--language TAG] [--register formal|informal]``: the session's own
choice unless the options say otherwise, a clear error for a language convocoach cannot
write (never English in its place), and which parts are the user's to translate."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy

import pytest

from convocoach.cli import main
from convocoach.locations import Locations
from convocoach.sessions.store import SessionStore

GERMAN_NOTE = (
    "Written in German, formal. Your own words stay as you wrote them: the title (the "
    "email's topic), the meeting's place, the discussion points, the next steps — "
    "translate them yourself."
)


@pytest.fixture
def store() -> Iterator[SessionStore]:
    opened = SessionStore.open(Locations.from_env().database)
    yield opened
    opened.close()


@pytest.fixture
def sid(capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["demo"]) == 0
    return int(capsys.readouterr().out.strip())


def _eml(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str, str]:
    """The email's Content-Language and subject, and what was said on stderr."""
    capsys.readouterr()
    assert main(["email", *args, "--format", "eml"]) == 0
    out, err = capsys.readouterr()
    message = message_from_bytes(out.encode(), policy=policy.default)
    return str(message["Content-Language"]), str(message["Subject"]), err


def test_an_english_client_gets_english_and_no_note(
    sid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    language, _, err = _eml(capsys, str(sid))
    assert language == "en"
    assert "Written in" not in err


def test_a_language_convocoach_cannot_write_exits_2_naming_those_it_can(
    sid: int, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["email", str(sid), "--language", "ja"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "no email templates in 'ja'" in err
    assert "German (de), French (fr), Spanish (es), Portuguese (Brazil) (pt-BR), Dutch (nl)" in err
    assert "--language en" in err
    # The client's own language: the same error, and no English email in its place.
    store.set_field(sid, "client.language", "ja-JP")
    for more in ([], ["--checkin"]):
        assert main(["email", str(sid), *more]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "no email templates in the client's language, 'ja-JP'" in err
    # English when the user asks for it.
    language, _, err = _eml(capsys, str(sid), "--language", "en")
    assert language == "en"


def test_the_client_language_is_followed_and_own_words_are_named(
    sid: int, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.set_field(sid, "client.language", "de-AT")
    language, _, err = _eml(capsys, str(sid))
    assert language == "de"
    assert GERMAN_NOTE in err
    assert main(["email", str(sid), "--format", "html"]) == 0
    assert '<html lang="de">' in capsys.readouterr().out
    assert main(["email", str(sid)]) == 0
    german = capsys.readouterr().out
    assert german.startswith("Guten Tag Dana Whitfield,\n")
    assert "Mit freundlichen Grüßen" in german
    # The user's own words are as typed, in English.
    assert "- The rest of the checkout is finished and tested." in german
    assert main(["email", str(sid), "--register", "informal"]) == 0
    informal = capsys.readouterr().out
    assert informal.startswith("Hallo Dana,\n")
    assert "Viele Grüße" in informal


def test_the_sessions_choice_holds_unless_the_options_say_otherwise(
    sid: int, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.set_field(sid, "email_language", "fr")
    store.set_field(sid, "email_register", "informal")
    language, _, err = _eml(capsys, str(sid))
    assert language == "fr"
    assert "Written in French, informal." in err
    language, _, err = _eml(capsys, str(sid), "--register", "formal")
    assert (language, "Written in French, formal." in err) == ("fr", True)
    language, _, err = _eml(capsys, str(sid), "--language", "nl")
    assert (language, "Written in Dutch, informal." in err) == ("nl", True)
    language, _, err = _eml(capsys, str(sid), "--language", "en")
    assert (language, "Written in" in err) == ("en", False)


def test_the_check_in_email_follows_the_choice_too(
    sid: int, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.set_field(sid, "email_language", "es")
    store.set_field(sid, "email_draft", "Hola Dana, my own words.")
    language, _, err = _eml(capsys, str(sid), "--checkin")
    assert language == "es"
    # The check-in email is not the edited follow-up: its parts are named.
    assert "Written in Spanish, formal. Your own words stay as you wrote them: " in err
    assert "the next steps — translate them yourself." in err
    language, _, err = _eml(capsys, str(sid))
    assert "Your own words stay as you wrote them: your own edit of the email —" in err


def test_the_choice_is_no_option_of_marking_it_sent(
    sid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["email", str(sid), "--mark-sent", "--language", "de"]) == 2
    assert "not whether it was sent" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["email", str(sid), "--register", "casual"])
    assert stopped.value.code == 2
    assert "invalid choice: 'casual'" in capsys.readouterr().err


def test_help_names_the_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["email", "--help"])
    out = capsys.readouterr().out
    assert "en,de,fr,es,pt-BR,nl" in "".join(out.split())  # wherever the lines wrap
    assert "{formal,informal}" in out
