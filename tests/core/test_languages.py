"""Each language's politeness conventions, the loose matching of a client's language tag, and
the languages' names from Babel's locale data."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from babel import Locale

from convocoach.languages import EMAIL_LANGUAGES, is_other_language, match_language
from convocoach.languages.advice import address, client_language, closings, greetings, intro
from convocoach.languages.conventions import (
    CONVENTIONS,
    MAX_NOTES,
    MIN_NOTES,
    Conventions,
    Register,
    conventions_for,
)
from convocoach.languages.names import language_name

# Labelled by hand from the brief's table before the code ran on it.
MATCHES = [
    ("en", "en"),
    ("de", "de"),
    ("fr", "fr"),
    ("es", "es"),
    ("pt-BR", "pt-BR"),
    ("nl", "nl"),
    ("de-AT", "de"),
    ("de-CH", "de"),
    ("pt", "pt-BR"),
    ("pt-br", "pt-BR"),
    ("pt_BR", "pt-BR"),
    ("PT-br", "pt-BR"),
    ("en-GB", "en"),
    ("EN_us", "en"),
    ("fr-CA", "fr"),
    ("es-419", "es"),
    ("nl-BE", "nl"),
    ("  de  ", "de"),
    ("xx", None),
    ("ja", None),
    ("it", None),
    ("", None),
    ("   ", None),
    ("-", None),
    ("German", None),
]


@pytest.mark.parametrize(("tag", "expected"), MATCHES)
def test_a_tag_is_matched_by_its_language(tag: str, expected: str | None) -> None:
    assert match_language(tag) == expected


@pytest.mark.parametrize(
    ("client", "own", "other"),
    [
        ("de", "en", True),
        ("en", "de", True),
        ("ja", "en", True),
        ("fr", "", True),  # a blank own language is English, the profile's default
        ("en", "", False),
        ("en-GB", "en", False),  # regions are not languages
        ("en", "en-US", False),
        ("de-AT", "de", False),
        ("pt_BR", "pt-PT", False),
        ("", "en", False),  # a blank client language counts as the user's
        ("  ", "de", False),
    ],
)
def test_a_client_s_language_is_other_by_its_primary_subtag(
    client: str, own: str, other: bool
) -> None:
    assert is_other_language(client, own) is other


def test_every_email_language_has_every_convention() -> None:
    assert tuple(c.tag for c in CONVENTIONS[: len(EMAIL_LANGUAGES)]) == EMAIL_LANGUAGES
    for tag in EMAIL_LANGUAGES:
        c = conventions_for(tag)
        assert c is not None
        assert c.tag == tag
        assert c.email
        for register in (c.formal, c.informal):
            assert register.address.strip()
            assert register.greetings
            assert all(g.strip() for g in register.greetings)
            assert register.closings
            assert all(g.strip() for g in register.closings)
        assert c.opening.strip()
        assert c.closing.strip()
        assert MIN_NOTES <= len(c.notes) <= MAX_NOTES
        assert all(note.strip() for note in c.notes)


def test_the_conventions_are_the_shared_table() -> None:
    """The formal and informal forms every part of the app uses (the brief's table)."""
    table = {
        "en": ("you", "you", "Dear Dana Whitfield,", "Hi Dana,", "Kind regards,", "Best,"),
        "de": (
            "Sie (Ihr, Ihnen)",
            "du",
            "Guten Tag Dana Whitfield,",
            "Hallo Dana,",
            "Mit freundlichen Grüßen",
            "Viele Grüße",
        ),
        "fr": (
            "vous",
            "tu",
            "Bonjour Dana Whitfield,",
            "Bonjour Dana,",
            "Cordialement,",
            "Bien à toi,",
        ),
        "es": (
            "usted",
            "tú",
            "Buenos días, Dana Whitfield:",
            "Hola, Dana:",
            "Atentamente,",
            "Un saludo,",
        ),
        "pt-BR": (
            "o(a) senhor(a)",
            "você",
            "Prezado(a) Dana Whitfield,",
            "Oi, Dana,",
            "Atenciosamente,",
            "Abraços,",
        ),
        "nl": (
            "u",
            "je/jij",
            "Geachte Dana Whitfield,",
            "Beste Dana,",
            "Met vriendelijke groet,",
            "Groeten,",
        ),
    }
    for tag, (formal, informal, greeting, hello, closing, bye) in table.items():
        c = conventions_for(tag)
        assert c is not None
        assert c.formal.address.startswith(formal)
        assert c.informal.address == informal
        assert greeting in c.formal.greetings
        assert hello in c.informal.greetings
        assert closing in c.formal.closings
        assert bye in c.informal.closings


def test_formal_greetings_do_not_guess_the_client_s_gender() -> None:
    titles = ("Herr ", "Frau ", "Madame", "Monsieur", "Sr.", "Sra.", "Mr ", "Ms ", "Mrs ")
    for c in CONVENTIONS:
        for greeting in c.formal.greetings:
            assert not any(title in greeting for title in titles), greeting
        # One with the full name, except where the name itself would need the gender.
        assert any("Dana Whitfield" in g for g in c.formal.greetings) or c.tag == "pl", c.tag


def test_languages_the_email_cannot_be_written_in_say_so() -> None:
    extra = [c for c in CONVENTIONS if c.tag not in EMAIL_LANGUAGES]
    assert {c.tag for c in extra} == {"it", "pl"}
    for c in extra:
        assert not c.email
        language = client_language(c.tag, "en")
        assert language is not None
        assert "cannot write the follow-up email in" in intro(language)
        assert "English only if you choose English" in intro(language)
    german = client_language("de", "en")
    assert german is not None
    assert "cannot write" not in intro(german)


@pytest.mark.parametrize(
    ("tag", "expected"), [("it-CH", "it"), ("PL", "pl"), ("pt-PT", "pt-BR"), ("ja", None)]
)
def test_conventions_are_found_by_language(tag: str, expected: str | None) -> None:
    found = conventions_for(tag)
    assert (found.tag if found else None) == expected


def test_a_bad_entry_fails_when_the_table_is_built() -> None:
    german = conventions_for("de")
    assert german is not None
    with pytest.raises(ValueError, match="notes"):
        dataclasses.replace(german, notes=german.notes[:1])
    with pytest.raises(ValueError, match="notes"):
        dataclasses.replace(german, notes=german.notes * 2)
    with pytest.raises(ValueError, match="opening"):
        dataclasses.replace(german, opening="  ")
    with pytest.raises(ValueError, match="address"):
        Register("Sie\ndu", ("Guten Tag,",), ("Grüße",))
    with pytest.raises(ValueError, match="closings"):
        Register("Sie", ("Guten Tag,",), ())
    assert isinstance(german, Conventions)


def test_the_wording_shared_by_the_sheet_and_the_step() -> None:
    german, english, pt = conventions_for("de"), conventions_for("en"), conventions_for("pt")
    assert german is not None
    assert english is not None
    assert pt is not None
    assert address(german) == "Sie (Ihr, Ihnen); informal: du"
    assert address(english) == "you, formal or informal"
    assert (
        greetings(german)
        == "\u201cGuten Tag Dana Whitfield,\u201d; informal: \u201cHallo Dana,\u201d"
    )
    assert closings(english) == (
        "\u201cBest regards,\u201d or \u201cKind regards,\u201d; informal: \u201cBest,\u201d"
    )
    assert address(pt).endswith("; informal: você")


@pytest.mark.parametrize("tag", [*EMAIL_LANGUAGES, "it", "pl", "ja", "de-AT", "zh-Hant"])
def test_names_come_from_babel(tag: str) -> None:
    locale = Locale.parse(tag, sep="-")
    assert language_name(tag) == (locale.get_display_name("en"), locale.get_display_name())


@pytest.mark.parametrize(
    ("tag", "english", "own"),
    [
        ("de", "German", "Deutsch"),
        ("pt_BR", "Portuguese (Brazil)", "português (Brasil)"),
        ("PT-br", "Portuguese (Brazil)", "português (Brasil)"),
        ("de-AT-x-private", "German", "Deutsch"),  # unreadable whole: by its language
        ("xx", "xx", ""),
        ("German", "German", ""),
        ("", "", ""),
    ],
)
def test_names_of_tags_as_typed(tag: str, english: str, own: str) -> None:
    assert language_name(tag) == (english, own)


def test_a_client_language_is_named_for_its_language_and_region() -> None:
    language = client_language("de-AT", "en", ("  ", "Short sentences."))
    assert language is not None
    assert language.heading == "Writing to a client in German"
    assert intro(language) == (
        "The client's language is German (Austria), Deutsch (Österreich); yours is English."
    )
    assert language.playbook_notes == ("Short sentences.",)  # blank notes left out
    typed = client_language("German", "en")
    assert typed is not None
    assert typed.heading == "Writing to a client in German"
    assert client_language("de-AT", "de") is None


def test_matching_and_the_conventions_load_without_babel() -> None:
    code = (
        "import sys; import convocoach.languages, convocoach.languages.advice, "
        "convocoach.languages.markdown, convocoach.sessions.plan_sheet; "
        "assert convocoach.languages.match_language('pt_BR') == 'pt-BR'; "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
