"""Emails in another language for the tests of choosing one (the command line, the app).

These tests are about which language is chosen and what the user is told, not about the
translations: until the catalogues are installed beside the bundled templates, the words
of each language are gettext's untranslated ones (dates and times still come from Babel).
With the catalogues there, the fixture changes nothing.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest

from convocoach.followup import localise, render
from convocoach.followup.language import EmailLanguage


def _catalogues_installed() -> bool:
    return (Path(localise.catalog_folder()) / "de" / "LC_MESSAGES" / "email.mo").is_file()


@pytest.fixture
def any_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every email language renders (with its catalogue, or without one when none is
    installed yet)."""
    if _catalogues_installed():
        yield
        return

    def untranslated(language: EmailLanguage) -> gettext.NullTranslations:
        return gettext.NullTranslations()

    def forget() -> None:
        # What was made with the untranslated words is not kept for the next test.
        localise.words_in.cache_clear()
        render._environment.cache_clear()
        render._compile.cache_clear()

    forget()
    monkeypatch.setattr(localise, "translations", untranslated)
    yield
    forget()
