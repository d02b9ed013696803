"""The rehearsal's reply box: Enter sends the reply (a pasted text may still hold new lines)."""

from __future__ import annotations

from textual import events
from textual.message import Message

from convocoach.tui.widgets.text_box import TextBox

MAX_REPLY = 2_000


class ReplyBox(TextBox):
    DEFAULT_CSS = """
    ReplyBox { min-height: 3; max-height: 6; }
    """

    class Sent(Message):
        def __init__(self, box: ReplyBox, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Type your reply and press Enter", max_chars=MAX_REPLY,
                         id=id)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            if self.text.strip():
                self.post_message(self.Sent(self, self.text.strip()))
            return
        if event.is_printable and len(self.text) >= self.max_chars:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
