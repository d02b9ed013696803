"""The role-play so far: what the client said, what the user replied, what it did."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from convocoach.rehearsal.debrief import heard_words
from convocoach.rehearsal.engine import Exchange
from convocoach.tui.support.safe_text import styled


class Transcript(VerticalScroll):
    DEFAULT_CSS = """
    Transcript { height: 1fr; padding: 0 1; }
    Transcript .client { margin: 1 8 0 0; }
    Transcript .reply { margin: 1 0 0 8; }
    Transcript .effect { margin: 0 0 0 8; color: $text-muted; }
    Transcript .ending { margin: 1 0; text-style: bold; }
    """

    def __init__(self, client_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.client_name = client_name

    def client_says(self, text: str, ending: str = "") -> None:
        self.mount(
            Static(styled((self.client_name + ": ", "bold $accent"), text), classes="client")
        )
        if ending:
            self.mount(Static(styled(("\u2014 " + ending + " \u2014", "bold")), classes="ending"))
        self._follow()

    def user_said(self, exchange: Exchange) -> None:
        self.mount(Static(styled(("You: ", "bold"), exchange.reply), classes="reply"))
        change = exchange.mood_change
        moved = f"mood {exchange.mood_before} \u2192 {exchange.mood_after}" + (
            f" ({change:+d})" if change else ""
        )
        parts = [moved]
        if exchange.penalties:
            parts.append("penalties: " + ", ".join(exchange.penalties))
        heard = heard_words(exchange)
        if heard:
            parts.append(heard)
        if exchange.note:
            parts.append(exchange.note)
        self.mount(Static(styled(" \u00b7 ".join(parts)), classes="effect"))
        self._follow()

    def _follow(self) -> None:
        # Scroll once the new lines are laid out, or the end is still the old end.
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)
