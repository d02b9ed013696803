"""Language tags as people type them, matched loosely against the languages the app knows.

Standard library only, and little of it: the email command matches the client's language
before anything else loads.
"""

from __future__ import annotations

EMAIL_LANGUAGES = ("en", "de", "fr", "es", "pt-BR", "nl")
"""The languages the follow-up email can be written in, by the tag the app uses for each."""

EMAIL_REGISTERS = ("formal", "informal")
"""The forms of address an email can take: formal (Sie, vous, usted…) unless chosen."""

DEFAULT_OWN_LANGUAGE = "en"
"""The user's own language when the profile leaves it blank (the profile's default)."""


def primary_subtag(tag: str) -> str:
    """The language part of a tag, lower case: ``"pt"`` for ``"PT_br"``, ``""`` for blank."""
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


def match_language(tag: str) -> str | None:
    """The email language ``tag`` is written in, or None when the app cannot write it.

    Only the language counts: ``de-AT`` is ``de``, ``en-GB`` is ``en``, and ``pt``,
    ``pt-br`` and ``pt_BR`` are ``pt-BR`` (the one Portuguese the app writes).
    """
    return match_tag(tag, EMAIL_LANGUAGES)


def match_tag(tag: str, known: tuple[str, ...]) -> str | None:
    """The first of ``known`` in the same language as ``tag`` (None: none, or ``tag`` blank)."""
    primary = primary_subtag(tag)
    if not primary:
        return None
    return next((k for k in known if primary_subtag(k) == primary), None)


def is_other_language(client: str, own: str) -> bool:
    """Whether a client writing ``client`` reads the user's language as a second language.

    Languages are compared, not regions (``en-GB`` is ``en``'s own); a blank client
    language counts as the user's, a blank own language as English.
    """
    theirs = primary_subtag(client)
    return bool(theirs) and theirs != (primary_subtag(own) or DEFAULT_OWN_LANGUAGE)
