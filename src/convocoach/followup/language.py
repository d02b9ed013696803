"""Which language and register an email is written in.

A session's email follows its client's language (the Situation step's tag, matched loosely
by ``languages.match_language``: ``de-AT`` writes German, ``pt`` Brazilian Portuguese)
unless the user chose one for it; a
language convocoach cannot write is an error naming the ones it can, and English is used
then only when the user asks for it. The register is the form of address: formal (Sie,
vous, usted, o senhor, u) unless the user chooses the informal one.
"""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.diagnostics import UserError
from convocoach.languages import EMAIL_REGISTERS, match_language

LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt-BR": "Portuguese (Brazil)",
    "nl": "Dutch",
}
"""The languages an email can be written in, with their English names."""
REGISTERS = EMAIL_REGISTERS


@dataclass(frozen=True, slots=True)
class EmailLanguage:
    """One of :data:`LANGUAGES` and one of :data:`REGISTERS`."""

    tag: str = "en"
    register: str = "formal"

    @property
    def name(self) -> str:
        """The language's English name ("German")."""
        return LANGUAGES[self.tag]

    @property
    def locale(self) -> str:
        """The locale name gettext and Babel use ("pt_BR")."""
        return self.tag.replace("-", "_")

    @property
    def label(self) -> str:
        """ "German, formal"; English has one form of address, and is named alone."""
        return self.name if self.tag == "en" else f"{self.name}, {self.register}"


ENGLISH = EmailLanguage()


def choose_language(chosen: str, client_language: str, register: str = "formal") -> EmailLanguage:
    """The language of a session's email: ``chosen`` (the user's choice for this email) if
    given, else the client's language (English when none is set); UserError when convocoach
    cannot write it, naming the ones it can."""
    wanted = chosen.strip() or client_language.strip() or "en"
    tag = match_language(wanted)
    if tag is None:
        whose = "" if chosen.strip() else "the client's language, "
        raise UserError(
            f"no email templates in {whose}{wanted!r}; convocoach writes "
            + ", ".join(f"{name} ({code})" for code, name in LANGUAGES.items()),
            "choose one of them for this email (in English: --language en), "
            "or change the client's language",
        )
    if register not in REGISTERS:
        raise UserError(f"no register {register!r}", "use formal (the default) or informal")
    return EmailLanguage(tag, register)
