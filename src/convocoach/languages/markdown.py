"""A language's conventions and a client's language as Markdown, for the prep sheet and the
docs page: the same words as the Prepare step's box (``advice``), escaped as data."""

from __future__ import annotations

from collections.abc import Iterable

from convocoach.languages.advice import (
    FORMAL_FIRST,
    GENERIC,
    ClientLanguage,
    address,
    closings,
    greetings,
    intro,
)
from convocoach.languages.conventions import Conventions
from convocoach.markdown_text import md_inline

PLAYBOOK_NOTES = "From the playbook: a client in another language"
NO_CONVENTIONS = "What holds for any reader of a second language"


def conventions_markdown(conventions: Conventions, notes_heading: str) -> list[str]:
    """How to address, open and close, then the language's notes under ``notes_heading``."""
    c = conventions
    return [
        md_inline(FORMAL_FIRST),
        "",
        f"- **How to address them:** {md_inline(address(c))}",
        f"- **Opening:** {md_inline(greetings(c))}\\\n  {md_inline(c.opening)}",
        f"- **Closing:** {md_inline(closings(c))}\\\n  {md_inline(c.closing)}",
        "",
        *bulleted(notes_heading, c.notes),
    ]


def client_language_markdown(language: ClientLanguage, level: int = 2) -> list[str]:
    """The section of a prep sheet about writing to ``language``'s client."""
    head, sub = "#" * level, "#" * (level + 1)
    out = [f"{head} {md_inline(language.heading)}", "", md_inline(intro(language)), ""]
    if language.conventions is not None:
        notes = f"{sub} Notes on {md_inline(language.language.english)}"
        out += conventions_markdown(language.conventions, notes)
    else:
        out += bulleted(f"{sub} {NO_CONVENTIONS}", GENERIC)
    out += bulleted(f"{sub} {PLAYBOOK_NOTES}", language.playbook_notes)
    return out


def bulleted(heading: str, items: Iterable[str]) -> list[str]:
    """``heading`` and one escaped bullet per item; nothing when there are no items."""
    lines = [f"- {md_inline(item)}" for item in items]
    return [heading, "", *lines, ""] if lines else []
