"""The user's sessions, most recent first, with the highlighted one summarised beside them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.sessions.store import SessionRow, SessionStore
from convocoach.sessions.summary_md import session_markdown
from convocoach.tui.support.safe_text import styled
from convocoach.tui.widgets.markdown_page import MarkdownPage

EMPTY = (
    "No sessions yet.\n\nPress T to open the playbooks, pick the challenge you "
    "face and press Enter: a new session starts, and everything you type is saved."
)


class SessionList(Horizontal):
    DEFAULT_CSS = """
    SessionList #sessions { width: 2fr; min-width: 30; height: 1fr; }
    SessionList #session-scroll {
        width: 3fr; padding: 0 1; border-left: vkey $foreground 20%;
    }
    SessionList #empty { padding: 1 2; width: 1fr; }
    """

    class Chosen(Message):
        def __init__(self, session_id: int) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(
        self, store: SessionStore, rows: list[SessionRow], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.store = store
        self.rows = rows
        """What the list shows; the first fill uses the rows the screen already read."""

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="empty", markup=False)
        yield OptionList(id="sessions", markup=False)
        with VerticalScroll(id="session-scroll"):
            yield MarkdownPage(id="session-detail")

    def on_mount(self) -> None:
        self._fill(None)

    @property
    def highlighted(self) -> SessionRow | None:
        index = self.query_one("#sessions", OptionList).highlighted
        return None if index is None or index >= len(self.rows) else self.rows[index]

    def focus_list(self) -> None:
        self.query_one("#sessions", OptionList).focus()

    def refresh_rows(self, select: int | None = None) -> None:
        current = self.highlighted
        keep = select if select is not None else (current.id if current else None)
        self.rows = self.store.list_sessions()
        self._fill(keep)

    def _fill(self, keep: int | None) -> None:
        option_list = self.query_one("#sessions", OptionList)
        option_list.clear_options()
        option_list.add_options(Option(_label(row), id=str(row.id)) for row in self.rows)
        has_rows = bool(self.rows)
        self.query_one("#empty").display = not has_rows
        option_list.display = has_rows
        self.query_one("#session-scroll").display = has_rows
        if has_rows:
            ids = [row.id for row in self.rows]
            option_list.highlighted = ids.index(keep) if keep in ids else 0

    @on(OptionList.OptionHighlighted, "#sessions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        row = self.highlighted
        if row is not None:
            self.query_one("#session-detail", MarkdownPage).show(
                session_markdown(self.store.get(row.id))
            )

    @on(OptionList.OptionSelected, "#sessions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.highlighted
        if row is not None:
            self.post_message(self.Chosen(row.id))


def _label(row: SessionRow) -> Content:
    who = " · ".join(part for part in (row.client, row.company) if part) or "client not set"
    when = row.meeting_date or "no date"
    return styled(
        (row.title or "Untitled session", "bold"),
        "\n",
        (f"{who} · {when} · {row.playbook_id}", "dim"),
    )
