"""The rehearsal's side note when the client reads English as a second language: the
playbook's notes for such a client, under a heading that says why they are shown."""

from __future__ import annotations

from textual.widgets import Static

from convocoach.tui.support.safe_text import styled

HEADING = "Reads English as a second language"


class LanguageNotes(Static):
    DEFAULT_CSS = """
    LanguageNotes { height: auto; margin-top: 1; padding: 0 1; background: $boost;
                    border-left: outer $accent; }
    """

    def __init__(self, language: str, notes: tuple[str, ...], *, id: str | None = None) -> None:
        parts: list[tuple[str, str] | str] = [(HEADING, "bold")]
        if language.strip():
            parts.append((f" ({language.strip()})", "$text-muted"))
        # No notes in the playbook: the coach's own reminder stands in for them.
        for note in notes or ("Plain words you are sure of; one idea a sentence.",):
            parts.append("\n\u2022 " + note)
        super().__init__(styled(*parts), id=id)
