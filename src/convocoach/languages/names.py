"""A language's name, in English and in the language itself, from Babel's locale data."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class LanguageName(NamedTuple):
    english: str
    """"German (Austria)"; the tag as typed when Babel does not know it."""
    own: str
    """"Deutsch (Österreich)"; "" when Babel does not know the tag."""

    @property
    def both(self) -> str:
        """ "German (Deutsch)", "Portuguese (Brazil), português (Brasil)", or the English alone."""
        if not self.own or self.own == self.english:
            return self.english
        return (
            f"{self.english}, {self.own}" if "(" in self.english else f"{self.english} ({self.own})"
        )


@lru_cache(maxsize=64)
def language_name(tag: str) -> LanguageName:
    """The names of the language (and region) ``tag`` stands for; ``-`` or ``_`` between parts.

    A tag Babel cannot read whole is named by its language alone (``de-AT-x-foo`` is German).
    """
    # Lazy: Babel and its locale data load only when a language is named, never at start-up.
    from babel import Locale, UnknownLocaleError

    typed = tag.strip()
    dashed = typed.replace("_", "-")
    for candidate in dict.fromkeys((dashed, dashed.split("-", 1)[0])):
        try:
            locale = Locale.parse(candidate, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
        english = locale.get_display_name("en") or typed
        return LanguageName(english, locale.get_display_name() or "")
    return LanguageName(typed, "")
