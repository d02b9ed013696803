"""Who reads the reply: the one place that decides whether a client reads the user's English
as a second language, from the client's language and the user's own."""

from __future__ import annotations

import re

from convocoach.coach.kinds import Reader

_SEPARATOR = re.compile(r"[-_\s]")

READER_WORDS: dict[Reader, str] = {
    "native": "a reader of your own language",
    "non_native": "a second-language reader",
}
"""Each reader as reports and screens name them."""


def primary_language(tag: str) -> str:
    """The language of a tag, without its region or script: 'pt-BR', 'pt_br' and 'PT' are
    'pt'; '' for a blank tag."""
    return _SEPARATOR.split(tag.strip(), maxsplit=1)[0].lower()


def reader_for(client_language: str, own_language: str = "en") -> Reader:
    """'non_native' when the client's language is not the user's (compared by primary
    language, so en-GB and en are one); a blank client language counts as the user's, and
    a blank own language as English."""
    client = primary_language(client_language)
    own = primary_language(own_language) or "en"
    return "native" if not client or client == own else "non_native"
