"""What to know before writing to a client in another language, worded once for every place
that shows it (the prep sheet, the Prepare step, the docs page): plain text, never markup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from convocoach.languages.conventions import Conventions, Register, conventions_for
from convocoach.languages.names import LanguageName, language_name
from convocoach.languages.tags import (
    DEFAULT_OWN_LANGUAGE,
    is_other_language,
    match_language,
    primary_subtag,
)

FORMAL_FIRST = (
    "Formal is the default, for a senior client; the informal forms are for when you choose them."
)
GENERIC = (
    "Use plain words you master: everyday words, short sentences, one point per sentence.",
    "No idioms or phrasal verbs (\u201ctouch base\u201d, \u201ccircle back\u201d): say what "
    "you mean (\u201ctalk\u201d, \u201ccome back to\u201d).",
    "Stay formal until the client is less so: their full name in the greeting, a plain "
    "closing (\u201cKind regards,\u201d).",
)
"""For a language without conventions here: what holds for writing to any second-language reader."""
GENERIC_SHORT = "Plain words you master, short sentences, no idioms or phrasal verbs."
"""The same, in one line (the Prepare step's box)."""


@dataclass(frozen=True, slots=True)
class ClientLanguage:
    """A client whose language is not the user's, and what to know before writing to them."""

    tag: str
    """The client's language as the session holds it ("de-AT")."""
    name: LanguageName
    """The names of the client's language and region ("German (Austria)")."""
    language: LanguageName
    """The names of the language alone ("German"), whose conventions these are."""
    yours: LanguageName
    """The user's own language."""
    conventions: Conventions | None
    """Its politeness conventions; None for a language without any here."""
    playbook_notes: tuple[str, ...]
    """The playbook's notes for a client in another language."""

    @property
    def heading(self) -> str:
        return f"Writing to a client in {self.language.english}"

    @property
    def email(self) -> bool:
        """Whether the follow-up email can be written in the client's language."""
        return match_language(self.tag) is not None


def client_language(
    client: str, own: str, playbook_notes: tuple[str, ...] = ()
) -> ClientLanguage | None:
    """What to know about a client writing ``client``; None when it is the user's ``own``."""
    if not is_other_language(client, own):
        return None
    name, language = language_name(client), language_name(primary_subtag(client))
    return ClientLanguage(
        tag=client.strip(),
        name=name,
        language=language if language.own else name,  # a name typed for a tag: as typed
        yours=language_name(own.strip() or DEFAULT_OWN_LANGUAGE),
        conventions=conventions_for(client),
        playbook_notes=tuple(note for note in playbook_notes if note.strip()),
    )


def intro(language: ClientLanguage) -> str:
    """One line: whose language is what, and (when it is so) that the email stays English."""
    name = language.name
    line = f"The client's language is {name.both}; yours is {language.yours.english}."
    if not language.email:
        line += " " + no_email(language.language.english)
    return line


def no_email(language: str) -> str:
    """What becomes of the follow-up email for a client in a language it cannot be written in."""
    return (
        f"convocoach cannot write the follow-up email in {language}: it is in English only "
        "if you choose English."
    )


def address(conventions: Conventions) -> str:
    """How to address the client: ``Sie (Ihr, Ihnen); informal: du``."""
    formal, informal = conventions.formal.address, conventions.informal.address
    return (
        f"{formal}, formal or informal" if formal == informal else f"{formal}; informal: {informal}"
    )


def greetings(conventions: Conventions) -> str:
    """The example greetings: ``“Guten Tag Dana Whitfield,”; informal: “Hallo Dana,”``."""
    return _examples(conventions.formal, conventions.informal, lambda r: r.greetings)


def closings(conventions: Conventions) -> str:
    """The example closings: ``“Mit freundlichen Grüßen”; informal: “Viele Grüße”``."""
    return _examples(conventions.formal, conventions.informal, lambda r: r.closings)


def quoted(examples: tuple[str, ...]) -> str:
    return " or ".join(f"\u201c{example}\u201d" for example in examples)


def _examples(
    formal: Register, informal: Register, pick: Callable[[Register], tuple[str, ...]]
) -> str:
    return f"{quoted(pick(formal))}; informal: {quoted(pick(informal))}"
