"""``docs/client-languages.md``: every language's politeness conventions, made from the table
in ``conventions`` so that the page says what the app says."""

from __future__ import annotations

from convocoach.languages.advice import GENERIC, address, no_email, quoted
from convocoach.languages.conventions import CONVENTIONS, Conventions
from convocoach.languages.markdown import NO_CONVENTIONS, bulleted, conventions_markdown
from convocoach.languages.names import language_name
from convocoach.languages.tags import EMAIL_LANGUAGES
from convocoach.markdown_text import md_inline

_INTRO = """\
# Writing to a client in another language

When a session's client writes a language that is not yours (the Situation step's
**Language** against the `language` of your profile, `convocoach profile set language de`),
the session's prep sheet (F2, or `convocoach sessions sheet ID`) has a section "Writing to a
client in …" and the Prepare step a box with the same advice: how to address the client, how
formal the opening and the closing should be, with examples, the language's notes, and the
playbook's notes for a client in another language
([`tailoring.other_language`](playbook-format.md#tailoring-tailoring)). A client in your own
language sees none of it.

Languages are compared, not regions: `de-AT` is German, `en-GB` English, and `pt`, `pt-br`
and `pt_BR` are Portuguese (Brazil). The follow-up email can be written in {email}; the other
languages below have conventions, but their client's email is in English only if you choose
English. The client's gender is not known, so a formal greeting uses the full name, never
Herr/Frau, Madame/Monsieur or Sr./Sra. The example client is Dana Whitfield.
"""


def render() -> str:
    """The whole page."""
    email = [language_name(tag).english for tag in EMAIL_LANGUAGES]
    parts = [
        _INTRO.format(email=", ".join(email[:-1]) + " and " + email[-1]),
        "## At a glance",
        "",
        "| Tag | Language | How to address them | Formal greeting | Formal closing |",
        "|---|---|---|---|---|",
        *[_row(c) for c in CONVENTIONS],
        "",
    ]
    for c in CONVENTIONS:
        parts += _language(c)
    parts += bulleted(f"## Any other language: {NO_CONVENTIONS.lower()}", GENERIC)
    return "\n".join(parts).rstrip("\n") + "\n"


def _heading(c: Conventions) -> str:
    return language_name(c.tag).both


def _row(c: Conventions) -> str:
    cells = (
        f"`{c.tag}`",
        md_inline(_heading(c)),
        md_inline(address(c)),
        md_inline(quoted(c.formal.greetings)),
        md_inline(quoted(c.formal.closings)),
    )
    return "| " + " | ".join(cells) + " |"


def _language(c: Conventions) -> list[str]:
    english = language_name(c.tag).english
    email = f"The follow-up email can be written in {english}." if c.email else no_email(english)
    return [
        f"## {md_inline(_heading(c))}",
        "",
        f"Tag `{c.tag}`. {md_inline(email)}",
        "",
        *conventions_markdown(c, "### Notes"),
    ]
