"""The rehearsal's reply box: Enter sends the reply (a pasted text may still hold new lines)."""

from __future__ import annotations

from textual import events
from textual.message import Message

from convocoach.sessions.limits import REPLY
from convocoach.tui.widgets.text_box import TextBox


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
        super().__init__(placeholder="Type your reply and press Enter", max_chars=REPLY, id=id)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            if self.text.strip():
                self.post_message(self.Sent(self, self.text.strip()))
            return
        await super()._on_key(event)
