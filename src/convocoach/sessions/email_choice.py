"""What a session keeps of its emails' language and register, and what it accepts there.

A session stores the user's choice (empty: follow the client's language) and the register;
which language that makes is ``followup.language``'s to say. A tag is accepted when
``languages.match_language`` finds an email language in it, as the follow-up does.
"""

from __future__ import annotations

from convocoach.diagnostics import UserError
from convocoach.languages import EMAIL_LANGUAGES, EMAIL_REGISTERS, match_language

EMAIL_LANGUAGE_HINT = "a language tag convocoach writes: " + ", ".join(EMAIL_LANGUAGES)


def language_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be a session's email language (None: it can; empty follows the
    client's language)."""
    if not tag.strip():
        return None
    if match_language(tag) is None:
        return f"{tag!r} is not {EMAIL_LANGUAGE_HINT}"
    return None


def check_choice(name: str, value: str) -> None:
    """:class:`UserError` naming the field when ``value`` cannot be stored in ``name``
    (``email_language`` or ``email_register``; any other field passes)."""
    if name == "email_language":
        problem = language_problem(value)
        if problem:
            raise UserError(
                f"The email language: {problem}",
                "leave it empty to follow the client's language",
            )
    elif name == "email_register" and value not in EMAIL_REGISTERS:
        raise UserError(
            f"The email register: {value!r} is not formal or informal",
            "use formal (the default) or informal",
        )
