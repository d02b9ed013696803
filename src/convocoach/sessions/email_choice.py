"""What a session keeps of its email's language and register, and what it accepts there.

A session stores the user's choice (empty: follow the client's language) and the register;
which language that makes is ``followup.language``'s to say. The session model sits below
the follow-up in the layers, so the tags it accepts are matched here, the same way
``followup.language.match_language`` matches them (a test checks that the two agree).
"""

from __future__ import annotations

from convocoach.diagnostics import UserError

EMAIL_LANGUAGE_TAGS = ("en", "de", "fr", "es", "pt-BR", "nl")
"""The languages an email can be written in (``followup.language.LANGUAGES``' tags)."""
EMAIL_REGISTERS = ("formal", "informal")
EMAIL_LANGUAGE_HINT = "a language tag convocoach writes: " + ", ".join(EMAIL_LANGUAGE_TAGS)
_BY_PRIMARY = {tag: tag for tag in EMAIL_LANGUAGE_TAGS if "-" not in tag}
_PORTUGUESE_OF_BRAZIL = ("", "br")


def writable_tag(tag: str) -> str | None:
    """The email language for a tag as people write it (``de-AT`` is ``de``, ``pt_br``
    ``pt-BR``), or None when convocoach cannot write it."""
    parts = tag.strip().replace("_", "-").casefold().split("-")
    primary, region = parts[0], parts[1] if len(parts) > 1 else ""
    if primary == "pt":
        return "pt-BR" if region in _PORTUGUESE_OF_BRAZIL else None
    return _BY_PRIMARY.get(primary)


def language_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be a session's email language (None: it can; empty follows the
    client's language)."""
    if not tag.strip():
        return None
    if writable_tag(tag) is None:
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
