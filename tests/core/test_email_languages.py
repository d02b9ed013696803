"""The email in the client's language: which language a session's email is in, and the
dates and weekdays each language writes (Babel's, for every locale)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date

from convocoach.diagnostics import UserError
from convocoach.followup import localise
from convocoach.followup.email import find_template, render_markdown
from convocoach.followup.language import LANGUAGES, EmailLanguage, choose_language
from convocoach.followup.localise import words_in
from convocoach.languages import EMAIL_LANGUAGES
from convocoach.locations import Locations
from convocoach.playbooks.summary import load_summaries
from convocoach.wording import date_words
from tests.followup_fixtures import PROFILE, playbook, session

OTHERS = [tag for tag in LANGUAGES if tag != "en"]


def test_the_languages_are_the_ones_the_prep_sheet_knows() -> None:
    assert tuple(LANGUAGES) == EMAIL_LANGUAGES


@pytest.mark.parametrize(
    ("chosen", "client", "expected"),
    [
        ("", "de-AT", "de"),
        ("", "pt_br", "pt-BR"),
        ("", "", "en"),
        ("", "EN-gb", "en"),
        ("fr", "de", "fr"),  # the user's choice wins over the client's language
        ("en", "ja", "en"),  # English when the user asks for it
    ],
)
def test_the_email_follows_the_client_unless_the_user_chose(
    chosen: str, client: str, expected: str
) -> None:
    assert choose_language(chosen, client).tag == expected


def test_a_language_convocoach_cannot_write_names_those_it_can() -> None:
    with pytest.raises(UserError) as caught:
        choose_language("", "ja")
    message = caught.value.format()
    assert "the client's language, 'ja'" in message
    for tag, name in LANGUAGES.items():
        assert f"{name} ({tag})" in message
    with pytest.raises(UserError, match="'xx'"):
        choose_language("xx", "de")  # never English in its place, unasked


def test_a_register_is_formal_or_informal() -> None:
    assert choose_language("de", "", "informal") == EmailLanguage("de", "informal")
    with pytest.raises(UserError) as caught:
        choose_language("de", "", "casual")
    assert "use formal (the default) or informal" in caught.value.format()


def _a_fortnight_across_months() -> list[date]:
    start = date(2026, 1, 26)  # a Monday: every weekday, and January into February
    return [start + timedelta(days=n) for n in range(14)] + [
        date(2026, m, 15) for m in range(1, 13)
    ]


@pytest.mark.parametrize("tag", OTHERS)
def test_dates_and_weekdays_are_babels_for_the_locale(tag: str) -> None:
    language = EmailLanguage(tag)
    words = words_in(language)
    for day in _a_fortnight_across_months():
        written = words.date(day.isoformat())
        assert written == format_date(day, "full", locale=language.locale)
        assert format_date(day, "EEEE", locale=language.locale) in written
        assert format_date(day, "MMMM", locale=language.locale) in written


def test_english_dates_are_written_as_everywhere_else_in_the_app() -> None:
    words = words_in(EmailLanguage())
    for day in _a_fortnight_across_months():
        assert words.date(day) == date_words(day)


@pytest.mark.parametrize("tag", OTHERS)
def test_the_email_writes_each_due_date_in_its_language(tag: str) -> None:
    language = EmailLanguage(tag)
    template = find_template(Locations.from_env(), "standard")
    text = render_markdown(template, session(), playbook(), PROFILE, language)
    for step in session().next_steps:
        if step.status != "dropped":
            assert format_date(date.fromisoformat(step.due), "full", locale=language.locale) in text
    assert "November" not in text or tag in ("de", "nl")  # English month names stay out


def test_an_email_from_a_playbooks_summary_is_the_one_from_the_playbook() -> None:
    summary = load_summaries(Locations.from_env()).get("project-delays")
    assert summary is not None
    template = find_template(Locations.from_env(), "standard")
    for tag in LANGUAGES:
        language = EmailLanguage(tag)
        from_summary = render_markdown(template, session(), summary, PROFILE, language)
        assert from_summary == render_markdown(template, session(), playbook(), PROFILE, language)


def test_a_missing_catalogue_is_said_as_a_broken_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(localise, "catalog_folder", lambda: str(tmp_path))
    localise.translations.cache_clear()
    try:
        with pytest.raises(UserError) as caught:
            localise.translations(EmailLanguage("nl", "informal"))
    finally:
        localise.translations.cache_clear()
    assert "the Dutch email catalogue is missing from this installation" in caught.value.format()
    assert "reinstall convocoach" in caught.value.format()
