"""The user's sessions, most recent first, with the highlighted one summarised beside them;
or, when the user asks, grouped by client (``client_list``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.sessions.session_rows import SessionRow
from convocoach.tui.support.safe_text import styled
from convocoach.tui.widgets.markdown_page import MarkdownPage

if TYPE_CHECKING:
    from convocoach.sessions.store import SessionStore
    from convocoach.tui.widgets.client_list import ClientList


def first_rows(screen_height: int) -> int:
    """How many sessions to read and list before the first paint: a screenful (two lines
    each). The rest follow just after it, a batch at a time, so that a long history opens as
    fast as a short one: the option list measures every entry it is given before it paints."""
    return max(8, screen_height // 2)


BATCH = 150
REST_AFTER = 0.15
FIRST_DETAIL_AFTER = 0.05
"""Seconds after the first fill before the highlighted session's summary is shown."""
"""Seconds after the first fill before the rest of the sessions are added."""
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
        self,
        store: Callable[[], SessionStore],
        rows: list[SessionRow],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._store = store
        """The store, asked for only when a session is read or the list changes: the first
        paint lists ``rows`` without it (and without the session model it loads)."""
        self.rows = rows
        """What the list shows; the first fill uses the rows the screen already read (the
        first :func:`first_rows` of them: the rest are read once it has painted)."""
        self._by_client: ClientList | None = None
        """The sessions grouped by client, once the user has asked for them."""
        self._fills = 0
        """Counts the fills, so that a batch left from an earlier one is not added."""

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="empty", markup=False)
        yield OptionList(id="sessions", markup=False)
        with VerticalScroll(id="session-scroll"):
            yield MarkdownPage(id="session-detail")

    def on_mount(self) -> None:
        self._fill(None)

    @property
    def store(self) -> SessionStore:
        return self._store()

    @property
    def grouped(self) -> bool:
        """Whether the sessions are shown grouped by client."""
        return self._by_client is not None and self._by_client.display

    @property
    def highlighted(self) -> SessionRow | None:
        """The highlighted session (None while grouped by client: a client is highlighted)."""
        index = self.query_one("#sessions", OptionList).highlighted
        if self.grouped or index is None or index >= len(self.rows):
            return None
        return self.rows[index]

    def focus_list(self) -> None:
        if self._by_client is not None and self.grouped:
            self._by_client.focus_list()
        else:
            self.query_one("#sessions", OptionList).focus()

    def refresh_rows(self, select: int | None = None) -> None:
        current = self.highlighted
        keep = select if select is not None else (current.id if current else None)
        self.rows = self.store.list_sessions()
        self._fill(keep)
        if self._by_client is not None and self.grouped:
            self._by_client.refresh_groups()

    async def group_by_client(self, today: date | None) -> None:
        """Show the sessions grouped by client (``today`` for what is overdue), or, with None,
        one by one again. The grouping is read when asked for, never before."""
        # Lazy: the grouping, and the core that reads it, only once the user asks for it:
        # the home screen's first paint does without.
        from convocoach.tui.widgets.client_list import ClientList

        if today is not None:
            if self._by_client is None:
                self._by_client = ClientList(self.store, today, id="by-client")
                await self.mount(self._by_client)
            else:
                self._by_client.display = True
                self._by_client.refresh_groups(today)
        elif self._by_client is not None:
            self._by_client.display = False
        self._show_plain()
        self.focus_list()

    def _fill(self, keep: int | None) -> None:
        self._fills += 1
        option_list = self.query_one("#sessions", OptionList)
        option_list.clear_options()
        ids = [row.id for row in self.rows]
        index = ids.index(keep) if keep in ids else 0
        first = first_rows(self.app.size.height)
        shown = max(first, index + 1)
        option_list.add_options(self._options(0, shown))
        self._show_plain()
        if self.rows:
            option_list.highlighted = index
        if shown < len(self.rows) or len(self.rows) == first:
            # Not at the next refresh: the first frame is still being written out then.
            self.set_timer(REST_AFTER, partial(self._add_batch, self._fills, shown))

    def _add_batch(self, fill: int, start: int) -> None:
        if fill != self._fills:
            return
        if start == len(self.rows):  # the screen read only the first rows: now the rest
            everything = self.store.list_sessions()
            if everything[:start] != self.rows:  # changed meanwhile: list them afresh
                current = self.highlighted
                self.rows = everything
                self._fill(current.id if current else None)
                return
            self.rows = everything
        end = start + BATCH
        if start < len(self.rows):
            self.query_one("#sessions", OptionList).add_options(self._options(start, end))
        if end < len(self.rows):
            self.call_after_refresh(self._add_batch, fill, end)

    def _options(self, start: int, end: int) -> list[Option]:
        return [Option(_label(row), id=str(row.id)) for row in self.rows[start:end]]

    def _show_plain(self) -> None:
        """The plain list's parts shown, unless the sessions are grouped by client."""
        plain = not self.grouped
        has_rows = bool(self.rows)
        self.query_one("#empty").display = plain and not has_rows
        self.query_one("#sessions", OptionList).display = plain and has_rows
        self.query_one("#session-scroll").display = plain and has_rows

    @on(OptionList.OptionHighlighted, "#sessions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if not self.query_one("#session-detail", MarkdownPage).source:
            # The first summary waits until the first frame is out, so the screen paints at
            # once: reading the session loads the session model, and laying out its Markdown
            # is most of a paint. After the next refresh is too soon: the frame is still
            # being written out then, and the imports would hold it up.
            self.set_timer(FIRST_DETAIL_AFTER, self._show_detail)
        else:
            self._show_detail()

    def _show_detail(self) -> None:
        # Lazy: the summary needs the session model, which loads after the first paint.
        from convocoach.sessions.summary_md import session_markdown

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
