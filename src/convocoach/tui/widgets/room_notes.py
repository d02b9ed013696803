"""A round's notes as entries, each with its author and time: several people write at once
and none overwrites another; a line below adds one."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from convocoach.tui.support.safe_text import plain, styled
from convocoach.workshop.record import Note
from convocoach.workshop.store import MAX_NOTE


class _NoteList(VerticalScroll, can_focus=False):
    """Scrolled to the newest note as notes come; Tab goes straight to the line below."""


class RoomNotes(Vertical):
    DEFAULT_CSS = """
    RoomNotes { height: 1fr; }
    RoomNotes #note-list { height: 1fr; }
    RoomNotes #note-input { margin: 1 0 0 0; }
    """

    class Added(Message):
        """The user entered a note (not yet saved: the screen saves it)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self, notes: tuple[Note, ...], when: Callable[[str], str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._notes = notes
        self._when = when

    def compose(self) -> ComposeResult:
        with _NoteList(id="note-list"):
            yield Static(self._content(), id="note-text")
        yield Input(
            placeholder="A quote or a note: Enter adds it",
            max_length=MAX_NOTE,
            id="note-input",
        )

    def show(self, notes: tuple[Note, ...]) -> None:
        if notes != self._notes:
            self._notes = notes
            self.query_one("#note-text", Static).update(self._content())
            self.query_one(_NoteList).scroll_end(animate=False)

    def _content(self) -> Content:
        if not self._notes:
            return plain("No notes yet.")
        lines = [
            styled(
                (f"{self._when(n.written_at)} ", "dim"),
                *((n.author, "bold"), ": ") if n.author else (),
                n.text,
            )
            for n in self._notes
        ]
        return Content("\n").join(lines)

    @on(Input.Submitted, "#note-input")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Added(event.value))
            event.input.clear()
