"""Who reads the reply: the one place that decides whether a client reads the user's English
as a second language, from the client's language and the user's own."""

from __future__ import annotations

from convocoach.coach.kinds import Reader
from convocoach.languages import is_other_language

READER_WORDS: dict[Reader, str] = {
    "native": "a reader of your own language",
    "non_native": "a second-language reader",
}
"""Each reader as reports and screens name them."""


def reader_for(client_language: str, own_language: str = "en") -> Reader:
    """'non_native' when the client's language is not the user's, as
    ``languages.is_other_language`` decides it for the prep sheet and the email too (by
    primary language, so en-GB and en are one; a blank client language is the user's)."""
    return "non_native" if is_other_language(client_language, own_language) else "native"
