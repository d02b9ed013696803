"""The client's language: matching its tag, each language's politeness conventions, its name.

``tags`` matches a tag loosely (``de-AT`` is ``de``, ``pt_BR`` is ``pt-BR``) and tells whether
the client's language is the user's own; ``conventions`` holds how to address, greet and take
leave of a client in each language; ``names`` names a language (Babel's locale data, loaded on
first use); ``advice`` words them for the prep sheet and the Prepare step; ``page`` is the
docs page.
"""

from convocoach.languages.tags import (
    EMAIL_LANGUAGES,
    EMAIL_REGISTERS,
    is_other_language,
    match_language,
)

__all__ = ["EMAIL_LANGUAGES", "EMAIL_REGISTERS", "is_other_language", "match_language"]
