"""The fixed words of an email in its language: the templates' own text, dates and times.

The templates' text is translated by gettext catalogues kept beside the bundled templates
(``templates/locale/LANG/LC_MESSAGES/email.mo``, compiled from the ``.po`` files by
``tools/catalogs.py``); the informal register has a catalogue of its own
(``email-informal``) holding only what differs, over the formal one. Dates, weekdays and
times come from Babel's locale data. English needs neither: it is the templates' own text,
and its dates keep the wording of every other screen (``wording.date_words``).

The user's own text (points, next steps, notes) is never translated.
"""

from __future__ import annotations

import functools
import gettext
from datetime import date, datetime, time

from convocoach.diagnostics import UserError
from convocoach.followup.email_words import AT
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.locations import bundled_folder
from convocoach.wording import as_day, date_words, datetime_words

DOMAIN = "email"
INFORMAL_DOMAIN = "email-informal"


def catalog_folder() -> str:
    """Where the email catalogues are (``locale`` in the bundled templates folder)."""
    return str(bundled_folder("templates") / "locale")


@functools.lru_cache(maxsize=16)
def translations(language: EmailLanguage) -> gettext.NullTranslations:
    """The catalogue of ``language``: the informal one over the formal one, or none for
    English. A missing bundled catalogue is a broken install: UserError says so."""
    if language.tag == ENGLISH.tag:
        return gettext.NullTranslations()
    folder = catalog_folder()
    try:
        formal = gettext.translation(DOMAIN, folder, [language.locale])
        if language.register == "formal":
            return formal
        informal = gettext.translation(INFORMAL_DOMAIN, folder, [language.locale])
    except OSError as exc:
        raise UserError(
            f"the {language.name} email catalogue is missing from this installation "
            f"({exc.filename or folder})",
            "reinstall convocoach; meanwhile choose another language for the email",
        ) from None
    informal.add_fallback(formal)
    return informal


class Words:
    """Dates, times and the templates' fixed text in one language and register."""

    def __init__(self, language: EmailLanguage = ENGLISH) -> None:
        self.language = language
        self._catalog = translations(language)

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)

    def date(self, value: str | date) -> str:
        """A date in words ("Friday 27 November 2026", "Freitag, 27. November 2026"); empty
        or unreadable text comes back as it is."""
        if self.language.tag == ENGLISH.tag:
            return date_words(value)
        day = as_day(value)
        if day is None:
            return str(value)
        # Lazy: Babel and its locale data only for an email in another language.
        from babel.dates import format_date

        return format_date(day, "full", locale=self.language.locale)

    def time(self, value: time) -> str:
        """A time of day as the locale writes it (24-hour in every email language)."""
        if self.language.tag == ENGLISH.tag:
            return f"{value:%H:%M}"
        # Lazy: as in date().
        from babel.dates import format_time

        return format_time(value, "short", locale=self.language.locale)

    def datetime(self, value: datetime) -> str:
        """ "Friday 27 November 2026 at 12:30", in the language."""
        if self.language.tag == ENGLISH.tag:
            return datetime_words(value)
        return self.gettext(AT) % {
            "date": self.date(value.date()),
            "time": self.time(value.time()),
        }


@functools.lru_cache(maxsize=16)
def words_in(language: EmailLanguage) -> Words:
    """The one :class:`Words` of ``language``."""
    return Words(language)
